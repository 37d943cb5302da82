"""The walkthrough "connect a VPC endpoint to an endpoint service across VPCs" in Python.

A backend server in one VPC is published as an endpoint service; clients in another VPC reach it
through an endpoint with a private domain name. The resources and the lookup are served by the
native provider plugin (pulumi-resource-privatelink, found on PATH) and declared by their type
tokens; an output the program reads is named among the inputs with the value None.
"""

import pulumi

VPCEP = "privatelink:huaweicloud/vpcep"
TAGS = {"example": "vpcep-cross-vpc-python"}

config = pulumi.Config()

service = pulumi.CustomResource(
    f"{VPCEP}:EndpointService",
    "backend",
    {
        "vpcId": config.require("backendVpcId"),
        "portId": config.require("backendPortId"),
        "serverType": "VM",
        "serviceName": "backend",
        "ports": [{"clientPort": 8080, "serverPort": 80}],
        "approvalEnabled": False,
        "description": config.get("serviceDescription") or "backend web server",
        "tags": TAGS,
        "status": None,
    },
)

endpoint = pulumi.CustomResource(
    f"{VPCEP}:Endpoint",
    "client",
    {
        "endpointServiceId": service.id,
        "vpcId": config.require("clientVpcId"),
        "subnetId": config.require("clientSubnetId"),
        "portIp": config.get("endpointIp") or "10.0.0.200",
        "enableDns": True,
        "tags": TAGS,
        "ip": None,
        "status": None,
        "dnsNames": None,
    },
)

# The service as a lookup sees it (the plugin answers through Invoke, as for any language).
found = pulumi.runtime.invoke_output(f"{VPCEP}:getEndpointService", {"serviceId": service.id})

pulumi.export("serviceId", service.id)
pulumi.export("serviceName", service.serviceName)
pulumi.export("serviceStatus", service.status)
pulumi.export("endpointId", endpoint.id)
pulumi.export("endpointIp", endpoint.ip)
pulumi.export("endpointDnsName", endpoint.dnsNames.apply(lambda names: names[0] if names else None))
pulumi.export("endpointStatus", endpoint.status)
pulumi.export("foundStatus", found.apply(lambda r: r["status"]))
