// EnableVpcEndpointConnection, DisableVpcEndpointConnection, UpdateVpcEndpointConnectionAttribute,
// ListVpcEndpointConnections
import { startLifecycle } from "../../../core/lifecycle";
import { plError } from "../errors";
import { acsTime, type ConnectionOp, type EndpointRecord, type ServiceRecord } from "../models";
import { type Params, page } from "../params";
import { CONNECTION_KIND } from "../state";
import { type Caller, dryRun, idempotent, ownService, type PrivateLink, type PrivateLinkHandler, serviceModifiable } from "./context";

/**
 * The owner's view of one endpoint connection: the caller's service (`EndpointServiceNotFound`
 * otherwise, which is what a consumer calling an owner-only action gets) and an endpoint of any
 * account connected to it (`EndpointConnectionNotFound` otherwise).
 */
function connectionOf(api: PrivateLink, p: Params, caller: Caller) {
    const { service, status } = ownService(api, p, caller);
    const endpointId = p.required("EndpointId");
    const e = api.state.endpointsOf(service.id).find((x) => x.id === endpointId);
    if (!e) throw plError("EndpointConnectionNotFound", `Endpoint ${endpointId} is not connected to ${service.id}.`);
    return { service, status, endpoint: e };
}

/**
 * Bandwidth in Mbit/s, 100 up to the service resource type's maximum (official SDK's
 * EnableVpcEndpointConnectionRequest / UpdateVpcEndpointConnectionAttributeRequest: CLB 100–10240
 * with default 3072, ALB 100–25000, NLB 100–50000, GWLB 100–25000).
 */
const MAX_BANDWIDTH: Record<string, number> = { slb: 10240, alb: 25000, nlb: 50000, gwlb: 25000 };

function bandwidthParam(p: Params, s: ServiceRecord): number | undefined {
    return p.int("Bandwidth", 100, MAX_BANDWIDTH[s.serviceResourceType] ?? 10240, "IllegalParam.Bandwidth");
}

/** The connection's status for a check (a peek: the owner's call is not a read of it). */
function connectionNow(api: PrivateLink, e: EndpointRecord) {
    const est = api.state.endpointStatus(e, "peek");
    return { est, cs: api.state.connectionStatus(e, est, "peek") };
}

function startOp(api: PrivateLink, e: EndpointRecord, kind: ConnectionOp["kind"]): void {
    const t = api.world.timings.for(CONNECTION_KIND);
    e.connectionOp = { kind, lifecycle: startLifecycle(api.world.now(), kind === "disable" ? t.delete : t.create, false) };
    e.modifiedAt = api.world.now();
    api.world.markDirty();
}

/**
 * Enable and Disable take a connection that rests (Connected or Disconnected) on a settled
 * endpoint; anything else answers `EndpointConnectionOperationDenied`, which clients retry.
 */
function connectionResting(endpoint: EndpointRecord, est: string, cs: string): void {
    if (est === "Creating" || est === "Deleting" || est === "gone")
        throw plError("EndpointConnectionOperationDenied", `Endpoint ${endpoint.id} is ${est === "gone" ? "Deleting" : est}.`);
    if (cs !== "Connected" && cs !== "Disconnected") throw plError("EndpointConnectionOperationDenied", `The connection of endpoint ${endpoint.id} is ${cs}.`);
}

/**
 * EnableVpcEndpointConnection (ServiceId, EndpointId, Bandwidth?, DryRun?, ClientToken?): the
 * owner accepts the endpoint; `Connecting` until the `privatelink:connection` create timing
 * completes, then `Connected` (EnableVpcEndpointConnection page: an asynchronous operation). A
 * Connected connection may be enabled again (it passes through Connecting); Bandwidth, when given,
 * becomes the connection's bandwidth. Answers `{RequestId}`.
 */
export const enableVpcEndpointConnection: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "EnableVpcEndpointConnection", () => {
        const { service, status, endpoint } = connectionOf(api, p, caller);
        const bandwidth = bandwidthParam(p, service);
        serviceModifiable(service, status);
        const { est, cs } = connectionNow(api, endpoint);
        connectionResting(endpoint, est, cs);
        dryRun(p);
        endpoint.connected = true;
        if (bandwidth !== undefined) endpoint.bandwidth = bandwidth;
        startOp(api, endpoint, "enable");
        return {};
    });

