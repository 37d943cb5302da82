// POST   /v1/{project_id}/vpc-endpoint-services                          create (tagged with a creation marker)
// GET    /v1/{project_id}/vpc-endpoint-services[/{id}]                   read, wait, find by marker or creation key
// PUT    /v1/{project_id}/vpc-endpoint-services/{id}                     update ports, port, name, approval, description, ip, tcp proxy
// GET|POST /v1/{project_id}/vpc-endpoint-services/{id}/permissions[/action]   permissions, organizationPermissions
// POST   /v1/{project_id}/endpoint_service/{id}/tags/action              tags (upsert first, then delete removed keys)
// DELETE /v1/{project_id}/vpc-endpoint-services/{id}                     delete, then wait until gone
/** `huaweicloud.vpcep.EndpointService`: a VPC endpoint service that exposes a backend to other VPCs. */
import { z } from "zod";
import { settledResource } from "../../../sdk/core/waiter";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { TOKEN_TAG } from "../../lifecycle/creation";
import { orUndefined } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget, type RuleViolation } from "../../model/resource";
import { huaweicloud } from "../connect";
import { description, ipv4, uuid } from "../inputs";
import { createWithMarker, keyedObject } from "../marker";
import { deleteOrAlreadyDeleting } from "./deleting";
import { normalizedAccountPermission, normalizedOrgPermission } from "./permissions";
import { portsFromWire, portsToWire } from "./ports";
import { tagsField } from "./tags";

/** What a read gathers: the service and, when this resource manages them, its permissions. */
export interface EndpointServiceWire {
    service: vpcep.EndpointService;
    permissions?: string[];
}

const f = fieldsOf<EndpointServiceWire, HuaweiClient, vpcep.CreateEndpointServiceRequest>();
const portNumber = z.number().int("must be a whole number").min(1, "is out of range 1–65535").max(65535, "is out of range 1–65535");

const port = z
    .object({
        /** The port endpoints connect to (1–65535). */
        clientPort: portNumber,
        /** The port the backend listens on (1–65535). */
        serverPort: portNumber,
        /** `TCP` (the default). */
        protocol: z.literal("TCP", "is not a supported protocol (only TCP)").default("TCP"),
    })
    .strict();

/** One port mapping of an endpoint service. */
export type PortMapping = z.input<typeof port>;

/** The short name inside `{region}.{name}.{id}` (absent when the cloud made `{region}.{id}`). */
export function shortServiceName(full: unknown): string | undefined {
    if (typeof full !== "string") return undefined;
    const parts = full.split(".");
    return parts.length >= 3 ? parts.slice(1, -1).join(".") : undefined;
}

async function readPermissions(c: HuaweiClient, id: string): Promise<string[]> {
    return (await vpcep.listServicePermissionsDetails(c, id)).map((p) => p.permission);
}

type PermissionType = "domainId" | "orgPath";
const typeOf = (p: string): PermissionType => (p.startsWith("organizations:") ? "orgPath" : "domainId");

/**
 * Adds and removes permissions of the given types so that the service has exactly `want` of them;
 * permissions of other types are another input's (accounts in `permissions`, organizations in
 * `organizationPermissions`, as terraform-provider-huaweicloud splits them by permission_type).
 */
async function syncPermissions(c: HuaweiClient, id: string, have: string[], want: string[], types: readonly PermissionType[]): Promise<void> {
    const mine = have.filter((p) => types.includes(typeOf(p)));
    const add = want.filter((p) => !mine.includes(p));
    const remove = mine.filter((p) => !want.includes(p));
    for (const [action, list] of [
        ["add", add],
        ["remove", remove],
    ] as const) {
        for (const type of types) {
            const batch = list.filter((p) => typeOf(p) === type);
            for (let i = 0; i < batch.length; i += 50) {
                await vpcep.batchAddOrRemoveEndpointServicePermissions(c, id, { action, permissions: batch.slice(i, i + 50), permission_type: type });
            }
        }
    }
}

