"""The walkthrough "connect a VPC endpoint to an endpoint service across VPCs" in Python.

A backend server in one VPC is published as an endpoint service; clients in another VPC reach it
through an endpoint with a private domain name. The classes and the lookup are the Python SDK's
(pulumi_privatelink, installed from sdks/python: see README.md); the native provider plugin
(pulumi-resource-privatelink, found on PATH) serves them.
"""

import pulumi
import pulumi_privatelink as privatelink

TAGS = {"example": "vpcep-cross-vpc-python"}

config = pulumi.Config()

service = privatelink.huaweicloud.vpcep.EndpointService(
    "backend",
    vpc_id=config.require("backendVpcId"),
    port_id=config.require("backendPortId"),
    server_type="VM",
    service_name="backend",
    ports=[{"client_port": 8080, "server_port": 80}],
    approval_enabled=False,
    description=config.get("serviceDescription") or "backend web server",
    tags=TAGS,
)

# The clients' side through a provider of its own: another account's credentials would go here.
# Settings it leaves unset are read from the environment (HW_ACCESS_KEY, HW_PROJECT_ID, ...), as the
# default provider reads all of them.
consumer = privatelink.Provider("consumer", huaweicloud_region=config.get("consumerRegion") or "cn-north-4")

endpoint = privatelink.huaweicloud.vpcep.Endpoint(
    "client",
    endpoint_service_id=service.id,
    vpc_id=config.require("clientVpcId"),
    subnet_id=config.require("clientSubnetId"),
    port_ip=config.get("endpointIp") or "10.0.0.200",
    enable_dns=True,
    tags=TAGS,
    opts=pulumi.ResourceOptions(provider=consumer),
)

# The service as a lookup sees it (the plugin answers through Invoke, as for any language).
found = privatelink.huaweicloud.vpcep.get_endpoint_service_output(service_id=service.id)

pulumi.export("serviceId", service.id)
pulumi.export("serviceName", service.service_name)
pulumi.export("serviceStatus", service.status)
pulumi.export("endpointId", endpoint.id)
pulumi.export("endpointIp", endpoint.ip)
pulumi.export("endpointDnsName", endpoint.dns_names.apply(lambda names: names[0] if names else None))
pulumi.export("endpointStatus", endpoint.status)
pulumi.export("foundStatus", found.status)
