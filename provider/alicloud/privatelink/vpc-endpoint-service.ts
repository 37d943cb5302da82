// CreateVpcEndpointService (DryRun)      the cloud's own validation before anything is created
// CreateVpcEndpointService (ClientToken) create with its resources and tags, idempotent across retries
// GetVpcEndpointServiceAttribute / ListVpcEndpointServices   read, wait (coalesced)
// ListVpcEndpointServiceResources, ListVpcEndpointServiceUsers, ListTagResources   read
// UpdateVpcEndpointServiceAttribute      description, auto-accept, address families, zone affinity; Add/DeleteSupportedRegionSet;
//                                        the default connection bandwidth (ConnectBandwidth), also right after creation
// AttachResourceToVpcEndpointService / DetachResourceFromVpcEndpointService   resources in place
// AddUserToVpcEndpointService / RemoveUserFromVpcEndpointService   allowed users
// TagResources / UntagResources          tags
// DeleteVpcEndpointService               delete, then wait until gone
/** `alicloud.privatelink.VpcEndpointService`: publishes load balancers as an endpoint service. */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined } from "../../lifecycle/outcomes";
import type { ApplyContext } from "../../model/field";
import { type BodyOf, fieldsOf, type RuleViolation } from "../../model/resource";
import { alicloud } from "../connect";
import { accountUid, acsId, addressIpVersion, description, loadBalancerId, regionId, serviceResourceType, zoneId } from "../inputs";
import { privateLinkHooks } from "./object";
import { tagsField } from "./tags";

const resourceType = serviceResourceType;
const serviceResource = z
    .object({
        /** The load balancer's id. */
        resourceId: loadBalancerId,
        /** `slb` (CLB), `alb`, `nlb` or `gwlb`; must equal the service's `serviceResourceType`. */
        resourceType,
        /** The zone in which it serves endpoints, such as `cn-hangzhou-h`. */
        zoneId,
    })
    .strict();

/** A load balancer serving the endpoint service in one zone (an entry of its `resources`). */
export type VpcEndpointServiceResourceEntry = z.output<typeof serviceResource>;

/** What a read gathers: the service, its resources, allowed users and tags. */
export interface VpcEndpointServiceWire {
    service: pl.VpcEndpointService;
    resources: VpcEndpointServiceResourceEntry[];
    users: string[];
    tags: Record<string, string>;
}

const f = fieldsOf<VpcEndpointServiceWire, AlibabaClient, pl.CreateVpcEndpointServiceRequest>();

/** The service's calls, and the hooks every PrivateLink object shares. */
const service = privateLinkHooks<
    VpcEndpointServiceWire,
    pl.CreateVpcEndpointServiceRequest,
    { allowedUsers?: string[]; connectBandwidth?: number },
    BodyOf<typeof fields & typeof alicloud.fields, pl.CreateVpcEndpointServiceRequest>
>({
    title: "alicloud.privatelink.VpcEndpointService",
    request: (_c, _inputs, body) => body,
    // What the create call cannot carry, once the service is settled: the allowed users (one taken
    // over may have some of them already) and the default connection bandwidth.
    async settled(c, id, inputs, budget, fresh) {
        await addUsers(c, id, fresh ? [] : await pl.listVpcEndpointServiceUsers(c, id), inputs.allowedUsers ?? [], budget);
        if (inputs.connectBandwidth !== undefined) await setConnectBandwidth(c, id, inputs.connectBandwidth, budget);
    },
    async read(c, id) {
        const service = await orUndefined(() => pl.getVpcEndpointServiceAttribute(c, id));
        if (!service || service.ServiceStatus === "Deleting") return undefined;
        const [resources, users, t] = await Promise.all([
            pl.listVpcEndpointServiceResources(c, id),
            pl.listVpcEndpointServiceUsers(c, id),
            pl.listTags(c, "vpcendpointservice", id),
        ]);
        return {
            service,
            resources: resources.map((r) => ({
                resourceId: r.ResourceId,
                resourceType: (r.ResourceType ?? "slb") as VpcEndpointServiceResourceEntry["resourceType"],
                zoneId: r.ZoneId ?? "",
            })),
            users,
            tags: t,
        };
    },
    status: async (c, id, signal) => (await orUndefined(() => pl.getVpcEndpointServiceAttribute(c, id, { signal })))?.ServiceStatus ?? undefined,
    settle: (c, id, budget) => pl.waitForVpcEndpointServiceActive(c, id, budget),
    create: async (c, request, signal) => (await pl.createVpcEndpointService(c, request, { signal })).ServiceId,
    remove: (c, id, signal) => pl.deleteVpcEndpointService(c, id, { signal }),
    listTagged: async (c, tag) =>
        (await pl.listVpcEndpointServices(c, { Tag: [tag] })).map((s) => ({ id: s.ServiceId, status: s.ServiceStatus, tags: s.Tags })),
    waitGone: (c, id, budget) => pl.waitForVpcEndpointServiceDeleted(c, id, budget),
});
const settled = service.beforeUpdate;

