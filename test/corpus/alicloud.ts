/** Bad inputs for the Alibaba Cloud PrivateLink resources (see huaweicloud.ts for the row shape). */
import type { BadInput } from "./huaweicloud";

const EP = "alicloud:privatelink:VpcEndpoint";
const SVC = "alicloud:privatelink:VpcEndpointService";
const endpoint = {
    serviceId: "epsrv-bp1abcdefgh12345678",
    vpcId: "vpc-bp1abcdefgh12345678",
    securityGroupIds: ["sg-bp1abcdefgh12345678"],
    zones: [{ zoneId: "cn-hangzhou-h", vswitchId: "vsw-bp1abcdefgh12345678" }],
};
const CONN = "alicloud:privatelink:VpcEndpointConnection";
const USER = "alicloud:privatelink:VpcEndpointServiceUser";
const RES = "alicloud:privatelink:VpcEndpointServiceResource";
const ZONE = "alicloud:privatelink:VpcEndpointZone";
const connection = { serviceId: "epsrv-bp1abcdefgh12345678", endpointId: "ep-bp1abcdefgh12345678" };
const user = { serviceId: "epsrv-bp1abcdefgh12345678", userId: "1234567890123456" };
const resource = { serviceId: "epsrv-bp1abcdefgh12345678", resourceId: "lb-bp1abcdefgh12345678", resourceType: "slb", zoneId: "cn-hangzhou-h" };
const zone = { endpointId: "ep-bp1abcdefgh12345678", zoneId: "cn-hangzhou-i", vswitchId: "vsw-bp1abcdefgh12345678" };
const PZ = "alicloud:pvtz:Zone";
const PZA = "alicloud:pvtz:ZoneAttachment";
const PZR = "alicloud:pvtz:ZoneRecord";
const pzone = { zoneName: "example.internal" };
const attachment = { zoneId: "0e41496f12da01311d314f17b8010000", vpcId: "vpc-bp1abcdefgh12345678" };
const precord = { zoneId: "0e41496f12da01311d314f17b8010000", rr: "www", type: "A", value: "172.16.1.10" };
const service = { serviceResourceType: "slb", resources: [{ resourceId: "lb-bp1abcdefgh12345678", resourceType: "slb", zoneId: "cn-hangzhou-h" }] };

const row = (kind: string, base: Record<string, unknown>, what: string, change: Record<string, unknown>, ...expect: string[]): BadInput => ({
    kind,
    what,
    inputs: Object.fromEntries(Object.entries({ ...base, ...change }).filter(([, v]) => v !== undefined)),
    expect,
});

