/**
 * The round trip of every registered resource, against the emulator, through the lifecycle engine
 * the provider process runs: created from valid inputs, read back with no diff; then every
 * updatable input is changed in place to another valid value, and the cloud is read again — the
 * value must round-trip (the cloud reports what was asked, and the diff is empty); every
 * replace-only input changed must plan a replacement; every optional input removed settles (no diff
 * that every `up` shows again); deleted out of band, refresh notices and the next `up` brings it
 * back; deleted, the object is gone. A new input without an entry in `samples` below fails the
 * coverage test (model-roundtrip.test.ts): adding a field means saying how to try it.
 *
 * The round trips are mostly waiting (an Alibaba kind takes about ten seconds), so they are spread
 * over three test files that jest runs side by side, each with its own emulator: `partOf` gives
 * every kind exactly one of them.
 *
 * Each part runs against both hosts of the engine: the dynamic-resource host in the test's own
 * process (`model-roundtrip[-<part>].test.ts`), and the native provider plugin, one process per file,
 * spoken to as the Pulumi engine does (`model-roundtrip-native[-<part>].test.ts`,
 * harness/native-impl.ts). The same steps and the same expectations hold for both.
 */

import type * as pulumi from "@pulumi/pulumi";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { TestCloud } from "../../harness/cloud";
import { type NativeDiff, nativeImpl } from "../../harness/native-impl";
import { NativePlugin } from "../../harness/native-plugin";
import { computedOutputs, observe } from "../../provider/lifecycle/engine";
import { inputsOfId } from "../../provider/lifecycle/import";
import { recordedValue, sameValue } from "../../provider/model/compare";
import type { Field } from "../../provider/model/field";
import { joinId } from "../../provider/model/id-parts";
import type { AnyModel } from "../../provider/model/resource";
import { dynamicImplOf } from "../../provider/runtime/host";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { implOf, KINDS, type Kind, modelOf } from "../../provider/runtime/kinds";
import { getAlibabaClient } from "../../sdk/alicloud/client";
import * as pl from "../../sdk/alicloud/privatelink";

type Props = Record<string, any>;

/** Why an input cannot be tried here (said in the test's output). */
export class Skip {
    constructor(readonly why: string) {}
}
const skip = (why: string) => new Skip(why);

interface Context {
    cloud: TestCloud;
    /** Creates a resource of another kind (a prerequisite) and returns its id and outputs. */
    make(kind: Kind, inputs: Props): Promise<{ id: string; outs: Props }>;
}

interface Sample {
    /** Valid inputs, after making what the resource needs. */
    base(ctx: Context): Promise<Props>;
    /** Another valid value for every input (updatable or replace-only), or why it is not tried. */
    alt: Record<string, unknown>;
    /** Why a read still finds the object after the resource is deleted, when it does. */
    remainsAfterDelete?: string;
    /** Optional inputs the sample keeps when it removes the others, each with why. */
    keep?: Record<string, string>;
    /** Further samples of the same kind, by name, for inputs only another shape of it takes. */
    variants?: Record<string, Sample>;
}

/** UUIDs that name nothing in the emulator (its seeded network uses small numbers). */
const U = (n: number) => `11111111-1111-4111-8111-${String(900 + n).padStart(12, "0")}`;
/** An enterprise project id (the emulator takes any UUID as one). */
const ENTERPRISE_PROJECT = "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f";
const OTHER_DOMAIN = "iam:domain::d0000000000000000000000000000002";

/** The emulator's OBS gateway service (public, in the demo region; it takes endpoint policies). */
const PUBLIC_OBS_GATEWAY = "22222222-2222-4222-8222-000000000001";
/** The dual-stack subnet the Endpoint sample makes in the client VPC (once per emulator). */
let dualSubnet: string | undefined;
/** The VPC the PrivateZoneAssociation variant makes in the demo account's second region (once per emulator). */
let southVpc: string | undefined;
/** An interface endpoint's policy document, as terraform-provider-huaweicloud's docs show one. */
const POLICY_DOCUMENT = { Version: "5.0", Statement: [{ Action: ["*"], Resource: ["*"], Effect: "Allow", Principal: "*" }] };

/** Services sharing the backend port need server ports of their own. */
let nextServerPort = 2000;
const huaweiService = (ctx: Context, more: Props = {}) => {
    const net = ctx.cloud.account().network;
    const port = nextServerPort++;
    return ctx.make("huaweicloud:vpcep:EndpointService", {
        vpcId: net.backendVpcId,
        portId: net.backendPortId,
        serverType: "VM",
        ports: [{ clientPort: port, serverPort: port }],
        approvalEnabled: false,
        ...more,
    });
};

