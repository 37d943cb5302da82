// CreateVpcEndpointService (DryRun)      the cloud's own validation before anything is created
// CreateVpcEndpointService (ClientToken) create with its resources and tags, idempotent across retries
// GetVpcEndpointServiceAttribute / ListVpcEndpointServices   read, wait (coalesced)
// ListVpcEndpointServiceResources, ListVpcEndpointServiceUsers, ListTagResources   read
// UpdateVpcEndpointServiceAttribute      description, auto-accept
// AttachResourceToVpcEndpointService / DetachResourceFromVpcEndpointService   resources in place
// AddUserToVpcEndpointService / RemoveUserFromVpcEndpointService   allowed users
// TagResources / UntagResources          tags
// DeleteVpcEndpointService               delete, then wait until gone
/** `alicloud.privatelink.VpcEndpointService`: publishes load balancers as an endpoint service. */
import { randomUUID } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import type { OperationBudget, ResourceSpec } from "../../lifecycle/spec";
import { providerStub } from "../../stub";
import { deleteWhenSettled } from "./deleting";
import { orUndefined } from "../../lifecycle/outcomes";
import { createWithClientToken } from "./client-token";
import { alicloudClient } from "../connect";
import { acsId, description, dryRunCreate, tags, timeouts, zoneId } from "../inputs";

/** A load balancer serving the endpoint service in one zone. */
export interface VpcEndpointServiceResource {
    /** The load balancer's id. */
    resourceId: string;
    /** `slb` (CLB), `alb` or `nlb`; must equal the service's `serviceResourceType`. */
    resourceType: "slb" | "alb" | "nlb";
    /** The zone in which it serves endpoints, such as `cn-hangzhou-h`. */
    zoneId: string;
}

/** Inputs of {@link VpcEndpointService}. */
export interface VpcEndpointServiceArgs {
    /** The kind of load balancer behind the service: `slb` (default), `alb` or `nlb`. Changing it replaces the service. */
    serviceResourceType?: pulumi.Input<"slb" | "alb" | "nlb">;
    /** The load balancers (one per zone each) the service forwards to; order does not matter. Updated in place (attach/detach). */
    resources?: pulumi.Input<pulumi.Input<VpcEndpointServiceResource>[]>;
    /** Whether endpoints connect without the owner's approval (default false). Updated in place. */
    autoAcceptEnabled?: pulumi.Input<boolean>;
    /** Account UIDs (digits) allowed to create endpoints for this service; order does not matter. Updated in place. */
    allowedUsers?: pulumi.Input<pulumi.Input<string>[]>;
    /** Who pays for the connections: `Endpoint` (default, the consumer) or `EndpointService`. Changing it replaces the service. */
    payer?: pulumi.Input<"Endpoint" | "EndpointService">;
    /** 2–256 characters, not starting with http:// or https://. Updated in place. */
    serviceDescription?: pulumi.Input<string>;
    /** Up to 20 tags; keys 1–128 and values 0–128 characters, not starting with `aliyun`, `acs:`, `http(s)://`. Updated in place. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Time limits ("10m", "90s") for creation, update and deletion. Default 10 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
    /**
     * The id of an existing endpoint service to manage instead of creating one. `pulumi up` checks that its
     * replace-only inputs match and updates the others in place (docs/adopting.md).
     */
    adopt?: pulumi.Input<string>;
}

const resourceType = z.enum(["slb", "alb", "nlb"], "must be slb, alb or nlb");
const schema = z
    .object({
        serviceResourceType: resourceType.optional(),
        resources: z
            .array(z.object({ resourceId: z.string().regex(/^[a-z]+-[a-z0-9]{6,40}$/, "is not a load balancer id (such as lb-bp1abcdefgh12345678)"), resourceType, zoneId }).strict())
            .max(20, "has more than 20 resources")
            .optional(),
        autoAcceptEnabled: z.boolean("must be true or false").optional(),
        allowedUsers: z.array(z.string().regex(/^\d{1,20}$/, "is not an account UID (digits, such as 1234567890123456)")).max(100, "has more than 100 users").optional(),
        payer: z.enum(["Endpoint", "EndpointService"], "must be Endpoint or EndpointService").optional(),
        serviceDescription: description.optional(),
        tags: tags.optional(),
        timeouts: timeouts.optional(),
        adopt: acsId("epsrv", "endpoint service id").optional(),
    })
    .strict();

export type VpcEndpointServiceInputs = z.output<typeof schema>;

