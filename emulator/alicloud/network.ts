import { ACCOUNTS, type Account, type AlicloudNetwork } from "../core/accounts";
import type { Scope } from "../core/scoped-store";
import type { NetworkStore } from "../network/store";

/**
 * Each account's Alibaba Cloud network in cn-hangzhou (and, with the table after this one, in
 * cn-shanghai), kept in the shared network model (VPC, vSwitches as subnets, the load balancer's
 * address as a port) under the scope `alicloud:<UID>` / `<region>`. Zones, security groups and
 * load balancers are not part of the shared model; they are the fixed tables below (ids in
 * `Account.alicloud.network` and `Account.alicloud.secondRegion.network`).
 */
export const ALICLOUD_SEED = {
    vpcCidr: "172.16.0.0/16",
    vSwitchCidrs: { "cn-hangzhou-h": "172.16.1.0/24", "cn-hangzhou-i": "172.16.2.0/24", "cn-hangzhou-j": "172.16.3.0/24" } as Record<string, string>,
    loadBalancerIp: "172.16.1.100",
    /** The zones the seeded load balancer serves in (an endpoint service supports these). */
    loadBalancerZones: ["cn-hangzhou-h", "cn-hangzhou-i"],
    /**
     * The VPC's IPv6 block and the /64 of each IPv6-enabled vSwitch: h and i have one, j has none,
     * so a DualStack endpoint can be tried in both kinds of vSwitch (a DualStack endpoint needs
     * IPv6-enabled vSwitches: UpdateVpcEndpointAttribute's AddressIpVersion, official SDK 4.0.9).
     */
    vpcIpv6Cidr: "2408:4005:3f6:ac00::/56",
    vSwitchIpv6Cidrs: { "cn-hangzhou-h": "2408:4005:3f6:ac01::/64", "cn-hangzhou-i": "2408:4005:3f6:ac02::/64" } as Record<string, string>,
    /** The seeded NLB's IPv4 address (it is dual-stack, serving zones h, i and j). */
    nlbIp: "172.16.2.100",
    nlbZones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"],
    /** The seeded GWLB's IPv4 address (IPv4 only, serving zones h and i). */
    gwlbIp: "172.16.1.110",
    gwlbZones: ["cn-hangzhou-h", "cn-hangzhou-i"],
    /** The zone of the vSwitch each load balancer's address is in. */
    addressZones: { slb: "cn-hangzhou-h", nlb: "cn-hangzhou-i", gwlb: "cn-hangzhou-h" } as Record<"slb" | "nlb" | "gwlb", string>,
};

/** What one region's seed table holds. */
type RegionSeed = Omit<typeof ALICLOUD_SEED, "vpcIpv6Cidr"> & { nlbDualStack: boolean };

/**
 * The second region's network (cn-shanghai): a VPC with vSwitches in two zones, one security
 * group and the three kinds of load balancer, IPv4 only, in a CIDR of its own so that an address
 * never reads as the other region's. It is the other side of a cross-region endpoint.
 */
export const ALICLOUD_SECOND_SEED: RegionSeed = {
    vpcCidr: "192.168.0.0/16",
    vSwitchCidrs: { "cn-shanghai-e": "192.168.1.0/24", "cn-shanghai-f": "192.168.2.0/24" },
    loadBalancerIp: "192.168.1.100",
    loadBalancerZones: ["cn-shanghai-e", "cn-shanghai-f"],
    vSwitchIpv6Cidrs: {},
    nlbIp: "192.168.2.100",
    nlbZones: ["cn-shanghai-e", "cn-shanghai-f"],
    nlbDualStack: false,
    gwlbIp: "192.168.1.110",
    gwlbZones: ["cn-shanghai-e", "cn-shanghai-f"],
    addressZones: { slb: "cn-shanghai-e", nlb: "cn-shanghai-f", gwlb: "cn-shanghai-e" },
};

/** One seeded region of an account: its id, its network's ids and its seed table. */
interface SeededRegion {
    regionId: string;
    network: AlicloudNetwork;
    seed: RegionSeed;
}

/** The account's seeded regions: its first (cn-hangzhou) and its second (cn-shanghai). */
function seededRegions(account: Account): SeededRegion[] {
    const a = account.alicloud;
    return [
        { regionId: a.regionId, network: a.network, seed: { ...ALICLOUD_SEED, nlbDualStack: true } },
        { regionId: a.secondRegion.regionId, network: a.secondRegion.network, seed: ALICLOUD_SECOND_SEED },
    ];
}

