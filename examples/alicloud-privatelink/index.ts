// An Alibaba Cloud PrivateLink walkthrough: a load balancer published as an endpoint service
// (attached in two zones, one other account allowed to connect, connections accepted
// automatically) and an endpoint in two zones of a VPC reaching it privately.
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const lb = config.require("loadBalancerId");
const zones: Record<string, string | undefined> = {
    "cn-hangzhou-h": config.require("vswitchH"),
    "cn-hangzhou-i": config.require("vswitchI"),
    "cn-hangzhou-j": config.get("vswitchJ"),
};
const endpointZones = config.getObject<string[]>("endpointZones") ?? ["cn-hangzhou-h", "cn-hangzhou-i"];

const service = new alicloud.privatelink.VpcEndpointService("backend", {
    serviceResourceType: "slb",
    resources: [
        { resourceId: lb, resourceType: "slb", zoneId: "cn-hangzhou-h" },
        { resourceId: lb, resourceType: "slb", zoneId: "cn-hangzhou-i" },
    ],
    autoAcceptEnabled: true,
    allowedUsers: [config.require("allowedUser")],
    serviceDescription: config.get("serviceDescription") ?? "backend web service",
    tags: { example: "alicloud-privatelink" },
});

const endpoint = new alicloud.privatelink.VpcEndpoint("client", {
    serviceId: service.id,
    vpcId: config.require("vpcId"),
    securityGroupIds: config.requireObject<string[]>("securityGroupIds"),
    zones: endpointZones.map((zoneId) => ({ zoneId, vswitchId: zones[zoneId] ?? "" })),
    endpointName: "client",
    endpointDescription: "reaches the backend privately",
    tags: { example: "alicloud-privatelink" },
});

export const serviceId = service.id;
export const serviceName = service.serviceName;
export const serviceStatus = service.serviceStatus;
export const endpointId = endpoint.id;
export const endpointDomain = endpoint.endpointDomain;
export const endpointStatus = endpoint.endpointStatus;
export const connectionStatus = endpoint.connectionStatus;
export const endpointIps = endpoint.zoneDetails.apply((zs) => zs.map((z) => z.ip).sort());