/** The permission types a program manages: those of the inputs it sets. */
function managedTypes(inputs: { permissions?: string[]; organizationPermissions?: string[] }): PermissionType[] {
    return [...(inputs.permissions !== undefined ? ["domainId" as const] : []), ...(inputs.organizationPermissions !== undefined ? ["orgPath" as const] : [])];
}

/** Finds the service a lost create call made, by its creation marker. */
async function findByMarker(c: HuaweiClient, marker: string, name: string | undefined): Promise<vpcep.EndpointService | undefined> {
    const all = await vpcep.listEndpointServices(c, name ? { endpoint_service_name: name } : {});
    return all.find((s) => s.tags.some((t) => t.key === TOKEN_TAG && t.value === marker));
}

/** Waits until the service is available, then gives it the permissions asked for. */
async function settle(
    c: HuaweiClient,
    id: string,
    inputs: { permissions?: string[]; organizationPermissions?: string[] },
    budget: OperationBudget,
    created?: vpcep.EndpointService,
): Promise<EndpointServiceWire> {
    const ready = await vpcep.waitForEndpointServiceAvailable(c, id, budget);
    const service = await settledResource(ready, async () => created ?? vpcep.listServiceDetails(c, id));
    const want = [...(inputs.permissions ?? []), ...(inputs.organizationPermissions ?? [])];
    const types = managedTypes(inputs);
    // A new service has no permissions yet; one taken over may have some of them.
    if (want.length) await syncPermissions(c, id, created ? [] : await readPermissions(c, id), want, types);
    return { service, permissions: types.length ? want : undefined };
}

