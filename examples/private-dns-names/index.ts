// A consumer's endpoint reached under a name in the team's own private zone, on both clouds:
// `orders.internal.example.com` answers, inside the consumer's VPC, with the endpoint's address.
//
//   Huawei Cloud:  an endpoint to the orders service, the private zone internal.example.com on
//                  the client VPC, and an A record set `orders` holding the endpoint's IP.
//   Alibaba Cloud: an endpoint to the orders service, the PrivateZone zone internal.example.com
//                  bound to the consumer VPC, and a CNAME record `orders` to the endpoint's domain
//                  (the name follows the endpoint's interfaces, whichever zones they are in).
import * as pulumi from "@pulumi/pulumi";
import { alicloud, huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const zoneName = config.get("zoneName") ?? "internal.example.com";
const host = config.get("host") ?? "orders";

// ---- Huawei Cloud
const service = new huaweicloud.vpcep.EndpointService("orders", {
    vpcId: config.require("backendVpcId"),
    portId: config.require("backendPortId"),
    serverType: "VM",
    serviceName: "orders",
    ports: [{ clientPort: 443, serverPort: 8443 }],
    approvalEnabled: false,
});
const endpoint = new huaweicloud.vpcep.Endpoint("orders", {
    endpointServiceId: service.id,
    vpcId: config.require("clientVpcId"),
    subnetId: config.require("clientSubnetId"),
    portIp: config.get("endpointIp") ?? "10.0.0.80",
});
const zone = new huaweicloud.dns.PrivateZone("internal", {
    name: zoneName,
    vpcId: config.require("clientVpcId"),
    description: "the team's names for what it reaches privately",
    // The team's enterprise project; left out, the account's default project ("0").
    enterpriseProjectId: config.get("enterpriseProjectId"),
});
const record = new huaweicloud.dns.RecordSet("orders", {
    zoneId: zone.id,
    name: `${host}.${zoneName}`,
    type: "A",
    records: [endpoint.ip.apply((ip) => ip ?? "")],
    ttl: 300,
});

// ---- Alibaba Cloud
const aliService = new alicloud.privatelink.VpcEndpointService("orders", {
    serviceResourceType: "slb",
    resources: [{ resourceId: config.require("aliLoadBalancerId"), resourceType: "slb", zoneId: "cn-hangzhou-h" }],
    autoAcceptEnabled: true,
    serviceDescription: "orders API",
    // Each consumer's connection starts at 2 Gbit/s; names resolve to the consumer's own zone first.
    connectBandwidth: 2048,
    zoneAffinityEnabled: true,
});
const aliEndpoint = new alicloud.privatelink.VpcEndpoint("orders", {
    serviceId: aliService.id,
    vpcId: config.require("aliVpcId"),
    securityGroupIds: [config.require("aliSecurityGroupId")],
    zones: [{ zoneId: "cn-hangzhou-h", vswitchId: config.require("aliVswitchId") }],
    endpointName: "orders",
});
const aliZone = new alicloud.pvtz.Zone("internal", {
    zoneName,
    remark: "the team's names for what it reaches privately",
    vpcs: [{ vpcId: config.require("aliVpcId") }],
    tags: { team: "orders" },
});
const aliRecord = new alicloud.pvtz.ZoneRecord("orders", {
    zoneId: aliZone.id,
    rr: host,
    type: "CNAME",
    value: aliEndpoint.endpointDomain.apply((d) => d ?? ""),
    ttl: 60,
});

export const huaweiName = record.name;
export const huaweiAddress = record.records.apply((r) => r[0]);
export const endpointIp = endpoint.ip;
export const alicloudName = pulumi.interpolate`${aliRecord.rr}.${zoneName}`;
export const alicloudTarget = aliRecord.value;
export const endpointDomain = aliEndpoint.endpointDomain;
