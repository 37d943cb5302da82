/**
 * The bodies of the `/_emulator/*` control routes, as control-routes.ts answers them and
 * control-client.ts reads them: one declaration for both sides.
 */
import type { toWire } from "../network/model";
import type { SEED } from "../network/seed";
import type { Account, SeedNetworkIds } from "./accounts";
import type { KindTimings, TimingsPreset } from "./timings";

/**
 * One account of `GET info` (its credentials are demo values, shown on purpose): the account
 * record, with its seeded network's ids joined by the seed's addresses and ranges.
 */
export type AccountInfo = Omit<Account, "networkIds"> & { network: SeedNetworkIds & typeof SEED };

/** `GET timings`, and the answer of `PUT timings`. */
export interface TimingsInfo {
    preset: TimingsPreset;
    overrides: Record<string, KindTimings>;
}

/** `PUT limits`' answer and `GET info`'s `limits`. */
export interface LimitsInfo {
    requestsPerSecond: number | null;
    quotas: Record<string, number>;
}

/** `PUT limits`: a field left out is left as it is; `requestsPerSecond: null` lifts the limit. */
export interface LimitsChange {
    requestsPerSecond?: number | null;
    /** Per resource kind (`vpcep:endpoint`), merged into the quotas already set. */
    quotas?: Record<string, number>;
}

/** `GET info`. */
export interface EmulatorInfo {
    version: string;
    apis: string[];
    accounts: AccountInfo[];
    timings: TimingsInfo;
    limits: LimitsInfo;
    /** The emulator clock, epoch ms. */
    now: number;
}

/** Where `POST network/*` puts an object: an account (default `demo`) and one of its projects (default its first). */
export interface NetworkTarget {
    account?: string;
    projectId?: string;
}

/** `POST network/vpcs`. */
export interface VpcRequest extends NetworkTarget {
    id?: string;
    name?: string;
    cidr: string;
}

/** `POST network/subnets`. */
export interface SubnetRequest extends NetworkTarget {
    id?: string;
    name?: string;
    vpcId: string;
    cidr: string;
    /** Makes the subnet dual-stack: its IPv6 /64 (`2001:db8:a::/64`). */
    ipv6Cidr?: string;
}

/** `POST network/ports`: the requested address, or the lowest free one. */
export interface PortRequest extends NetworkTarget {
    id?: string;
    subnetId: string;
    ip?: string;
    /** Default `compute:nova`. */
    deviceOwner?: string;
    deviceId?: string;
}

/** `POST network/routetables`. */
export interface RouteTableRequest extends NetworkTarget {
    id?: string;
    name?: string;
    vpcId: string;
}

/** The network objects `POST network/*` answers (snake_case like the VPC API). */
export type VpcWire = ReturnType<typeof toWire.vpc>;
export type SubnetWire = ReturnType<typeof toWire.subnet>;
export type PortWire = ReturnType<typeof toWire.port>;
export type RouteTableWire = ReturnType<typeof toWire.routeTable>;
