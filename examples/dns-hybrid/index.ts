// Hybrid DNS: on-premises resolvers forward the VPC's private zones to an inbound endpoint's two
// addresses; the other way, an outbound endpoint and a resolver rule send the queries of two VPCs
// for the corporate domain to the on-premises DNS servers.
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const subnetId = config.require("subnetId");
const secondVpcId = config.require("secondVpcId");
const domainName = config.get("corporateDomain") ?? "corp.example.com";
const onPremises = (config.get("onPremisesResolvers") ?? "10.1.0.53,10.1.0.54").split(",").map((ip) => ip.trim());

// Inbound: the addresses on-premises resolvers forward to.
const inbound = new huaweicloud.dns.ResolverEndpoint("inbound", {
    name: "hybrid-inbound",
    direction: "inbound",
    ipAddresses: [{ subnetId }, { subnetId }],
});

// Outbound: where the VPCs' queries for the corporate domain leave.
const outbound = new huaweicloud.dns.ResolverEndpoint("outbound", {
    name: "hybrid-outbound",
    direction: "outbound",
    ipAddresses: [{ subnetId }, { subnetId }],
});

const rule = new huaweicloud.dns.ResolverRule("corporate", {
    name: "corporate-domain",
    domainName,
    endpointId: outbound.id,
    ipAddresses: onPremises,
});

// The rule applies to the VPCs associated with it: the endpoints' own VPC and a second one.
const vpcs = { home: outbound.vpcId, second: pulumi.output(secondVpcId) };
for (const [name, vpcId] of Object.entries(vpcs)) {
    new huaweicloud.dns.ResolverRuleAssociation(`corporate-${name}`, { resolverRuleId: rule.id, vpcId });
}

export const inboundAddresses = inbound.ipAddresses.apply((a) => a.map((x) => x.ip));
export const outboundAddresses = outbound.ipAddresses.apply((a) => a.map((x) => x.ip));
export const ruleId = rule.id;
export const ruleStatus = rule.status;
export const forwardedDomain = rule.domainName;