const resKey = (r: VpcEndpointServiceResourceEntry) => `${r.resourceType}/${r.resourceId}/${r.zoneId}`;
const toWire = (r: VpcEndpointServiceResourceEntry) => ({ ResourceId: r.resourceId, ResourceType: r.resourceType, ZoneId: r.zoneId });

/** Attaches the new resources first, then detaches the removed ones, settling after each. */
async function changeResources({ c, id, old, new: want, budget }: ApplyContext<VpcEndpointServiceResourceEntry[], AlibabaClient>): Promise<void> {
    const have = new Map((old ?? []).map((r) => [resKey(r), r]));
    const wanted = new Map((want ?? []).map((r) => [resKey(r), r]));
    for (const [k, r] of wanted)
        if (!have.has(k)) {
            await pl.attachResourceToVpcEndpointService(c, id, toWire(r), { signal: budget.signal, clientToken: randomUUID() });
            await settled(c, id, budget);
        }
    for (const [k, r] of have)
        if (!wanted.has(k)) {
            await pl.detachResourceFromVpcEndpointService(c, id, toWire(r), { signal: budget.signal });
            await settled(c, id, budget);
        }
}

/**
 * The limits of a service's default connection bandwidth, Mbit/s: "Valid values: 100 to 10240"
 * (UpdateVpcEndpointServiceAttributeRequest `connect_bandwidth`, official SDK 4.0.9;
 * terraform-provider-alicloud validates `connect_bandwidth` with IntBetween(100, 10240)).
 */
export const CONNECT_BANDWIDTH = { min: 100, max: 10240 };

/**
 * Sets the default connection bandwidth: one UpdateVpcEndpointServiceAttribute. The create call
 * has no ConnectBandwidth (CreateVpcEndpointServiceRequest, official SDK 4.0.9), so a new service
 * gets it by this call once settled, as terraform-provider-alicloud's create does (its update with
 * `connect_bandwidth` changed).
 */
async function setConnectBandwidth(c: AlibabaClient, id: string, bandwidth: number, budget: { signal?: AbortSignal }): Promise<void> {
    await pl.updateVpcEndpointServiceAttribute(c, id, { ConnectBandwidth: bandwidth }, { signal: budget.signal });
}

const changeConnectBandwidth = async ({ c, id, new: want, budget }: ApplyContext<number, AlibabaClient>): Promise<void> => {
    // Removed from the program: the service keeps its bandwidth (the input is computed).
    if (want !== undefined) await setConnectBandwidth(c, id, want, budget);
};

/** Allows the users of `want` that `have` lacks. */
async function addUsers(c: AlibabaClient, id: string, have: string[], want: string[], budget: { signal?: AbortSignal }): Promise<void> {
    for (const uid of want) if (!have.includes(uid)) await pl.addUserToVpcEndpointService(c, id, uid, { signal: budget.signal });
}

/**
 * Offers the service in the new regions, then withdraws it from the removed ones: one
 * UpdateVpcEndpointServiceAttribute each (AddSupportedRegionSet, DeleteSupportedRegionSet), as
 * terraform-provider-alicloud's alicloud_privatelink_vpc_endpoint_service does.
 */
async function changeRegions({ c, id, old, new: want, budget }: ApplyContext<string[], AlibabaClient>): Promise<void> {
    const have = old ?? [];
    const wanted = want ?? [];
    const add = wanted.filter((r) => !have.includes(r));
    const remove = have.filter((r) => !wanted.includes(r));
    if (add.length) await pl.updateVpcEndpointServiceAttribute(c, id, { AddSupportedRegionSet: add }, { signal: budget.signal });
    if (remove.length) await pl.updateVpcEndpointServiceAttribute(c, id, { DeleteSupportedRegionSet: remove }, { signal: budget.signal });
}

