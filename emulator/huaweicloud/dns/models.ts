import type { Lifecycle } from "../../core/lifecycle";

/**
 * DNS resolver endpoint and resolver rule records as the emulator stores them (plain JSON,
 * persisted as is) and their wire projections, written from reference page 003, the API surface
 * notes and, for rules, the resolver rule reference pages (CreateResolverRule, ShowResolverRule,
 * ListResolverRules, UpdateResolverRule, DeleteResolverRule, (Dis)associateResolverRuleRouter).
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
 * `ipaddress_count: 0` (page 003's 202 example); `resolver_rule_count` only for outbound, counting
 * its rules that are not gone.
 */
export function endpointToWire(e: EndpointRecord, status: DnsStatus, liveAddresses: number, ruleCount = 0): Record<string, unknown> {
    const settled = status !== "PENDING_CREATE";
    return {
        id: e.id,
        name: e.name,
        direction: e.direction,
        status,
        vpc_id: settled ? e.vpcId : null,
        ipaddress_count: settled ? liveAddresses : 0,
        ...(e.direction === "outbound" ? { resolver_rule_count: ruleCount } : {}),
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

/**
 * A resolver rule's status. The reference pages list `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE`
 * and `ERROR`; `DELETED` is what ShowResolverRule answers (200, not 404) once a rule is gone, as
 * terraform-provider-huaweicloud's `GetResolverRuleById` notes ("the status code of calling the
 * query interface is not 404 but 200 and the status value is `DELETED`"). The "PENDING" and
 * "COMPLETED" of that provider's waiters are its own refresh states, never API values.
 */
export type RuleStatus = "PENDING_CREATE" | "ACTIVE" | "PENDING_DELETE" | "ERROR" | "DELETED";

/** One VPC associated with a rule (`router` on the wire); it has its own lifecycle. */
export interface RouterRecord {
    routerId: string;
    routerRegion: string;
    updatedAt: number;
    lifecycle: Lifecycle;
}

export interface RuleRecord {
    id: string;
    projectId: string;
    region: string;
    name: string;
    /** Normalised: with one trailing dot, as the API answers it (the acceptance test sends `name`, reads `name.`). */
    domainName: string;
    endpointId: string;
    /** Destination (forwarding target) IPv4 addresses, in request order. */
    ips: string[];
    routers: RouterRecord[];
    updatedAt: number;
    lifecycle: Lifecycle;
}

/** `rule_type` is "reserved; the default value is FORWARD" (reference pages). */
export const RULE_TYPE = "FORWARD";

/** A router as AssociateResolverRuleRouter answers it and as the rule's `routers` list it. */
export function routerToWire(r: RouterRecord, status: DnsStatus): Record<string, unknown> {
    return { router_id: r.routerId, router_region: r.routerRegion, status };
}

/**
 * The rule object. `brief` is `ResolverRuleParam` (the 202 answers of create, update and delete:
 * no `ipaddresses`, no `routers`); the list (`ListResolverRuleParam`) adds `routers`, and
 * ShowResolverRule (`ShowResolverRuleRespParam`) adds `ipaddresses` too.
 */
export function ruleToWire(
    r: RuleRecord,
    status: RuleStatus,
    routers: Array<{ router: RouterRecord; status: DnsStatus }>,
    shape: "brief" | "list" | "full",
): Record<string, unknown> {
    return {
        id: r.id,
        name: r.name,
        domain_name: r.domainName,
        endpoint_id: r.endpointId,
        status,
        rule_type: RULE_TYPE,
        ipaddress_count: r.ips.length,
        ...(shape === "full" ? { ipaddresses: r.ips.map((ip) => ({ ip })) } : {}),
        ...(shape !== "brief" ? { routers: routers.map((x) => routerToWire(x.router, x.status)) } : {}),
        create_time: dnsTime(r.lifecycle.createdAt),
        update_time: dnsTime(r.updatedAt),
    };
}
