/**
 * Bad inputs for the Huawei Cloud resources: each row is a mutation of a valid input and the
 * pieces the error must contain — the field path, the value as shown, and words of the rule.
 */
export interface BadInput {
    kind: string;
    what: string;
    inputs: Record<string, unknown>;
    /** Substrings that must all appear in one failure's reason. */
    expect: string[];
}

const U = (n: number) => `11111111-1111-4111-8111-${String(n).padStart(12, "0")}`;
const service = { vpcId: U(1), portId: U(3), serverType: "VM", ports: [{ clientPort: 8080, serverPort: 80 }] };
const endpoint = { endpointServiceId: U(9), vpcId: U(4), subnetId: U(5), portIp: "10.0.0.200" };
const approval = { endpointServiceId: U(9), endpointId: U(10) };
const permission = { endpointServiceId: U(9), permission: "*" };
const resolver = { name: "resolver", direction: "inbound", ipAddresses: [{ subnetId: U(5) }, { subnetId: U(5) }] };

const SVC = "huaweicloud:vpcep:EndpointService";
const EP = "huaweicloud:vpcep:Endpoint";
const APR = "huaweicloud:vpcep:ConnectionApproval";
const PERM = "huaweicloud:vpcep:ServicePermission";
const DNS = "huaweicloud:dns:ResolverEndpoint";
const RULE = "huaweicloud:dns:ResolverRule";
const ASSOC = "huaweicloud:dns:ResolverRuleAssociation";
const rule = { name: "corporate", domainName: "corp.example.com", endpointId: "ep-0123456789abcdef", ipAddresses: ["10.1.0.53"] };
const association = { resolverRuleId: "rule-0123456789abcdef", vpcId: U(4) };

const PZ = "huaweicloud:dns:PrivateZone";
const PZA = "huaweicloud:dns:PrivateZoneAssociation";
const RS = "huaweicloud:dns:RecordSet";
const zone = { name: "corp.example.com", vpcId: U(4) };
const zoneAssociation = { zoneId: "0123456789abcdef0123456789abcdef", vpcId: U(1) };
const recordSet = { zoneId: "0123456789abcdef0123456789abcdef", name: "www.corp.example.com", type: "A", records: ["10.0.0.1"] };

const row = (kind: string, base: Record<string, unknown>, what: string, change: Record<string, unknown>, ...expect: string[]): BadInput => ({
    kind,
    what,
    inputs: Object.fromEntries(Object.entries({ ...base, ...change }).filter(([, v]) => v !== undefined)),
    expect,
});
const without = (base: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));

