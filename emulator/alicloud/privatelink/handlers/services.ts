// CreateVpcEndpointService, GetVpcEndpointServiceAttribute, ListVpcEndpointServices,
// ListVpcEndpointServicesByEndUser, UpdateVpcEndpointServiceAttribute, DeleteVpcEndpointService,
// AttachResourceToVpcEndpointService, DetachResourceFromVpcEndpointService,
// ListVpcEndpointServiceResources, AddUserToVpcEndpointService, RemoveUserFromVpcEndpointService,
// ListVpcEndpointServiceUsers, EnableVpcEndpointConnection, DisableVpcEndpointConnection,
// UpdateVpcEndpointConnectionAttribute, ListVpcEndpointConnections
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { loadBalancer } from "../../network";
import { plError } from "../errors";
import { acsTime, type ConnectionOp, type EndpointRecord, type ServiceRecord, type ServiceResource, serviceName, serviceToWire } from "../models";
import { type Params, page } from "../params";
import { CONNECTION_KIND, SERVICE_KIND } from "../state";
import {
    type Caller,
    descriptionParam,
    dryRun,
    idempotent,
    newId,
    ownService,
    type PrivateLink,
    type PrivateLinkHandler,
    serviceModifiable,
    tagsParam,
} from "./context";

/** Endpoint services per account and region. */
export const SERVICE_QUOTA = 20;
const RESOURCE_TYPES = ["slb", "alb", "nlb"];

function resourceParam(
    api: PrivateLink,
    caller: Caller,
    r: { ResourceId?: string; ResourceType?: string; ZoneId?: string },
    where: string,
    serviceType: string,
): ServiceResource {
    if (!r.ResourceId) throw plError("MissingParameter", `${where}ResourceId is mandatory.`);
    if (!r.ResourceType) throw plError("MissingParameter", `${where}ResourceType is mandatory.`);
    if (!RESOURCE_TYPES.includes(r.ResourceType)) throw plError("IllegalParam.ResourceType", `${where}ResourceType "${r.ResourceType}" (slb, alb or nlb).`);
    if (r.ResourceType !== serviceType)
        throw plError("IllegalParam.ResourceType", `${where}ResourceType ${r.ResourceType} does not match the service's resource type ${serviceType}.`);
    const lb = loadBalancer(caller.account, r.ResourceId);
    if (!lb || lb.type !== r.ResourceType) throw plError("ResourceNotFound.LoadBalancer", `${r.ResourceType} ${r.ResourceId}.`);
    if (!r.ZoneId) throw plError("MissingParameter", `${where}ZoneId is mandatory.`);
    if (!lb.zones.includes(r.ZoneId)) throw plError("IllegalParam.ZoneId", `${r.ResourceId} serves zones ${lb.zones.join(", ")}, not ${r.ZoneId}.`);
    void api;
    return { resourceId: r.ResourceId, resourceType: r.ResourceType, zoneId: r.ZoneId };
}

function inUse(api: PrivateLink, resourceId: string, zoneId: string, except?: string): boolean {
    for (const { value } of api.state.store.entries()) {
        for (const s of Object.values(value.services)) {
            if (s.id !== except && api.state.serviceStatus(s, "peek") !== "gone" && s.resources.some((r) => r.resourceId === resourceId && r.zoneId === zoneId))
                return true;
        }
    }
    return false;
}

const sameResource = (a: ServiceResource, b: ServiceResource) => a.resourceId === b.resourceId && a.zoneId === b.zoneId;

export const createVpcEndpointService: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "CreateVpcEndpointService", () => {
        const serviceResourceType = p.str("ServiceResourceType") ?? "slb";
        if (!RESOURCE_TYPES.includes(serviceResourceType)) throw plError("IllegalParam.ServiceResourceType", `"${serviceResourceType}" (slb, alb or nlb).`);
        const payer = (p.str("Payer") ?? "Endpoint") as ServiceRecord["payer"];
        if (payer !== "Endpoint" && payer !== "EndpointService") throw plError("IllegalParam.Payer", `"${payer}" (Endpoint or EndpointService).`);
        const description = descriptionParam(p, "ServiceDescription", "IllegalParam.ServiceDescription") ?? "";
        const autoAcceptEnabled = p.bool("AutoAcceptEnabled") ?? false;
        const zoneAffinityEnabled = p.bool("ZoneAffinityEnabled") ?? false;
        const tags = tagsParam(p);
        const resources: ServiceResource[] = [];
        p.objects("Resource").forEach((o, i) => {
            const r = resourceParam(api, caller, o, `Resource.${i + 1}.`, serviceResourceType);
            if (resources.some((x) => sameResource(x, r)) || inUse(api, r.resourceId, r.zoneId))
                throw plError("ResourceAlreadyAssociated", `${r.resourceId} in ${r.zoneId}.`);
            resources.push(r);
        });
        const own = api.state.scope(caller.scope);
        const quota = api.world.quota(SERVICE_KIND, SERVICE_QUOTA);
        const count = Object.values(own.services).filter((s) => api.state.serviceStatus(s, "peek") !== "gone").length;
        if (count >= quota) throw plError("QuotaExceeded.EndpointService", `usage ${count}/${quota}.`);
        dryRun(p);
        const now = api.world.now();
        const record: ServiceRecord = {
            id: newId("epsrv"),
            accountId: caller.uid,
            region: caller.region,
            description,
            autoAcceptEnabled,
            payer,
            serviceResourceType,
            zoneAffinityEnabled,
            resources,
            users: [],
            tags,
            lifecycle: startLifecycle(now, api.world.timings.for(SERVICE_KIND).create, false),
        };
        own.services[record.id] = record;
        api.world.markDirty();
        const w = serviceToWire(record, "Creating", false);
        return {
            ServiceId: w.ServiceId,
            ServiceName: w.ServiceName,
            ServiceDomain: w.ServiceDomain,
            ServiceStatus: w.ServiceStatus,
            ServiceBusinessStatus: w.ServiceBusinessStatus,
            ServiceDescription: w.ServiceDescription,
            AutoAcceptEnabled: w.AutoAcceptEnabled,
            ZoneAffinityEnabled: w.ZoneAffinityEnabled,
            CreateTime: w.CreateTime,
            ServiceSupportIPv6: false,
        };
    });

