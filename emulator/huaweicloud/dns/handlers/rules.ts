import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import type { Scope } from "../../../core/scoped-store";
import { dnsError } from "../errors";
import { type RuleRecord, ruleToWire } from "../models";
import { RULE_KIND, type RuleView } from "../state";
import * as v from "../validation";
import { type Dns, type DnsHandler, ownRule, reply, scopeOf } from "./context";
import { newDnsId } from "./endpoints";

// POST   /v2.1/resolverrules         CreateResolverRule   202 {resolver_rule}
// GET    /v2.1/resolverrules         ListResolverRules    200 {resolver_rules, metadata}
// GET    /v2.1/resolverrules/{id}    ShowResolverRule     200 {resolver_rule}
// PUT    /v2.1/resolverrules/{id}    UpdateResolverRule   202 {resolver_rule}
// DELETE /v2.1/resolverrules/{id}    DeleteResolverRule   202 {resolver_rule}
//
// Shapes and status codes from the reference pages of those operations; the trailing-dot rule and
// `DELETED` after deletion from terraform-provider-huaweicloud (resource_huaweicloud_dns_resolver_rule.go
// and its acceptance test).

/** Rule changes need it settled: `ACTIVE` (and `ERROR` for deletion) (`DNS.1607`). */
function settledRule(view: RuleView, allowError: boolean): void {
    if (view.status !== "ACTIVE" && !(allowError && view.status === "ERROR")) throw dnsError("DNS.1607", `resolver rule ${view.rule.id} is ${view.status}.`);
}

/**
 * Rules live on an outbound endpoint ("Before adding endpoint rule, you need to create an outbound
 * endpoint", user guide "Managing Endpoint Rules") of the caller's project that is `ACTIVE`.
 */
function outboundEndpoint(api: Dns, scope: Scope, id: unknown): string {
    if (typeof id !== "string" || id === "") throw dnsError("DNS.0001", "endpoint_id is required.");
    const e = api.state.scope(scope).endpoints[id];
    const ev = e && api.state.view(e, "peek");
    if (!ev) throw dnsError("DNS.1501", `endpoint_id ${id} does not exist.`);
    if (ev.endpoint.direction !== "outbound") throw dnsError("DNS.1503", `endpoint ${id} is inbound; resolver rules need an outbound endpoint.`);
    if (ev.status !== "ACTIVE") throw dnsError("DNS.1510", `endpoint ${id} is ${ev.status}.`);
    return id;
}

export const createResolverRule: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const scope = scopeOf(ctx);
    const name = v.ruleName(body.name);
    const domainName = v.domainName(body.domain_name);
    const endpointId = outboundEndpoint(api, scope, body.endpoint_id);
    const ips = v.ruleIps(body.ipaddresses);
    // One rule per domain name on an endpoint (the emulator's reading: forwarding one domain to two
    // target sets through one endpoint would be ambiguous).
    const clash = api.state.liveRules(scope).find((x) => x.rule.endpointId === endpointId && v.sameDomain(x.rule.domainName, domainName));
    if (clash) throw dnsError("DNS.1606", `rule ${clash.rule.id} forwards ${clash.rule.domainName} on endpoint ${endpointId}.`);
    const now = api.world.now();
    const t = api.world.timings.for(RULE_KIND);
    const record: RuleRecord = {
        id: newDnsId(),
        projectId: scope.projectId,
        region: scope.region,
        name,
        domainName,
        endpointId,
        ips,
        routers: [],
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(name) ?? false)),
    };
    api.state.scope(scope).rules[record.id] = record;
    api.world.markDirty();
    const view = api.state.ruleView(record, "peek");
    return reply(202, { resolver_rule: ruleToWire(record, view.status, view.routers, "brief") });
};

function page(query: URLSearchParams, rows: RuleView[]): RuleView[] {
    const { limit, offset } = v.paging(query);
    // `marker` (the last id of the previous page) takes precedence over `offset` (ListResolverRules).
    const marker = query.get("marker");
    if (marker !== null && marker !== "") {
        const at = rows.findIndex((x) => x.rule.id === marker);
        if (at < 0) throw dnsError("DNS.0001", `marker ${marker} is not a rule of this listing.`);
        return rows.slice(at + 1, at + 1 + limit);
    }
    return rows.slice(offset, offset + limit);
}

/** Filters `domain_name` (exact, trailing dot optional), `name` (substring), `endpoint_id` and `id`; newest first. */
export const listResolverRules: DnsHandler = (api, ctx) => {
    const q = ctx.req.query;
    const domain = q.get("domain_name");
    const wanted = domain === null || domain === "" ? undefined : v.domainName(domain);
    const name = q.get("name");
    const endpointId = q.get("endpoint_id");
    const id = q.get("id");
    v.paging(q);
    const rows = api.state
        .liveRules(scopeOf(ctx), "read")
        .filter(
            (x) =>
                (wanted === undefined || v.sameDomain(x.rule.domainName, wanted)) &&
                (name === null || x.rule.name.includes(name)) &&
                (endpointId === null || endpointId === "" || x.rule.endpointId === endpointId) &&
                (id === null || id === "" || x.rule.id === id),
        )
        // Newest first; same-millisecond ties keep a stable order so pages never shuffle.
        .map((x, i) => ({ x, i }))
        .sort((a, b) => b.x.rule.lifecycle.createdAt - a.x.rule.lifecycle.createdAt || b.i - a.i)
        .map(({ x }) => x);
    return reply(200, {
        resolver_rules: page(q, rows).map((x) => ruleToWire(x.rule, x.status, x.routers, "list")),
        metadata: { total_count: rows.length },
    });
};

/** A rule that is gone answers 200 with status `DELETED` (see models.ts). */
export const showResolverRule: DnsHandler = (api, ctx) => {
    const view = ownRule(api, ctx, true);
    return reply(200, { resolver_rule: ruleToWire(view.rule, view.status, view.routers, "full") });
};

/** `name` and/or `ipaddresses` change in place; the rule stays `ACTIVE`. */
export const updateResolverRule: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownRule(api, ctx);
    settledRule(view, false);
    if (body.name === undefined && body.ipaddresses === undefined) throw dnsError("DNS.0001", "give name or ipaddresses to change.");
    const name = body.name === undefined ? undefined : v.ruleName(body.name);
    const ips = body.ipaddresses === undefined ? undefined : v.ruleIps(body.ipaddresses);
    if (name !== undefined) view.rule.name = name;
    if (ips !== undefined) view.rule.ips = ips;
    view.rule.updatedAt = api.world.now();
    api.world.markDirty();
    return reply(202, { resolver_rule: ruleToWire(view.rule, view.status, view.routers, "brief") });
};

/**
 * Deletes an `ACTIVE` or `ERROR` rule. A rule that still has VPCs associated is refused with
 * `DNS.0608` (the emulator's reading, as AWS Route 53 Resolver does: no public Huawei source
 * says either way; the provider always disassociates first).
 */
export const deleteResolverRule: DnsHandler = (api, ctx) => {
    const view = ownRule(api, ctx);
    settledRule(view, true);
    if (view.routers.length > 0)
        throw dnsError("DNS.0608", `resolver rule ${view.rule.id} is associated with VPC ${view.routers.map((x) => x.router.routerId).join(", ")}.`);
    requestDeletion(view.rule.lifecycle, api.world.now(), api.world.timings.for(RULE_KIND).delete);
    view.rule.updatedAt = api.world.now();
    api.world.markDirty();
    api.state.ruleView(view.rule, "peek");
    return reply(202, { resolver_rule: ruleToWire(view.rule, "PENDING_DELETE", [], "brief") });
};