export interface VpcEndpointServiceWire {
    service: pl.VpcEndpointService;
    resources: VpcEndpointServiceResource[];
    users: string[];
    tags: Record<string, string>;
}

const TITLE = "alicloud.privatelink.VpcEndpointService";

async function read(c: AlibabaClient, id: string): Promise<VpcEndpointServiceWire | undefined> {
    const service = await orUndefined(() => pl.getVpcEndpointServiceAttribute(c, id));
    if (!service || service.ServiceStatus === "Deleting") return undefined;
    const [resources, users, t] = await Promise.all([pl.listVpcEndpointServiceResources(c, id), pl.listVpcEndpointServiceUsers(c, id), pl.listTags(c, "vpcendpointservice", id)]);
    return {
        service,
        resources: resources.map((r) => ({ resourceId: r.ResourceId, resourceType: (r.ResourceType ?? "slb") as VpcEndpointServiceResource["resourceType"], zoneId: r.ZoneId ?? "" })),
        users,
        tags: t,
    };
}

async function settled(c: AlibabaClient, id: string, budget: OperationBudget): Promise<void> {
    await pl.waitForVpcEndpointServiceActive(c, id, { deadline: budget.deadline, signal: budget.signal });
}

const resKey = (r: VpcEndpointServiceResource) => `${r.resourceType}/${r.resourceId}/${r.zoneId}`;
const toWire = (r: VpcEndpointServiceResource) => ({ ResourceId: r.resourceId, ResourceType: r.resourceType, ZoneId: r.zoneId });

