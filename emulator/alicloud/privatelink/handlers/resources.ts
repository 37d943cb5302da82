// AttachResourceToVpcEndpointService, DetachResourceFromVpcEndpointService,
// ListVpcEndpointServiceResources
import { startLifecycle } from "../../../core/lifecycle";
import { loadBalancer } from "../../network";
import { plError } from "../errors";
import type { ServiceRecord, ServiceResource } from "../models";
import { page } from "../params";
import { SERVICE_KIND } from "../state";
import { type Caller, dryRun, idempotent, ownService, type PrivateLink, type PrivateLinkHandler, serviceModifiable } from "./context";

/** The load balancer types a service can front: gwlb too (CreateVpcEndpointServiceRequest `service_resource_type`, official SDK 4.0.9). */
export const RESOURCE_TYPES = ["slb", "alb", "nlb", "gwlb"];

/** One resource parameter (`Resource.N.` or the attach action's own), checked against the caller's load balancers. */
export function resourceParam(
    api: PrivateLink,
    caller: Caller,
    r: { ResourceId?: string; ResourceType?: string; ZoneId?: string },
    where: string,
    serviceType: string,
): ServiceResource {
    if (!r.ResourceId) throw plError("MissingParameter", `${where}ResourceId is mandatory.`);
    if (!r.ResourceType) throw plError("MissingParameter", `${where}ResourceType is mandatory.`);
    if (!RESOURCE_TYPES.includes(r.ResourceType))
        throw plError("IllegalParam.ResourceType", `${where}ResourceType "${r.ResourceType}" (${RESOURCE_TYPES.join(", ")}).`);
    if (r.ResourceType !== serviceType)
        throw plError("IllegalParam.ResourceType", `${where}ResourceType ${r.ResourceType} does not match the service's resource type ${serviceType}.`);
    // Only a load balancer of the service's own region (the caller's).
    const lb = loadBalancer(caller.account, r.ResourceId, caller.region);
    if (!lb || lb.type !== r.ResourceType) throw plError("ResourceNotFound.LoadBalancer", `${r.ResourceType} ${r.ResourceId}.`);
    if (!r.ZoneId) throw plError("MissingParameter", `${where}ZoneId is mandatory.`);
    if (!lb.zones.includes(r.ZoneId)) throw plError("IllegalParam.ZoneId", `${r.ResourceId} serves zones ${lb.zones.join(", ")}, not ${r.ZoneId}.`);
    void api;
    return { resourceId: r.ResourceId, resourceType: r.ResourceType, zoneId: r.ZoneId };
}

/** Whether a load balancer in a zone already serves a live service (other than `except`). */
export function inUse(api: PrivateLink, resourceId: string, zoneId: string, except?: string): boolean {
    for (const { value } of api.state.store.entries()) {
        for (const s of Object.values(value.services)) {
            if (s.id !== except && api.state.serviceStatus(s, "peek") !== "gone" && s.resources.some((r) => r.resourceId === resourceId && r.zoneId === zoneId))
                return true;
        }
    }
    return false;
}

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
                ResourceSupportIPv6: lb?.dualStack ?? false,
                AutoAllocatedEnabled: false,
                StatusInfo: { ResourceStatus: "Normal" },
            };
        });
    const pg = page(p, items);
    return { Resources: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults };
};