async function changeUsers({ c, id, old, new: want, budget }: ApplyContext<string[], AlibabaClient>): Promise<void> {
    const have = new Set(old ?? []);
    const wanted = new Set(want ?? []);
    for (const u of wanted) if (!have.has(u)) await pl.addUserToVpcEndpointService(c, id, u, { signal: budget.signal });
    for (const u of have) if (!wanted.has(u)) await pl.removeUserFromVpcEndpointService(c, id, u, { signal: budget.signal });
}

const fields = {
    /**
     * The kind of load balancer behind the service: `slb` (default), `alb`, `nlb`, or `gwlb`
     * (Gateway Load Balancers, for network appliances: such a service is of type
     * `GatewayLoadBalancer`, and its endpoints are `GatewayLoadBalancer` endpoints).
     */
    serviceResourceType: f.input(resourceType.optional(), { change: "replace", default: "slb", wire: "ServiceResourceType" }),
    /**
     * The load balancers (one per zone each) the service forwards to; order does not matter.
     * Changed in place (attach, then detach). Manage them either here or with
     * `VpcEndpointServiceResource` resources, not both: left unset, this input leaves the service's
     * resources alone.
     */
    resources: f.input(z.array(serviceResource).max(20, "has more than 20 resources").optional(), {
        change: "update",
        unordered: true,
        distinct: resKey,
        default: [],
        managedOnlyWhenSet: true,
        wire: "Resource",
        toWire: (list) => list.map(toWire),
        read: (w) => w.resources,
        apply: changeResources,
    }),
    /** Whether endpoints connect without the owner's approval (default false). */
    autoAcceptEnabled: f.input(z.boolean("must be true or false").optional(), { change: "update", default: false, wire: "AutoAcceptEnabled" }),
    /**
     * Account UIDs (digits) allowed to create endpoints for this service; order does not matter.
     * Manage them either here or with `VpcEndpointServiceUser` resources, not both: left unset,
     * this input leaves the service's allowed accounts alone.
     */
    allowedUsers: f.input(z.array(accountUid).max(100, "has more than 100 users").optional(), {
        change: "update",
        unordered: true,
        distinct: (u) => u,
        default: [],
        managedOnlyWhenSet: true,
        read: (w) => w.users,
        apply: changeUsers,
    }),
    /**
     * The bandwidth (Mbit/s) each new endpoint connection starts at, which the owner may then change
     * per connection (`VpcEndpointConnection` `bandwidth`): 100–10240; the cloud's default is 3072.
     * Changed in place; a new service is given it right after creation. The cloud reports it for
     * `slb` services only: on the others it is set but not read back, so a change made elsewhere is
     * not seen. Left out, the service keeps its own.
     */
    connectBandwidth: f.input(
        z
            .number("must be a number")
            .int("must be a whole number of Mbit/s")
            .min(CONNECT_BANDWIDTH.min, `is less than ${CONNECT_BANDWIDTH.min}, the least connection bandwidth (Mbit/s)`)
            .max(CONNECT_BANDWIDTH.max, `is more than ${CONNECT_BANDWIDTH.max}, the most connection bandwidth (Mbit/s)`)
            .optional(),
        {
            change: "update",
            // 3072 until set on slb services (UpdateVpcEndpointServiceAttributeRequest); the others report none, and
            // what they were given is kept (terraform-provider-alicloud's `connect_bandwidth` is Optional and Computed).
            computed: true,
            // GetVpcEndpointServiceAttributeResponseBody `connect_bandwidth`; absent or 0 (Terraform's read treats 0 as
            // empty) where the cloud does not report it.
            read: (w) => w.service.ConnectBandwidth || undefined,
            apply: changeConnectBandwidth,
        },
    ),
    /**
     * Whether endpoints' domain names resolve first to the endpoint's address in the client's own
     * zone (zone affinity). Changed in place. Left out, the service keeps what it has (false on a
     * new service).
     */
    zoneAffinityEnabled: f.input(z.boolean("must be true or false").optional(), {
        change: "update",
        // The SDK's CreateVpcEndpointServiceRequest (4.0.9) and terraform-provider-alicloud's docs give false as the
        // default, its UpdateVpcEndpointServiceAttributeRequest and GetVpcEndpointServiceAttributeResponseBody true:
        // left out, the input takes what the cloud reports (Terraform's is Optional and Computed too).
        computed: true,
        wire: "ZoneAffinityEnabled",
    }),
    /** Who pays for the connections: `Endpoint` (default, the consumer) or `EndpointService`. */
    payer: f.input(z.enum(["Endpoint", "EndpointService"], "must be Endpoint or EndpointService").optional(), {
        change: "replace",
        default: "Endpoint",
        wire: "Payer",
    }),
    /**
     * `IPv4` (default) or `DualStack`: whether endpoints may reach the service over IPv6 too.
     * DualStack needs `serviceResourceType` `nlb` or `gwlb` and load balancers that serve IPv6.
     * Changed in place.
     */
    addressIpVersion: f.input(addressIpVersion.optional(), { change: "update", default: "IPv4", wire: "AddressIpVersion" }),
    /**
     * Regions besides the service's own from which endpoints may connect (a cross-region
     * service); order does not matter. Changed in place. Regions the cloud reports `Closed` are
     * not counted.
     */
    supportedRegions: f.input(z.array(regionId).max(100, "has more than 100 regions").optional(), {
        change: "update",
        unordered: true,
        distinct: (r) => r,
        default: [],
        wire: "SupportedRegionList",
        // GetVpcEndpointServiceAttribute's SupportedRegionSet; terraform-provider-alicloud leaves out the Closed ones.
        read: (w) => w.service.SupportedRegionSet.filter((r) => r.RegionServiceStatus !== "Closed").map((r) => r.SupportedRegionId),
        apply: changeRegions,
    }),
    /** 2–256 characters, not starting with http:// or https://. Leaving it out keeps the service's description. */
    serviceDescription: f.input(description.optional(), { change: "update", computed: true, wire: "ServiceDescription" }),
    /** Up to 20 tags; keys 1–128 and values 0–128 characters, not starting with `aliyun`, `acs:`, `http(s)://`. */
    tags: tagsField<VpcEndpointServiceWire>("vpcendpointservice", (w) => w.tags),
};

