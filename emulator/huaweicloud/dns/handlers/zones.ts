import { accounts } from "../../../core/accounts";
import type { HandlerContext } from "../../../core/api-module";
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { NOT_EMULATED_CODE, notEmulatedMessage } from "../../../core/not-emulated";
import type { Scope } from "../../../core/scoped-store";
import { dnsError, dnsErrors } from "../errors";
import type { RouterRecord } from "../models";
import { ZONE_KIND, type ZoneView } from "../state";
import * as v from "../validation";
import { DEFAULT_ENTERPRISE_PROJECT, DEFAULT_TTL, type RecordSetRecord, type ZoneRecord, zoneEnterpriseProject, zoneToWire } from "../zone-models";
import * as zv from "../zone-validation";
import { type Dns, type DnsHandler, reply, scopeOf } from "./context";
import { newDnsId } from "./endpoints";

// POST   /v2/zones                CreatePrivateZone   202 CreatePrivateZoneResponse (one `router`)
// GET    /v2/zones?type=private   ListPrivateZones    200 {zones: PrivateZoneResp[], metadata, links}; one enterprise project
// GET    /v2/zones/{zone_id}      ShowPrivateZone     200 ShowPrivateZoneResponse (`routers`)
// PATCH  /v2/zones/{zone_id}      UpdatePrivateZone   202 UpdatePrivateZoneResponse
// DELETE /v2/zones/{zone_id}      DeletePrivateZone   202 DeletePrivateZoneResponse (PENDING_DELETE)
// POST   /v2/zones/{zone_id}/actions/set-proxy-pattern  SetPrivateZoneProxyPattern  202, no body
// PUT    /v2/zones/{zone_id}/statuses  UpdatePrivateZoneStatus  202 UpdatePrivateZoneStatusResponse
//
// Request and answer fields from the official SDK's models (huaweicloudsdkdns v2); the 202s of
// the writes as the DNS v2 pages give them. The router is required at creation
// (terraform-provider-huaweicloud: "the argument (router) is required when creating DNS private
// zone"). Public zones share these paths: they answer 501, not emulated.

/** A zone of the caller's project, not gone (counted as a read); 404 `DNS.0301` otherwise. */
export function ownZone(api: Dns, ctx: HandlerContext, id = ctx.params.zone_id!): ZoneView {
    const z = api.state.scope(scopeOf(ctx)).zones[id];
    const view = z && api.state.zoneView(z);
    if (!view) throw dnsError("DNS.0301", `zone_id ${id}.`);
    return view;
}

/**
 * Changes need the zone settled: `ACTIVE`, or `DISABLE` (its resolution paused) (deletion: or
 * `ERROR`) (`DNS.0305`). A disabled zone takes updates of its fields, as
 * terraform-provider-huaweicloud's huaweicloud_dns_zone waits for `ACTIVE` or `DISABLE` after one
 * and tags a zone it has just disabled; the proxy pattern, record sets and deletion the emulator
 * allows too (no source says otherwise).
 */
export function settledZone(view: ZoneView, allowError = false): void {
    if (view.status !== "ACTIVE" && view.status !== "DISABLE" && !(allowError && view.status === "ERROR"))
        throw dnsError("DNS.0305", `zone ${view.zone.id} is ${view.status}.`);
}

/**
 * VPC associations need the zone `ACTIVE`: a disabled zone refuses them (`DNS.0305`), as
 * terraform-provider-huaweicloud's huaweicloud_dns_zone notes before changing routers ("This
 * operation is supported only when the zone status is enabled").
 */
export function enabledZone(view: ZoneView): void {
    if (view.status === "DISABLE") throw dnsError("DNS.0305", `zone ${view.zone.id} is DISABLE; enable it before associating or disassociating a VPC.`);
    settledZone(view);
}

/** `proxy_pattern`: `AUTHORITY` or `RECURSIVE` (`DNS.0001`). */
function proxyPattern(v: unknown): ZoneRecord["proxyPattern"] {
    if (v !== "AUTHORITY" && v !== "RECURSIVE") throw dnsError("DNS.0001", `proxy_pattern must be AUTHORITY or RECURSIVE, got ${JSON.stringify(v)}.`);
    return v;
}

