/**
 * The deterministic demo accounts (fixed by the shared contract). Every cloud's credentials for an
 * account hang off the same record so a later API (Alibaba) adds fields, not a second registry.
 */
export interface Project {
    /** Huawei project id (32 hex). */
    id: string;
    /** Project name, which for Huawei regional projects equals the region. */
    name: string;
    region: string;
}

/** One tenant of the emulator. */
export interface Account {
    name: string;
    domainId: string;
    domainName: string;
    userName: string;
    password: string;
    accessKey: string;
    secretKey: string;
    projects: Project[];
    /** Deterministic ids of the seeded demo network objects (see network/seed.ts). */
    networkIds: SeedNetworkIds;
    /** The account's Alibaba Cloud identity (PrivateLink; seeded by alicloud/network.ts). */
    alicloud: AlicloudIdentity;
}

/** An account's Alibaba Cloud credentials, UID and seeded networks (cn-hangzhou, and cn-shanghai besides). */
export interface AlicloudIdentity {
    /** The 16-digit account UID (what `AddUserToVpcEndpointService` takes). */
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
    /** The account's first region (cn-hangzhou): the one `network` is in, and the one tests and programs use by default. */
    regionId: string;
    network: AlicloudNetwork;
    /**
     * The account's second region (cn-shanghai) with a network of its own, so that an endpoint
     * service in one region and a cross-region endpoint in the other can be modelled.
     */
    secondRegion: { regionId: string; network: AlicloudNetwork };
}

/** The ids of an account's seeded Alibaba network in one region (see alicloud/network.ts). */
export interface AlicloudNetwork {
    vpcId: string;
    /** Zone id → vSwitch id. */
    vSwitchIds: Record<string, string>;
    securityGroupIds: string[];
    /** The seeded CLB (`slb`), IPv4 only. */
    loadBalancerId: string;
    /** The seeded NLB (`nlb`); in cn-hangzhou it is dual-stack: what a DualStack endpoint service fronts. */
    nlbLoadBalancerId: string;
    /** The seeded Gateway Load Balancer (`gwlb`), IPv4 only: what a GatewayLoadBalancer service fronts. */
    gwlbLoadBalancerId: string;
}

function alicloudIdentity(n: number, tag: string, ak: string, sk: string): AlicloudIdentity {
    const id = (prefix: string, suffix: string) => `${prefix}-emu${tag}${suffix.padStart(17 - tag.length - 3, "0")}`;
    return {
        accountId: `10000000000000${String(n).padStart(2, "0")}`,
        accessKeyId: ak,
        accessKeySecret: sk,
        regionId: "cn-hangzhou",
        network: {
            vpcId: id("vpc", "1"),
            vSwitchIds: { "cn-hangzhou-h": id("vsw", "h"), "cn-hangzhou-i": id("vsw", "i"), "cn-hangzhou-j": id("vsw", "j") },
            securityGroupIds: [id("sg", "1"), id("sg", "2")],
            loadBalancerId: id("lb", "1"),
            nlbLoadBalancerId: id("nlb", "1"),
            gwlbLoadBalancerId: id("gwlb", "1"),
        },
        // Ids of the second region end in `s…`, so that no id repeats across the account's regions.
        secondRegion: {
            regionId: "cn-shanghai",
            network: {
                vpcId: id("vpc", "s1"),
                vSwitchIds: { "cn-shanghai-e": id("vsw", "se"), "cn-shanghai-f": id("vsw", "sf") },
                securityGroupIds: [id("sg", "s1")],
                loadBalancerId: id("lb", "s1"),
                nlbLoadBalancerId: id("nlb", "s1"),
                gwlbLoadBalancerId: id("gwlb", "s1"),
            },
        },
    };
}

/** Ids of the demo network seeded for each account. */
export interface SeedNetworkIds {
    backendVpcId: string;
    backendSubnetId: string;
    backendPortId: string;
    backendRouteTableId: string;
    clientVpcId: string;
    clientSubnetId: string;
    clientRouteTableId: string;
}