export const alicloudCorpus: BadInput[] = [
    row(PZ, pzone, "zoneName missing", { zoneName: undefined }, "zoneName: (missing)"),
    row(PZ, pzone, "zoneName not a domain name", { zoneName: "bad name" }, 'zoneName: "bad name"', "zone name"),
    row(PZ, pzone, "proxyPattern unknown", { proxyPattern: "ALL" }, 'proxyPattern: "ALL"', "ZONE or RECORD"),
    row(PZ, pzone, "vpc region malformed", { vpcs: [{ vpcId: "vpc-bp1abcdefgh12345678", regionId: "Hangzhou" }] }, 'vpcs[0].regionId: "Hangzhou"', "region id"),
    row(
        PZ,
        pzone,
        "a VPC listed twice",
        {
            vpcs: [
                { vpcId: "vpc-bp1abcdefgh12345678", regionId: "cn-hangzhou" },
                { vpcId: "vpc-bp1abcdefgh12345678", regionId: "cn-hangzhou" },
            ],
        },
        "vpcs",
    ),
    row(PZ, pzone, "tag key a creation tag's", { tags: { "pulumi-privatelink-key": "mine" } }, 'tags: key "pulumi-privatelink-key"', "writes itself"),
    row(PZ, pzone, "tag key reserved", { tags: { "acs:env": "x" } }, 'tags: key "acs:env"', "acs:"),
    row(PZ, pzone, "tag value with a URL", { tags: { site: "see https://example.com" } }, "tags.site:", "http:// or https://"),
    row(
        PZ,
        pzone,
        "19 tags (with the two creation tags, 21)",
        { tags: Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, "v"])) },
        "tags:",
        "more than 18 tags",
        "the cloud allows 20 per resource, 2 of which this package uses",
    ),
    row(PZA, attachment, "vpcId malformed", { vpcId: "vpc_1" }, 'vpcId: "vpc_1"', "VPC id"),
    row(PZA, attachment, "zoneId missing", { zoneId: undefined }, "zoneId: (missing)"),
    row(PZR, precord, "type unknown", { type: "NS" }, 'type: "NS"', "must be one of"),
    row(PZR, precord, "ttl not allowed", { ttl: 300 }, "ttl: 300", "TTLs PrivateZone allows"),
    row(PZR, precord, "rr malformed", { rr: "bad host" }, 'rr: "bad host"', "host record"),
    row(PZR, precord, "MX without priority", { type: "MX", value: "mail.example.internal" }, "priority:", "required for an MX record"),
    row(PZR, precord, "priority on an A record", { priority: 10 }, "priority: 10", "only for MX records"),
    row(PZR, precord, "MX priority out of range", { type: "MX", value: "mail.example.internal", priority: 100 }, "priority: 100", "above 99"),
    row(PZR, precord, "status unknown", { status: "PAUSED" }, 'status: "PAUSED"', "ENABLE or DISABLE"),
    row(EP, endpoint, "vpcId missing", { vpcId: undefined }, "vpcId: (missing)"),
    row(EP, endpoint, "vpcId malformed", { vpcId: "vpc_1" }, 'vpcId: "vpc_1"', "VPC id"),
    row(
        EP,
        endpoint,
        "both serviceId and serviceName",
        { serviceName: "com.aliyuncs.privatelink.cn-hangzhou.epsrv-bp1abcdefgh12345678" },
        "serviceId:",
        "exactly one of serviceId and serviceName",
    ),
    row(EP, endpoint, "neither serviceId nor serviceName", { serviceId: undefined }, "serviceId:", "exactly one of serviceId and serviceName"),
    row(EP, endpoint, "serviceId malformed", { serviceId: "svc-1" }, 'serviceId: "svc-1"', "endpoint service id"),
    row(EP, endpoint, "security groups empty", { securityGroupIds: [] }, "securityGroupIds: []", "at least one security group"),
    row(EP, endpoint, "security group malformed", { securityGroupIds: ["group-1"] }, 'securityGroupIds[0]: "group-1"', "security group id"),
    row(
        EP,
        endpoint,
        "11 security groups",
        { securityGroupIds: Array.from({ length: 11 }, (_, i) => `sg-bp1abcdefgh1234567${i % 10}`) },
        "securityGroupIds:",
        "more than 10",
    ),
    row(EP, endpoint, "zones empty", { zones: [] }, "zones: []", "at least one zone"),
    row(
        EP,
        endpoint,
        "zone id malformed",
        { zones: [{ zoneId: "Hangzhou H", vswitchId: "vsw-bp1abcdefgh12345678" }] },
        'zones[0].zoneId: "Hangzhou H"',
        "zone id",
    ),
    row(EP, endpoint, "vSwitch malformed", { zones: [{ zoneId: "cn-hangzhou-h", vswitchId: "vswitch" }] }, 'zones[0].vswitchId: "vswitch"', "vSwitch id"),
    row(
        EP,
        endpoint,
        "zone ip invalid",
        { zones: [{ zoneId: "cn-hangzhou-h", vswitchId: "vsw-bp1abcdefgh12345678", ip: "172.16.1.300" }] },
        'zones[0].ip: "172.16.1.300"',
        "IPv4",
    ),
    row(EP, endpoint, "zone twice", { zones: [endpoint.zones[0], endpoint.zones[0]] }, "zones[1].zoneId", "appears twice"),
    row(EP, endpoint, "zone unknown field", { zones: [{ ...endpoint.zones[0], vSwitchId: "vsw-bp1abcdefgh12345678" }] }, "zones[0].vSwitchId", "not an input"),
    row(EP, endpoint, "endpointName starts with a digit", { endpointName: "1ep" }, 'endpointName: "1ep"', "start with a letter"),
    row(EP, endpoint, "endpointName too long", { endpointName: "e".repeat(129) }, "endpointName:", "2–128"),
    row(EP, endpoint, "description too short", { endpointDescription: "a" }, 'endpointDescription: "a"', "2–256"),
    row(EP, endpoint, "description a URL", { endpointDescription: "https://example.com" }, 'endpointDescription: "https://example.com"', "http://"),
    row(EP, endpoint, "endpointType unknown", { endpointType: "Gateway" }, 'endpointType: "Gateway"', "Interface, GatewayLoadBalancer or Reverse"),
    row(EP, endpoint, "zonePrivateIpAddressCount 2", { zonePrivateIpAddressCount: 2 }, "zonePrivateIpAddressCount: 2", "is not 1"),
    row(EP, endpoint, "protectedEnabled as string", { protectedEnabled: "yes" }, 'protectedEnabled: "yes"', "true or false"),
    row(EP, endpoint, "tag key reserved", { tags: { "aliyun:env": "x" } }, 'tags: key "aliyun:env"', "aliyun"),
    row(EP, endpoint, "tag key of 65 characters", { tags: { ["k".repeat(65)]: "x" } }, "tags: key", "longer than 64"),
    row(
        EP,
        endpoint,
        "19 tags (with the two creation tags, 21)",
        { tags: Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, "v"])) },
        "tags:",
        "more than 18",
    ),
    row(EP, endpoint, "timeouts garbage", { timeouts: { create: "later" } }, 'timeouts.create: "later"', "duration"),
    row(EP, endpoint, "misspelt input", { securityGroupId: "sg-bp1abcdefgh12345678" }, "securityGroupId", "not an input"),
    row(EP, endpoint, "addressIpVersion unknown", { addressIpVersion: "IPv6" }, 'addressIpVersion: "IPv6"', "IPv4 or DualStack"),
    row(EP, endpoint, "serviceRegionId malformed", { serviceRegionId: "Shanghai" }, 'serviceRegionId: "Shanghai"', "region id"),
    row(
        EP,
        endpoint,
        "crossRegionBandwidth under 100",
        { serviceRegionId: "cn-shanghai", crossRegionBandwidth: 50 },
        "crossRegionBandwidth: 50",
        "less than 100",
    ),
    row(EP, endpoint, "crossRegionBandwidth without serviceRegionId", { crossRegionBandwidth: 200 }, "crossRegionBandwidth", "without serviceRegionId"),
    row(
        EP,
        endpoint,
        "zone IPv6 address malformed",
        { addressIpVersion: "DualStack", zones: [{ zoneId: "cn-hangzhou-h", vswitchId: "vsw-bp1abcdefgh12345678", ipv6Address: "2408::ac01::1" }] },
        'zones[0].ipv6Address: "2408::ac01::1"',
        "IPv6 address",
    ),
    row(
        EP,
        endpoint,
        "zone IPv6 address on an IPv4 endpoint",
        { zones: [{ zoneId: "cn-hangzhou-h", vswitchId: "vsw-bp1abcdefgh12345678", ipv6Address: "2408:4005:3f6:ac01::20" }] },
        "zones[0].ipv6Address:",
        "only a DualStack endpoint",
    ),
    row(EP, endpoint, "policyDocument not JSON", { policyDocument: "{Version: 1}" }, "policyDocument:", "is not JSON"),
    row(EP, endpoint, "policyDocument a list", { policyDocument: "[]" }, "policyDocument:", "not a JSON object"),
    row(EP, endpoint, "policyDocument without statements", { policyDocument: '{"Version":"1","Statement":[]}' }, "policyDocument:", "no Statement list"),
    row(
        EP,
        endpoint,
        "policyDocument effect unknown",
        { policyDocument: '{"Version":"1","Statement":[{"Effect":"Permit","Action":"*"}]}' },
        "policyDocument:",
        "Statement[0].Effect",
        "Allow or Deny",
    ),
    row(SVC, service, "resource type unknown", { serviceResourceType: "ecs" }, 'serviceResourceType: "ecs"', "slb, alb, nlb or gwlb"),
    row(
        SVC,
        service,
        "resource id malformed",
        { resources: [{ resourceId: "LB_1", resourceType: "slb", zoneId: "cn-hangzhou-h" }] },
        'resources[0].resourceId: "LB_1"',
        "load balancer id",
    ),
    row(
        SVC,
        service,
        "resource of another type",
        { resources: [{ resourceId: "alb-bp1abcdefgh12345678", resourceType: "alb", zoneId: "cn-hangzhou-h" }] },
        "resources[0].resourceType",
        "differs from serviceResourceType",
    ),
    row(
        SVC,
        service,
        "resource zone malformed",
        { resources: [{ resourceId: "lb-bp1abcdefgh12345678", resourceType: "slb", zoneId: "H" }] },
        'resources[0].zoneId: "H"',
        "zone id",
    ),
    row(SVC, service, "autoAccept as string", { autoAcceptEnabled: "true" }, 'autoAcceptEnabled: "true"', "true or false"),
    row(SVC, service, "allowed user not a UID", { allowedUsers: ["acme"] }, 'allowedUsers[0]: "acme"', "UID"),
    row(SVC, service, "payer unknown", { payer: "Owner" }, 'payer: "Owner"', "Endpoint or EndpointService"),
    row(SVC, service, "description a URL", { serviceDescription: "http://x.example" }, 'serviceDescription: "http://x.example"', "http://"),
    row(SVC, service, "tag value reserved", { tags: { env: "acs:prod" } }, 'tags.env: "acs:prod"', "acs:"),
    row(SVC, service, "misspelt input", { autoAccept: true }, "autoAccept", "not an input"),
    row(SVC, service, "addressIpVersion unknown", { addressIpVersion: "ipv6" }, 'addressIpVersion: "ipv6"', "IPv4 or DualStack"),
    row(SVC, service, "DualStack on a CLB service", { addressIpVersion: "DualStack" }, "addressIpVersion:", 'needs serviceResourceType "nlb"'),
    row(SVC, service, "supported region malformed", { supportedRegions: ["Shanghai"] }, 'supportedRegions[0]: "Shanghai"', "region id"),
    row(SVC, service, "supported region repeated", { supportedRegions: ["cn-shanghai", "cn-shanghai"] }, "supportedRegions", "cn-shanghai"),
    row(SVC, service, "connectBandwidth under 100", { connectBandwidth: 50 }, "connectBandwidth: 50", "less than 100, the least connection bandwidth"),
    row(SVC, service, "connectBandwidth over 10240", { connectBandwidth: 20480 }, "connectBandwidth: 20480", "more than 10240, the most connection bandwidth"),
    row(SVC, service, "connectBandwidth a fraction", { connectBandwidth: 150.5 }, "connectBandwidth: 150.5", "whole number of Mbit/s"),
    row(SVC, service, "zoneAffinityEnabled as string", { zoneAffinityEnabled: "yes" }, 'zoneAffinityEnabled: "yes"', "true or false"),
    // ---- VpcEndpointConnection
    row(CONN, connection, "endpointId missing", { endpointId: undefined }, "endpointId: (missing)", "required"),
    row(CONN, connection, "endpointId of a service", { endpointId: "epsrv-bp1abcdefgh12345678" }, 'endpointId: "epsrv-bp1abcdefgh12345678"', "endpoint id"),
    row(CONN, connection, "bandwidth below 100", { bandwidth: 50 }, "bandwidth: 50", "below 100"),
    row(CONN, connection, "bandwidth above 50000", { bandwidth: 60000 }, "bandwidth: 60000", "above 50000 Mbit/s (the most an NLB service takes)"),
    row(CONN, connection, "bandwidth fractional", { bandwidth: 150.5 }, "bandwidth: 150.5", "whole number"),
    // ---- VpcEndpointServiceUser
    row(USER, user, "userId with letters", { userId: "acme" }, 'userId: "acme"', "account UID"),
    row(USER, user, "serviceId missing", { serviceId: undefined }, "serviceId: (missing)", "required"),
    row(USER, user, "neither userId nor userArn", { userId: undefined }, "userId:", "exactly one of userId and userArn"),
    row(USER, user, "both userId and userArn", { userArn: "acs:ram:*:1234567890123456:*" }, "userId:", 'userArn "acs:ram:*:1234567890123456:*"', "exactly one"),
    row(USER, user, "userArn not a RAM ARN", { userId: undefined, userArn: "arn:aws:iam::1:root" }, 'userArn: "arn:aws:iam::1:root"', "RAM ARN"),
    // ---- VpcEndpointServiceResource
    row(RES, resource, "resourceType unknown", { resourceType: "ecs" }, 'resourceType: "ecs"', "slb, alb, nlb or gwlb"),
    row(RES, resource, "zoneId malformed", { zoneId: "Hangzhou" }, 'zoneId: "Hangzhou"', "zone id"),
    row(RES, resource, "resourceId malformed", { resourceId: "LB1" }, 'resourceId: "LB1"', "load balancer id"),
    // ---- VpcEndpointZone
    row(ZONE, zone, "vswitchId malformed", { vswitchId: "vswitch" }, 'vswitchId: "vswitch"', "vSwitch id"),
    row(ZONE, zone, "ip not IPv4", { ip: "172.16.1.300" }, 'ip: "172.16.1.300"', "IPv4"),
    row(ZONE, zone, "zoneId missing", { zoneId: undefined }, "zoneId: (missing)", "required"),
];
