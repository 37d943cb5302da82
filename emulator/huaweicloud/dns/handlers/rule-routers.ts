import type { HandlerContext } from "../../../core/api-module";
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { dnsError } from "../errors";
import { type RouterRecord, routerToWire } from "../models";
import { ROUTER_KIND } from "../state";
import * as v from "../validation";
import { type DnsHandler, ownRule, reply, scopeOf } from "./context";

// POST /v2.1/resolverrules/{id}/associaterouter       AssociateResolverRuleRouter      202 {router_id, router_region, status}
// POST /v2.1/resolverrules/{id}/disassociaterouter    DisassociateResolverRuleRouter   202 {router_id, router_region, status}
//
// Body `{"router": {"router_id", "router_region"?}}` (RouterForRule; golangsdk's associate.RouterOpts);
// the answer is the bare router (the SDK's AssociateResolverRuleRouterResponse). The association's
// status shows in the rule's `routers`: PENDING_CREATE → ACTIVE, PENDING_DELETE → gone.

/** The `router` object: `router_id` required; `router_region`, when given, must be the caller's region (`DNS.0701`). */
function routerBody(ctx: HandlerContext): { routerId: string; routerRegion: string } {
    const body = v.jsonObject(ctx.req);
    const r = body.router;
    if (!r || typeof r !== "object" || Array.isArray(r)) throw dnsError("DNS.0001", "router must be an object {router_id, router_region}.");
    const o = r as Record<string, unknown>;
    if (typeof o.router_id !== "string" || o.router_id === "") throw dnsError("DNS.0001", "router.router_id is required.");
    const region = scopeOf(ctx).region;
    if (o.router_region !== undefined && o.router_region !== null && o.router_region !== "" && o.router_region !== region)
        throw dnsError("DNS.0701", `router.router_region ${JSON.stringify(o.router_region)} is not ${region}.`);
    return { routerId: o.router_id, routerRegion: region };
}

export const associateResolverRuleRouter: DnsHandler = (api, ctx) => {
    const want = routerBody(ctx);
    const view = ownRule(api, ctx);
    if (view.status !== "ACTIVE") throw dnsError("DNS.1607", `resolver rule ${view.rule.id} is ${view.status}.`);
    const scope = scopeOf(ctx);
    // The router must be a VPC of the caller's project (DNS.0711, as the provider's acceptance test expects).
    if (!api.world.network.vpc(scope, want.routerId)) throw dnsError("DNS.0711", `router_id ${want.routerId}.`);
    if (view.routers.some((x) => x.router.routerId === want.routerId)) throw dnsError("DNS.1608", `router_id ${want.routerId}.`);
    // A VPC forwards one domain name through one rule (the emulator's reading; AWS refuses the same).
    const other = api.state
        .liveRules(scope)
        .find(
            (x) =>
                x.rule.id !== view.rule.id &&
                v.sameDomain(x.rule.domainName, view.rule.domainName) &&
                x.routers.some((r) => r.router.routerId === want.routerId),
        );
    if (other) throw dnsError("DNS.1610", `VPC ${want.routerId} is associated with rule ${other.rule.id} for ${other.rule.domainName}.`);
    const now = api.world.now();
    const t = api.world.timings.for(ROUTER_KIND);
    const router: RouterRecord = {
        routerId: want.routerId,
        routerRegion: want.routerRegion,
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(want.routerId) ?? false)),
    };
    view.rule.routers.push(router);
    view.rule.updatedAt = now;
    api.world.markDirty();
    const after = api.state.ruleView(view.rule, "peek").routers.find((x) => x.router === router)!;
    return reply(202, routerToWire(router, after.status));
};

export const disassociateResolverRuleRouter: DnsHandler = (api, ctx) => {
    const want = routerBody(ctx);
    const view = ownRule(api, ctx);
    const hit = view.routers.find((x) => x.router.routerId === want.routerId);
    if (!hit) throw dnsError("DNS.1609", `router_id ${want.routerId}.`);
    if (hit.status !== "ACTIVE" && hit.status !== "ERROR") throw dnsError("DNS.1611", `VPC ${want.routerId} is ${hit.status}.`);
    const now = api.world.now();
    requestDeletion(hit.router.lifecycle, now, api.world.timings.for(ROUTER_KIND).delete);
    hit.router.updatedAt = view.rule.updatedAt = now;
    api.world.markDirty();
    const after = api.state.ruleView(view.rule, "peek").routers.find((x) => x.router === hit.router);
    return reply(202, routerToWire(hit.router, after?.status ?? "PENDING_DELETE"));
};
