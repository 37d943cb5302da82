import type { ApiResponse, HandlerContext } from "../../../core/api-module";
import type { World } from "../../../core/world";
import { NetworkError } from "../../../network/store";
import { scopeOf } from "../../scope";
import { dnsError } from "../errors";
import type { DnsState, EndpointView, RuleView } from "../state";

/** What every DNS handler works with. */
export interface Dns {
    world: World;
    state: DnsState;
}

export type DnsHandler = (api: Dns, ctx: HandlerContext) => ApiResponse;

export { scopeOf };

/** An endpoint of the caller's project, not gone (counted as a read); 404 `DNS.1501` otherwise. */
export function ownEndpoint(api: Dns, ctx: HandlerContext, id = ctx.params.endpoint_id!): EndpointView {
    const e = api.state.scope(scopeOf(ctx)).endpoints[id];
    const v = e && api.state.view(e);
    if (!v) throw dnsError("DNS.1501", `Endpoint ${id} does not exist.`);
    return v;
}

/**
 * A rule of the caller's project (counted as a read); 404 `DNS.1601` when there is none. A rule
 * that is gone is returned with status `DELETED` only when `allowDeleted` (ShowResolverRule).
 */
export function ownRule(api: Dns, ctx: HandlerContext, allowDeleted = false, id = ctx.params.resolverrule_id!): RuleView {
    const r = api.state.scope(scopeOf(ctx)).rules[id];
    const v = r && api.state.ruleView(r);
    if (!v || (v.status === "DELETED" && !allowDeleted)) throw dnsError("DNS.1601", `resolverrule_id ${id}.`);
    return v;
}

/** Changes are refused while anything about the endpoint is still settling. */
export function settled(v: EndpointView): void {
    if (v.status !== "ACTIVE" && v.status !== "ERROR") throw dnsError("DNS.1510", `endpoint ${v.endpoint.id} is ${v.status}.`);
}

/** Maps the network model's refusals to DNS codes. */
export function addressError(e: unknown, where: string): never {
    if (e instanceof NetworkError) {
        if (e.reason === "ip_not_in_subnet") throw dnsError("DNS.1505", `${where}: ${e.message}.`);
        if (e.reason === "ip_in_use") throw dnsError("DNS.1506", `${where}: ${e.message}.`);
        if (e.reason === "not_found") throw dnsError("DNS.1511", `${where}: ${e.message}.`);
        throw dnsError("DNS.0001", `${where}: ${e.message}.`);
    }
    throw e;
}

export function reply(status: number, body: unknown): ApiResponse {
    return { status, body };
}
