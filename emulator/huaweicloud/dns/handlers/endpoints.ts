import { randomBytes } from "node:crypto";
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import type { Scope } from "../../../core/scoped-store";
import { dnsError } from "../errors";
import { type AddressRecord, type EndpointRecord, endpointToWire } from "../models";
import { ENDPOINT_KIND, type EndpointView } from "../state";
import * as v from "../validation";
import { addressError, type Dns, type DnsHandler, ownEndpoint, reply, scopeOf, settled } from "./context";

// POST   /v2.1/endpoints         CreateResolverEndpoint
// GET    /v2.1/endpoints         ListResolverEndpoints
// GET    /v2.1/endpoints/{id}    ShowResolverEndpoint
// PUT    /v2.1/endpoints/{id}    UpdateResolverEndpoint
// DELETE /v2.1/endpoints/{id}    DeleteResolverEndpoint

/** DNS ids are 32 hex characters (page 003: `ff80808169bf16c70169bf1d02270000`). */
export function newDnsId(): string {
    return randomBytes(16).toString("hex");
}

export function endpointBody(view: EndpointView): Record<string, unknown> {
    return endpointToWire(view.endpoint, view.status, view.addresses.length, view.ruleCount);
}

/** Refuses a name another live endpoint of the project has (`DNS.1504`). */
function uniqueName(api: Dns, scope: Scope, name: string, self?: string): void {
    if (api.state.live(scope).some((x) => x.endpoint.name === name && x.endpoint.id !== self))
        throw dnsError("DNS.1504", `an endpoint named ${JSON.stringify(name)} exists.`);
}

/** The VPC of a subnet of the project (`DNS.1511` when there is no such subnet). */
export function subnetVpc(api: Dns, scope: Scope, subnetId: string, where: string): string {
    const subnet = api.world.network.subnet(scope, subnetId);
    if (!subnet) throw dnsError("DNS.1511", `${where}.subnet_id ${subnetId} does not exist.`);
    return subnet.vpcId;
}

/** Allocates one address's port: the requested IP (inside the subnet, free) or the lowest free one. */
export function allocateAddress(
    api: Dns,
    scope: Scope,
    endpointId: string,
    want: { subnetId: string; ip?: string },
    where: string,
    initial: boolean,
): AddressRecord {
    // Addresses of endpoints that are gone by now are freed first.
    api.state.live(scope);
    const now = api.world.now();
    let port: ReturnType<typeof api.world.network.allocatePort> | undefined;
    try {
        if (want.ip !== undefined) {
            const problem = api.world.network.checkIp(scope, want.subnetId, want.ip);
            if (problem) throw problem;
        }
        port = api.world.network.allocatePort(scope, { subnetId: want.subnetId, ip: want.ip, deviceOwner: "network:dns", deviceId: endpointId });
    } catch (e) {
        addressError(e, `${where}.ip ${want.ip ?? "(any)"}`);
    }
    const t = api.world.timings.for(ENDPOINT_KIND);
    return {
        id: newDnsId(),
        subnetId: want.subnetId,
        ip: port.ip,
        portId: port.id,
        initial,
        updatedAt: now,
        lifecycle: startLifecycle(now, initial ? "immediate" : t.create, false),
    };
}