/**
 * DisableVpcEndpointConnection (ServiceId, EndpointId, DryRun?, ClientToken?): the owner rejects a
 * waiting endpoint or disconnects a connected one; `Disconnecting` until the
 * `privatelink:connection` delete timing completes, then `Disconnected` (DisableVpcEndpointConnection
 * page). The connection stays listed as Disconnected and can be enabled again. Answers `{RequestId}`.
 */
export const disableVpcEndpointConnection: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "DisableVpcEndpointConnection", () => {
        const { service, status, endpoint } = connectionOf(api, p, caller);
        serviceModifiable(service, status);
        const { est, cs } = connectionNow(api, endpoint);
        connectionResting(endpoint, est, cs);
        dryRun(p);
        endpoint.connected = false;
        startOp(api, endpoint, "disable");
        return {};
    });

/**
 * UpdateVpcEndpointConnectionAttribute (ServiceId, EndpointId, Bandwidth?, DryRun?, ClientToken?):
 * changes a Connected connection's bandwidth; the connection reads `Pending` ("being modified",
 * SDK ListVpcEndpointConnectionsRequest) until the `privatelink:connection` create timing
 * completes, then `Connected` again (terraform-provider-alicloud waits for Connected after it).
 * Without Bandwidth nothing changes. While the connection is transitional it answers
 * `ConcurrentCallNotSupported` (what terraform-provider-alicloud retries on this action); a
 * connection that is not Connected answers `EndpointConnectionOperationDenied`. Answers `{RequestId}`.
 */
export const updateVpcEndpointConnectionAttribute: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "UpdateVpcEndpointConnectionAttribute", () => {
        const { service, status, endpoint } = connectionOf(api, p, caller);
        const bandwidth = bandwidthParam(p, service);
        serviceModifiable(service, status);
        const { est, cs } = connectionNow(api, endpoint);
        if (est === "Creating" || cs === "Connecting" || cs === "Disconnecting" || cs === "Pending")
            throw plError("ConcurrentCallNotSupported", `The connection of endpoint ${endpoint.id} is ${cs}.`);
        if (cs !== "Connected")
            throw plError(
                "EndpointConnectionOperationDenied",
                `The connection of endpoint ${endpoint.id} is ${cs}: only a Connected connection's bandwidth can change.`,
            );
        dryRun(p);
        if (bandwidth === undefined) return {};
        endpoint.bandwidth = bandwidth;
        startOp(api, endpoint, "modify");
        return {};
    });

/**
 * ListVpcEndpointConnections (ServiceId; filters EndpointId, EndpointOwnerId, ConnectionStatus,
 * EniId; MaxResults/NextToken): every endpoint of any account connected to the caller's service.
 * Its ConnectionStatus is the one GetVpcEndpointAttribute shows the endpoint's owner (same
 * computation; a listing is a read of each connection).
 */
export const listVpcEndpointConnections: PrivateLinkHandler = (api, p, caller) => {
    const { service } = ownService(api, p, caller);
    const items = api.state
        .endpointsOf(service.id)
        .filter((e) => (p.str("EndpointId") ?? e.id) === e.id && (p.str("EndpointOwnerId") ?? e.accountId) === e.accountId)
        .map((e) => {
            const cs = api.state.connectionStatus(e, api.state.endpointStatus(e, "peek"), "read");
            const zones = api.state.liveZones(e, "peek");
            return {
                EndpointId: e.id,
                EndpointOwnerId: Number(e.accountId),
                EndpointVpcId: e.vpcId,
                EndpointRegionId: e.region,
                ServiceId: service.id,
                ServiceRegionId: service.region,
                ConnectionStatus: cs,
                Bandwidth: e.bandwidth,
                TrafficControlMode: "BandwidthLimit",
                ModifiedTime: acsTime(e.modifiedAt),
                ResourceOwner: e.accountId === caller.uid,
                Zones: zones.map(({ zone, status: zs }) => ({
                    ZoneId: zone.zoneId,
                    VSwitchId: zone.vSwitchId,
                    EniId: zone.eniId,
                    ZoneStatus: zs,
                    ZoneDomain: `${e.id}-${zone.zoneId}.${service.id}.${e.region}.privatelink.aliyuncs.com`,
                })),
            };
        })
        .filter((c) => (p.str("ConnectionStatus") ?? c.ConnectionStatus) === c.ConnectionStatus)
        .filter((c) => p.str("EniId") === undefined || c.Zones.some((z) => z.EniId === p.str("EniId")));
    const pg = page(p, items);
    // TotalCount is a string in this action's answer (`total_count: str` in the Python SDK's response model).
    return { Connections: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: String(pg.TotalCount) };
};
