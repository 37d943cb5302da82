import { ACCOUNTS, type Account } from "../core/accounts";
import type { Scope } from "../core/scoped-store";
import type { NetworkStore } from "../network/store";

/**
 * Each account's Alibaba Cloud network in cn-hangzhou, kept in the shared network model (VPC,
 * vSwitches as subnets, the load balancer's address as a port) under the scope
 * `alicloud:<UID>` / `cn-hangzhou`. Zones, security groups and load balancers are not part of
 * the shared model; they are the fixed tables below (ids in `Account.alicloud.network`).
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
};

export function alicloudScope(account: Account, region = account.alicloud.regionId): Scope {
    return { projectId: `alicloud:${account.alicloud.accountId}`, region };
}

/** Seeds every account's Alibaba network (called after the shared network store was reset). */
export function seedAlicloudNetworks(network: NetworkStore): void {
    for (const a of ACCOUNTS) {
        const s = alicloudScope(a);
        const ids = a.alicloud.network;
        network.addVpc(s, { id: ids.vpcId, name: "alicloud-vpc", cidr: ALICLOUD_SEED.vpcCidr });
        for (const [zone, id] of Object.entries(ids.vSwitchIds))
            network.addSubnet(s, { id, name: `vsw-${zone}`, vpcId: ids.vpcId, cidr: ALICLOUD_SEED.vSwitchCidrs[zone]! });
        // Each load balancer's address is a port of the shared model (`eni-<prefix>-<UID>`).
        for (const [id, lb] of seededLoadBalancers(a))
            network.allocatePort(s, {
                id: `eni-${id.split("-")[0]}-${a.alicloud.accountId}`,
                subnetId: lb.vSwitchId,
                ip: lb.ip,
                deviceOwner: lb.type,
                deviceId: id,
            });
    }
}

/** The zone of a seeded vSwitch, or undefined. */
export function vSwitchZone(account: Account, vSwitchId: string): string | undefined {
    return Object.entries(account.alicloud.network.vSwitchIds).find(([, id]) => id === vSwitchId)?.[0];
}

export function hasSecurityGroup(account: Account, sgId: string, vpcId: string): boolean {
    return account.alicloud.network.securityGroupIds.includes(sgId) && account.alicloud.network.vpcId === vpcId;
}

/** The IPv6 /64 of a seeded vSwitch, or undefined when IPv6 is not enabled on it. */
export function vSwitchIpv6Cidr(account: Account, vSwitchId: string): string | undefined {
    const zone = vSwitchZone(account, vSwitchId);
    return zone === undefined ? undefined : ALICLOUD_SEED.vSwitchIpv6Cidrs[zone];
}

/** A load balancer the account owns: its type, zones and whether it is dual-stack. */
export interface LoadBalancer {
    type: "slb" | "nlb" | "gwlb";
    zones: string[];
    vpcId: string;
    vSwitchId: string;
    ip: string;
    /** Serves IPv6 too (ListVpcEndpointServiceResources' ResourceSupportIPv6). */
    dualStack: boolean;
}

/** The account's seeded load balancers by id: the CLB, the dual-stack NLB and the GWLB. */
function seededLoadBalancers(account: Account): Array<[string, LoadBalancer]> {
    const n = account.alicloud.network;
    const at = (type: LoadBalancer["type"], zones: string[], vSwitchZone: string, ip: string, dualStack: boolean): LoadBalancer => ({
        type,
        zones,
        vpcId: n.vpcId,
        vSwitchId: n.vSwitchIds[vSwitchZone]!,
        ip,
        dualStack,
    });
    return [
        [n.loadBalancerId, at("slb", ALICLOUD_SEED.loadBalancerZones, "cn-hangzhou-h", ALICLOUD_SEED.loadBalancerIp, false)],
        [n.nlbLoadBalancerId, at("nlb", ALICLOUD_SEED.nlbZones, "cn-hangzhou-i", ALICLOUD_SEED.nlbIp, true)],
        [n.gwlbLoadBalancerId, at("gwlb", ALICLOUD_SEED.gwlbZones, "cn-hangzhou-h", ALICLOUD_SEED.gwlbIp, false)],
    ];
}

export function loadBalancer(account: Account, id: string): LoadBalancer | undefined {
    return seededLoadBalancers(account).find(([lbId]) => lbId === id)?.[1];
}