export const vpcEndpointServiceSpec: ResourceSpec<VpcEndpointServiceInputs, VpcEndpointServiceWire, AlibabaClient> = {
    kind: "alicloud:privatelink:VpcEndpointService",
    title: TITLE,
    schema,
    refine(inputs, known) {
        const out: Array<{ path: PropertyKey[]; message: string }> = [];
        if (known("resources") && known("serviceResourceType")) {
            const type = inputs.serviceResourceType ?? "slb";
            (inputs.resources ?? []).forEach((r, i) => {
                if (r.resourceType !== type) out.push({ path: ["resources", i, "resourceType"], message: `differs from serviceResourceType "${type}"; a service's resources are all of one type` });
            });
        }
        return out;
    },
    fields: {
        serviceResourceType: { change: "replace", default: "slb" },
        resources: { change: "update", compare: "set", default: [] },
        autoAcceptEnabled: { change: "update", default: false },
        allowedUsers: { change: "update", compare: "set", default: [] },
        payer: { change: "replace", default: "Endpoint" },
        serviceDescription: { change: "update", default: "" },
        tags: { change: "update", default: {} },
        timeouts: { change: "update", local: true },
        adopt: { change: "replace", local: true },
    },
    timeouts: { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 },
    connect: () => alicloudClient(),

    async create(c, inputs, budget) {
        const signal = budget.signal;
        const request: pl.CreateVpcEndpointServiceRequest = {
            ServiceResourceType: inputs.serviceResourceType,
            Resource: (inputs.resources ?? []).map(toWire),
            AutoAcceptEnabled: inputs.autoAcceptEnabled,
            Payer: inputs.payer,
            ServiceDescription: inputs.serviceDescription,
            Tag: Object.entries(inputs.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
        };
        await dryRunCreate(TITLE, () => pl.createVpcEndpointService(c, { ...request, DryRun: true }, { signal }));
        const created = await createWithClientToken((ClientToken) => pl.createVpcEndpointService(c, { ...request, ClientToken }, { signal }), budget.deadline, signal);
        budget.onCreated(created.ServiceId);
        await settled(c, created.ServiceId, budget);
        for (const uid of inputs.allowedUsers ?? []) await pl.addUserToVpcEndpointService(c, created.ServiceId, uid, { signal });
        const wire = await read(c, created.ServiceId);
        if (!wire) throw new Error(`${TITLE}: ${created.ServiceId} disappeared right after creation`);
        return wire;
    },

    read: (c, id) => read(c, id),

    async update(c, id, olds, news, changed, budget) {
        const signal = budget.signal;
        await settled(c, id, budget);
        if (changed.includes("serviceDescription") || changed.includes("autoAcceptEnabled")) {
            await pl.updateVpcEndpointServiceAttribute(c, id, { ServiceDescription: news.serviceDescription, AutoAcceptEnabled: news.autoAcceptEnabled ?? false }, { signal });
        }
        if (changed.includes("resources")) {
            const have = new Map((olds.resources ?? []).map((r) => [resKey(r), r]));
            const want = new Map((news.resources ?? []).map((r) => [resKey(r), r]));
            for (const [k, r] of want) if (!have.has(k)) {
                await pl.attachResourceToVpcEndpointService(c, id, toWire(r), { signal, clientToken: randomUUID() });
                await settled(c, id, budget);
            }
            for (const [k, r] of have) if (!want.has(k)) {
                await pl.detachResourceFromVpcEndpointService(c, id, toWire(r), { signal });
                await settled(c, id, budget);
            }
        }
        if (changed.includes("allowedUsers")) {
            const have = new Set(olds.allowedUsers ?? []);
            const want = new Set(news.allowedUsers ?? []);
            for (const u of want) if (!have.has(u)) await pl.addUserToVpcEndpointService(c, id, u, { signal });
            for (const u of have) if (!want.has(u)) await pl.removeUserFromVpcEndpointService(c, id, u, { signal });
        }
        if (changed.includes("tags")) await pl.syncTags(c, "vpcendpointservice", id, olds.tags ?? {}, news.tags ?? {}, { signal });
        const wire = await read(c, id);
        if (!wire) throw new Error(`${TITLE} ${id} disappeared during the update`);
        return wire;
    },

    async delete(c, id, _inputs, budget) {
        await deleteWhenSettled({
            status: async () => (await orUndefined(() => pl.getVpcEndpointServiceAttribute(c, id, { signal: budget.signal })))?.ServiceStatus ?? undefined,
            settle: () => settled(c, id, budget),
            remove: () => pl.deleteVpcEndpointService(c, id, { signal: budget.signal }),
            waitGone: () => pl.waitForVpcEndpointServiceDeleted(c, id, { deadline: budget.deadline, signal: budget.signal }),
        });
    },

    id: (w) => w.service.ServiceId,
    observe: (w) => ({
        serviceResourceType: (w.service.ServiceResourceType as VpcEndpointServiceInputs["serviceResourceType"]) ?? "slb",
        resources: w.resources,
        autoAcceptEnabled: w.service.AutoAcceptEnabled ?? false,
        allowedUsers: w.users,
        payer: (w.service.Payer as VpcEndpointServiceInputs["payer"]) ?? "Endpoint",
        serviceDescription: w.service.ServiceDescription ?? "",
        tags: w.tags,
    }),
    outputs: (w) => ({
        serviceName: w.service.ServiceName,
        serviceDomain: w.service.ServiceDomain,
        serviceStatus: w.service.ServiceStatus,
        serviceBusinessStatus: w.service.ServiceBusinessStatus,
        serviceType: w.service.ServiceType,
        zones: w.service.Zones,
        createTime: w.service.CreateTime,
    }),
};

/**
 * An Alibaba Cloud PrivateLink endpoint service: load balancers published so that endpoints in
 * other VPCs (and, with `allowedUsers`, other accounts) can reach them privately.
 */
export class VpcEndpointService extends pulumi.dynamic.Resource {
    declare readonly serviceResourceType: pulumi.Output<string | undefined>;
    declare readonly resources: pulumi.Output<VpcEndpointServiceResource[] | undefined>;
    declare readonly autoAcceptEnabled: pulumi.Output<boolean | undefined>;
    declare readonly allowedUsers: pulumi.Output<string[] | undefined>;
    declare readonly payer: pulumi.Output<string | undefined>;
    declare readonly serviceDescription: pulumi.Output<string | undefined>;
    declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
    /** `com.aliyuncs.privatelink.<region>.epsrv-…`, what consumers connect to. */
    declare readonly serviceName: pulumi.Output<string>;
    declare readonly serviceDomain: pulumi.Output<string>;
    /** `Creating`, `Active`, `Pending` (being modified) or `Deleting`. */
    declare readonly serviceStatus: pulumi.Output<string>;
    declare readonly serviceBusinessStatus: pulumi.Output<string>;
    declare readonly serviceType: pulumi.Output<string>;
    /** The zones the service serves (those of its resources). */
    declare readonly zones: pulumi.Output<string[]>;
    declare readonly createTime: pulumi.Output<string>;

    constructor(name: string, args: VpcEndpointServiceArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            { ...args, serviceName: undefined, serviceDomain: undefined, serviceStatus: undefined, serviceBusinessStatus: undefined, serviceType: undefined, zones: undefined, createTime: undefined },
            opts,
            "alicloud-privatelink",
            "VpcEndpointService",
        );
    }
}

const provider = providerStub("alicloud:privatelink:VpcEndpointService");