function seedIds(base: number): SeedNetworkIds {
    const id = (n: number) => `11111111-1111-4111-8111-${String(base + n).padStart(12, "0")}`;
    return {
        backendVpcId: id(1),
        backendSubnetId: id(2),
        backendPortId: id(3),
        clientVpcId: id(4),
        clientSubnetId: id(5),
        clientRouteTableId: id(6),
        backendRouteTableId: id(7),
    };
}

/** The region every demo project lives in. */
export const DEMO_REGION = "cn-north-4";

/** The demo account's second region. */
export const SECOND_REGION = "cn-south-1";

/** The accounts, in the order `GET /_emulator/info` lists them. */
export const ACCOUNTS: readonly Account[] = [
    {
        name: "demo",
        domainId: "d0000000000000000000000000000001",
        domainName: "demo",
        userName: "demo-user",
        password: "demo-password",
        accessKey: "EMUDEMOACCESSKEY0001",
        secretKey: "emulator-demo-secret-key-0001",
        projects: [
            { id: "a0000000000000000000000000000001", name: DEMO_REGION, region: DEMO_REGION },
            // A second region, for programs that span two (examples/vpcep-two-regions): the same
            // seeded network ids, in a project of its own.
            { id: "a0000000000000000000000000000011", name: SECOND_REGION, region: SECOND_REGION },
        ],
        networkIds: seedIds(0),
        alicloud: alicloudIdentity(1, "demo", "LTAIEMUDEMOACCESS001", "emulator-demo-alicloud-secret-0001"),
    },
    {
        name: "consumer",
        domainId: "d0000000000000000000000000000002",
        domainName: "consumer",
        userName: "consumer-user",
        password: "consumer-password",
        accessKey: "EMUCONSUMERACCESSK02",
        secretKey: "emulator-consumer-secret-key-0002",
        projects: [{ id: "a0000000000000000000000000000002", name: DEMO_REGION, region: DEMO_REGION }],
        networkIds: seedIds(100),
        alicloud: alicloudIdentity(2, "cons", "LTAIEMUCONSUMERAK002", "emulator-consumer-alicloud-secret-0002"),
    },
    {
        // A third tenant: another team or a partner, for isolation checks (e.g. a dev consumer that a
        // prod service has not permitted).
        name: "partner",
        domainId: "d0000000000000000000000000000003",
        domainName: "partner",
        userName: "partner-user",
        password: "partner-password",
        accessKey: "EMUPARTNERACCESSK003",
        secretKey: "emulator-partner-secret-key-0003",
        projects: [{ id: "a0000000000000000000000000000003", name: DEMO_REGION, region: DEMO_REGION }],
        networkIds: seedIds(200),
        alicloud: alicloudIdentity(3, "part", "LTAIEMUPARTNERACCK03", "emulator-partner-alicloud-secret-0003"),
    },
];

/** Lookups over the account list. */
export const accounts = {
    all: ACCOUNTS,
    byName: (name: string) => ACCOUNTS.find((a) => a.name === name),
    byAccessKey: (ak: string) => ACCOUNTS.find((a) => a.accessKey === ak),
    byAlicloudAccessKey: (ak: string) => ACCOUNTS.find((a) => a.alicloud.accessKeyId === ak),
    byDomainId: (id: string) => ACCOUNTS.find((a) => a.domainId === id),
    byDomainName: (name: string) => ACCOUNTS.find((a) => a.domainName === name),
    byProjectId: (projectId: string) => ACCOUNTS.find((a) => a.projects.some((p) => p.id === projectId)),
    project: (projectId: string) => {
        for (const a of ACCOUNTS) {
            const p = a.projects.find((x) => x.id === projectId);
            if (p) return { account: a, project: p };
        }
        return undefined;
    },
};
