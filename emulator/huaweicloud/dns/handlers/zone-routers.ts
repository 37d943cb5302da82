import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { dnsError } from "../errors";
import { type RouterRecord, routerToWire } from "../models";
import { ZONE_ROUTER_KIND } from "../state";
import * as v from "../validation";
import { type DnsHandler, reply, scopeOf } from "./context";
import { enabledZone, oneZonePerNameAndVpc, ownZone, zoneRouter } from "./zones";

// POST /v2/zones/{zone_id}/associaterouter      AssociateRouter      202 {router_id, router_region, status}
// POST /v2/zones/{zone_id}/disassociaterouter   DisassociateRouter   202 {router_id, router_region, status}
//
// Body `{"router": {"router_id", "router_region"?}}` (AssociateRouterRequestBody,
// DisassociaterouterRequestBody); the answer is AssociateRouterResponse. The association's status
// shows in the zone's `routers`: PENDING_CREATE → ACTIVE, PENDING_DELETE → gone
// (terraform-provider-huaweicloud's waitForDNSZoneRouter). Both need the zone enabled (`enabledZone`).
// `router_region` names the VPC's region, the caller's when left out (`zoneRouter`): a zone
// resolves for VPCs of the account's other regions too, each listed with its region. A zone knows
// a VPC by its id (ids are the cloud's UUIDs, and clients find an association by `router_id`).

export const associateRouter: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownZone(api, ctx);
    const want = zoneRouter(api, ctx, body.router);
    enabledZone(view);
    if (view.routers.some((x) => x.router.routerId === want.routerId)) throw dnsError("DNS.0706", `router_id ${want.routerId}.`);
    oneZonePerNameAndVpc(api, scopeOf(ctx), view.zone.name, want, view.zone.id);
    const now = api.world.now();
    const t = api.world.timings.for(ZONE_ROUTER_KIND);
    const router: RouterRecord = {
        ...want,
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(want.routerId) ?? false)),
    };
    view.zone.routers.push(router);
    view.zone.updatedAt = now;
    api.world.markDirty();
    const after = api.state.zoneView(view.zone, "peek")!.routers.find((x) => x.router === router)!;
    return reply(202, routerToWire(router, after.status));
};

/**
 * Ends an association that is `ACTIVE` or `ERROR` (`DNS.1611` otherwise). Not associated, or
 * associated in another region than a given `router_region` (left out or empty: the caller's): 400
 * `DNS.0707`. The zone's last VPC stays (`DNS.0308`, the emulator's reading: a zone is created with
 * one, as CreatePrivateZoneReq.router and terraform-provider-huaweicloud require).
 */
export const disassociateRouter: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownZone(api, ctx);
    const routerId = (body.router as { router_id?: unknown } | undefined)?.router_id;
    if (typeof routerId !== "string" || routerId === "") throw dnsError("DNS.0001", "router.router_id is required.");
    const given = (body.router as { router_region?: unknown }).router_region;
    const region = given === undefined || given === null || given === "" ? scopeOf(ctx).region : given;
    const hit = view.routers.find((x) => x.router.routerId === routerId && x.router.routerRegion === region);
    if (!hit) throw dnsError("DNS.0707", `router_id ${routerId} in region ${String(region)}.`);
    enabledZone(view);
    if (hit.status !== "ACTIVE" && hit.status !== "ERROR") throw dnsError("DNS.1611", `VPC ${routerId} is ${hit.status}.`);
    if (view.routers.filter((x) => x.status !== "PENDING_DELETE").length <= 1)
        throw dnsError("DNS.0308", `VPC ${routerId} is the last VPC of zone ${view.zone.id}.`);
    const now = api.world.now();
    requestDeletion(hit.router.lifecycle, now, api.world.timings.for(ZONE_ROUTER_KIND).delete);
    hit.router.updatedAt = view.zone.updatedAt = now;
    api.world.markDirty();
    const after = api.state.zoneView(view.zone, "peek")?.routers.find((x) => x.router === hit.router);
    return reply(202, routerToWire(hit.router, after?.status ?? "PENDING_DELETE"));
};
