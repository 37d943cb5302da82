import { ACCOUNTS, type Account } from "../core/accounts";
import type { ResourceView } from "../core/api-module";
import { newUuid } from "../core/ids";
import { type Scope, ScopedStore } from "../core/scoped-store";
import { containsCidr, containsIp, intToIp, isIPv4, overlaps, parseCidr, size } from "./cidr";
import { emptyNetwork, type NetworkScope, type Port, type RouteTable, type Subnet, toWire, type Vpc } from "./model";
import { seedAccountNetwork } from "./seed";

/** Why a network operation was refused; each API maps these to its own error codes. */
export type NetworkErrorReason = "invalid" | "not_found" | "conflict" | "ip_invalid" | "ip_not_in_subnet" | "ip_in_use" | "subnet_full";

export class NetworkError extends Error {
    constructor(
        readonly reason: NetworkErrorReason,
        message: string,
    ) {
        super(message);
    }
}

/**
 * The network model shared by every API: VPCs, subnets, ports and route tables per project and
 * region, with IP allocation from a subnet's CIDR and overlap checks.
 */
export class NetworkStore {
    private readonly store = new ScopedStore<NetworkScope>(() => emptyNetwork());

    constructor(private readonly markDirty: () => void = () => {}) {}

    /** The network objects of one scope. */
    scope(s: Scope): NetworkScope {
        return this.store.get(s);
    }

    addVpc(s: Scope, input: { id?: string; name?: string; cidr: string }): Vpc {
        const cidr = parseCidr(input.cidr);
        if (!cidr || cidr.prefix < 8 || cidr.prefix > 28)
            throw new NetworkError("invalid", `cidr ${input.cidr} must be an IPv4 block from /8 to /28 with zero host bits`);
        const n = this.scope(s);
        const id = input.id ?? newUuid();
        if (n.vpcs[id]) throw new NetworkError("conflict", `VPC ${id} already exists`);
        const vpc: Vpc = { id, name: input.name ?? `vpc-${id.slice(0, 8)}`, cidr: input.cidr };
        n.vpcs[id] = vpc;
        this.markDirty();
        return vpc;
    }

    addSubnet(s: Scope, input: { id?: string; name?: string; vpcId: string; cidr: string }): Subnet {
        const n = this.scope(s);
        const vpc = n.vpcs[input.vpcId];
        if (!vpc) throw new NetworkError("not_found", `VPC ${input.vpcId} does not exist`);
        const cidr = parseCidr(input.cidr);
        if (!cidr || cidr.prefix > 29) throw new NetworkError("invalid", `cidr ${input.cidr} must be an IPv4 block of at most /29 with zero host bits`);
        if (!containsCidr(parseCidr(vpc.cidr)!, cidr)) throw new NetworkError("invalid", `subnet ${input.cidr} is not inside VPC ${vpc.cidr}`);
        for (const other of Object.values(n.subnets)) {
            if (other.vpcId === vpc.id && overlaps(parseCidr(other.cidr)!, cidr)) {
                throw new NetworkError("conflict", `subnet ${input.cidr} overlaps subnet ${other.id} (${other.cidr})`);
            }
        }
        const id = input.id ?? newUuid();
        if (n.subnets[id]) throw new NetworkError("conflict", `subnet ${id} already exists`);
        const subnet: Subnet = { id, name: input.name ?? `subnet-${id.slice(0, 8)}`, vpcId: vpc.id, cidr: input.cidr, gatewayIp: intToIp(cidr.base + 1) };
        n.subnets[id] = subnet;
        this.markDirty();
        return subnet;
    }

    addRouteTable(s: Scope, input: { id?: string; name?: string; vpcId: string }): RouteTable {
        const n = this.scope(s);
        if (!n.vpcs[input.vpcId]) throw new NetworkError("not_found", `VPC ${input.vpcId} does not exist`);
        const id = input.id ?? newUuid();
        if (n.routeTables[id]) throw new NetworkError("conflict", `route table ${id} already exists`);
        const isDefault = !Object.values(n.routeTables).some((r) => r.vpcId === input.vpcId);
        const rt: RouteTable = { id, name: input.name ?? `rtb-${id.slice(0, 8)}`, vpcId: input.vpcId, isDefault };
        n.routeTables[id] = rt;
        this.markDirty();
        return rt;
    }