/** `status` of the status operations: `ENABLE` (true) or `DISABLE` (false), required (`DNS.0001`). */
export function resolutionStatus(v: unknown): boolean {
    if (v !== "ENABLE" && v !== "DISABLE") throw dnsError("DNS.0001", `status must be ENABLE or DISABLE, got ${JSON.stringify(v)}.`);
    return v === "ENABLE";
}

/** Public zones (the same paths) are not emulated: 501 naming the operation, as every operation the emulator lacks. */
export function publicNotEmulated(operation: string, ctx: HandlerContext): never {
    throw dnsErrors.custom(501, NOT_EMULATED_CODE, notEmulatedMessage(operation, `${ctx.req.method} ${ctx.req.path}`));
}

function notPublic(zoneType: unknown, ctx: HandlerContext): void {
    if (zoneType === "public") publicNotEmulated("CreatePublicZone", ctx);
    if (zoneType !== "private") throw dnsError("DNS.0302", `zone_type must be private, got ${JSON.stringify(zoneType)}.`);
}

/**
 * The `router` of a zone request: `router_id` a VPC of the caller's account in `router_region`,
 * which, left out (or empty), is the caller's region (the DNS API reference, AssociateRouter:
 * "empty, the region of the token's project"); a VPC of another region is looked up in the
 * account's project of that region. A region the account has no project in: 400 `DNS.0701`
 * ("Invalid VPC."); no such VPC there: 404 `DNS.0711` ("This VPC could not be found.", the DNS
 * error code table).
 */
export function zoneRouter(api: Dns, ctx: HandlerContext, r: unknown): { routerId: string; routerRegion: string } {
    if (!r || typeof r !== "object" || Array.isArray(r)) throw dnsError("DNS.0001", "router must be an object {router_id, router_region}.");
    const o = r as Record<string, unknown>;
    if (typeof o.router_id !== "string" || o.router_id === "") throw dnsError("DNS.0001", "router.router_id is required.");
    const scope = vpcScope(ctx, o.router_region);
    if (!api.world.network.vpc(scope, o.router_id)) throw dnsError("DNS.0711", `router_id ${o.router_id} in region ${scope.region}.`);
    return { routerId: o.router_id, routerRegion: scope.region };
}

/** The caller's project in `router_region` (the caller's own when it is left out or empty); `DNS.0701` when the account has none there. */
function vpcScope(ctx: HandlerContext, region: unknown): Scope {
    const scope = scopeOf(ctx);
    if (region === undefined || region === null || region === "" || region === scope.region) return scope;
    if (typeof region !== "string") throw dnsError("DNS.0001", `router.router_region must be a string, got ${JSON.stringify(region)}.`);
    const projects = (ctx.principal.account ?? accounts.byProjectId(scope.projectId))?.projects ?? [];
    const there = projects.find((p) => p.region === region);
    if (!there)
        throw dnsError(
            "DNS.0701",
            `router.router_region ${JSON.stringify(region)} is not a region of this account (${projects.map((p) => p.region).join(", ")}).`,
        );
    return { projectId: there.id, region: there.region };
}

/**
 * A VPC resolves one private zone of a given name: associating it with a second zone of the same
 * name is refused (`DNS.0307`, the emulator's reading: a resolver could not choose between two).
 * Zones of one name may otherwise coexist in a project, each for other VPCs. A VPC is its id in
 * its region (the seeded network repeats its ids in each region of an account).
 */
export function oneZonePerNameAndVpc(api: Dns, scope: Scope, name: string, router: Pick<RouterRecord, "routerId" | "routerRegion">, except?: string): void {
    const same = (r: RouterRecord) => r.routerId === router.routerId && r.routerRegion === router.routerRegion;
    const other = api.state.liveZones(scope).find((x) => x.zone.id !== except && v.sameDomain(x.zone.name, name) && x.routers.some((r) => same(r.router)));
    if (other) throw dnsError("DNS.0307", `VPC ${router.routerId} of ${router.routerRegion} is associated with zone ${other.zone.id} (${other.zone.name}).`);
}