const outboundEndpoint = (ctx: Context) => {
    const subnetId = ctx.cloud.account().network.clientSubnetId;
    return ctx.make("huaweicloud:dns:ResolverEndpoint", {
        name: `outbound-${nextServerPort++}`,
        direction: "outbound",
        ipAddresses: [{ subnetId }, { subnetId }],
    });
};

/** A private zone for the zone's sub-resources, named for them (a VPC resolves one zone of a name). */
const privateZone = (ctx: Context, name: string) => ctx.make("huaweicloud:dns:PrivateZone", { name, vpcId: ctx.cloud.account().network.clientVpcId });

const alicloudService = (ctx: Context) => {
    const net = alicloudAccount(ctx.cloud).network;
    const zones = ["cn-hangzhou-h", "cn-hangzhou-i"];
    return ctx.make("alicloud:privatelink:VpcEndpointService", {
        resources: zones.map((zoneId) => ({ resourceId: net.loadBalancerId, resourceType: "slb", zoneId })),
        autoAcceptEnabled: true,
    });
};

/**
 * A connection's inputs: a service on the seeded CLB (`slb`) or NLB in zone h that does not accept
 * on its own, and an endpoint of the same account waiting on it.
 */
const connectionSample = async (ctx: Context, type: "slb" | "nlb", bandwidth: number) => {
    const net = alicloudAccount(ctx.cloud).network;
    const svc = await ctx.make("alicloud:privatelink:VpcEndpointService", {
        ...(type === "nlb" ? { serviceResourceType: "nlb" } : {}),
        resources: [{ resourceId: type === "nlb" ? net.nlbLoadBalancerId : net.loadBalancerId, resourceType: type, zoneId: "cn-hangzhou-h" }],
        autoAcceptEnabled: false,
    });
    const ep = await ctx.make("alicloud:privatelink:VpcEndpoint", {
        serviceId: svc.id,
        vpcId: net.vpcId,
        securityGroupIds: [net.securityGroupIds[0]],
        zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
    });
    return { serviceId: svc.id, endpointId: ep.id, bandwidth };
};

/** A DualStack service on the seeded NLB (zones h and i), which a DualStack endpoint needs. */
const alicloudDualStackService = (ctx: Context) => {
    const net = alicloudAccount(ctx.cloud).network;
    return ctx.make("alicloud:privatelink:VpcEndpointService", {
        serviceResourceType: "nlb",
        addressIpVersion: "DualStack",
        resources: ["cn-hangzhou-h", "cn-hangzhou-i"].map((zoneId) => ({ resourceId: net.nlbLoadBalancerId, resourceType: "nlb", zoneId })),
        autoAcceptEnabled: true,
    });
};

/**
 * A service in the account's second region (cn-shanghai) offered in cn-hangzhou, the provider's
 * region: what a cross-region endpoint connects to. Made once per emulator through the sdk (the
 * provider makes everything in its own region), and left there.
 */
