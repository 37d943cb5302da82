import { isUuid } from "../../../core/ids";
import { vpcepError } from "../errors";
import { connectionToWire, type EndpointRecord, type EndpointStatus } from "../models";
import * as v from "../validation";
import { ok, ownService, type Vpcep, type VpcepHandler } from "./context";

// GET  /v1/{project_id}/vpc-endpoint-services/{id}/connections               ListServiceConnections
// POST /v1/{project_id}/vpc-endpoint-services/{id}/connections/action        AcceptOrRejectEndpoint
// PUT  /v1/{project_id}/vpc-endpoint-services/{id}/connections/description   UpdateEndpointConnection

const CONNECTION_STATUSES = ["creating", "pendingAcceptance", "accepted", "rejected", "failed", "deleting"];

/** The endpoint (of any account) connected to this service, with its status; `EndPoint.2013` otherwise. */
function connected(api: Vpcep, serviceId: string, endpointId: unknown): { e: EndpointRecord; status: EndpointStatus } {
    if (!isUuid(endpointId)) throw vpcepError("EndPoint.2017", `endpoint id ${JSON.stringify(endpointId)} is not a UUID.`);
    const e = api.state.endpointsOf(serviceId).find((x) => x.id === endpointId);
    const status = e && api.state.endpointStatus(e);
    if (!e || !status || status === "gone") throw vpcepError("EndPoint.2013", `endpoint ${endpointId} is not connected to endpoint service ${serviceId}.`);
    return { e, status };
}

export const listServiceConnections: VpcepHandler = (api, ctx) => {
    const { service } = ownService(api, ctx);
    const q = ctx.req.query;
    const status = q.get("status");
    if (status !== null && !CONNECTION_STATUSES.includes(status)) throw vpcepError("EndPoint.0019", `status must be one of ${CONNECTION_STATUSES.join(", ")}.`);
    const id = q.get("id");
    const marker = q.get("marker_id");
    const rows: Array<{ e: EndpointRecord; status: EndpointStatus }> = [];
    for (const e of api.state.endpointsOf(service.id)) {
        const st = api.state.endpointStatus(e);
        if (st === "gone") continue;
        if (status !== null && st !== status) continue;
        if (id !== null && e.id !== id) continue;
        if (marker !== null && String(e.markerId) !== marker) continue;
        rows.push({ e, status: st });
    }
    const { items, total } = v.page(rows, (r) => ({ created: r.e.lifecycle.createdAt, updated: r.e.updatedAt, id: r.e.id }), q, 1000);
    return ok({ connections: items.map((r) => connectionToWire(r.e, r.status)), total_count: total });
};

export const acceptOrRejectEndpoint: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { service } = ownService(api, ctx);
    if (body.action !== "receive" && body.action !== "reject")
        throw vpcepError("EndPoint.2027", `action must be receive or reject, got ${JSON.stringify(body.action)}.`);
    if (!Array.isArray(body.endpoints) || body.endpoints.length === 0) throw vpcepError("EndPoint.0002", "endpoints must list one endpoint id.");
    if (body.endpoints.length > 1) throw vpcepError("EndPoint.2031", "endpoints must list exactly one endpoint id.");
    const { e, status } = connected(api, service.id, body.endpoints[0]);
    if (status === "creating") throw vpcepError("EndPoint.2019", `endpoint ${e.id} is still being created.`);
    if (status === "deleting") throw vpcepError("EndPoint.2018", `endpoint ${e.id} is being deleted.`);
    if (status === "failed") throw vpcepError("EndPoint.2047", `endpoint ${e.id} has failed.`);
    e.decision = body.action === "receive" ? "accepted" : "rejected";
    e.updatedAt = api.world.now();
    api.world.markDirty();
    return ok({ connections: [connectionToWire(e, e.decision)] });
};

export const updateEndpointConnection: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { service } = ownService(api, ctx);
    if (!Array.isArray(body.connections) || body.connections.length === 0)
        throw vpcepError("EndPoint.0002", "connections must be a non-empty array of {id, description}.");
    const updates = body.connections.map((c: unknown, i: number) => {
        const o = (c ?? {}) as Record<string, unknown>;
        const description = v.description(o.description);
        if (description === "" && o.description === undefined) throw vpcepError("EndPoint.0002", `connections[${i}].description is required.`);
        return { ...connected(api, service.id, o.id), description };
    });
    const now = api.world.now();
    for (const u of updates) {
        u.e.connectionDescription = u.description;
        u.e.updatedAt = now;
    }
    api.world.markDirty();
    return ok({ connections: updates.map((u) => connectionToWire(u.e, u.status)) });
};