/** The zone's own SOA and NS record sets, made with it (ListRecordSetsByZone lists them, `default: true`). */
function defaultSets(z: ZoneRecord, now: number): RecordSetRecord[] {
    const base = { zoneId: z.id, name: z.name, ttl: z.ttl, description: "", enabled: true, isDefault: true, updatedAt: now };
    const lc = () => startLifecycle(now, "immediate", false);
    return [
        {
            ...base,
            id: newDnsId(),
            type: "SOA",
            records: [`ns1.private.hwclouds.com. ${z.email || "hostmaster.example.com."} ${z.serial} 7200 900 1209600 300`],
            lifecycle: lc(),
        },
        { ...base, id: newDnsId(), type: "NS", records: ["ns1.private.hwclouds.com."], lifecycle: lc() },
    ];
}

export const createPrivateZone: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    notPublic(body.zone_type, ctx);
    const scope = scopeOf(ctx);
    const name = zv.zoneName(body.name);
    const router = zoneRouter(api, ctx, body.router);
    oneZonePerNameAndVpc(api, scope, name, router);
    if (body.proxy_pattern !== undefined) proxyPattern(body.proxy_pattern);
    const enterpriseProjectId = zv.enterpriseProject(body.enterprise_project_id, DEFAULT_ENTERPRISE_PROJECT);
    const now = api.world.now();
    const t = api.world.timings.for(ZONE_KIND);
    const lifecycle = () => startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(name) ?? false));
    const first: RouterRecord = { ...router, updatedAt: now, lifecycle: lifecycle() };
    const zone: ZoneRecord = {
        id: newDnsId(),
        projectId: scope.projectId,
        region: scope.region,
        name,
        description: zv.description(body.description, ""),
        email: zv.email(body.email, ""),
        ttl: zv.ttl(body.ttl, DEFAULT_TTL),
        proxyPattern: (body.proxy_pattern as ZoneRecord["proxyPattern"] | undefined) ?? "AUTHORITY",
        enterpriseProjectId,
        tags: zv.upsertTags([], zv.tags(body.tags)),
        serial: 1,
        routers: [first],
        recordsets: {},
        updatedAt: now,
        lifecycle: lifecycle(),
    };
    for (const r of defaultSets(zone, now)) zone.recordsets[r.id] = r;
    api.state.scope(scope).zones[zone.id] = zone;
    api.world.markDirty();
    const view = api.state.zoneView(zone, "peek")!;
    return reply(202, zoneToWire(zone, view.status, view.routers, view.recordsets.length, "create"));
};

/** `tags` filters `key,value|key,value` (all must match; `key` alone matches any value). */
function tagsMatch(filter: string | null, tags: ZoneRecord["tags"]): boolean {
    if (filter === null || filter === "") return true;
    return filter.split("|").every((pair) => {
        const [key, value] = pair.split(",");
        return tags.some((t) => t.key === key && (value === undefined || t.value === value));
    });
}

/**
 * Filters `name` (`search_mode` like, the default, or equal; a trailing dot makes no difference),
 * `router_id`, `status`, `id`, `tags` and `enterprise_project_id`, which defaults to "0": a list
 * that names no project shows the default project's zones only (ListPrivateZonesRequest:
 * "默认取值：0"); newest first. `type` must be `private` (or absent: the emulator has no public zones).
 */
export const listPrivateZones: DnsHandler = (api, ctx) => {
    const q = ctx.req.query;
    const type = q.get("type");
    if (type === "public") publicNotEmulated("ListPublicZones", ctx);
    if (type !== null && type !== "" && type !== "private") throw dnsError("DNS.0302", `type must be private, got ${JSON.stringify(type)}.`);
    const name = q.get("name")?.replace(/\.$/, "").toLowerCase();
    const equal = q.get("search_mode") === "equal";
    const routerId = q.get("router_id");
    const status = q.get("status");
    const id = q.get("id");
    const project = zv.enterpriseProject(q.get("enterprise_project_id") || undefined, DEFAULT_ENTERPRISE_PROJECT);
    const { limit, offset } = v.paging(q);
    const rows = api.state
        .liveZones(scopeOf(ctx), "read")
        .filter((x) => {
            const zn = x.zone.name.replace(/\.$/, "").toLowerCase();
            return (
                (name === undefined || name === "" || (equal ? zn === name : zn.includes(name))) &&
                (routerId === null || routerId === "" || x.routers.some((r) => r.router.routerId === routerId)) &&
                (status === null || status === "" || x.status === status) &&
                (id === null || id === "" || x.zone.id === id) &&
                zoneEnterpriseProject(x.zone) === project &&
                tagsMatch(q.get("tags"), x.zone.tags)
            );
        })
        .map((x, i) => ({ x, i }))
        .sort((a, b) => b.x.zone.lifecycle.createdAt - a.x.zone.lifecycle.createdAt || b.i - a.i)
        .map(({ x }) => x);
    return reply(200, {
        zones: rows.slice(offset, offset + limit).map((x) => zoneToWire(x.zone, x.status, x.routers, x.recordsets.length, "list")),
        metadata: { total_count: rows.length },
        links: { self: "https://dns.myhuaweicloud.com/v2/zones" },
    });
};

