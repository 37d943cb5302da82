import type { Lifecycle } from "../../core/lifecycle";

/**
 * DNS resolver endpoint records as the emulator stores them (plain JSON, persisted as is) and
 * their wire projections, written from reference page 003 and the API surface notes.
 */

export type Direction = "inbound" | "outbound";
export type DnsStatus = "PENDING_CREATE" | "ACTIVE" | "PENDING_UPDATE" | "PENDING_DELETE" | "ERROR";

/** One IP address of an endpoint; it holds a port of the shared network model. */
export interface AddressRecord {
    id: string;
    subnetId: string;
    ip: string;
    portId?: string;
    /** Created with the endpoint: its status follows the endpoint's creation. */
    initial: boolean;
    updatedAt: number;
    /** Own lifecycle for addresses added later (and for every removal). */
    lifecycle: Lifecycle;
}

export interface EndpointRecord {
    id: string;
    projectId: string;
    region: string;
    name: string;
    direction: Direction;
    vpcId: string;
    addresses: AddressRecord[];
    updatedAt: number;
    lifecycle: Lifecycle;
}

/** `yyyy-MM-ddTHH:mm:ss.SSS`, without a zone, as DNS v2.1 writes times. */
export function dnsTime(epochMs: number): string {
    return new Date(epochMs).toISOString().replace(/Z$/, "");
}

/**
 * The endpoint object. Until creation settles the API shows `vpc_id: null` and
 * `ipaddress_count: 0` (page 003's 202 example); `resolver_rule_count` only for outbound.
 */
export function endpointToWire(e: EndpointRecord, status: DnsStatus, liveAddresses: number): Record<string, unknown> {
    const settled = status !== "PENDING_CREATE";
    return {
        id: e.id,
        name: e.name,
        direction: e.direction,
        status,
        vpc_id: settled ? e.vpcId : null,
        ipaddress_count: settled ? liveAddresses : 0,
        ...(e.direction === "outbound" ? { resolver_rule_count: 0 } : {}),
        create_time: dnsTime(e.lifecycle.createdAt),
        update_time: dnsTime(e.updatedAt),
    };
}

export function addressToWire(a: AddressRecord, status: DnsStatus): Record<string, unknown> {
    return {
        id: a.id,
        ip: a.ip,
        subnet_id: a.subnetId,
        status,
        create_time: dnsTime(a.lifecycle.createdAt),
        update_time: dnsTime(a.updatedAt),
        error_info: status === "ERROR" ? "Failed to create the ip address." : null,
    };
}
