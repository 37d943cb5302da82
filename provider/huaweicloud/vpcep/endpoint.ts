// POST   /v1/{project_id}/vpc-endpoints                        create (tagged with a creation marker)
// GET    /v1/{project_id}/vpc-endpoints[/{id}]                 read, wait, find by marker
// PUT    /v1/{project_id}/vpc-endpoints/{id}                   whitelist, enableWhitelist
// PUT    /v1/{project_id}/vpc-endpoints/{id}/routetables       route tables (gateway endpoints)
// POST   /v1/{project_id}/endpoint/{id}/tags/action            tags
// DELETE /v1/{project_id}/vpc-endpoints/{id}                   delete, then wait until gone
/** `huaweicloud.vpcep.Endpoint`: a VPC endpoint that connects a VPC to an endpoint service. */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import type { ResourceSpec } from "../../lifecycle/spec";
import { providerStub } from "../../stub";
import { warnPlainTextCredentials } from "../../config/warnings";
import { connectFor, locationFields } from "../connect";
import { createOnce, ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";
import { deleteOrAlreadyDeleting } from "./deleting";
import { description, ipv4, ipv4OrCidr, projectId, region, tags, tagsFromWire, tagsToWire, timeouts, uuid } from "../inputs";
import { MARKER_TAG, newMarker, withoutMarker } from "../marker";
import { syncTags } from "./tags";

/** Inputs of {@link Endpoint}. */
export interface EndpointArgs {
    /** The endpoint service to connect to (its id). Changing it replaces the endpoint. */
    endpointServiceId: pulumi.Input<string>;
    /** The VPC the endpoint lives in. Changing it replaces the endpoint. */
    vpcId: pulumi.Input<string>;
    /** The subnet (of `vpcId`) the endpoint's address comes from; needed for interface services. Changing it replaces the endpoint. */
    subnetId?: pulumi.Input<string>;
    /**
     * The endpoint's IPv4 address inside `subnetId`. Required to connect to an interface service
     * (every service except gateway services, which take `routeTables` instead). Changing it
     * replaces the endpoint.
     */
    portIp?: pulumi.Input<string>;
    /** Whether the cloud creates a private domain name for the endpoint (default false). Changing it replaces the endpoint. */
    enableDns?: pulumi.Input<boolean>;
    /** Route tables (gateway services only); order does not matter. Updates in place. */
    routeTables?: pulumi.Input<pulumi.Input<string>[]>;
    /** IPv4 addresses or CIDR blocks allowed to use the endpoint (up to 20); order does not matter. Updates in place. */
    whitelist?: pulumi.Input<pulumi.Input<string>[]>;
    /** Whether `whitelist` is enforced (default false). Updates in place. */
    enableWhitelist?: pulumi.Input<boolean>;
    /** Up to 512 characters, without `<` or `>`. Changing it replaces the endpoint (the API cannot update it). */
    description?: pulumi.Input<string>;
    /** Up to 10 tags; keys 1–36 and values 0–43 characters, without `=*<>\,|/`. Updates in place. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /**
     * When the service requires approval, wait until the owner accepts the connection (true), or
     * finish once the endpoint is `pendingAcceptance` (false, the default).
     */
    waitForAcceptance?: pulumi.Input<boolean>;
    /** The region, when not the provider's. Changing it replaces the endpoint. */
    region?: pulumi.Input<string>;
    /** The project, when not the provider's. Changing it replaces the endpoint. */
    projectId?: pulumi.Input<string>;
    /** Time limits ("10m", "90s") for creation, update and deletion. Default 10 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
    /** The id of an existing endpoint to manage instead of creating one. */
    adopt?: pulumi.Input<string>;
}

const schema = z
    .object({
        endpointServiceId: uuid("endpoint service id"),
        vpcId: uuid("VPC id"),
        subnetId: uuid("subnet id").optional(),
        portIp: ipv4().optional(),
        enableDns: z.boolean("must be true or false").optional(),
        routeTables: z.array(uuid("route table id")).max(20, "has more than 20 route tables").optional(),
        whitelist: z.array(ipv4OrCidr).max(20, "has more than 20 entries (the whitelist limit)").optional(),
        enableWhitelist: z.boolean("must be true or false").optional(),
        description: description(512).optional(),
        tags: tags.optional(),
        waitForAcceptance: z.boolean("must be true or false").optional(),
        region: region.optional(),
        projectId: projectId.optional(),
        timeouts: timeouts.optional(),
        adopt: uuid("endpoint id").optional(),
    })
    .strict();

export type EndpointInputs = z.output<typeof schema>;

async function findByMarker(c: HuaweiClient, marker: string, vpcId: string): Promise<vpcep.Endpoint | undefined> {
    return (await vpcep.listEndpoints(c, { vpc_id: vpcId })).find((e) => e.tags.some((t) => t.key === MARKER_TAG && t.value === marker));
}

export const endpointSpec: ResourceSpec<EndpointInputs, vpcep.Endpoint, HuaweiClient> = {
    kind: "huaweicloud:vpcep:Endpoint",
    title: "huaweicloud.vpcep.Endpoint",
    schema,
    refine(inputs, known) {
        const out: Array<{ path: PropertyKey[]; message: string }> = [];
        const gateway = known("routeTables") && (inputs.routeTables?.length ?? 0) > 0;
        if (known("routeTables") && known("portIp") && !gateway && inputs.portIp === undefined) {
            out.push({ path: ["portIp"], message: "is required to connect to an interface endpoint service (gateway services take routeTables instead)" });
        }
        if (known("routeTables") && known("subnetId") && !gateway && inputs.subnetId === undefined) {
            out.push({ path: ["subnetId"], message: "is required to connect to an interface endpoint service" });
        }
        if (gateway && known("whitelist") && (inputs.whitelist?.length ?? 0) > 0) {
            out.push({ path: ["whitelist"], message: "applies to interface endpoints only, not to gateway endpoints (routeTables is set)" });
        }
        if (known("enableWhitelist") && known("whitelist") && inputs.enableWhitelist && !(inputs.whitelist?.length ?? 0)) {
            out.push({ path: ["enableWhitelist"], message: "is true but the whitelist is empty, which would block every client" });
        }
        return out;
    },
    fields: {
        endpointServiceId: { change: "replace" },
        vpcId: { change: "replace" },
        subnetId: { change: "replace" },
        portIp: { change: "replace" },
        // Observed only once accepted: a pending endpoint reads back enable_dns false, which must
        // not plan a replacement.
        enableDns: { change: "replace", default: false },
        routeTables: { change: "update", compare: "set", default: [] },
        whitelist: { change: "update", compare: "set", default: [] },
        enableWhitelist: { change: "update", default: false },
        description: { change: "replace", default: "" },
        tags: { change: "update", default: {} },
        waitForAcceptance: { change: "update", local: true, default: false },
        ...locationFields,
        adopt: { change: "replace", local: true },
    },
    timeouts: { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 },
    connect: connectFor,

    async create(c, inputs, budget) {
        const marker = newMarker();
        const body: vpcep.CreateEndpointRequest = {
            endpoint_service_id: inputs.endpointServiceId,
            vpc_id: inputs.vpcId,
            subnet_id: inputs.subnetId,
            port_ip: inputs.portIp,
            enable_dns: inputs.enableDns,
            routetables: inputs.routeTables,
            whitelist: inputs.whitelist,
            enable_whitelist: inputs.enableWhitelist,
            description: inputs.description,
            tags: [...tagsToWire(inputs.tags), { key: MARKER_TAG, value: marker }],
        };
        const created = await createOnce(
            () => vpcep.createEndpoint(c, body, { signal: budget.signal }),
            () => findByMarker(c, marker, inputs.vpcId),
        );
        budget.onCreated(created.id);
        const r = await vpcep.waitForEndpointCreated(c, created.id, { acceptPending: !inputs.waitForAcceptance, deadline: budget.deadline, signal: budget.signal });
        return r.outcome === "target" ? r.resource : created;
    },

    async read(c, id) {
        const e = await orUndefined(() => vpcep.listEndpointInfoDetails(c, id));
        // Deletion cannot be undone: an endpoint being deleted (out of band) is already gone.
        return e?.status === "deleting" ? undefined : e;
    },

    async update(c, id, olds, news, changed, budget) {
        if (changed.includes("whitelist") || changed.includes("enableWhitelist")) {
            await vpcep.updateEndpointWhite(c, id, { whitelist: news.whitelist ?? [], enable_whitelist: news.enableWhitelist ?? false }, { signal: budget.signal });
        }
        if (changed.includes("routeTables")) await vpcep.updateEndpointRoutetable(c, id, { routetables: news.routeTables ?? [] }, { signal: budget.signal });
        if (changed.includes("tags")) await syncTags(c, "endpoint", id, olds.tags ?? {}, news.tags ?? {});
        return vpcep.listEndpointInfoDetails(c, id);
    },

    async delete(c, id, _inputs, budget) {
        await deleteOrAlreadyDeleting(() => vpcep.deleteEndpoint(c, id, { signal: budget.signal }));
        await vpcep.waitForEndpointDeleted(c, id, { deadline: budget.deadline, signal: budget.signal });
    },

    id: (e) => e.id,
    observe: (e) => ({
        endpointServiceId: e.endpoint_service_id,
        vpcId: e.vpc_id,
        ...(e.subnet_id ? { subnetId: e.subnet_id } : {}),
        ...(e.status === "accepted" && e.enable_dns !== undefined ? { enableDns: e.enable_dns } : {}),
        routeTables: e.routetables ?? [],
        whitelist: e.whitelist ?? [],
        enableWhitelist: e.enable_whitelist ?? false,
        description: e.description ?? "",
        tags: withoutMarker(tagsFromWire(e.tags)),
    }),
    outputs: (e) => ({
        ip: e.ip,
        status: e.status,
        dnsNames: e.dns_names,
        serviceType: e.service_type,
        markerId: e.marker_id,
        endpointServiceName: e.endpoint_service_name,
        createdAt: e.created_at,
        updatedAt: e.updated_at,
    }),
};

/**
 * A VPC endpoint: a private address in your VPC through which clients reach an endpoint service
 * (yours, another account's that permits you, or a cloud service). `pulumi up` waits until it is
 * `accepted`, or `pendingAcceptance` when the service requires the owner's approval.
 */
export class Endpoint extends pulumi.dynamic.Resource {
    /** The endpoint's private IPv4 address (interface services; after acceptance). */
    declare readonly ip: pulumi.Output<string | undefined>;
    /** `creating`, `pendingAcceptance`, `accepted`, `rejected`, `failed` or `deleting`. */
    declare readonly status: pulumi.Output<string>;
    /** Private domain names, when `enableDns` is true. */
    declare readonly dnsNames: pulumi.Output<string[] | undefined>;
    declare readonly serviceType: pulumi.Output<string>;
    /** The id the service owner sees for this connection. */
    declare readonly markerId: pulumi.Output<number | undefined>;
    declare readonly endpointServiceName: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string | undefined>;
    declare readonly endpointServiceId: pulumi.Output<string>;
    declare readonly vpcId: pulumi.Output<string>;
    declare readonly whitelist: pulumi.Output<string[] | undefined>;
    declare readonly tags: pulumi.Output<Record<string, string> | undefined>;

    constructor(name: string, args: EndpointArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            { ...args, ip: undefined, status: undefined, dnsNames: undefined, serviceType: undefined, markerId: undefined, endpointServiceName: undefined, createdAt: undefined, updatedAt: undefined },
            opts,
            "huaweicloud-vpcep",
            "Endpoint",
        );
        warnPlainTextCredentials("huaweicloud", this);
    }
}

const provider = providerStub("huaweicloud:vpcep:Endpoint");