export const showPrivateZone: DnsHandler = (api, ctx) => {
    const view = ownZone(api, ctx);
    return reply(200, zoneToWire(view.zone, view.status, view.routers, view.recordsets.length, "show"));
};

/** `description`, `email` and `ttl` in place; a field left out or empty keeps its value ("默认为空，表示维持原值"). */
export const updatePrivateZone: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownZone(api, ctx);
    settledZone(view);
    for (const k of Object.keys(body)) if (!["description", "email", "ttl"].includes(k)) throw dnsError("DNS.0001", `${k} cannot be changed.`);
    const z = view.zone;
    z.description = body.description === "" ? z.description : zv.description(body.description, z.description);
    z.email = zv.email(body.email, z.email);
    z.ttl = zv.ttl(body.ttl, z.ttl);
    z.serial += 1;
    z.updatedAt = api.world.now();
    api.world.markDirty();
    return reply(202, zoneToWire(z, view.status, view.routers, view.recordsets.length, "show"));
};

/**
 * The zone's subdomain resolution mode in place (the API page "Setting a Recursive Resolution
 * Proxy for Subdomains in a Private Zone": `proxy_pattern` required, 202 "Request accepted" without
 * a body). The zone must be `ACTIVE`; it stays so.
 */
export const setPrivateZoneProxyPattern: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownZone(api, ctx);
    settledZone(view);
    for (const k of Object.keys(body)) if (k !== "proxy_pattern") throw dnsError("DNS.0001", `${k} is not a parameter of this operation.`);
    if (body.proxy_pattern === undefined) throw dnsError("DNS.0001", "proxy_pattern is required.");
    view.zone.proxyPattern = proxyPattern(body.proxy_pattern);
    view.zone.updatedAt = api.world.now();
    api.world.markDirty();
    return { status: 202 };
};

/**
 * Pauses (`DISABLE`) or resumes (`ENABLE`) the zone's resolution at once: 202 with the zone
 * `DISABLE` or `ACTIVE` (UpdateZoneStatusRequestBody: `status` required; the response model's
 * status is one of the two). The zone must be settled (`DNS.0305`). Asking for the status it has
 * is refused (`DNS.0309`): terraform-provider-huaweicloud's huaweicloud_dns_zone skips the call
 * for a new zone that is to stay enabled because "this action cannot be called repeatedly".
 */
export const updatePrivateZoneStatus: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownZone(api, ctx);
    for (const k of Object.keys(body)) if (k !== "status") throw dnsError("DNS.0001", `${k} is not a parameter of this operation.`);
    const enabled = resolutionStatus(body.status);
    settledZone(view);
    if ((view.status === "ACTIVE") === enabled) throw dnsError("DNS.0309", `zone ${view.zone.id} is ${view.status} already.`);
    view.zone.enabled = enabled;
    view.zone.updatedAt = api.world.now();
    api.world.markDirty();
    const after = api.state.zoneView(view.zone, "peek")!;
    return reply(202, zoneToWire(view.zone, after.status, after.routers, after.recordsets.length, "status"));
};

/** Deletes the zone with its record sets and associations (`ACTIVE` or `ERROR` only). */
export const deletePrivateZone: DnsHandler = (api, ctx) => {
    const view = ownZone(api, ctx);
    settledZone(view, true);
    const now = api.world.now();
    requestDeletion(view.zone.lifecycle, now, api.world.timings.for(ZONE_KIND).delete);
    view.zone.updatedAt = now;
    api.world.markDirty();
    const after = api.state.zoneView(view.zone, "peek");
    return reply(202, zoneToWire(view.zone, after?.status ?? "PENDING_DELETE", after?.routers ?? [], after?.recordsets.length ?? 0, "show"));
};
