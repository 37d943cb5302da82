// POST   /v1/{project_id}/vpc-endpoint-services                          create (tagged with a creation marker)
// GET    /v1/{project_id}/vpc-endpoint-services[/{id}]                   read, wait, find by marker
// PUT    /v1/{project_id}/vpc-endpoint-services/{id}                     update ports, port, name, approval, description, ip, tcp proxy
// GET|POST /v1/{project_id}/vpc-endpoint-services/{id}/permissions[/action]   permissions
// POST   /v1/{project_id}/endpoint_service/{id}/tags/action              tags (upsert first, then delete removed keys)
// DELETE /v1/{project_id}/vpc-endpoint-services/{id}                     delete, then wait until gone
/** `huaweicloud.vpcep.EndpointService`: a VPC endpoint service that exposes a backend to other VPCs. */
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
import { description, ipv4, projectId, region, tags, tagsFromWire, tagsToWire, timeouts, uuid } from "../inputs";
import { MARKER_TAG, newMarker, withoutMarker } from "../marker";
import type { EndpointServiceArgs } from "./endpoint-service-args";
import { normalizePermission } from "./permissions";
import { portsFromWire, portsToWire, type Port } from "./ports";
import { syncTags } from "./tags";

export type { EndpointServiceArgs, PortMapping } from "./endpoint-service-args";

const port = z
    .object({
        clientPort: z.number().int("must be a whole number").min(1, "is out of range 1–65535").max(65535, "is out of range 1–65535"),
        serverPort: z.number().int("must be a whole number").min(1, "is out of range 1–65535").max(65535, "is out of range 1–65535"),
        protocol: z.literal("TCP", "is not a supported protocol (only TCP)").default("TCP"),
    })
    .strict();

/** A permission in any accepted form, normalised to the API's (so diffs compare like with like). */
const permission = z.string().transform((s, ctx) => {
    const n = normalizePermission(s);
    if (typeof n === "string") {
        ctx.addIssue({ code: "custom", message: n });
        return z.NEVER;
    }
    return n.value;
});

const schema = z
    .object({
        vpcId: uuid("VPC id"),
        portId: uuid("port id"),
        serverType: z.enum(["VM", "VIP", "LB"], "is not one of VM, VIP, LB"),
        ports: z.array(port).min(1, "is empty; give at least one port mapping").max(200, "has more than 200 port mappings (the limit per request)"),
        serviceName: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, "must be 1–16 letters, digits, _ or -").optional(),
        serviceType: z.literal("interface", 'is not "interface" (the only type users can create)').optional(),
        approvalEnabled: z.boolean("must be true or false").optional(),
        description: description(512).optional(),
        tcpProxy: z.enum(["close", "toa_open", "proxy_open", "open"], "is not one of close, toa_open, proxy_open, open").optional(),
        ip: ipv4().optional(),
        ipVersion: z.enum(["ipv4", "ipv6"], "is not ipv4 or ipv6").optional(),
        permissions: z.array(permission).max(100, "has more than 100 entries").optional(),
        tags: tags.optional(),
        region: region.optional(),
        projectId: projectId.optional(),
        timeouts: timeouts.optional(),
        adopt: uuid("endpoint service id").optional(),
    })
    .strict();

export type EndpointServiceInputs = z.output<typeof schema> & { ports: Port[] };

/** What the table reads from the cloud: the service and its permission list. */
export interface EndpointServiceWire {
    service: vpcep.EndpointService;
    permissions?: string[];
}

/** The short name inside `{region}.{name}.{id}` (absent when the cloud made `{region}.{id}`). */
export function shortServiceName(full: unknown): string | undefined {
    if (typeof full !== "string") return undefined;
    const parts = full.split(".");
    return parts.length >= 3 ? parts.slice(1, -1).join(".") : undefined;
}

function permissionsOf(inputs: EndpointServiceInputs): string[] {
    return [...new Set(inputs.permissions ?? [])];
}

async function readPermissions(c: HuaweiClient, id: string): Promise<string[]> {
    return (await vpcep.listServicePermissionsDetails(c, id)).map((p) => p.permission);
}

