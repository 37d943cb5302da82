// DNS resolver endpoints for a VPC: an inbound endpoint on two fixed addresses of one subnet
// (what an on-premises resolver forwards the VPC's private zones to), and an outbound endpoint
// spread over two subnets (through which the VPC's queries for other domains leave). The cloud
// picks the outbound endpoint's addresses.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const subnetId = config.require("subnetId");
const secondSubnetId = config.require("secondSubnetId");
const inboundIps = (config.get("inboundIps") ?? "10.0.0.53,10.0.0.54").split(",").map((ip) => ip.trim());

const inbound = new huaweicloud.dns.ResolverEndpoint("inbound", {
    name: "resolver-inbound",
    direction: "inbound",
    ipAddresses: inboundIps.map((ip) => ({ subnetId, ip })),
});

const outbound = new huaweicloud.dns.ResolverEndpoint("outbound", {
    name: "resolver-outbound",
    direction: "outbound",
    ipAddresses: [{ subnetId }, { subnetId: secondSubnetId }],
});

export const inboundId = inbound.id;
export const inboundStatus = inbound.status;
export const inboundIpsAssigned = inbound.ipAddresses.apply((a) => a.map((x) => x.ip));
export const outboundId = outbound.id;
export const outboundIps = outbound.ipAddresses.apply((a) => a.map((x) => x.ip));
export const vpcId = outbound.vpcId;