export const getVpcEndpointServiceAttribute: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    return serviceToWire(service, status, false);
};

export const listVpcEndpointServices: PrivateLinkHandler = (api, p, caller) => {
    const wantTags = tagsParam(p);
    const all = Object.values(api.state.scope(caller.scope).services)
        .map((s) => ({ s, st: api.state.serviceStatus(s) }))
        .filter((x) => x.st !== "gone")
        .sort((a, b) => b.s.lifecycle.createdAt - a.s.lifecycle.createdAt || (a.s.id < b.s.id ? -1 : 1))
        .map(({ s, st }) => serviceToWire(s, st as Exclude<typeof st, "gone">, true))
        .filter(
            (w) =>
                (p.str("ServiceId") ?? w.ServiceId) === w.ServiceId &&
                (p.str("ServiceName") ?? w.ServiceName) === w.ServiceName &&
                (p.str("ServiceStatus") ?? w.ServiceStatus) === w.ServiceStatus,
        )
        .filter((w) => (p.str("AutoAcceptEnabled") ?? String(w.AutoAcceptEnabled)) === String(w.AutoAcceptEnabled))
        .filter((w) => wantTags.every((t) => w.Tags!.some((x) => x.Key === t.Key && (t.Value === "" || x.Value === t.Value))));
    const pg = page(p, all);
    return { Services: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: pg.TotalCount };
};

/** The services the caller may connect to (own ones and those listing the caller as a user). */
export const listVpcEndpointServicesByEndUser: PrivateLinkHandler = (api, p, caller) => {
    const out: Array<Record<string, unknown>> = [];
    for (const { value } of api.state.store.entries()) {
        for (const s of Object.values(value.services)) {
            const st = api.state.serviceStatus(s, "peek");
            if (st === "gone" || s.region !== caller.region || (s.accountId !== caller.uid && !s.users.includes(caller.uid))) continue;
            if ((p.str("ServiceId") ?? s.id) !== s.id || (p.str("ServiceName") ?? serviceName(s)) !== serviceName(s)) continue;
            const w = serviceToWire(s, st, false);
            if ((p.str("ServiceType") ?? w.ServiceType) !== w.ServiceType) continue;
            out.push({
                ServiceId: w.ServiceId,
                ServiceName: w.ServiceName,
                ServiceDomain: w.ServiceDomain,
                ServiceType: w.ServiceType,
                Payer: w.Payer,
                Zones: w.Zones,
                ServiceSupportIPv6: false,
                ServiceResourceType: w.ServiceResourceType,
            });
        }
    }
    const pg = page(p, out);
    // TotalCount is a string in this action's answer (`total_count: str` in the Python SDK's response model).
    return { Services: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: String(pg.TotalCount) };
};

export const updateVpcEndpointServiceAttribute: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const description = descriptionParam(p, "ServiceDescription", "IllegalParam.ServiceDescription");
    const autoAccept = p.bool("AutoAcceptEnabled");
    const zoneAffinity = p.bool("ZoneAffinityEnabled");
    p.int("ConnectBandwidth", 100, 10240, "IllegalParam.Bandwidth");
    serviceModifiable(service, status);
    dryRun(p);
    if (description !== undefined) service.description = description;
    if (autoAccept !== undefined) service.autoAcceptEnabled = autoAccept;
    if (zoneAffinity !== undefined) service.zoneAffinityEnabled = zoneAffinity;
    api.world.markDirty();
    return {};
};

