// The walkthrough "connect a VPC endpoint to an endpoint service across VPCs": a backend server
// in one VPC is published as an endpoint service; clients in another VPC reach it through an
// endpoint with a private domain name.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();

const service = new huaweicloud.vpcep.EndpointService("backend", {
    vpcId: config.require("backendVpcId"),
    portId: config.require("backendPortId"),
    serverType: "VM",
    serviceName: "backend",
    ports: [{ clientPort: 8080, serverPort: 80 }],
    approvalEnabled: false,
    description: config.get("serviceDescription") ?? "backend web server",
    tags: { example: "vpcep-cross-vpc" },
});

const endpoint = new huaweicloud.vpcep.Endpoint("client", {
    endpointServiceId: service.id,
    vpcId: config.require("clientVpcId"),
    subnetId: config.require("clientSubnetId"),
    portIp: config.get("endpointIp") ?? "10.0.0.200",
    enableDns: true,
    tags: { example: "vpcep-cross-vpc" },
});

export const serviceId = service.id;
export const serviceName = service.serviceName;
export const endpointId = endpoint.id;
export const endpointIp = endpoint.ip;
export const endpointDnsName = endpoint.dnsNames.apply((names) => names?.[0]);
export const endpointStatus = endpoint.status;