/** The seeded region a vSwitch belongs to (ids never repeat across an account's regions). */
function regionOfVSwitch(account: Account, vSwitchId: string): { region: SeededRegion; zone: string } | undefined {
    for (const region of seededRegions(account)) {
        const zone = Object.entries(region.network.vSwitchIds).find(([, id]) => id === vSwitchId)?.[0];
        if (zone !== undefined) return { region, zone };
    }
    return undefined;
}

export function alicloudScope(account: Account, region = account.alicloud.regionId): Scope {
    return { projectId: `alicloud:${account.alicloud.accountId}`, region };
}

/** Seeds every account's Alibaba networks, in each of its regions (called after the shared network store was reset). */
export function seedAlicloudNetworks(network: NetworkStore): void {
    for (const a of ACCOUNTS) {
        for (const region of seededRegions(a)) {
            const s = alicloudScope(a, region.regionId);
            const ids = region.network;
            network.addVpc(s, { id: ids.vpcId, name: "alicloud-vpc", cidr: region.seed.vpcCidr });
            for (const [zone, id] of Object.entries(ids.vSwitchIds))
                network.addSubnet(s, { id, name: `vsw-${zone}`, vpcId: ids.vpcId, cidr: region.seed.vSwitchCidrs[zone]! });
            // Each load balancer's address is a port of the shared model (`eni-<prefix>-<UID>`, and
            // `-<region>` after it outside the first region).
            const suffix = region.regionId === a.alicloud.regionId ? "" : `-${region.regionId}`;
            for (const [id, lb] of seededLoadBalancers(a).filter(([, lb]) => lb.region === region.regionId))
                network.allocatePort(s, {
                    id: `eni-${id.split("-")[0]}-${a.alicloud.accountId}${suffix}`,
                    subnetId: lb.vSwitchId,
                    ip: lb.ip,
                    deviceOwner: lb.type,
                    deviceId: id,
                });
        }
    }
}

/** The zone of a seeded vSwitch (of any of the account's regions), or undefined. */
export function vSwitchZone(account: Account, vSwitchId: string): string | undefined {
    return regionOfVSwitch(account, vSwitchId)?.zone;
}

/** Whether a security group is one of the account's and belongs to the VPC (of any of its regions). */
export function hasSecurityGroup(account: Account, sgId: string, vpcId: string): boolean {
    return seededRegions(account).some((r) => r.network.securityGroupIds.includes(sgId) && r.network.vpcId === vpcId);
}

/** The IPv6 /64 of a seeded vSwitch, or undefined when IPv6 is not enabled on it. */
export function vSwitchIpv6Cidr(account: Account, vSwitchId: string): string | undefined {
    const found = regionOfVSwitch(account, vSwitchId);
    if (!found) return undefined;
    return found.region.seed.vSwitchIpv6Cidrs[found.zone];
}

/** A load balancer the account owns: its region, type, zones and whether it is dual-stack. */
export interface LoadBalancer {
    region: string;
    type: "slb" | "nlb" | "gwlb";
    zones: string[];
    vpcId: string;
    vSwitchId: string;
    ip: string;
    /** Serves IPv6 too (ListVpcEndpointServiceResources' ResourceSupportIPv6). */
    dualStack: boolean;
}

/** The account's seeded load balancers by id, in each of its regions: the CLB, the NLB and the GWLB. */
function seededLoadBalancers(account: Account): Array<[string, LoadBalancer]> {
    return seededRegions(account).flatMap(({ regionId, network: n, seed }) => {
        const at = (type: LoadBalancer["type"], zones: string[], ip: string, dualStack: boolean): LoadBalancer => ({
            region: regionId,
            type,
            zones,
            vpcId: n.vpcId,
            vSwitchId: n.vSwitchIds[seed.addressZones[type]]!,
            ip,
            dualStack,
        });
        const lbs: Array<[string, LoadBalancer]> = [
            [n.loadBalancerId, at("slb", seed.loadBalancerZones, seed.loadBalancerIp, false)],
            [n.nlbLoadBalancerId, at("nlb", seed.nlbZones, seed.nlbIp, seed.nlbDualStack)],
            [n.gwlbLoadBalancerId, at("gwlb", seed.gwlbZones, seed.gwlbIp, false)],
        ];
        return lbs;
    });
}

/** One of the account's load balancers by id, in `region` when given (another region's is not found there). */
export function loadBalancer(account: Account, id: string, region?: string): LoadBalancer | undefined {
    const lb = seededLoadBalancers(account).find(([lbId]) => lbId === id)?.[1];
    return lb && (region === undefined || lb.region === region) ? lb : undefined;
}