const outputs = {
    /** `com.aliyuncs.privatelink.<region>.epsrv-…`, what consumers connect to. */
    serviceName: f.output((w) => w.service.ServiceName),
    /** The service's domain name. */
    serviceDomain: f.output((w) => w.service.ServiceDomain),
    /** `Creating`, `Active`, `Pending` (being modified) or `Deleting`. */
    serviceStatus: f.output((w) => w.service.ServiceStatus),
    /** `Normal`, or why the service is restricted (`FinancialLocked`). */
    serviceBusinessStatus: f.output((w) => w.service.ServiceBusinessStatus),
    /**
     * `Interface` (CLB, ALB and NLB resources) or `GatewayLoadBalancer` (GWLB resources): the
     * `endpointType` its endpoints take (GetVpcEndpointServiceAttributeResponseBody `service_type`).
     */
    serviceType: f.output((w) => w.service.ServiceType),
    /** The zones the service serves (those of its resources). */
    zones: f.output((w) => w.service.Zones),
    /** When the service was created. */
    createTime: f.output((w) => w.service.CreateTime),
};

/**
 * An Alibaba Cloud PrivateLink endpoint service: load balancers published so that endpoints in
 * other VPCs (and, with `allowedUsers`, other accounts) can reach them privately.
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpointService",
    cloud: alicloud,
    fields,
    outputs,
    adopt: acsId("epsrv", "endpoint service id"),
    wire: (w) => w.service,
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        if (known("resources") && known("serviceResourceType")) {
            const type = inputs.serviceResourceType ?? "slb";
            (inputs.resources ?? []).forEach((r, i) => {
                if (r.resourceType !== type)
                    out.push({
                        path: ["resources", i, "resourceType"],
                        message: `differs from serviceResourceType "${type}"; a service's resources are all of one type`,
                    });
            });
        }
        // "Only endpoint services whose backend resource type is nlb or gwlb support the DualStack IP address
        // protocol" (CreateVpcEndpointServiceRequest, alibabacloud_privatelink20200415 4.0.9).
        const type = inputs.serviceResourceType ?? "slb";
        if (known("addressIpVersion") && known("serviceResourceType") && inputs.addressIpVersion === "DualStack" && type !== "nlb" && type !== "gwlb")
            out.push({
                path: ["addressIpVersion"],
                message: `is DualStack, which needs serviceResourceType "nlb" or "gwlb" (not "${type}")`,
            });
        return out;
    },
    hooks: {
        ...service,
        put: (c, id, body, budget) => pl.updateVpcEndpointServiceAttribute(c, id, body, { signal: budget.signal }),

        id: (w) => w.service.ServiceId,
    },
});