export const huaweicloudCorpus: BadInput[] = [
    // ---- EndpointService
    row(SVC, without(service, "vpcId"), "vpcId missing", {}, "vpcId: (missing)"),
    row(SVC, without(service, "portId"), "portId missing", {}, "portId: (missing)"),
    row(SVC, without(service, "serverType"), "serverType missing", {}, "serverType: (missing)"),
    row(SVC, without(service, "ports"), "ports missing", {}, "ports: (missing)"),
    row(SVC, service, "vpcId not a UUID", { vpcId: "vpc-123" }, 'vpcId: "vpc-123"', "UUID"),
    row(SVC, service, "vpcId a number", { vpcId: 42 }, "vpcId: 42"),
    row(SVC, service, "portId truncated UUID", { portId: "11111111-1111-4111-8111" }, "portId:", "UUID"),
    row(SVC, service, "serverType unknown", { serverType: "ECS" }, 'serverType: "ECS"', "VM, VIP, LB"),
    row(SVC, service, "serverType lower case", { serverType: "vm" }, 'serverType: "vm"', "VM, VIP, LB"),
    row(SVC, service, "ports empty", { ports: [] }, "ports: []", "at least one"),
    row(
        SVC,
        service,
        "ports over 200",
        { ports: Array.from({ length: 201 }, (_, i) => ({ clientPort: i + 1, serverPort: i + 1 })) },
        "ports:",
        "more than 200",
    ),
    row(SVC, service, "client port 0", { ports: [{ clientPort: 0, serverPort: 80 }] }, "ports[0].clientPort: 0", "1–65535"),
    row(SVC, service, "client port 65536", { ports: [{ clientPort: 65536, serverPort: 80 }] }, "ports[0].clientPort: 65536", "1–65535"),
    row(SVC, service, "server port negative", { ports: [{ clientPort: 80, serverPort: -1 }] }, "ports[0].serverPort: -1", "1–65535"),
    row(SVC, service, "server port fractional", { ports: [{ clientPort: 80, serverPort: 80.5 }] }, "ports[0].serverPort: 80.5", "whole number"),
    row(SVC, service, "port as string", { ports: [{ clientPort: "80", serverPort: 80 }] }, 'ports[0].clientPort: "80"'),
    row(SVC, service, "protocol UDP", { ports: [{ clientPort: 80, serverPort: 80, protocol: "UDP" }] }, 'ports[0].protocol: "UDP"', "TCP"),
    row(
        SVC,
        service,
        "duplicate mapping",
        {
            ports: [
                { clientPort: 80, serverPort: 80 },
                { clientPort: 80, serverPort: 80 },
            ],
        },
        "ports[1]:",
        "repeats ports[0]",
    ),
    row(
        SVC,
        service,
        "client port mapped twice",
        {
            ports: [
                { clientPort: 80, serverPort: 80 },
                { clientPort: 80, serverPort: 81 },
            ],
        },
        "ports[1].clientPort: 80",
        "already mapped",
    ),
    row(SVC, service, "unknown port field", { ports: [{ clientPort: 80, serverPort: 80, port: 1 }] }, "ports[0].port", "not an input"),
    row(SVC, service, "serviceName too long", { serviceName: "a".repeat(17) }, `serviceName: "${"a".repeat(17)}"`, "1–16"),
    row(SVC, service, "serviceName with a dot", { serviceName: "my.svc" }, 'serviceName: "my.svc"', "letters, digits, _ or -"),
    row(SVC, service, "serviceName empty", { serviceName: "" }, 'serviceName: ""', "1–16"),
    row(SVC, service, "serviceType gateway", { serviceType: "gateway" }, 'serviceType: "gateway"', "interface"),
    row(SVC, service, "approvalEnabled as string", { approvalEnabled: "yes" }, 'approvalEnabled: "yes"', "true or false"),
    row(SVC, service, "description too long", { description: "d".repeat(513) }, "description:", "longer than 512"),
    row(SVC, service, "description with <", { description: "<b>api</b>" }, 'description: "<b>api</b>"', "< or >"),
    row(SVC, service, "tcpProxy unknown", { tcpProxy: "on" }, 'tcpProxy: "on"', "close, toa_open, proxy_open, open"),
    row(SVC, service, "ip not IPv4", { ip: "300.1.1.1" }, 'ip: "300.1.1.1"', "IPv4"),
    row(SVC, service, "ip a CIDR", { ip: "10.0.0.0/24" }, 'ip: "10.0.0.0/24"', "IPv4"),
    row(SVC, service, "ipVersion unknown", { ipVersion: "ipv5" }, 'ipVersion: "ipv5"', "ipv4 or ipv6"),
    row(SVC, service, "permission not an account", { permissions: ["acme"] }, 'permissions[0]: "acme"', "account id"),
    row(SVC, service, "permission short domain", { permissions: ["iam:domain::123"] }, 'permissions[0]: "iam:domain::123"', "32 hexadecimal"),
    row(SVC, service, "permission an org path", { permissions: ["organizations:orgPath::o-1/r-2"] }, "permissions[0]:", "organizationPermissions"),
    row(
        SVC,
        service,
        "org permission with a space",
        { organizationPermissions: ["organizations:orgPath::a b"] },
        "organizationPermissions[0]:",
        "organization path",
    ),
    row(
        SVC,
        service,
        "org permission an account",
        { organizationPermissions: ["iam:domain::d0000000000000000000000000000002"] },
        "organizationPermissions[0]:",
        "not an organization path",
    ),
    row(SVC, service, "org permission too long", { organizationPermissions: [`o-1/${"r".repeat(1030)}`] }, "organizationPermissions[0]:", "1024"),
    row(SVC, service, "org permissions not a list", { organizationPermissions: "o-1" }, 'organizationPermissions: "o-1"'),
    row(SVC, service, "enablePolicy as string", { enablePolicy: "true" }, 'enablePolicy: "true"', "true or false"),
    row(SVC, service, "snatNetworkId not a UUID", { snatNetworkId: "subnet-1" }, 'snatNetworkId: "subnet-1"', "UUID"),
    row(SVC, service, "ipv6 without snatNetworkId", { ipVersion: "ipv6" }, "snatNetworkId:", "required", "ipv6"),
    row(SVC, service, "permissions not a list", { permissions: "*" }, 'permissions: "*"'),
    row(SVC, service, "9 tags", { tags: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "v"])) }, "tags:", "more than 8 tags"),
    row(SVC, service, "tag key too long", { tags: { ["k".repeat(37)]: "v" } }, "tags: key", "longer than 36"),
    row(SVC, service, "tag key empty", { tags: { "": "v" } }, "tags: key", "empty"),
    row(SVC, service, "tag key with =", { tags: { "a=b": "v" } }, 'tags: key "a=b"', "= * < >"),
    row(SVC, service, "tag key with /", { tags: { "a/b": "v" } }, 'tags: key "a/b"', "= * < >"),
    row(SVC, service, "tag key with leading space", { tags: { " a": "v" } }, 'tags: key " a"', "space"),
    row(SVC, service, "tag value too long", { tags: { a: "v".repeat(44) } }, "tags.a:", "longer than 43"),
    row(SVC, service, "tag value with |", { tags: { a: "x|y" } }, 'tags.a: "x|y"', "= * < >"),
    row(SVC, service, "tag value with trailing space", { tags: { a: "x " } }, 'tags.a: "x "', "space"),
    row(SVC, service, "tag value a number", { tags: { a: 1 } }, "tags.a: 1"),
    row(SVC, service, "region malformed", { region: "CN North 4" }, 'region: "CN North 4"', "region"),
    row(SVC, service, "projectId malformed", { projectId: "proj-1" }, 'projectId: "proj-1"', "32 hexadecimal"),
    row(SVC, service, "timeouts.create not a duration", { timeouts: { create: "ten minutes" } }, 'timeouts.create: "ten minutes"', "duration"),
    row(SVC, service, "timeouts.delete zero", { timeouts: { delete: "0s" } }, 'timeouts.delete: "0s"', "longer than zero"),
    row(SVC, service, "timeouts unknown key", { timeouts: { read: "1m" } }, "timeouts.read", "not an input"),
    row(SVC, service, "adopt not a UUID", { adopt: "svc-1" }, 'adopt: "svc-1"', "UUID"),
    row(SVC, service, "misspelt input", { approvalEnable: true }, "approvalEnable", "not an input"),
    // ---- Endpoint
    row(EP, without(endpoint, "endpointServiceId"), "service id missing", {}, "endpointServiceId: (missing)"),
    row(EP, without(endpoint, "vpcId"), "vpcId missing", {}, "vpcId: (missing)"),
    row(EP, without(endpoint, "portIp"), "portIp missing for an interface service", {}, "portIp: (missing)", "required"),
    row(EP, without(endpoint, "subnetId"), "subnetId missing for an interface service", {}, "subnetId: (missing)", "required"),
    row(EP, endpoint, "service id not a UUID", { endpointServiceId: "cn-north-4.api.123" }, 'endpointServiceId: "cn-north-4.api.123"', "UUID"),
    row(EP, endpoint, "subnetId not a UUID", { subnetId: "subnet-a" }, 'subnetId: "subnet-a"', "UUID"),
    row(EP, endpoint, "portIp invalid", { portIp: "10.0.0.256" }, 'portIp: "10.0.0.256"', "IPv4"),
    row(EP, endpoint, "portIp IPv6", { portIp: "fe80::1" }, 'portIp: "fe80::1"', "IPv4"),
    row(EP, endpoint, "portIp with spaces", { portIp: " 10.0.0.1" }, 'portIp: " 10.0.0.1"', "IPv4"),
    row(EP, endpoint, "enableDns as string", { enableDns: "true" }, 'enableDns: "true"', "true or false"),
    row(EP, endpoint, "whitelist bad CIDR bits", { whitelist: ["10.0.0.0/33"] }, 'whitelist[0]: "10.0.0.0/33"', "CIDR"),
    row(EP, endpoint, "whitelist not an address", { whitelist: ["office"] }, 'whitelist[0]: "office"', "CIDR"),
    row(EP, endpoint, "whitelist over 20", { whitelist: Array.from({ length: 21 }, (_, i) => `10.0.0.${i}`) }, "whitelist:", "more than 20"),
    row(EP, endpoint, "enableWhitelist with no whitelist", { enableWhitelist: true }, "enableWhitelist: true", "empty"),
    row(EP, { ...without(endpoint, "portIp"), routeTables: [U(6)] }, "whitelist on a gateway endpoint", { whitelist: ["10.0.0.1"] }, "whitelist:", "gateway"),
    row(EP, endpoint, "route table not a UUID", { routeTables: ["rtb-1"] }, 'routeTables[0]: "rtb-1"', "UUID"),
    row(EP, endpoint, "description with >", { description: "a>b" }, 'description: "a>b"', "< or >"),
    row(EP, endpoint, "policyDocument not JSON", { policyDocument: "{Statement: []}" }, "policyDocument:", "not JSON"),
    row(EP, endpoint, "policyDocument a list", { policyDocument: "[]" }, 'policyDocument: "[]"', "policy document", "Statement"),
    row(EP, endpoint, "policyDocument no statements", { policyDocument: '{"Statement":[]}' }, "policyDocument:", "Statement", "at least one"),
    row(
        EP,
        endpoint,
        "policyDocument Effect wrong",
        { policyDocument: '{"Statement":[{"Effect":"allow","Action":["*"],"Resource":["*"]}]}' },
        "policyDocument:",
        "Statement[0].Effect",
        "Allow or Deny",
    ),
    row(EP, endpoint, "policyDocument an object, not text", { policyDocument: { Statement: [] } }, "policyDocument:"),
    row(
        EP,
        { ...without(endpoint, "portIp"), routeTables: [U(6)] },
        "policyStatement lower-case key",
        { policyStatement: '[{"effect":"Allow","Action":["*"],"Resource":["*"]}]' },
        "policyStatement:",
        "effect",
    ),
    row(
        EP,
        { ...without(endpoint, "portIp"), routeTables: [U(6)] },
        "policyStatement empty Action",
        { policyStatement: '[{"Effect":"Allow","Action":[],"Resource":["*"]}]' },
        "policyStatement:",
        "[0].Action",
        "at least one action",
    ),
    row(
        EP,
        endpoint,
        "policyStatement on an interface endpoint",
        { policyStatement: '[{"Effect":"Allow","Action":["*"],"Resource":["*"]}]' },
        "policyStatement:",
        "gateway",
    ),
    row(
        EP,
        { ...without(endpoint, "portIp"), routeTables: [U(6)] },
        "policyDocument on a gateway endpoint",
        { policyDocument: '{"Statement":[{"Effect":"Allow","Action":["*"],"Resource":["*"]}]}' },
        "policyDocument:",
        "interface endpoints only",
    ),
    row(EP, endpoint, "ipVersion ipv6", { ipVersion: "ipv6" }, 'ipVersion: "ipv6"', "ipv4 or dualstack"),
    row(EP, endpoint, "ipv6Address without dualstack", { ipv6Address: "2001:db8::5" }, 'ipv6Address: "2001:db8::5"', "dualstack"),
    row(EP, endpoint, "ipv6Address IPv4", { ipVersion: "dualstack", ipv6Address: "10.0.0.5" }, 'ipv6Address: "10.0.0.5"', "IPv6"),
    row(EP, endpoint, "ipv6Address mapped IPv4", { ipVersion: "dualstack", ipv6Address: "::ffff:10.0.0.5" }, 'ipv6Address: "::ffff:10.0.0.5"', "IPv6"),
    row(
        EP,
        { ...without(endpoint, "portIp"), routeTables: [U(6)] },
        "dualstack gateway endpoint",
        { ipVersion: "dualstack" },
        "ipVersion:",
        "interface endpoints only",
    ),
    row(EP, endpoint, "tags not a map", { tags: ["a"] }, 'tags: ["a"]'),
    row(EP, endpoint, "tag key with *", { tags: { "a*": "b" } }, 'tags: key "a*"', "= * < >"),
    row(EP, endpoint, "waitForAcceptance as number", { waitForAcceptance: 1 }, "waitForAcceptance: 1", "true or false"),
    row(EP, endpoint, "timeouts.update garbage", { timeouts: { update: "5 min" } }, 'timeouts.update: "5 min"', "duration"),
    row(EP, endpoint, "adopt not a UUID", { adopt: "ep" }, 'adopt: "ep"', "UUID"),
    row(EP, endpoint, "misspelt input", { enableDNS: true }, "enableDNS", "not an input"),
    // ---- ConnectionApproval
    row(APR, without(approval, "endpointId"), "endpointId missing", {}, "endpointId: (missing)"),
    row(APR, without(approval, "endpointServiceId"), "service id missing", {}, "endpointServiceId: (missing)"),
    row(APR, approval, "endpointId not a UUID", { endpointId: "ep-1" }, 'endpointId: "ep-1"', "UUID"),
    row(APR, approval, "decision unknown", { decision: "approve" }, 'decision: "approve"', "accept or reject"),
    row(APR, approval, "decision upper case", { decision: "ACCEPT" }, 'decision: "ACCEPT"', "accept or reject"),
    row(APR, approval, "region malformed", { region: "cn_north_4" }, 'region: "cn_north_4"', "region"),
    row(APR, approval, "description with <", { description: "<ok>" }, 'description: "<ok>"', "< or >"),
    row(APR, approval, "description too long", { description: "d".repeat(513) }, "description:", "longer than 512"),
    row(APR, approval, "misspelt input", { endpointID: U(1) }, "endpointID", "not an input"),
    // ---- ServicePermission
    row(PERM, without(permission, "permission"), "permission missing", {}, "permission: (missing)"),
    row(PERM, permission, "permission not an account", { permission: "everyone" }, 'permission: "everyone"', "account id"),
    row(PERM, permission, "permission domain id too short", { permission: "abc123" }, 'permission: "abc123"', "32 hexadecimal"),
    row(PERM, permission, "permission iam form short", { permission: "iam:domain::abc" }, 'permission: "iam:domain::abc"', "32 hexadecimal"),
    row(PERM, permission, "service id not a UUID", { endpointServiceId: "api" }, 'endpointServiceId: "api"', "UUID"),
    row(PERM, permission, "projectId malformed", { projectId: "x" }, 'projectId: "x"', "32 hexadecimal"),
    row(PERM, permission, "misspelt input", { permissions: ["*"] }, "permissions", "not an input"),
    // ---- ResolverEndpoint
    row(DNS, without(resolver, "name"), "name missing", {}, "name: (missing)"),
    row(DNS, without(resolver, "direction"), "direction missing", {}, "direction: (missing)"),
    row(DNS, without(resolver, "ipAddresses"), "ipAddresses missing", {}, "ipAddresses: (missing)"),
    row(DNS, resolver, "name too long", { name: "n".repeat(65) }, "name:", "1–64"),
    row(DNS, resolver, "name empty", { name: "" }, 'name: ""', "1–64"),
    row(DNS, resolver, "name with space", { name: "my resolver" }, 'name: "my resolver"', "letters, digits"),
    row(DNS, resolver, "direction unknown", { direction: "both" }, 'direction: "both"', "inbound or outbound"),
    row(DNS, resolver, "one address", { ipAddresses: [{ subnetId: U(5) }] }, "ipAddresses:", "2"),
    row(DNS, resolver, "seven addresses", { ipAddresses: Array.from({ length: 7 }, () => ({ subnetId: U(5) })) }, "ipAddresses:", "6"),
    row(DNS, resolver, "address subnet not a UUID", { ipAddresses: [{ subnetId: "s" }, { subnetId: U(5) }] }, 'ipAddresses[0].subnetId: "s"', "UUID"),
    row(
        DNS,
        resolver,
        "address ip invalid",
        { ipAddresses: [{ subnetId: U(5), ip: "10.0.0.999" }, { subnetId: U(5) }] },
        'ipAddresses[0].ip: "10.0.0.999"',
        "IPv4",
    ),
    row(
        DNS,
        resolver,
        "address repeated",
        {
            ipAddresses: [
                { subnetId: U(5), ip: "10.0.0.5" },
                { subnetId: U(5), ip: "10.0.0.5" },
            ],
        },
        "ipAddresses[1].ip",
        "repeats",
    ),
    row(
        DNS,
        resolver,
        "address unknown field",
        { ipAddresses: [{ subnetId: U(5), address: "10.0.0.5" }, { subnetId: U(5) }] },
        "ipAddresses[0].address",
        "not an input",
    ),
    row(DNS, resolver, "region malformed", { region: "Beijing" }, 'region: "Beijing"', "region"),
    row(DNS, resolver, "timeouts.create garbage", { timeouts: { create: "soon" } }, 'timeouts.create: "soon"', "duration"),
    row(DNS, resolver, "misspelt input", { ipAddress: [] }, "ipAddress", "not an input"),

    // ---- ResolverRule
    row(RULE, without(rule, "domainName"), "domainName missing", {}, "domainName: (missing)", "required"),
    row(RULE, rule, "domain with a space", { domainName: "corp example.com" }, 'domainName: "corp example.com"', "domain name"),
    row(RULE, rule, "domain label starting with a hyphen", { domainName: "-corp.example.com" }, "domainName:", "domain name"),
    row(RULE, rule, "domain over 254 characters", { domainName: `${"a".repeat(60)}.`.repeat(5) }, "domainName:", "domain name"),
    row(RULE, rule, "no DNS server", { ipAddresses: [] }, "ipAddresses: []", "at least one"),
    row(RULE, rule, "seven DNS servers", { ipAddresses: Array.from({ length: 7 }, (_, i) => `10.1.0.${i + 1}`) }, "ipAddresses:", "more than 6"),
    row(RULE, rule, "a DNS server that is not IPv4", { ipAddresses: ["10.1.0.300"] }, 'ipAddresses[0]: "10.1.0.300"', "IPv4"),
    row(RULE, rule, "a DNS server twice", { ipAddresses: ["10.1.0.53", "10.1.0.53"] }, 'ipAddresses[1]: "10.1.0.53"', "repeats ipAddresses[0]"),
    row(RULE, rule, "endpoint id malformed", { endpointId: "ep 1" }, 'endpointId: "ep 1"', "resolver endpoint id"),
    row(RULE, rule, "name with a slash", { name: "a/b" }, 'name: "a/b"', "letters, digits"),
    // ---- ResolverRuleAssociation
    row(ASSOC, without(association, "vpcId"), "vpcId missing", {}, "vpcId: (missing)", "required"),
    row(ASSOC, association, "vpcId not a UUID", { vpcId: "vpc-1" }, 'vpcId: "vpc-1"', "UUID"),
    row(ASSOC, association, "rule id malformed", { resolverRuleId: "r" }, 'resolverRuleId: "r"', "resolver rule id"),
    // ---- PrivateZone
    row(PZ, without(zone, "vpcId"), "vpcId missing", {}, "vpcId: (missing)", "required"),
    row(PZ, without(zone, "name"), "name missing", {}, "name: (missing)", "required"),
    row(PZ, zone, "name with an empty label", { name: "corp..example.com" }, 'name: "corp..example.com"', "not a domain name"),
    row(PZ, zone, "name label starting with a hyphen", { name: "-corp.example.com" }, 'name: "-corp.example.com"', "not a domain name"),
    row(PZ, zone, "vpcId not a UUID", { vpcId: "vpc-1" }, 'vpcId: "vpc-1"', "UUID"),
    row(PZ, zone, "a further VPC twice", { vpcIds: [U(1), U(1)] }, `vpcIds[1]: "${U(1)}"`, "repeats vpcIds[0]"),
    row(PZ, zone, "the zone's own VPC among the further ones", { vpcIds: [U(4)] }, `vpcIds[0]: "${U(4)}"`, "the zone's vpcId"),
    row(PZ, zone, "TTL 0", { ttl: 0 }, "ttl: 0", "1–2147483647"),
    row(PZ, zone, "TTL above the limit", { ttl: 2147483648 }, "ttl: 2147483648", "1–2147483647"),
    row(PZ, zone, "TTL a fraction", { ttl: 1.5 }, "ttl: 1.5", "whole number"),
    row(PZ, zone, "description of 256 characters", { description: "d".repeat(256) }, "description:", "longer than 255"),
    row(PZ, zone, "email without an at sign", { email: "ops.example.com" }, 'email: "ops.example.com"', "e-mail address"),
    row(PZ, zone, "proxy pattern unknown", { proxyPattern: "FORWARD" }, 'proxyPattern: "FORWARD"', "AUTHORITY or RECURSIVE"),
    row(PZ, zone, "enabled as Terraform's status", { enabled: "DISABLE" }, 'enabled: "DISABLE"', "true or false", "false for DISABLE"),
    row(PZ, zone, "enterprise project by name", { enterpriseProjectId: "default" }, 'enterpriseProjectId: "default"', '"0", the default project, or a UUID'),
    row(
        PZ,
        zone,
        "enterprise project id without hyphens",
        { enterpriseProjectId: "2f0c4b3e5d1a4c6e9b7f0a1b2c3d4e5f" },
        "enterpriseProjectId:",
        "not an enterprise project id",
    ),
    row(
        PZ,
        zone,
        "enterprise project id of 37 characters",
        { enterpriseProjectId: "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f0" },
        "enterpriseProjectId:",
        "not an enterprise project id",
    ),
    // ---- PrivateZoneAssociation
    row(PZA, without(zoneAssociation, "zoneId"), "zoneId missing", {}, "zoneId: (missing)", "required"),
    row(PZA, zoneAssociation, "zoneId malformed", { zoneId: "z" }, 'zoneId: "z"', "private zone id"),
    row(PZA, zoneAssociation, "vpcId not a UUID", { vpcId: "vpc-1" }, 'vpcId: "vpc-1"', "UUID"),
    row(PZA, zoneAssociation, "vpcRegion malformed", { vpcRegion: "South China" }, 'vpcRegion: "South China"', "not a Huawei Cloud region name"),
    row(PZA, zoneAssociation, "vpcRegion with an underscore", { vpcRegion: "cn_south_1" }, 'vpcRegion: "cn_south_1"', "region name (such as cn-north-4)"),
    // ---- RecordSet
    row(RS, without(recordSet, "records"), "records missing", {}, "records: (missing)", "required"),
    row(RS, recordSet, "records empty", { records: [] }, "records: []", "at least one record"),
    row(RS, recordSet, "a record twice", { records: ["10.0.0.1", "10.0.0.1"] }, 'records[1]: "10.0.0.1"', "repeats records[0]"),
    row(RS, recordSet, "type unknown", { type: "SPF" }, 'type: "SPF"', "one of A, AAAA"),
    row(RS, recordSet, "type CAA (public zones only)", { type: "CAA" }, 'type: "CAA"', "one of A, AAAA"),
    row(RS, recordSet, "an A record that is IPv6", { records: ["fd00::1"] }, 'records[0]: "fd00::1"', "not an IPv4 address"),
    row(RS, recordSet, "an AAAA record that is IPv4", { type: "AAAA", records: ["10.0.0.1"] }, 'records[0]: "10.0.0.1"', "not an IPv6 address"),
    row(RS, recordSet, "a CNAME of two names", { type: "CNAME", records: ["a.example.com", "b.example.com"] }, "records:", "exactly one"),
    row(RS, recordSet, "a CNAME that is an address with a space", { type: "CNAME", records: ["a b"] }, 'records[0]: "a b"', "not a domain name"),
    row(RS, recordSet, "an MX record without a priority", { type: "MX", records: ["mail.example.com."] }, "records[0]:", "priority host"),
    row(RS, recordSet, "an SRV record of three fields", { type: "SRV", records: ["10 5 5060"] }, 'records[0]: "10 5 5060"', "priority weight port host"),
    row(RS, recordSet, "a TXT record of 256 characters", { type: "TXT", records: ["t".repeat(256)] }, "records[0]:", "1–255 characters"),
    row(RS, recordSet, "name with an empty label", { name: "www..corp.example.com" }, 'name: "www..corp.example.com"', "not a domain name"),
    row(RS, recordSet, "TTL 0", { ttl: 0 }, "ttl: 0", "1–2147483647"),
    row(RS, recordSet, "zoneId malformed", { zoneId: "zone 1" }, 'zoneId: "zone 1"', "private zone id"),
    row(RS, recordSet, "enabled as a string", { enabled: "true" }, 'enabled: "true"', "true or false"),
    // ---- DNS tags (PrivateZone, RecordSet)
    row(PZ, zone, "19 tags", { tags: Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`k${i}`, "v"])) }, "tags:", "more than 18 tags", "2 of which"),
    row(PZ, zone, "the creation key as a tag", { tags: { "pulumi-privatelink-key": "mine" } }, 'tags: key "pulumi-privatelink-key"', "writes itself"),
    row(PZ, zone, "the creation token as a tag", { tags: { "pulumi-privatelink-token": "t" } }, 'tags: key "pulumi-privatelink-token"', "another key"),
    row(PZ, zone, "tag key with a comma", { tags: { "a,b": "v" } }, 'tags: key "a,b"', "_ . : = + - @ only"),
    row(PZ, zone, "tag key starting with _sys_", { tags: { _sys_x: "v" } }, 'tags: key "_sys_x"', "_sys_"),
    row(PZ, zone, "tag key of 129 characters", { tags: { ["k".repeat(129)]: "v" } }, "tags: key", "longer than 128"),
    row(RS, recordSet, "21 tags", { tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])) }, "tags:", "more than 20 tags"),
    row(RS, recordSet, "tag value with |", { tags: { a: "x|y" } }, 'tags.a: "x|y"', "/ = + - @ only"),
    row(RS, recordSet, "tag value of 256 characters", { tags: { a: "v".repeat(256) } }, "tags.a:", "longer than 255"),
    row(RS, recordSet, "the creation key as a tag", { tags: { "pulumi-privatelink-key": "k" } }, 'tags: key "pulumi-privatelink-key"', "writes itself"),
    row(SVC, service, "the creation key as a tag", { tags: { "pulumi-privatelink-key": "k" } }, 'tags: key "pulumi-privatelink-key"', "writes itself"),
];