    /** Why `ip` cannot be taken in the subnet, or undefined when it is free. */
    checkIp(s: Scope, subnetId: string, ip: string): NetworkError | undefined {
        const n = this.scope(s);
        const subnet = n.subnets[subnetId];
        if (!subnet) return new NetworkError("not_found", `subnet ${subnetId} does not exist`);
        if (!isIPv4(ip)) return new NetworkError("ip_invalid", `${ip} is not an IPv4 address`);
        const cidr = parseCidr(subnet.cidr)!;
        if (!containsIp(cidr, ip)) return new NetworkError("ip_not_in_subnet", `${ip} is not in subnet ${subnet.cidr}`);
        // The network address, the gateway and the broadcast address are never assignable.
        const reserved = [intToIp(cidr.base), subnet.gatewayIp, intToIp(cidr.base + size(cidr) - 1)];
        if (reserved.includes(ip)) return new NetworkError("ip_not_in_subnet", `${ip} is reserved in subnet ${subnet.cidr}`);
        const holder = Object.values(n.ports).find((p) => p.subnetId === subnetId && p.ip === ip);
        if (holder) return new NetworkError("ip_in_use", `${ip} is already used by port ${holder.id}`);
        return undefined;
    }

    /** Creates a port with the requested IP, or the lowest free one. */
    allocatePort(s: Scope, input: { id?: string; subnetId: string; ip?: string; deviceOwner: string; deviceId?: string }): Port {
        const n = this.scope(s);
        const subnet = n.subnets[input.subnetId];
        if (!subnet) throw new NetworkError("not_found", `subnet ${input.subnetId} does not exist`);
        let ip = input.ip;
        if (ip !== undefined) {
            const err = this.checkIp(s, subnet.id, ip);
            if (err) throw err;
        } else {
            const cidr = parseCidr(subnet.cidr)!;
            for (let a = cidr.base + 2; a < cidr.base + size(cidr) - 1 && ip === undefined; a++) {
                if (!this.checkIp(s, subnet.id, intToIp(a))) ip = intToIp(a);
            }
            if (ip === undefined) throw new NetworkError("subnet_full", `subnet ${subnet.id} has no free address`);
        }
        const id = input.id ?? newUuid();
        if (n.ports[id]) throw new NetworkError("conflict", `port ${id} already exists`);
        const port: Port = { id, vpcId: subnet.vpcId, subnetId: subnet.id, ip, deviceOwner: input.deviceOwner, deviceId: input.deviceId };
        n.ports[id] = port;
        this.markDirty();
        return port;
    }

    releasePort(s: Scope, portId: string): void {
        const n = this.scope(s);
        if (n.ports[portId]) {
            delete n.ports[portId];
            this.markDirty();
        }
    }

    vpc(s: Scope, id: string): Vpc | undefined {
        return this.scope(s).vpcs[id];
    }
    subnet(s: Scope, id: string): Subnet | undefined {
        return this.scope(s).subnets[id];
    }
    port(s: Scope, id: string): Port | undefined {
        return this.scope(s).ports[id];
    }
    routeTable(s: Scope, id: string): RouteTable | undefined {
        return this.scope(s).routeTables[id];
    }
    defaultRouteTable(s: Scope, vpcId: string): RouteTable | undefined {
        return Object.values(this.scope(s).routeTables).find((r) => r.vpcId === vpcId && r.isDefault);
    }

    /** Everything back to the seeded demo network of every account. */
    reset(): void {
        this.store.reset();
        for (const account of ACCOUNTS) seedAccountNetwork(this, account);
    }

    snapshot(): unknown {
        return this.store.snapshot();
    }

    restore(data: unknown): void {
        this.store.restore(data);
    }

    /** Control-route listing: api `network`, kinds vpc, subnet, port, routetable. */
    resources(): ResourceView[] {
        const out: ResourceView[] = [];
        for (const { scope, value } of this.store.entries()) {
            const account = accountOf(scope.projectId)?.name;
            const base = { api: "network", account, projectId: scope.projectId, region: scope.region, status: "ACTIVE", createdAt: 0 };
            for (const v of Object.values(value.vpcs)) out.push({ ...base, kind: "vpc", id: v.id, body: toWire.vpc(v) });
            for (const v of Object.values(value.subnets)) out.push({ ...base, kind: "subnet", id: v.id, body: toWire.subnet(v) });
            for (const v of Object.values(value.ports)) out.push({ ...base, kind: "port", id: v.id, body: toWire.port(v) });
            for (const v of Object.values(value.routeTables)) out.push({ ...base, kind: "routetable", id: v.id, body: toWire.routeTable(v) });
        }
        return out;
    }
}

function accountOf(projectId: string): Account | undefined {
    return ACCOUNTS.find((a) => a.projects.some((p) => p.id === projectId));
}
