import type { Account } from "../core/accounts";
import type { NetworkStore } from "./store";

/** The seeded network's addresses (fixed by the shared contract). */
export const SEED = {
    backendVpcCidr: "192.168.0.0/16",
    backendSubnetCidr: "192.168.0.0/24",
    backendPortIp: "192.168.0.10",
    clientVpcCidr: "10.0.0.0/16",
    clientSubnetCidr: "10.0.0.0/24",
};

/**
 * Seeds one account's demo network in each of its projects: a backend VPC with a subnet and a
 * VM NIC (what an endpoint service points at), and a client VPC with a subnet and a route table
 * (where endpoints are created).
 */
export function seedAccountNetwork(network: NetworkStore, account: Account): void {
    const ids = account.networkIds;
    for (const p of account.projects) {
        const s = { projectId: p.id, region: p.region };
        network.addVpc(s, { id: ids.backendVpcId, name: "backend-vpc", cidr: SEED.backendVpcCidr });
        network.addSubnet(s, { id: ids.backendSubnetId, name: "backend-subnet", vpcId: ids.backendVpcId, cidr: SEED.backendSubnetCidr });
        network.addRouteTable(s, { id: ids.backendRouteTableId, name: "backend-rtb", vpcId: ids.backendVpcId });
        network.allocatePort(s, {
            id: ids.backendPortId,
            subnetId: ids.backendSubnetId,
            ip: SEED.backendPortIp,
            deviceOwner: "compute:nova",
            deviceId: "backend-vm",
        });
        network.addVpc(s, { id: ids.clientVpcId, name: "client-vpc", cidr: SEED.clientVpcCidr });
        network.addSubnet(s, { id: ids.clientSubnetId, name: "client-subnet", vpcId: ids.clientVpcId, cidr: SEED.clientSubnetCidr });
        network.addRouteTable(s, { id: ids.clientRouteTableId, name: "client-rtb", vpcId: ids.clientVpcId });
    }
}
