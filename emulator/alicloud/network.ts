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
        network.allocatePort(s, {
            id: `eni-lb-${a.alicloud.accountId}`,
            subnetId: ids.vSwitchIds["cn-hangzhou-h"]!,
            ip: ALICLOUD_SEED.loadBalancerIp,
            deviceOwner: "slb",
            deviceId: ids.loadBalancerId,
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

/** A load balancer the account owns: its type and zones. */
export function loadBalancer(account: Account, id: string): { type: "slb"; zones: string[]; vpcId: string; vSwitchId: string; ip: string } | undefined {
    const n = account.alicloud.network;
    if (id !== n.loadBalancerId) return undefined;
    return { type: "slb", zones: ALICLOUD_SEED.loadBalancerZones, vpcId: n.vpcId, vSwitchId: n.vSwitchIds["cn-hangzhou-h"]!, ip: ALICLOUD_SEED.loadBalancerIp };
}
