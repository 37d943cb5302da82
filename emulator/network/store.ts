import { ACCOUNTS, type Account } from "../core/accounts";
import type { ResourceView } from "../core/api-module";
import { newUuid } from "../core/ids";
import { type Scope, ScopedStore } from "../core/scoped-store";
import { type Cidr, containsCidr, containsIp, intToIp, isIPv4, overlaps, parseCidr, size } from "./cidr";
import { bigToIpv6, parseCidr6 } from "./ipv6";
import { emptyNetwork, type NetworkScope, type Port, type RouteTable, type Subnet, toWire, type Vpc } from "./model";
import { seedAccountNetwork } from "./seed";

/** Why a network operation was refused; each API maps these to its own error codes. */
export type NetworkErrorReason =
    | "invalid"
    | "not_found"
    | "conflict"
    /** A subnet CIDR outside its VPC's, or a VPC CIDR that would leave a subnet outside. */
    | "outside_vpc"
    /** Deleting a VPC that has subnets, or a subnet that has ports. */
    | "in_use"
    | "ip_invalid"
    | "ip_not_in_subnet"
    | "ip_in_use"
    | "subnet_full";

/** The attributes of a VPC beyond id, name and CIDR (set through the VPC API). */
export type VpcExtras = Pick<Vpc, "description" | "enterpriseProjectId" | "createdAt" | "updatedAt">;
/** The attributes of a subnet beyond id, name, VPC, CIDR and gateway (set through the VPC API). */
export type SubnetExtras = Pick<Subnet, "description" | "dhcpEnable" | "primaryDns" | "secondaryDns" | "dnsList" | "availabilityZone" | "extraDhcpOpts">;

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

    addVpc(s: Scope, input: { id?: string; name?: string; cidr: string } & VpcExtras): Vpc {
        const { id: wanted, name, cidr, ...extras } = input;
        vpcCidr(cidr);
        const n = this.scope(s);
        const id = wanted ?? newUuid();
        if (n.vpcs[id]) throw new NetworkError("conflict", `VPC ${id} already exists`);
        const vpc: Vpc = { id, name: name ?? `vpc-${id.slice(0, 8)}`, cidr, ...defined(extras) };
        n.vpcs[id] = vpc;
        this.markDirty();
        return vpc;
    }

    /** Changes a VPC's name, CIDR or extras; a new CIDR must still hold every subnet of the VPC. */
    updateVpc(s: Scope, id: string, patch: Partial<Pick<Vpc, "name" | "cidr">> & VpcExtras): Vpc {
        const n = this.scope(s);
        const vpc = n.vpcs[id];
        if (!vpc) throw new NetworkError("not_found", `VPC ${id} does not exist`);
        if (patch.cidr !== undefined && patch.cidr !== vpc.cidr) {
            const cidr = vpcCidr(patch.cidr);
            const outside = Object.values(n.subnets).find((x) => x.vpcId === id && !containsCidr(cidr, parseCidr(x.cidr)!));
            if (outside) throw new NetworkError("outside_vpc", `cidr ${patch.cidr} does not contain subnet ${outside.id} (${outside.cidr})`);
        }
        Object.assign(vpc, defined(patch));
        this.markDirty();
        return vpc;
    }

    /** Deletes a VPC that has no subnets, with its route tables. */
    removeVpc(s: Scope, id: string): void {
        const n = this.scope(s);
        if (!n.vpcs[id]) throw new NetworkError("not_found", `VPC ${id} does not exist`);
        const subnet = Object.values(n.subnets).find((x) => x.vpcId === id);
        if (subnet) throw new NetworkError("in_use", `VPC ${id} still has subnet ${subnet.id}`);
        for (const rt of Object.values(n.routeTables)) if (rt.vpcId === id) delete n.routeTables[rt.id];
        delete n.vpcs[id];
        this.markDirty();
    }

    /**
     * Adds a subnet inside its VPC's CIDR, overlapping no sibling. The gateway defaults to the
     * first host address; a given one must be a host address of the subnet.
     */
    addSubnet(s: Scope, input: { id?: string; name?: string; vpcId: string; cidr: string; gatewayIp?: string; ipv6Cidr?: string } & SubnetExtras): Subnet {
        const { id: wanted, name, vpcId, cidr: text, gatewayIp, ipv6Cidr, ...extras } = input;
        const n = this.scope(s);
        const vpc = n.vpcs[vpcId];
        if (!vpc) throw new NetworkError("not_found", `VPC ${vpcId} does not exist`);
        const cidr = parseCidr(text);
        if (!cidr || cidr.prefix > 29) throw new NetworkError("invalid", `cidr ${text} must be an IPv4 block of at most /29 with zero host bits`);
        if (!containsCidr(parseCidr(vpc.cidr)!, cidr)) throw new NetworkError("outside_vpc", `subnet ${text} is not inside VPC ${vpc.cidr}`);
        for (const other of Object.values(n.subnets)) {
            if (other.vpcId === vpc.id && overlaps(parseCidr(other.cidr)!, cidr)) {
                throw new NetworkError("conflict", `subnet ${text} overlaps subnet ${other.id} (${other.cidr})`);
            }
        }
        const v6 = ipv6Cidr === undefined ? undefined : parseCidr6(ipv6Cidr);
        if (ipv6Cidr !== undefined && v6?.prefix !== 64) throw new NetworkError("invalid", `ipv6 cidr ${ipv6Cidr} must be an IPv6 /64 with zero host bits`);
        const gateway = gatewayIp ?? intToIp(cidr.base + 1);
        if (!isIPv4(gateway) || !containsIp(cidr, gateway) || gateway === intToIp(cidr.base) || gateway === intToIp(cidr.base + size(cidr) - 1))
            throw new NetworkError("invalid", `gateway_ip ${gateway} must be a host address of ${text}`);
        const id = wanted ?? newUuid();
        if (n.subnets[id]) throw new NetworkError("conflict", `subnet ${id} already exists`);
        const subnet: Subnet = {
            id,
            name: name ?? `subnet-${id.slice(0, 8)}`,
            vpcId: vpc.id,
            cidr: text,
            gatewayIp: gateway,
            ...defined({ ...extras, ipv6Cidr: v6 ? `${bigToIpv6(v6.base)}/64` : undefined }),
        };
        n.subnets[id] = subnet;
        this.markDirty();
        return subnet;
    }

    /** Changes a subnet's name or extras (its CIDR, gateway and VPC never change). */
    updateSubnet(s: Scope, id: string, patch: Partial<Pick<Subnet, "name">> & SubnetExtras): Subnet {
        const subnet = this.scope(s).subnets[id];
        if (!subnet) throw new NetworkError("not_found", `subnet ${id} does not exist`);
        Object.assign(subnet, defined(patch));
        this.markDirty();
        return subnet;
    }

    /** Deletes a subnet that holds no port. */
    removeSubnet(s: Scope, id: string): void {
        const n = this.scope(s);
        if (!n.subnets[id]) throw new NetworkError("not_found", `subnet ${id} does not exist`);
        const port = Object.values(n.ports).find((p) => p.subnetId === id);
        if (port) throw new NetworkError("in_use", `subnet ${id} still has port ${port.id} (${port.ip}, ${port.deviceOwner || "no device owner"})`);
        delete n.subnets[id];
        this.markDirty();
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
    allocatePort(
        s: Scope,
        input: { id?: string; subnetId: string; ip?: string; deviceOwner: string; deviceId?: string; name?: string; createdAt?: number },
    ): Port {
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
        const port: Port = {
            id,
            vpcId: subnet.vpcId,
            subnetId: subnet.id,
            ip,
            deviceOwner: input.deviceOwner,
            deviceId: input.deviceId,
            ...defined({ name: input.name, createdAt: input.createdAt }),
        };
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

/** Parses a VPC CIDR: an IPv4 block from /8 to /28 with zero host bits. */
function vpcCidr(text: string): Cidr {
    const cidr = parseCidr(text);
    if (!cidr || cidr.prefix < 8 || cidr.prefix > 28)
        throw new NetworkError("invalid", `cidr ${text} must be an IPv4 block from /8 to /28 with zero host bits`);
    return cidr;
}

/** The object without its undefined properties, so records stay plain JSON without empty keys. */
function defined<T extends object>(o: T): Partial<T> {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function accountOf(projectId: string): Account | undefined {
    return ACCOUNTS.find((a) => a.projects.some((p) => p.id === projectId));
}