export const createResolverEndpoint: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const scope = scopeOf(ctx);
    const name = v.name(body.name);
    const direction = v.direction(body.direction);
    if (typeof body.region !== "string" || body.region === "") throw dnsError("DNS.0001", "region is required.");
    const raw = body.ipaddresses;
    if (!Array.isArray(raw) || raw.length < v.MIN_ADDRESSES || raw.length > v.MAX_ADDRESSES) {
        throw dnsError(
            "DNS.1507",
            `ipaddresses must list ${v.MIN_ADDRESSES} to ${v.MAX_ADDRESSES} addresses, got ${Array.isArray(raw) ? raw.length : JSON.stringify(raw)}.`,
        );
    }
    const wants = raw.map((x, i) => v.ipaddressInfo(x, `ipaddresses[${i}]`));
    const vpcs = new Set(wants.map((w, i) => subnetVpc(api, scope, w.subnetId, `ipaddresses[${i}]`)));
    if (vpcs.size > 1) throw dnsError("DNS.1508", `the subnets belong to VPCs ${[...vpcs].join(", ")}.`);
    const seen = new Set<string>();
    wants.forEach((w, i) => {
        if (w.ip === undefined) return;
        if (seen.has(w.ip)) throw dnsError("DNS.1506", `ipaddresses[${i}].ip ${w.ip} is listed twice.`);
        seen.add(w.ip);
    });
    uniqueName(api, scope, name, undefined);
    const id = newDnsId();
    // Requested addresses first, so that picking a free one never takes an address asked for later.
    const order = wants.map((w, i) => ({ w, i })).sort((a, b) => Number(a.w.ip === undefined) - Number(b.w.ip === undefined));
    const made: AddressRecord[] = [];
    try {
        for (const { w, i } of order) made[i] = allocateAddress(api, scope, id, w, `ipaddresses[${i}]`, true);
    } catch (e) {
        for (const a of made) if (a?.portId) api.world.network.releasePort(scope, a.portId);
        throw e;
    }
    const now = api.world.now();
    const t = api.world.timings.for(ENDPOINT_KIND);
    const record: EndpointRecord = {
        id,
        projectId: scope.projectId,
        region: scope.region,
        name,
        direction,
        vpcId: [...vpcs][0]!,
        addresses: made,
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(name) ?? false)),
    };
    api.state.scope(scope).endpoints[id] = record;
    api.world.markDirty();
    return reply(202, { endpoint: endpointToWire(record, "PENDING_CREATE", made.length) });
};

export const listResolverEndpoints: DnsHandler = (api, ctx) => {
    const q = ctx.req.query;
    const direction = v.direction(q.get("direction"));
    const vpcId = q.get("vpc_id");
    const name = q.get("name");
    const { limit, offset } = v.paging(q);
    const rows = api.state
        .live(scopeOf(ctx), "read")
        .filter(
            (x) => x.endpoint.direction === direction && (vpcId === null || x.endpoint.vpcId === vpcId) && (name === null || x.endpoint.name.includes(name)),
        )
        // Newest first; same-millisecond ties keep a stable order so pages never shuffle.
        .map((x, i) => ({ x, i }))
        .sort((a, b) => b.x.endpoint.lifecycle.createdAt - a.x.endpoint.lifecycle.createdAt || b.i - a.i)
        .map(({ x }) => x);
    return reply(200, { endpoints: rows.slice(offset, offset + limit).map(endpointBody), metadata: { total_count: rows.length } });
};

export const showResolverEndpoint: DnsHandler = (api, ctx) => reply(200, { endpoint: endpointBody(ownEndpoint(api, ctx)) });

export const updateResolverEndpoint: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownEndpoint(api, ctx);
    settled(view);
    const name = v.name(body.name);
    const scope = scopeOf(ctx);
    uniqueName(api, scope, name, view.endpoint.id);
    view.endpoint.name = name;
    view.endpoint.updatedAt = api.world.now();
    api.world.markDirty();
    return reply(200, { endpoint: endpointBody(view) });
};

/**
 * Deletes an endpoint that has no resolver rules left: one with rules (even `PENDING_DELETE` ones)
 * is refused with the documented "This resource is in use." (`DNS.0608`, error code table).
 */
export const deleteResolverEndpoint: DnsHandler = (api, ctx) => {
    const view = ownEndpoint(api, ctx);
    settled(view);
    if (view.ruleCount > 0) throw dnsError("DNS.0608", `endpoint ${view.endpoint.id} has ${view.ruleCount} resolver rule(s).`);
    requestDeletion(view.endpoint.lifecycle, api.world.now(), api.world.timings.for(ENDPOINT_KIND).delete);
    api.world.markDirty();
    // An immediate deletion is complete now: free the addresses at once.
    api.state.view(view.endpoint, "peek");
    return reply(202, { endpoint: endpointToWire(view.endpoint, "PENDING_DELETE", view.addresses.length, 0) });
};