/** Adds and removes permissions so that the service has exactly `want`. */
async function syncPermissions(c: HuaweiClient, id: string, have: string[], want: string[]): Promise<void> {
    const add = want.filter((p) => !have.includes(p));
    const remove = have.filter((p) => !want.includes(p));
    for (const [action, list] of [["add", add], ["remove", remove]] as const) {
        for (const type of ["domainId", "orgPath"] as const) {
            const batch = list.filter((p) => (p.startsWith("organizations:") ? "orgPath" : "domainId") === type);
            for (let i = 0; i < batch.length; i += 50) {
                await vpcep.batchAddOrRemoveEndpointServicePermissions(c, id, { action, permissions: batch.slice(i, i + 50), permission_type: type });
            }
        }
    }
}

/** Finds the service a lost create call made, by its creation marker. */
async function findByMarker(c: HuaweiClient, marker: string, name: string | undefined): Promise<vpcep.EndpointService | undefined> {
    const all = await vpcep.listEndpointServices(c, name ? { endpoint_service_name: name } : {});
    return all.find((s) => s.tags.some((t) => t.key === MARKER_TAG && t.value === marker));
}

export const endpointServiceSpec: ResourceSpec<EndpointServiceInputs, EndpointServiceWire, HuaweiClient> = {
    kind: "huaweicloud:vpcep:EndpointService",
    title: "huaweicloud.vpcep.EndpointService",
    schema,
    refine(inputs, known) {
        const out: Array<{ path: PropertyKey[]; message: string }> = [];
        if (known("ports")) {
            const seen = new Map<string, number>();
            (inputs.ports ?? []).forEach((p, i) => {
                const key = `${p.clientPort}/${p.serverPort}/${p.protocol ?? "TCP"}`;
                if (seen.has(key)) out.push({ path: ["ports", i], message: `repeats ports[${seen.get(key)}]; each mapping may appear once` });
                else seen.set(key, i);
            });
            const clients = new Map<number, number>();
            (inputs.ports ?? []).forEach((p, i) => {
                const j = clients.get(p.clientPort);
                if (j !== undefined && inputs.ports![j].serverPort !== p.serverPort) {
                    out.push({ path: ["ports", i, "clientPort"], message: `is already mapped by ports[${j}]; a client port maps to one server port` });
                } else if (j === undefined) clients.set(p.clientPort, i);
            });
        }
        return out;
    },
    fields: {
        vpcId: { change: "replace" },
        portId: { change: "update" },
        serverType: { change: "replace" },
        ports: { change: "update", compare: "set" },
        serviceName: { change: "update", observe: (o) => shortServiceName(o.serviceName) },
        serviceType: { change: "replace", default: "interface" },
        approvalEnabled: { change: "update", default: true },
        description: { change: "update", default: "" },
        tcpProxy: { change: "update", default: "close" },
        ip: { change: "update" },
        ipVersion: { change: "replace", default: "ipv4" },
        permissions: { change: "update", compare: "set", default: [] },
        tags: { change: "update", default: {} },
        ...locationFields,
        adopt: { change: "replace", local: true },
    },
    timeouts: { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 },
    connect: connectFor,

    async create(c, inputs, budget) {
        const marker = newMarker();
        const body: vpcep.CreateEndpointServiceRequest = {
            vpc_id: inputs.vpcId,
            port_id: inputs.portId,
            server_type: inputs.serverType,
            ports: portsToWire(inputs.ports),
            service_name: inputs.serviceName,
            service_type: inputs.serviceType,
            approval_enabled: inputs.approvalEnabled,
            description: inputs.description,
            tcp_proxy: inputs.tcpProxy,
            ip: inputs.ip,
            ip_version: inputs.ipVersion,
            tags: [...tagsToWire(inputs.tags), { key: MARKER_TAG, value: marker }],
        };
        const created = await createOnce(
            () => vpcep.createEndpointService(c, body, { signal: budget.signal }),
            () => findByMarker(c, marker, inputs.serviceName),
        );
        budget.onCreated(created.id);
        const ready = await vpcep.waitForEndpointServiceAvailable(c, created.id, { deadline: budget.deadline, signal: budget.signal });
        const want = permissionsOf(inputs);
        if (want.length) await syncPermissions(c, created.id, [], want);
        return { service: ready.outcome === "target" ? ready.resource : created, permissions: want };
    },

    async read(c, id, inputs) {
        const service = await orUndefined(() => vpcep.listServiceDetails(c, id));
        // Deletion cannot be undone: a service being deleted (out of band) is already gone.
        if (!service || service.status === "deleting") return undefined;
        // Permissions are this resource's only when its program sets them (else ServicePermission
        // resources, or nobody, manage them).
        return { service, permissions: inputs.permissions !== undefined ? await readPermissions(c, id) : undefined };
    },

    async update(c, id, olds, news, changed, budget) {
        const put: vpcep.UpdateEndpointServiceRequest = {};
        if (changed.includes("ports")) put.ports = portsToWire(news.ports);
        if (changed.includes("portId")) put.port_id = news.portId;
        if (changed.includes("serviceName")) put.service_name = news.serviceName ?? "";
        if (changed.includes("approvalEnabled")) put.approval_enabled = news.approvalEnabled ?? true;
        if (changed.includes("description")) put.description = news.description ?? "";
        if (changed.includes("tcpProxy")) put.tcp_proxy = news.tcpProxy ?? "close";
        if (changed.includes("ip") && news.ip !== undefined) put.ip = news.ip;
        if (Object.keys(put).length) await vpcep.updateEndpointService(c, id, put, { signal: budget.signal });
        if (changed.includes("tags")) await syncTags(c, "endpoint_service", id, olds.tags ?? {}, news.tags ?? {});
        if (changed.includes("permissions")) await syncPermissions(c, id, await readPermissions(c, id), permissionsOf(news));
        const ready = await vpcep.waitForEndpointServiceAvailable(c, id, { deadline: budget.deadline, signal: budget.signal });
        const service = ready.outcome === "target" ? ready.resource : await vpcep.listServiceDetails(c, id);
        return { service, permissions: news.permissions !== undefined ? await readPermissions(c, id) : undefined };
    },

    async delete(c, id, _inputs, budget) {
        await deleteOrAlreadyDeleting(() => vpcep.deleteEndpointService(c, id, { signal: budget.signal }));
        await vpcep.waitForEndpointServiceDeleted(c, id, { deadline: budget.deadline, signal: budget.signal });
    },

    id: (w) => w.service.id,
    observe: ({ service: s, permissions }, inputs) => ({
        vpcId: s.vpc_id,
        portId: s.port_id,
        serverType: s.server_type as EndpointServiceInputs["serverType"],
        ports: portsFromWire(s.ports),
        approvalEnabled: s.approval_enabled,
        description: s.description ?? "",
        tcpProxy: s.tcp_proxy as EndpointServiceInputs["tcpProxy"],
        ...(s.ip ? { ip: s.ip } : {}),
        tags: withoutMarker(tagsFromWire(s.tags)),
        ...(permissions && inputs.permissions !== undefined ? { permissions } : {}),
    }),
    outputs: ({ service: s }) => ({
        serviceName: s.service_name,
        status: s.status,
        serviceType: s.service_type,
        createdAt: s.created_at,
        updatedAt: s.updated_at,
        connectionCount: s.connection_count,
        domainId: s.domain_id,
    }),
};

