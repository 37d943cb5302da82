import type { ApiResponse, HandlerContext } from "../../../core/api-module";
import type { Scope } from "../../../core/scoped-store";
import type { World } from "../../../core/world";
import { vpcepError } from "../errors";
import type { EndpointRecord, EndpointStatus, ServiceRecord, ServiceStatus } from "../models";
import type { VpcepState } from "../state";

/** What every VPCEP handler works with. */
export interface Vpcep {
    world: World;
    state: VpcepState;
}

/** A VPCEP handler: the module binds it to its world and state. */
export type VpcepHandler = (api: Vpcep, ctx: HandlerContext) => ApiResponse;

/** The caller's project and region (the auth scheme has checked the path project). */
export function scopeOf(ctx: HandlerContext): Scope {
    return { projectId: ctx.principal.projectId!, region: ctx.principal.region! };
}

/** The caller's domain (account) id. */
export function domainOf(ctx: HandlerContext): string {
    return ctx.principal.account!.domainId;
}

/**
 * A service of the caller's own project, with its status (counted as a read). Another
 * account's service answers the same 404 as a missing one: isolation must not leak existence.
 */
export function ownService(api: Vpcep, ctx: HandlerContext, id = ctx.params.vpc_endpoint_service_id!): { service: ServiceRecord; status: ServiceStatus } {
    const s = api.state.scope(scopeOf(ctx)).services[id];
    const status = s && api.state.serviceStatus(s);
    if (!s || !status || status === "gone") throw vpcepError("EndPoint.0005", `Endpoint service ${id} does not exist.`);
    return { service: s, status };
}

/** An endpoint of the caller's own project, with its status (counted as a read); 404 `EndPoint.2006` otherwise. */
export function ownEndpoint(api: Vpcep, ctx: HandlerContext, id = ctx.params.vpc_endpoint_id!): { endpoint: EndpointRecord; status: EndpointStatus } {
    const e = api.state.scope(scopeOf(ctx)).endpoints[id];
    const status = e && api.state.endpointStatus(e);
    if (!e || !status || status === "gone") throw vpcepError("EndPoint.2006", `Endpoint ${id} does not exist.`);
    return { endpoint: e, status };
}

export function ok(body: unknown): ApiResponse {
    return { status: 200, body };
}

export function noContent(): ApiResponse {
    return { status: 204 };
}
