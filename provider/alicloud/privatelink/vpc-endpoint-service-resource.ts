// AttachResourceToVpcEndpointService     attach (with a ClientToken), then wait until the service settles
// ListVpcEndpointServiceResources        read
// DetachResourceFromVpcEndpointService   on delete, then wait until the service settles
/** `alicloud.privatelink.VpcEndpointServiceResource`: one load balancer serving an endpoint service in one zone. */
import { randomUUID } from "node:crypto";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget } from "../../model/resource";
import { alicloud } from "../connect";
import { acsId, loadBalancerId, serviceResourceType, zoneId } from "../inputs";

/** What a read gathers: the service and the attached resource. */
export interface VpcEndpointServiceResourceWire {
    serviceId: string;
    resource: pl.ServiceResource;
}

const f = fieldsOf<VpcEndpointServiceResourceWire, AlibabaClient>();

async function find(c: AlibabaClient, serviceId: string, resourceId: string, zone: string): Promise<VpcEndpointServiceResourceWire | undefined> {
    const list = await orUndefined(() => pl.listVpcEndpointServiceResources(c, serviceId));
    const resource = list?.find((r) => r.ResourceId === resourceId && (r.ZoneId ?? zone) === zone);
    return resource ? { serviceId, resource } : undefined;
}

const settled = (c: AlibabaClient, serviceId: string, budget: OperationBudget) => pl.waitForVpcEndpointServiceActive(c, serviceId, budget);

const fields = {
    /** The endpoint service (owned by the provider's account). */
    serviceId: f.input(acsId("epsrv", "endpoint service id"), { change: "replace", read: (w) => w.serviceId }),
    /** The load balancer's id. */
    resourceId: f.input(loadBalancerId, { change: "replace", read: (w) => w.resource.ResourceId }),
    /** `slb` (CLB), `alb`, `nlb` or `gwlb` (Gateway Load Balancer): the service's `serviceResourceType`. */
    resourceType: f.input(serviceResourceType, { change: "replace", read: (w) => w.resource.ResourceType as pl.ServiceResourceType | undefined }),
    /** The zone in which the load balancer serves endpoints, such as `cn-hangzhou-h`. */
    zoneId: f.input(zoneId, { change: "replace", read: (w) => w.resource.ZoneId }),
};

/**
 * Attaches one load balancer to an endpoint service in one zone — for a platform team that
 * manages a service's backends apart from the service. Manage a service's resources either with
 * these resources or with the service's `resources` input, not both.
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpointServiceResource",
    cloud: alicloud,
    fields,
    outputs: {},
    idParts: ["serviceId", "resourceId", "zoneId"],
    hooks: {
        async create({ c, inputs, budget }) {
            await settled(c, inputs.serviceId, budget);
            // Already attached (by another tool, or a run whose answer was lost): taken over as it is.
            const existing = await find(c, inputs.serviceId, inputs.resourceId, inputs.zoneId);
            if (existing) return existing;
            const resource = { ResourceId: inputs.resourceId, ResourceType: inputs.resourceType, ZoneId: inputs.zoneId };
            // One ClientToken for every repetition: the cloud attaches it once.
            const clientToken = randomUUID();
            await untilKnown({
                attempt: () => pl.attachResourceToVpcEndpointService(c, inputs.serviceId, resource, { signal: budget.signal, clientToken }),
                budget,
            });
            budget.onCreated();
            await settled(c, inputs.serviceId, budget);
            const wire = await find(c, inputs.serviceId, inputs.resourceId, inputs.zoneId);
            if (!wire) throw new Error(`${inputs.resourceId} is not attached to ${inputs.serviceId} after attaching it`);
            return wire;
        },
        read: (c, _id, inputs) => find(c, inputs.serviceId, inputs.resourceId, inputs.zoneId),
        async delete(c, _id, inputs, budget) {
            if (!(await find(c, inputs.serviceId, inputs.resourceId, inputs.zoneId))) return;
            await settled(c, inputs.serviceId, budget);
            const resource = { ResourceId: inputs.resourceId, ResourceType: inputs.resourceType, ZoneId: inputs.zoneId };
            await pl.detachResourceFromVpcEndpointService(c, inputs.serviceId, resource, { signal: budget.signal });
            await settled(c, inputs.serviceId, budget);
        },
    },
});