/**
 * A VPC endpoint service: exposes a backend (a server's NIC, a virtual IP or a load balancer) in
 * one VPC so that VPC endpoints in other VPCs — of this account or of accounts it permits — can
 * reach it privately. `pulumi up` waits until the service is `available`.
 */
export class EndpointService extends pulumi.dynamic.Resource {
    /** The full name endpoints connect by: `{region}.{serviceName}.{id}`. */
    declare readonly serviceName: pulumi.Output<string>;
    /** `creating`, `available`, `failed` or `deleting`. */
    declare readonly status: pulumi.Output<string>;
    declare readonly serviceType: pulumi.Output<string>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string | undefined>;
    /** How many endpoints are connected. */
    declare readonly connectionCount: pulumi.Output<number | undefined>;
    declare readonly vpcId: pulumi.Output<string>;
    declare readonly portId: pulumi.Output<string>;
    declare readonly serverType: pulumi.Output<string>;
    declare readonly ports: pulumi.Output<Array<{ clientPort: number; serverPort: number; protocol: string }>>;
    declare readonly approvalEnabled: pulumi.Output<boolean | undefined>;
    declare readonly description: pulumi.Output<string | undefined>;
    declare readonly permissions: pulumi.Output<string[] | undefined>;
    declare readonly tags: pulumi.Output<Record<string, string> | undefined>;

    constructor(name: string, args: EndpointServiceArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            { ...args, serviceName: args.serviceName, status: undefined, createdAt: undefined, updatedAt: undefined, connectionCount: undefined, domainId: undefined },
            opts,
            "huaweicloud-vpcep",
            "EndpointService",
        );
        warnPlainTextCredentials("huaweicloud", this);
    }
}

const provider = providerStub("huaweicloud:vpcep:EndpointService");