const fields = {
    /** The VPC of the backend resource (a UUID). */
    vpcId: f.input(uuid("VPC id"), { change: "replace", wire: "vpc_id" }),
    /**
     * The backend: for `serverType: "VM"` the NIC (port) id of the server, for `"VIP"` the virtual
     * IP's port id, for `"LB"` the load balancer's port id.
     */
    portId: f.input(uuid("port id"), { change: "update", wire: "port_id" }),
    /** The kind of backend: `VM`, `VIP` or `LB`. */
    serverType: f.input(z.enum(["VM", "VIP", "LB"], "is not one of VM, VIP, LB"), { change: "replace", wire: "server_type" }),
    /**
     * Port mappings, 1 to 200, none repeated; their order does not matter. If several services share
     * a `portId`, each (serverPort, protocol) must be unique across them.
     */
    ports: f.input(z.array(port).min(1, "is empty; give at least one port mapping").max(200, "has more than 200 port mappings (the limit per request)"), {
        change: "update",
        unordered: true,
        distinct: (p) => `${p.clientPort}/${p.serverPort}/${p.protocol}`,
        distinctRule: "each mapping may appear once",
        wire: "ports",
        toWire: portsToWire,
        read: (w) => portsFromWire(w.service.ports),
    }),
    /**
     * A short name (up to 16 letters, digits, `_` or `-`); the cloud completes it as
     * `{region}.{serviceName}.{id}` in the `serviceName` output.
     */
    serviceName: f.input(
        z
            .string()
            .regex(/^[A-Za-z0-9_-]{1,16}$/, "must be 1–16 letters, digits, _ or -")
            .optional(),
        {
            change: "update",
            default: "",
            wire: "service_name",
            read: (w) => shortServiceName(w.service.service_name),
            recorded: (o) => shortServiceName(o.serviceName),
        },
    ),
    /** `interface` (the default and the only type users can create). */
    serviceType: f.input(z.literal("interface", 'is not "interface" (the only type users can create)').optional(), {
        change: "replace",
        default: "interface",
        wire: "service_type",
    }),
    /** Whether the owner must approve each endpoint's connection (see `ConnectionApproval`). The API's default is `true`. */
    approvalEnabled: f.input(z.boolean("must be true or false").optional(), { change: "update", default: true, wire: "approval_enabled" }),
    /** Up to 512 characters, without `<` or `>`. */
    description: f.input(description(512).optional(), { change: "update", default: "", wire: "description" }),
    /**
     * How client information (source IP, port, marker id) reaches the backend: `close` (the
     * default), `toa_open`, `proxy_open` or `open` (both).
     */
    tcpProxy: f.input(z.enum(["close", "toa_open", "proxy_open", "open"], "is not one of close, toa_open, proxy_open, open").optional(), {
        change: "update",
        default: "close",
        wire: "tcp_proxy",
    }),
    /**
     * The backend's IPv4 address, for VLAN scenarios. The cloud keeps the address once set: leaving
     * this input out keeps whatever address the service has.
     */
    ip: f.input(ipv4().optional(), { change: "update", computed: true, wire: "ip" }),
    /** `ipv4` (the default) or `ipv6` (professional services only; `snatNetworkId` is then required). */
    ipVersion: f.input(z.enum(["ipv4", "ipv6"], "is not ipv4 or ipv6").optional(), { change: "replace", default: "ipv4", wire: "ip_version" }),
    /**
     * Accounts allowed to connect: an account (domain) id, `iam:domain::<id>`, or `*` for everyone;
     * order does not matter. Whole organizations go in `organizationPermissions`. Manage a
     * service's permissions either here or with `ServicePermission` resources, not both: left
     * unset, this input leaves the service's account permissions alone. The owner's own account is
     * always allowed.
     */
    permissions: f.input(z.array(normalizedAccountPermission).max(100, "has more than 100 entries").optional(), {
        change: "update",
        unordered: true,
        distinct: (p) => p,
        default: [],
        managedOnlyWhenSet: true,
        read: (w) => w.permissions?.filter((p) => typeOf(p) === "domainId"),
        apply: async ({ c, id, new: want }) => syncPermissions(c, id, await readPermissions(c, id), want ?? [], ["domainId"]),
    }),
    /**
     * Organizations whose accounts may connect: `organizations:orgPath::<path>` or the bare path
     * (`o-…/r-…/ou-…`, letters, digits and `/ - * ?`; `…/*` for every account below, and
     * `organizations:orgPath::*` for every organization's); order does not matter. Left unset,
     * this input leaves the service's organization permissions alone.
     */
    organizationPermissions: f.input(z.array(normalizedOrgPermission).max(100, "has more than 100 entries").optional(), {
        change: "update",
        unordered: true,
        distinct: (p) => p,
        default: [],
        managedOnlyWhenSet: true,
        read: (w) => w.permissions?.filter((p) => typeOf(p) === "orgPath"),
        apply: async ({ c, id, new: want }) => syncPermissions(c, id, await readPermissions(c, id), want ?? [], ["orgPath"]),
    }),
    /**
     * Whether endpoints of this service may carry a policy (`policyDocument`); default false.
     * Fixed at creation.
     */
    enablePolicy: f.input(z.boolean("must be true or false").optional(), { change: "replace", default: false, wire: "enable_policy" }),
    /**
     * The network (a subnet of `vpcId`) the service's SNAT addresses come from; required when
     * `ipVersion` is `ipv6` (the official SDK's CreateEndpointServiceRequestBody). Fixed at creation.
     */
    snatNetworkId: f.input(uuid("network id").optional(), {
        change: "replace",
        wire: "snat_network_id",
        // Reported by the cloud the Terraform provider reads; the SDK's response models leave it out.
        read: (w) => w.service.snat_network_id,
    }),
    /** Up to 8 tags (the cloud takes 10; this package uses 2 to find what an interrupted run created); keys 1–36 and values 0–43 characters, without `=*<>\,|/`. */
    tags: tagsField<EndpointServiceWire>("endpoint_service", (w) => w.service.tags),
};

