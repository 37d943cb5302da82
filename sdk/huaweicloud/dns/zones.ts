// POST   /v2/zones                               CreatePrivateZone
// GET    /v2/zones?type=private                  ListPrivateZones
// GET    /v2/zones/{zone_id}                     ShowPrivateZone
// PATCH  /v2/zones/{zone_id}                     UpdatePrivateZone
// DELETE /v2/zones/{zone_id}                     DeletePrivateZone
// POST   /v2/zones/{zone_id}/associaterouter     AssociateRouter
// POST   /v2/zones/{zone_id}/disassociaterouter  DisassociateRouter
// POST   /v2/zones/{zone_id}/actions/set-proxy-pattern  SetPrivateZoneProxyPattern
// PUT    /v2/zones/{zone_id}/statuses            UpdatePrivateZoneStatus
// (paths and methods: huaweicloudsdkdns/v2/dns_client.py)
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { dnsOp } from "./operation";
import {
    CreatePrivateZoneRequest,
    ListPrivateZonesFilter,
    ListPrivateZonesResponse,
    PrivateZone,
    SetPrivateZoneProxyPatternRequest,
    UpdatePrivateZoneRequest,
    UpdatePrivateZoneStatusRequest,
    ZoneRouterRequest,
    ZoneRouterResponse,
} from "./zone-schemas";

const BASE = "/v2/zones";

/** Creates a private zone with its first VPC (202, `PENDING_CREATE`). Not idempotent: a lost response raises OutcomeUnknownError. */
export async function createPrivateZone(client: HuaweiClient, input: CreatePrivateZoneRequest, opts: CallOptions = {}): Promise<PrivateZone> {
    const body = parseRequest(CreatePrivateZoneRequest, input, "dns", "CreatePrivateZone");
    return client.call(dnsOp("CreatePrivateZone", "POST", BASE, { body, signal: opts.signal }), PrivateZone);
}

/** All private zones matching the filter (every page; 500 a page at most), with their routers and tags. */
export async function listPrivateZones(client: HuaweiClient, filter: ListPrivateZonesFilter = {}, opts: ListOptions<PrivateZone> = {}): Promise<PrivateZone[]> {
    const q = parseRequest(ListPrivateZonesFilter, filter, "dns", "ListPrivateZones");
    return listAll(
        client,
        dnsOp("ListPrivateZones", "GET", BASE),
        ListPrivateZonesResponse,
        (p) => ({ items: p.zones, total: p.metadata?.total_count }),
        { type: "private", ...q },
        { ...opts, maxPageSize: 500 },
    );
}

/** One zone, with its routers. Raises NotFoundError when it does not exist. */
export async function showPrivateZone(client: HuaweiClient, zoneId: string, opts: CallOptions = {}): Promise<PrivateZone> {
    return client.call(dnsOp("ShowPrivateZone", "GET", `${BASE}/${seg(zoneId)}`, { signal: opts.signal }), PrivateZone);
}

/** Changes the description, e-mail and SOA TTL in place. */
export async function updatePrivateZone(client: HuaweiClient, zoneId: string, input: UpdatePrivateZoneRequest, opts: CallOptions = {}): Promise<PrivateZone> {
    const body = parseRequest(UpdatePrivateZoneRequest, input, "dns", "UpdatePrivateZone");
    return client.call(dnsOp("UpdatePrivateZone", "PATCH", `${BASE}/${seg(zoneId)}`, { body, signal: opts.signal }), PrivateZone);
}

/** Starts the deletion of the zone and its record sets (202, `PENDING_DELETE`, then 404). */
export async function deletePrivateZone(client: HuaweiClient, zoneId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(dnsOp("DeletePrivateZone", "DELETE", `${BASE}/${seg(zoneId)}`, { signal: opts.signal }));
}

/** Associates one more VPC with the zone (the association reads `PENDING_CREATE`, then `ACTIVE`). */
export async function associateRouter(client: HuaweiClient, zoneId: string, input: ZoneRouterRequest, opts: CallOptions = {}): Promise<void> {
    const body = parseRequest(ZoneRouterRequest, input, "dns", "AssociateRouter");
    await client.call(dnsOp("AssociateRouter", "POST", `${BASE}/${seg(zoneId)}/associaterouter`, { body, signal: opts.signal }), ZoneRouterResponse);
}

/** Ends a VPC's association with the zone (`PENDING_DELETE`, then no longer listed). */
export async function disassociateRouter(client: HuaweiClient, zoneId: string, input: ZoneRouterRequest, opts: CallOptions = {}): Promise<void> {
    const body = parseRequest(ZoneRouterRequest, input, "dns", "DisassociateRouter");
    await client.call(dnsOp("DisassociateRouter", "POST", `${BASE}/${seg(zoneId)}/disassociaterouter`, { body, signal: opts.signal }), ZoneRouterResponse);
}

/**
 * Sets the zone's subdomain resolution mode in place: 202 without a body (the API page "Setting a
 * Recursive Resolution Proxy for Subdomains in a Private Zone"). Marked idempotent: setting a mode
 * twice leaves the zone as setting it once.
 */
export async function setPrivateZoneProxyPattern(
    client: HuaweiClient,
    zoneId: string,
    input: SetPrivateZoneProxyPatternRequest,
    opts: CallOptions = {},
): Promise<void> {
    const body = parseRequest(SetPrivateZoneProxyPatternRequest, input, "dns", "SetPrivateZoneProxyPattern");
    await client.call(
        dnsOp("SetPrivateZoneProxyPattern", "POST", `${BASE}/${seg(zoneId)}/actions/set-proxy-pattern`, { body, idempotent: true, signal: opts.signal }),
    );
}

/**
 * Pauses (`DISABLE`) or resumes (`ENABLE`) the zone's resolution: 202 with the zone, `DISABLE` or
 * `ACTIVE` (the API page "Setting the Status of a Private Zone"). Not marked idempotent:
 * terraform-provider-huaweicloud's huaweicloud_dns_zone notes that the call "cannot be called
 * repeatedly", so a retried call after a lost answer may be refused; callers read the status first.
 */
export async function updatePrivateZoneStatus(
    client: HuaweiClient,
    zoneId: string,
    input: UpdatePrivateZoneStatusRequest,
    opts: CallOptions = {},
): Promise<PrivateZone> {
    const body = parseRequest(UpdatePrivateZoneStatusRequest, input, "dns", "UpdatePrivateZoneStatus");
    return client.call(dnsOp("UpdatePrivateZoneStatus", "PUT", `${BASE}/${seg(zoneId)}/statuses`, { body, signal: opts.signal }), PrivateZone);
}