const shanghaiServices = new Map<string, Promise<string>>();
const shanghaiService = (ctx: Context): Promise<string> => {
    const known = shanghaiServices.get(ctx.cloud.url);
    if (known) return known;
    const made = (async () => {
        const a = alicloudAccount(ctx.cloud);
        const c = getAlibabaClient({
            region: a.secondRegion.regionId,
            accessKeyId: a.accessKeyId,
            accessKeySecret: a.accessKeySecret,
            endpoints: { privatelink: ctx.cloud.url },
        });
        const { ServiceId } = await pl.createVpcEndpointService(c, {
            AutoAcceptEnabled: true,
            SupportedRegionList: [a.regionId],
            Resource: [{ ResourceId: a.secondRegion.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-shanghai-e" }],
        });
        await pl.waitForVpcEndpointServiceActive(c, ServiceId, { deadline: Date.now() + 30_000 });
        return ServiceId;
    })();
    shanghaiServices.set(ctx.cloud.url, made);
    return made;
};

export const samples: Record<Kind, Sample> = {
    "huaweicloud:vpcep:EndpointService": {
        base: async (ctx) => {
            const net = ctx.cloud.account().network;
            return {
                vpcId: net.backendVpcId,
                portId: net.backendPortId,
                serverType: "VM",
                ports: [{ clientPort: 8080, serverPort: 80 }],
                approvalEnabled: false,
                serviceName: "roundtrip",
                // An IPv6 service, with the network its SNAT addresses come from.
                ipVersion: "ipv6",
                snatNetworkId: net.backendSubnetId,
            };
        },
        alt: {
            vpcId: U(1),
            portId: skip("the emulator's demo network has one backend port"),
            serverType: "VIP",
            ports: [
                { clientPort: 8443, serverPort: 443 },
                { clientPort: 8080, serverPort: 80 },
            ],
            serviceName: "roundtrip2",
            serviceType: skip("interface is the only type users can create"),
            approvalEnabled: true,
            description: "round trip",
            tcpProxy: "toa_open",
            ip: skip("the emulator's demo network has no VLAN backend address"),
            ipVersion: "ipv4",
            snatNetworkId: U(2),
            enablePolicy: true,
            permissions: [OTHER_DOMAIN, "*"],
            organizationPermissions: ["organizations:orgPath::o-1/r-2/ou-3/*", "o-1/r-9"],
            tags: { team: "payments", env: "dev" },
        },
    },
    "huaweicloud:vpcep:Endpoint": {
        base: async (ctx) => {
            const net = ctx.cloud.account().network;
            // A dual-stack endpoint with a policy document: a service that enables policies, and a
            // dual-stack subnet beside the seeded one (made once per emulator).
            const svc = await huaweiService(ctx, { enablePolicy: true });
            dualSubnet ??= (await ctx.cloud.control("POST", "network/subnets", { vpcId: net.clientVpcId, cidr: "10.0.1.0/24", ipv6Cidr: "2001:db8:a::/64" }))
                .subnet.id as string;
            return {
                endpointServiceId: svc.id,
                vpcId: net.clientVpcId,
                subnetId: dualSubnet,
                portIp: "10.0.1.77",
                ipVersion: "dualstack",
                policyDocument: JSON.stringify(POLICY_DOCUMENT, null, 2),
            };
        },
        alt: {
            // Another policy, written with other key order and layout than the cloud reports it.
            policyDocument: '{"Statement":[{"Resource":["*"],"Action":["obs:object:GetObject"],"Effect":"Deny","Principal":"*"}],  "Version":"5.0"}',
            policyStatement: skip("statements belong to gateway endpoints; the sample is an interface endpoint (the gateway variant tries it)"),
            ipVersion: "ipv4",
            ipv6Address: "2001:DB8:A:0::78",
            endpointServiceId: U(9),
            vpcId: U(4),
            subnetId: U(5),
            portIp: "10.0.0.78",
            enableDns: true,
            routeTables: skip("route tables belong to gateway endpoints; the sample is an interface endpoint"),
            whitelist: ["10.0.0.0/24", "192.168.1.10"],
            enableWhitelist: true,
            description: "round trip",
            tags: { team: "payments" },
        },
        variants: {
            "a gateway endpoint of OBS with a policy statement": {
                base: async (ctx) => {
                    const net = ctx.cloud.account().network;
                    return {
                        endpointServiceId: PUBLIC_OBS_GATEWAY,
                        vpcId: net.clientVpcId,
                        routeTables: [net.clientRouteTableId],
                        policyStatement: JSON.stringify([{ Effect: "Allow", Action: ["obs:bucket:ListBucket"], Resource: ["obs:*:*:*:*/*", "obs:*:*:*:*"] }]),
                    };
                },
                alt: {
                    // Other buckets and actions, with other key order and layout than the cloud reports them.
                    policyStatement:
                        '[ {"Resource": ["obs:*:*:*:*/reports/*"], "Action": ["obs:object:GetObject"], "Effect": "Allow"},\n {"Effect": "Deny", "Action": ["obs:object:DeleteObject"], "Resource": ["obs:*:*:*:*/*"], "Sid": "no-delete"} ]',
                },
                keep: { routeTables: "without route tables the endpoint would be an interface endpoint" },
            },
        },
    },
    "huaweicloud:vpcep:ConnectionApproval": {
        base: async (ctx) => {
            const net = ctx.cloud.account().network;
            const svc = await huaweiService(ctx, { approvalEnabled: true });
            const ep = await ctx.make("huaweicloud:vpcep:Endpoint", {
                endpointServiceId: svc.id,
                vpcId: net.clientVpcId,
                subnetId: net.clientSubnetId,
                portIp: "10.0.0.79",
            });
            return { endpointServiceId: svc.id, endpointId: ep.id };
        },
        alt: { endpointServiceId: U(9), endpointId: U(10), decision: "reject", description: "approved by payments" },
        remainsAfterDelete: "deleting the decision rejects the connection; the connection itself is the endpoint owner's",
    },
    "huaweicloud:vpcep:ServicePermission": {
        base: async (ctx) => ({ endpointServiceId: (await huaweiService(ctx)).id, permission: OTHER_DOMAIN }),
        alt: { endpointServiceId: U(9), permission: "*" },
    },
    "huaweicloud:dns:ResolverEndpoint": {
        base: async (ctx) => {
            const subnetId = ctx.cloud.account().network.clientSubnetId;
            return { name: "roundtrip", direction: "inbound", ipAddresses: [{ subnetId }, { subnetId }] };
        },
        alt: {
            name: "roundtrip-2",
            direction: "outbound",
            // Three addresses in one subnet where there were two: the list counts repeats.
            ipAddresses: [{ subnetId: "$clientSubnetId" }, { subnetId: "$clientSubnetId" }, { subnetId: "$clientSubnetId" }],
        },
    },
    "huaweicloud:dns:ResolverRule": {
        base: async (ctx) => ({ name: "roundtrip", domainName: "corp.example.com", endpointId: (await outboundEndpoint(ctx)).id, ipAddresses: ["10.1.0.53"] }),
        alt: {
            name: "roundtrip-2",
            domainName: "other.example.com",
            endpointId: "ep-0123456789abcdef",
            ipAddresses: ["10.1.0.54", "10.1.0.55"],
        },
    },
    "huaweicloud:dns:ResolverRuleAssociation": {
        base: async (ctx) => {
            const endpoint = await outboundEndpoint(ctx);
            const rule = await ctx.make("huaweicloud:dns:ResolverRule", {
                name: "associated",
                domainName: "corp.example.com",
                endpointId: endpoint.id,
                ipAddresses: ["10.1.0.53"],
            });
            return { resolverRuleId: rule.id, vpcId: ctx.cloud.account().network.clientVpcId };
        },
        alt: { resolverRuleId: "rule-0123456789abcdef", vpcId: U(4) },
    },
    "huaweicloud:dns:PrivateZone": {
        // In an enterprise project other than the default one: finding it again by its creation key
        // (and recreating it after an out-of-band deletion) must look in that project.
        base: async (ctx) => ({ name: "zone.example.com", vpcId: ctx.cloud.account().network.clientVpcId, enterpriseProjectId: ENTERPRISE_PROJECT }),
        alt: {
            name: "Other.example.com.",
            vpcId: U(4),
            enterpriseProjectId: "0",
            vpcIds: ["$backendVpcId"],
            description: "round trip",
            email: "ops@example.com",
            ttl: 600,
            proxyPattern: "RECURSIVE",
            tags: { team: "dns", "cost center": "net:42" },
            enabled: false,
        },
    },
    "huaweicloud:dns:PrivateZoneAssociation": {
        base: async (ctx) => ({ zoneId: (await privateZone(ctx, "association.example.com")).id, vpcId: ctx.cloud.account().network.backendVpcId }),
        alt: { zoneId: "0123456789abcdef0123456789abcdef", vpcId: U(4), vpcRegion: "ap-southeast-1" },
        variants: {
            "a VPC of the account's second region": {
                base: async (ctx) => {
                    // A VPC only the second region (cn-south-1) has: taken in the zone's region, it would not be found.
                    const south = ctx.cloud.account().projects[1]!;
                    southVpc ??= (await ctx.cloud.control("POST", "network/vpcs", { projectId: south.id, cidr: "172.20.0.0/16", name: "south" })).vpc
                        .id as string;
                    return { zoneId: (await privateZone(ctx, "south.example.com")).id, vpcId: southVpc, vpcRegion: south.region };
                },
                alt: { vpcRegion: "cn-north-4" },
            },
        },
    },
    "huaweicloud:dns:RecordSet": {
        base: async (ctx) => ({
            zoneId: (await privateZone(ctx, "records.example.com")).id,
            name: "www.records.example.com",
            type: "A",
            records: ["10.0.0.1"],
        }),
        alt: {
            zoneId: "0123456789abcdef0123456789abcdef",
            name: "api.records.example.com.",
            // Another type whose records the A records also are (text): the check of the sample holds.
            type: "TXT",
            records: ["10.0.0.2", "10.0.0.3"],
            ttl: 60,
            description: "round trip",
            tags: { owner: "ops@example.com", path: "a/b" },
            enabled: false,
        },
    },
    "alicloud:privatelink:VpcEndpointConnection": {
        base: (ctx) => connectionSample(ctx, "slb", 1024),
        alt: { serviceId: "epsrv-bp1abcdefgh12345678", endpointId: "ep-bp1abcdefgh12345678", bandwidth: 2048 },
        variants: {
            // NLB services take connections of up to 50000 Mbit/s, beyond a CLB service's 10240.
            "on an NLB service, above a CLB's most": {
                base: (ctx) => connectionSample(ctx, "nlb", 20000),
                alt: { serviceId: "epsrv-bp1abcdefgh12345678", endpointId: "ep-bp1abcdefgh12345678", bandwidth: 50000 },
            },
        },
    },
    "alicloud:privatelink:VpcEndpointServiceUser": {
        base: async (ctx) => ({ serviceId: (await alicloudService(ctx)).id, userId: "1000000000000002" }),
        alt: {
            serviceId: "epsrv-bp1abcdefgh12345678",
            userId: "1000000000000003",
            userArn: skip("userId and userArn are one choice; the variant tries userArn"),
        },
        variants: {
            "an allow-list entry in ARN form": {
                base: async (ctx) => ({ serviceId: (await alicloudService(ctx)).id, userArn: "acs:ram:*:1000000000000002:*" }),
                alt: {
                    serviceId: "epsrv-bp1abcdefgh12345678",
                    userArn: "acs:ram:*:1000000000000003:*",
                    userId: skip("userId and userArn are one choice; the main sample tries userId"),
                },
            },
        },
    },
    "alicloud:privatelink:VpcEndpointServiceResource": {
        base: async (ctx) => {
            const svc = await ctx.make("alicloud:privatelink:VpcEndpointService", { autoAcceptEnabled: true });
            return { serviceId: svc.id, resourceId: alicloudAccount(ctx.cloud).network.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-i" };
        },
        alt: { serviceId: "epsrv-bp1abcdefgh12345678", resourceId: "lb-bp1abcdefgh12345678", resourceType: "alb", zoneId: "cn-hangzhou-h" },
    },
    "alicloud:privatelink:VpcEndpointZone": {
        base: async (ctx) => {
            const net = alicloudAccount(ctx.cloud).network;
            const svc = await alicloudService(ctx);
            const ep = await ctx.make("alicloud:privatelink:VpcEndpoint", {
                serviceId: svc.id,
                vpcId: net.vpcId,
                securityGroupIds: [net.securityGroupIds[0]],
                zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
            });
            return { endpointId: ep.id, zoneId: "cn-hangzhou-i", vswitchId: net.vSwitchIds["cn-hangzhou-i"] };
        },
        alt: { endpointId: "ep-bp1abcdefgh12345678", zoneId: "cn-hangzhou-j", vswitchId: "vsw-bp1abcdefgh12345678", ip: "172.16.1.20" },
    },
    "alicloud:privatelink:VpcEndpointService": {
        base: async (ctx) => {
            const net = alicloudAccount(ctx.cloud).network;
            // On the NLB, so that DualStack can be tried in place.
            return {
                serviceResourceType: "nlb",
                resources: [{ resourceId: net.nlbLoadBalancerId, resourceType: "nlb", zoneId: "cn-hangzhou-h" }],
                autoAcceptEnabled: true,
            };
        },
        alt: {
            serviceResourceType: skip("a service's resources are all of its type: another type alone fails the resources rule before it plans"),
            resources: [{ resourceId: "$nlbId", resourceType: "nlb", zoneId: "cn-hangzhou-i" }],
            addressIpVersion: "DualStack",
            supportedRegions: ["cn-shanghai", "cn-beijing"],
            autoAcceptEnabled: false,
            allowedUsers: ["1000000000000002"],
            payer: "EndpointService",
            serviceDescription: "round trip",
            tags: { team: "payments" },
            zoneAffinityEnabled: true,
            connectBandwidth: skip("the cloud reports it for slb services only: the clb variant tries it"),
        },
        variants: {
            clb: {
                // Given at creation, which takes it by an update once the service is settled; then changed in place.
                base: async (ctx) => ({
                    resources: [{ resourceId: alicloudAccount(ctx.cloud).network.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
                    connectBandwidth: 2048,
                    zoneAffinityEnabled: true,
                }),
                alt: { connectBandwidth: 10240, zoneAffinityEnabled: false },
            },
        },
    },
    "alicloud:privatelink:VpcEndpoint": {
        base: async (ctx) => {
            const net = alicloudAccount(ctx.cloud).network;
            const svc = await alicloudDualStackService(ctx);
            return {
                serviceId: svc.id,
                vpcId: net.vpcId,
                securityGroupIds: [net.securityGroupIds[0]],
                zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
            };
        },
        alt: {
            serviceId: "epsrv-bp1abcdefgh12345678",
            serviceName: skip("serviceId and serviceName are one choice; serviceId is tried"),
            vpcId: "vpc-bp1abcdefgh12345678",
            securityGroupIds: ["$securityGroup2"],
            zones: [
                { zoneId: "cn-hangzhou-h", vswitchId: "$vswH" },
                { zoneId: "cn-hangzhou-i", vswitchId: "$vswI" },
            ],
            endpointName: "roundtrip",
            endpointDescription: "round trip",
            endpointType: "Reverse",
            protectedEnabled: true,
            zonePrivateIpAddressCount: skip("1, the default, is the only value the API takes"),
            addressIpVersion: "DualStack",
            // Keys out of order and spaced: what the state records and compares is the canonical form.
            policyDocument: '{ "Statement": [ { "Resource": ["*"], "Principal": "*", "Effect": "Allow", "Action": ["oss:GetObject"] } ], "Version": "1" }',
            tags: { team: "payments" },
            serviceRegionId: "cn-shanghai",
            crossRegionBandwidth: skip("only a cross-region endpoint takes one: the cross-region variant tries it"),
        },
        variants: {
            "cross-region": {
                base: async (ctx) => {
                    const net = alicloudAccount(ctx.cloud).network;
                    return {
                        serviceId: await shanghaiService(ctx),
                        serviceRegionId: "cn-shanghai",
                        crossRegionBandwidth: 200,
                        vpcId: net.vpcId,
                        securityGroupIds: [net.securityGroupIds[0]],
                        zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
                    };
                },
                alt: { crossRegionBandwidth: 400 },
                keep: { crossRegionBandwidth: "a cross-region endpoint is created with one, and keeps it when the program leaves it out" },
            },
        },
    },
    "alicloud:pvtz:Zone": {
        base: async () => ({ zoneName: "roundtrip.internal" }),
        alt: {
            zoneName: "other.internal",
            proxyPattern: "RECORD",
            remark: "round trip",
            vpcs: [{ vpcId: "$alicloudVpc", regionId: "cn-hangzhou" }],
            tags: { team: "dns", "cost center": "net:42" },
        },
    },
    "alicloud:pvtz:ZoneAttachment": {
        base: async (ctx) => {
            const zone = await ctx.make("alicloud:pvtz:Zone", { zoneName: "attached.internal" });
            return { zoneId: zone.id, vpcId: alicloudAccount(ctx.cloud).network.vpcId, regionId: "cn-hangzhou" };
        },
        alt: { zoneId: "0e41496f12da01311d314f17b8010000", vpcId: "vpc-bp1abcdefgh12345678", regionId: "cn-shanghai" },
    },
    "alicloud:pvtz:ZoneRecord": {
        base: async (ctx) => {
            const zone = await ctx.make("alicloud:pvtz:Zone", { zoneName: "records.internal" });
            return { zoneId: zone.id, rr: "www", type: "A", value: "172.16.1.10" };
        },
        alt: {
            zoneId: "0e41496f12da01311d314f17b8010000",
            rr: "api",
            type: "TXT",
            value: "v=spf1 -all",
            ttl: 3600,
            priority: skip("an MX record's alone, and a type change to MX must bring it in the same step; test/provider/pvtz.test.ts changes it"),
            status: "DISABLE",
            remark: "round trip",
        },
    },
};

/** Inputs every resource takes, tried by their own tests (location, time limits, adoption). */
export const COMMON = new Set(["region", "projectId", "timeouts", "adopt"]);

/** Fills `$name` placeholders with the emulator's ids. */
function resolve(v: unknown, cloud: TestCloud): unknown {
    const net = cloud.account().network;
    const ali = alicloudAccount(cloud).network;
    const ids: Record<string, string> = {
        clientSubnetId: net.clientSubnetId,
        backendVpcId: net.backendVpcId,
        loadBalancerId: ali.loadBalancerId,
        nlbId: ali.nlbLoadBalancerId,
        alicloudVpc: ali.vpcId,
        securityGroup2: ali.securityGroupIds[1]!,
        vswH: ali.vSwitchIds["cn-hangzhou-h"]!,
        vswI: ali.vSwitchIds["cn-hangzhou-i"]!,
    };
    if (typeof v === "string" && v.startsWith("$")) return ids[v.slice(1)] ?? v;
    if (Array.isArray(v)) return v.map((x) => resolve(x, cloud));
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x, cloud)]));
    return v;
}

/** The test file a kind's round trip runs in: `model-roundtrip[-<part>].test.ts` ("rest": model-roundtrip.test.ts). */
export type Part = "alicloud-endpoints" | "alicloud-services" | "rest";

/** Who serves the resources: the dynamic-resource host in this process, or the native provider plugin. */
export type HostName = "dynamic" | "native";

/** The test file of a part's round trips on a host. */
export function roundTripFile(part: Part, host: HostName): string {
    return `model-roundtrip${host === "native" ? "-native" : ""}${part === "rest" ? "" : `-${part}`}.test.ts`;
}

export function partOf(kind: Kind): Part {
    if (kind.startsWith("alicloud:privatelink:VpcEndpointService")) return "alicloud-services";
    if (kind.startsWith("alicloud:")) return "alicloud-endpoints";
    return "rest";
}

/** The round trips of the kinds of one part on one host, against an emulator of their own. */
export function describeRoundTrips(part: Part, host: HostName = "dynamic"): void {
    const kinds = KINDS.filter((k) => partOf(k) === part);
    describe(host === "native" ? "every registered resource, served by the native provider plugin" : "every registered resource", () => {
        let cloud: TestCloud;
        let plugin: NativePlugin | undefined;
        const saved = { ...process.env };
        const made: Array<{ kind: Kind; id: string; outs: Props }> = [];
        // The plugin's resources, one adapter per kind (it keeps each resource's URN and inputs, as a stack does).
        const natives = new Map<Kind, ResourceImpl>();
        const hostImplOf = async (kind: Kind): Promise<ResourceImpl> => {
            if (!plugin) return (await implOf(kind))!;
            if (!natives.has(kind)) natives.set(kind, nativeImpl(plugin, kind));
            return natives.get(kind)!;
        };
        const ctx = (): Context => ({
            cloud,
            async make(kind, inputs) {
                const impl = await hostImplOf(kind);
                const checked = await impl.check({}, inputs);
                expect(checked.failures).toEqual([]);
                const r = await impl.create(checked.inputs);
                made.push({ kind, id: r.id, outs: r.outs });
                return { id: r.id, outs: r.outs };
            },
        });

        beforeAll(async () => {
            cloud = await TestCloud.start({ timings: "fast" });
            // The test reads the cloud with the same settings; the plugin finds them in its environment.
            const env = { ...cloud.huaweiEnv(), ...alicloudEnv(cloud) };
            Object.assign(process.env, env);
            if (host === "native") plugin = await NativePlugin.start({ env });
        });
        afterEach(async () => {
            // Prerequisites go with the test that made them (the demo network is shared).
            for (const m of made.splice(0).reverse()) await (await hostImplOf(m.kind)).delete(m.id, m.outs);
        });
        afterAll(async () => {
            process.env = saved;
            await plugin?.close();
            await cloud?.close();
        });

        const cases = kinds.flatMap(
            (kind): Array<[string, Kind, Sample]> => [
                [kind, kind, samples[kind]],
                ...Object.entries(samples[kind].variants ?? {}).map(([name, v]): [string, Kind, Sample] => [`${kind} (${name})`, kind, v]),
            ],
        );
        test.each(cases)("%s: creates, round-trips every updatable input, plans replacements, deletes", async (_label, kind, sample) => {
            const model: AnyModel = await modelOf(kind);
            const fields = model.all as Record<string, Field>;
            const impl: ResourceImpl = host === "native" ? await hostImplOf(kind) : dynamicImplOf(model);
            const base = await impl.check({}, await sample.base(ctx()));
            expect(base.failures).toEqual([]);
            const created = await impl.create(base.inputs);
            // An id made of inputs is their join, and an import splits it back into them (provider/model/id-parts.ts).
            const idParts: readonly string[] = model.idParts ?? [];
            if (idParts.length) {
                expect(created.id).toBe(joinId(idParts, base.inputs));
                expect(inputsOfId(model, created.id)).toEqual(Object.fromEntries(idParts.map((k) => [k, base.inputs[k]])));
            }
            let current: Props = base.inputs;
            let outs: Props = created.outs;
            const noDiff = async (why: string) => {
                const refreshed = await impl.read(created.id, outs);
                expect({ why, id: refreshed.id }).toEqual({ why, id: created.id });
                const d = await impl.diff(created.id, refreshed.props, current);
                expect({ why, changes: d.changes }).toEqual({ why, changes: false });
            };
            await noDiff("after create");

            // What the engine shows of a change comes from the plugin's detailed diff (the dynamic
            // protocol has none): each changed input's kind, added or removed when the old or the
            // new inputs lack it, replacing or not.
            const shown = (d: pulumi.dynamic.DiffResult, key: string, olds: Props, news: Props, replace: boolean) => {
                if (host !== "native") return;
                const kind = !(key in news) ? "DELETE" : !(key in olds) ? "ADD" : "UPDATE";
                expect({ key, shown: (d as NativeDiff).detailedDiff }).toEqual({ key, shown: { [key]: replace ? `${kind}_REPLACE` : kind } });
            };

            const c = await model.cloud.connect(current);
            for (const [key, field] of Object.entries(fields)) {
                const alt = sample.alt[key];
                if (field.change === "state" || COMMON.has(key) || alt instanceof Skip || alt === undefined) continue;
                const news = await impl.check(current, { ...current, [key]: resolve(alt, cloud) });
                expect({ key, failures: news.failures }).toEqual({ key, failures: [] });
                const d = await impl.diff(created.id, outs, news.inputs);
                shown(d, key, current, news.inputs, field.change === "replace");
                if (field.change === "replace") {
                    expect({ key, replaces: d.replaces }).toEqual({ key, replaces: [key] });
                    continue;
                }
                expect({ key, changes: d.changes, replaces: d.replaces }).toEqual({ key, changes: true, replaces: [] });
                outs = (await impl.update(created.id, outs, news.inputs)).outs;
                current = news.inputs;
                // What the cloud reports now is what was asked for.
                const wire = await model.hooks.read(c, created.id, current);
                const seen =
                    field.read === false ? recordedValue(field, { ...current, ...computedOutputs(model, wire) }, key) : observe(model, wire, current)[key];
                if (field.read !== false || field.recorded)
                    expect({ key, roundTrips: sameValue(field, seen, current[key]) }).toEqual({ key, roundTrips: true });
                await noDiff(`after updating ${key}`);
            }

            // Removing an optional input settles too: it goes back to the cloud's default (or, for an
            // input the cloud keeps, is no change) — never a diff that every `up` shows again.
            // Last declared first: a switch goes before the list it switches on.
            for (const [key, field] of Object.entries(fields).reverse()) {
                if (field.change !== "update" || current[key] === undefined || !field.schema.safeParse(undefined).success || sample.keep?.[key]) continue;
                const { [key]: _removed, ...rest } = current;
                const news = await impl.check(current, rest);
                expect({ key, failures: news.failures }).toEqual({ key, failures: [] });
                const d = await impl.diff(created.id, outs, news.inputs);
                if (d.changes) {
                    shown(d, key, current, news.inputs, false);
                    outs = (await impl.update(created.id, outs, news.inputs)).outs;
                }
                current = news.inputs;
                await noDiff(`after removing ${key}`);
            }

            // Deleted out of band (by another tool): refresh notices, and the next `up` brings it back —
            // recreated, or, where the object outlives the resource (a decision), put right in place.
            await model.hooks.delete(c, created.id, current, { deadline: Date.now() + 60_000 });
            const refreshed = await impl.read(created.id, outs);
            let id = created.id;
            if (sample.remainsAfterDelete) {
                expect(refreshed.id).toBe(created.id);
                expect((await impl.diff(created.id, refreshed.props, current)).changes).toBe(true);
                outs = (await impl.update(created.id, refreshed.props, current)).outs;
                expect((await impl.diff(created.id, (await impl.read(created.id, outs)).props, current)).changes).toBe(false);
            } else {
                expect(refreshed.id).toBe("");
                // The refresh took it out of the state: the next `up` checks it as a new resource
                // (a creation token of its own), then creates it.
                const fresh = await impl.check({}, current);
                expect(fresh.failures).toEqual([]);
                current = fresh.inputs;
                const again = await impl.create(current);
                id = again.id;
                outs = again.outs;
                expect((await impl.diff(id, (await impl.read(id, outs)).props, current)).changes).toBe(false);
            }

            await impl.delete(id, outs);
            expect((await impl.read(id, outs)).id).toBe(sample.remainsAfterDelete ? id : "");
        });
    });
}