export const deleteVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    serviceModifiable(service, status);
    // "Before you delete an endpoint service, you must disconnect the endpoint from the endpoint service"
    // (DeleteVpcEndpointService page): endpoints whose connection is Disconnected do not hold the service (their
    // connection reads ServiceDeleted afterwards); any other connection does. The code is the emulator's;
    // terraform-provider-alicloud retries EndpointServiceConnectionDependence here, which the stored pages did not
    // confirm either.
    const live = api.state.endpointsOf(service.id).filter((e) => api.state.connectionStatus(e, api.state.endpointStatus(e, "peek"), "peek") !== "Disconnected");
    if (live.length) throw plError("DependencyViolation.EndpointConnection", `Endpoints ${live.map((e) => e.id).join(", ")} are connected to ${service.id}.`);
    dryRun(p);
    requestDeletion(service.lifecycle, api.world.now(), api.world.timings.for(SERVICE_KIND).delete);
    api.world.markDirty();
    return {};
};

function startBusy(api: PrivateLink, s: ServiceRecord): void {
    s.busy = startLifecycle(api.world.now(), api.world.timings.for(SERVICE_KIND).create, false);
    api.world.markDirty();
}

export const attachResourceToVpcEndpointService: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "AttachResourceToVpcEndpointService", () => {
        const { service, status } = ownService(api, p, caller);
        const r = resourceParam(
            api,
            caller,
            { ResourceId: p.str("ResourceId"), ResourceType: p.str("ResourceType"), ZoneId: p.str("ZoneId") },
            "",
            service.serviceResourceType,
        );
        serviceModifiable(service, status);
        if (inUse(api, r.resourceId, r.zoneId)) throw plError("ResourceAlreadyAssociated", `${r.resourceId} in ${r.zoneId}.`);
        dryRun(p);
        service.resources.push(r);
        startBusy(api, service);
        return {};
    });

export const detachResourceFromVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const r = { resourceId: p.required("ResourceId"), resourceType: p.required("ResourceType"), zoneId: p.str("ZoneId") ?? "" };
    serviceModifiable(service, status);
    const match = service.resources.filter((x) => x.resourceId === r.resourceId && (r.zoneId === "" || x.zoneId === r.zoneId));
    if (!match.length) throw plError("EndpointServiceResourceNotFound", `${r.resourceId}${r.zoneId ? ` in ${r.zoneId}` : ""} on ${service.id}.`);
    dryRun(p);
    service.resources = service.resources.filter((x) => !match.includes(x));
    startBusy(api, service);
    return {};
};

export const listVpcEndpointServiceResources: PrivateLinkHandler = (api, p, caller) => {
    const { service } = ownService(api, p, caller);
    const items = service.resources
        .filter((r) => (p.str("ZoneId") ?? r.zoneId) === r.zoneId)
        .map((r) => {
            const lb = loadBalancer(caller.account, r.resourceId);
            const related = api.state.endpointsOf(service.id).filter((e) => api.state.liveZones(e, "peek").some((z) => z.zone.zoneId === r.zoneId)).length;
            return {
                ResourceId: r.resourceId,
                ResourceType: r.resourceType,
                ZoneId: r.zoneId,
                VpcId: lb?.vpcId,
                VSwitchId: lb?.vSwitchId,
                Ip: lb?.ip,
                RegionId: service.region,
                RelatedEndpointCount: related,
                RelatedDeprecatedEndpointCount: 0,
                ResourceSupportIPv6: false,
                AutoAllocatedEnabled: false,
                StatusInfo: { ResourceStatus: "Normal" },
            };
        });
    const pg = page(p, items);
    return { Resources: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults };
};

function userParam(p: Params): string {
    const uid = p.required("UserId");
    if (!/^\d{1,20}$/.test(uid)) throw plError("IllegalParam.UserId", `UserId "${uid}" is not an account UID.`);
    return uid;
}

export const addUserToVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const uid = userParam(p);
    if (status === "Deleting") throw plError("EndpointServiceLocked", `Endpoint service ${service.id} is being deleted.`);
    p.str("ClientToken");
    dryRun(p);
    // Adding a user twice is harmless (the API is idempotent on the pair).
    if (!service.users.includes(uid)) service.users.push(uid);
    api.world.markDirty();
    return {};
};

export const removeUserFromVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const uid = userParam(p);
    if (status === "Deleting") throw plError("EndpointServiceLocked", `Endpoint service ${service.id} is being deleted.`);
    dryRun(p);
    service.users = service.users.filter((u) => u !== uid);
    api.world.markDirty();
    return {};
};

export const listVpcEndpointServiceUsers: PrivateLinkHandler = (api, p, caller) => {
    const { service } = ownService(api, p, caller);
    // UserId is a number on the wire (a long: alibabacloud_privatelink20200415's
    // ListVpcEndpointServiceUsersResponseBodyUsers declares `user_id: int`); a UID past 2^53 stays
    // a string rather than being rounded.
    const uid = (u: string) => (Number.isSafeInteger(Number(u)) ? Number(u) : u);
    const items = service.users.filter((u) => (p.str("UserId") ?? u) === u).map((u) => ({ UserId: uid(u) }));
    const pg = page(p, items);
    // TotalCount is a string in this action's answer (`total_count: str` in the Python SDK's response model).
    return { Users: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: String(pg.TotalCount) };
};

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
 * with default 3072, ALB 100–25000, NLB 100–50000).
 */
const MAX_BANDWIDTH: Record<string, number> = { slb: 10240, alb: 25000, nlb: 50000 };

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