const outputs = {
    /** The full name endpoints connect by: `{region}.{serviceName}.{id}`. */
    serviceName: f.output((w) => w.service.service_name),
    /** `creating`, `available`, `failed` or `deleting`. */
    status: f.output((w) => w.service.status),
    /** The service's type as the cloud reports it (`interface`). */
    serviceType: f.output((w) => w.service.service_type),
    /** When the service was created. */
    createdAt: f.output((w) => w.service.created_at),
    /** When the service was last changed. */
    updatedAt: f.output((w) => w.service.updated_at),
    /** How many endpoints are connected. */
    connectionCount: f.output((w) => w.service.connection_count),
    /** The owner's account (domain) id. */
    domainId: f.output((w) => w.service.domain_id),
};

/**
 * A VPC endpoint service: exposes a backend (a server's NIC, a virtual IP or a load balancer) in
 * one VPC so that VPC endpoints in other VPCs — of this account or of accounts it permits — can
 * reach it privately. `pulumi up` waits until the service is `available`.
 */
export const model = f.define({
    kind: "huaweicloud:vpcep:EndpointService",
    cloud: huaweicloud,
    fields,
    outputs,
    adopt: uuid("endpoint service id"),
    wire: (w) => w.service,
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        if (known("ipVersion") && known("snatNetworkId") && inputs.ipVersion === "ipv6" && inputs.snatNetworkId === undefined) {
            out.push({ path: ["snatNetworkId"], message: 'is required when ipVersion is "ipv6": give a subnet of vpcId' });
        }
        if (!known("ports")) return out;
        // the first mapping of each client port: its index and server port
        const clients = new Map<number, { index: number; serverPort: number }>();
        (inputs.ports ?? []).forEach((p, i) => {
            const first = clients.get(p.clientPort);
            if (first === undefined) clients.set(p.clientPort, { index: i, serverPort: p.serverPort });
            else if (first.serverPort !== p.serverPort) {
                out.push({ path: ["ports", i, "clientPort"], message: `is already mapped by ports[${first.index}]; a client port maps to one server port` });
            }
        });
        return out;
    },
    hooks: {
        async create({ c, inputs, body, budget, creation }) {
            const created = await createWithMarker(
                body,
                (request) => vpcep.createEndpointService(c, request, { signal: budget.signal }),
                (marker) => findByMarker(c, marker, inputs.serviceName),
                budget,
                creation,
            );
            budget.onCreated(created.id);
            return settle(c, created.id, inputs, budget, created);
        },

        async find(c, _inputs, key) {
            const all = await vpcep.listEndpointServices(c, {});
            return all.filter((s) => s.status !== "deleting").flatMap((s) => keyedObject(s.id, s.tags, key, s.status === "failed") ?? []);
        },

        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs, budget),

        async read(c, id, inputs) {
            const service = await orUndefined(() => vpcep.listServiceDetails(c, id));
            // Deletion cannot be undone: a service being deleted (out of band) is already gone.
            if (!service || service.status === "deleting") return undefined;
            return { service, permissions: managedTypes(inputs).length ? await readPermissions(c, id) : undefined };
        },

        put: (c, id, body, budget) => vpcep.updateEndpointService(c, id, body, { signal: budget.signal }),

        async afterUpdate({ c, id, news, budget }) {
            const ready = await vpcep.waitForEndpointServiceAvailable(c, id, budget);
            const service = await settledResource(ready, () => vpcep.listServiceDetails(c, id));
            return { service, permissions: managedTypes(news).length ? await readPermissions(c, id) : undefined };
        },

        async delete(c, id, _inputs, budget) {
            await deleteOrAlreadyDeleting(() => vpcep.deleteEndpointService(c, id, { signal: budget.signal }));
            await vpcep.waitForEndpointServiceDeleted(c, id, budget);
        },

        id: (w) => w.service.id,
    },
});
