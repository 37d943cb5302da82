// The chaos run's program (harness/chaos.ts): every resource kind, many times over. Each
// resource carries a name or description unique in the program, so the run can tell a
// duplicate in the emulator (two cloud objects with one name) from a distinct resource.
//   services   Huawei endpoint services; each gets an endpoint and a ServicePermission,
//              and every other one requires approval and gets a ConnectionApproval
//   dns        Huawei DNS inbound resolver endpoints (two fixed addresses each)
//   dnsRules   Huawei DNS outbound endpoints, each with a resolver rule associated with the
//              client VPC (0–1), and a private zone of the client VPC with one record set
//   aliPairs   Alibaba PrivateLink endpoint services with one endpoint each (0–2); the first
//              service accepts its endpoint through a VpcEndpointConnection, the others by
//              themselves; with the first, a PrivateZone zone bound to the VPC and one record
import * as pulumi from "@pulumi/pulumi";
import { alicloud, huaweicloud } from "pulumi-privatelink";

const config = new pulumi.Config();
const services = config.requireNumber("services");
const dnsCount = config.requireNumber("dns");
const aliPairs = config.getNumber("aliPairs") ?? 0;
const dnsRules = config.getNumber("dnsRules") ?? 0;
const permitted = config.requireObject<string[]>("permittedAccounts");
// Objects to take over, by resource name, when an error asked for the adopt input (a DNS object a
// killed run renamed before it recorded it: docs/troubleshooting.md), as a user would give it.
const adopt = config.getObject<Record<string, string>>("adopt") ?? {};

const ids: Record<string, pulumi.Output<string>> = {};
for (let i = 0; i < services; i++) {
    const approval = i % 2 === 1;
    const service = new huaweicloud.vpcep.EndpointService(`svc-${i}`, {
        vpcId: config.require("backendVpcId"),
        portId: config.require("backendPortId"),
        serverType: "VM",
        serviceName: `chaos${i}`,
        description: `chaos-svc-${i}`,
        ports: [{ clientPort: 8000 + i, serverPort: 8000 + i }],
        approvalEnabled: approval,
        tags: { chaos: `svc-${i}` },
    });
    const permission = new huaweicloud.vpcep.ServicePermission(`perm-${i}`, {
        endpointServiceId: service.id,
        permission: permitted[i % permitted.length]!,
    });
    const endpoint = new huaweicloud.vpcep.Endpoint(
        `ep-${i}`,
        {
            endpointServiceId: service.id,
            vpcId: config.require("clientVpcId"),
            subnetId: config.require("clientSubnetId"),
            portIp: `10.0.0.${20 + i}`,
            description: `chaos-ep-${i}`,
            tags: { chaos: `ep-${i}` },
        },
        { dependsOn: [permission] },
    );
    if (approval) {
        new huaweicloud.vpcep.ConnectionApproval(`approve-${i}`, { endpointServiceId: service.id, endpointId: endpoint.id, decision: "accept" });
    }
    ids[`svc-${i}`] = service.id;
    ids[`ep-${i}`] = endpoint.id;
}

for (let j = 0; j < dnsCount; j++) {
    const subnetId = config.require("clientSubnetId");
    const r = new huaweicloud.dns.ResolverEndpoint(`dns-${j}`, {
        adopt: adopt[`dns-${j}`],
        name: `chaos-dns-${j}`,
        direction: "inbound",
        ipAddresses: [
            { subnetId, ip: `10.0.0.${100 + 2 * j}` },
            { subnetId, ip: `10.0.0.${101 + 2 * j}` },
        ],
    });
    ids[`dns-${j}`] = r.id;
}

for (let r = 0; r < dnsRules; r++) {
    const subnetId = config.require("clientSubnetId");
    const outbound = new huaweicloud.dns.ResolverEndpoint(`dns-out-${r}`, {
        adopt: adopt[`dns-out-${r}`],
        name: `chaos-dns-out-${r}`,
        direction: "outbound",
        ipAddresses: [
            { subnetId, ip: `10.0.0.${210 + 2 * r}` },
            { subnetId, ip: `10.0.0.${211 + 2 * r}` },
        ],
    });
    const rule = new huaweicloud.dns.ResolverRule(`rule-${r}`, {
        adopt: adopt[`rule-${r}`],
        name: `chaos-rule-${r}`,
        domainName: `chaos${r}.example.com`,
        endpointId: outbound.id,
        ipAddresses: ["10.1.0.53", "10.1.0.54"],
    });
    new huaweicloud.dns.ResolverRuleAssociation(`rule-${r}-vpc`, { resolverRuleId: rule.id, vpcId: config.require("clientVpcId") });
    ids[`dns-out-${r}`] = outbound.id;
    ids[`rule-${r}`] = rule.id;
    const zone = new huaweicloud.dns.PrivateZone(`zone-${r}`, {
        adopt: adopt[`zone-${r}`],
        name: `chaos-zone${r}.example.com`,
        vpcId: config.require("clientVpcId"),
        description: `chaos-zone-${r}`,
    });
    const set = new huaweicloud.dns.RecordSet(`rs-${r}`, {
        adopt: adopt[`rs-${r}`],
        zoneId: zone.id,
        name: `www.chaos-zone${r}.example.com`,
        type: "A",
        records: [`10.0.0.${150 + r}`],
        description: `chaos-rs-${r}`,
    });
    ids[`zone-${r}`] = zone.id;
    ids[`rs-${r}`] = set.id;
}

const zones = ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"];
for (let k = 0; k < aliPairs; k++) {
    const zoneId = zones[k % zones.length]!;
    const service = new alicloud.privatelink.VpcEndpointService(`ali-svc-${k}`, {
        serviceResourceType: "slb",
        resources: [{ resourceId: config.require("aliLoadBalancerId"), resourceType: "slb", zoneId }],
        autoAcceptEnabled: k !== 0,
        serviceDescription: `chaos-ali-svc-${k}`,
        tags: { chaos: `ali-svc-${k}` },
    });
    const endpoint = new alicloud.privatelink.VpcEndpoint(`ali-ep-${k}`, {
        serviceId: service.id,
        vpcId: config.require("aliVpcId"),
        securityGroupIds: [config.require("aliSecurityGroupId")],
        zones: [{ zoneId, vswitchId: config.requireObject<Record<string, string>>("aliVSwitchIds")[zoneId]! }],
        endpointName: `chaos-ali-ep-${k}`,
        endpointDescription: `chaos-ali-ep-${k}`,
    });
    if (k === 0) new alicloud.privatelink.VpcEndpointConnection(`ali-accept-${k}`, { serviceId: service.id, endpointId: endpoint.id, bandwidth: 1024 });
    ids[`ali-svc-${k}`] = service.id;
    ids[`ali-ep-${k}`] = endpoint.id;
    if (k === 0) {
        const zone = new alicloud.pvtz.Zone(`ali-zone-${k}`, {
            adopt: adopt[`ali-zone-${k}`],
            zoneName: `chaos${k}.internal`,
            vpcs: [{ vpcId: config.require("aliVpcId") }],
            remark: `chaos-ali-zone-${k}`,
        });
        const record = new alicloud.pvtz.ZoneRecord(`ali-rec-${k}`, {
            adopt: adopt[`ali-rec-${k}`],
            zoneId: zone.id,
            rr: "www",
            type: "A",
            value: `10.0.0.${160 + k}`,
            remark: `chaos-ali-rec-${k}`,
        });
        ids[`ali-zone-${k}`] = zone.id;
        ids[`ali-rec-${k}`] = record.id;
    }
}

export const resourceIds = ids;
