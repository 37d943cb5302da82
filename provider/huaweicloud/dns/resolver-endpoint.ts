// POST   /v2.1/endpoints                                   create (found again by its unique name when the response is lost)
// GET    /v2.1/endpoints[/{id}]                            read, wait, find by name
// GET    /v2.1/endpoints/{id}/ipaddresses                  read the addresses
// PUT    /v2.1/endpoints/{id}                              rename
// POST   /v2.1/endpoints/{id}/ipaddresses                  add an address
// DELETE /v2.1/endpoints/{id}/ipaddresses/{ipaddress_id}   remove an address
// DELETE /v2.1/endpoints/{id}                              delete, then wait until gone
/** `huaweicloud.dns.ResolverEndpoint`: a DNS resolver endpoint (inbound or outbound) with 2–6 IP addresses. */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { ConflictError } from "../../../sdk/core/errors";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import type { ResourceSpec } from "../../lifecycle/spec";
import { providerStub } from "../../stub";
import { connectFor, locationFields } from "../connect";
import { createOnce, ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";
import { ipv4, projectId, region, timeouts, uuid } from "../inputs";
import { asWanted, matchAddresses, MAX_ADDRESSES, MIN_ADDRESSES, planAddressSteps, recordAddresses, type RecordedAddress, type WantedAddress } from "./addresses";

export type { RecordedAddress as ResolverEndpointIpAddress } from "./addresses";

/** One IP address of a {@link ResolverEndpoint}, as the program asks for it. */
export interface ResolverEndpointIpAddressArgs {
    /** The subnet the address comes from; every subnet of one endpoint must be in the same VPC. */
    subnetId: pulumi.Input<string>;
    /**
     * A fixed IPv4 address inside the subnet. Omitted: the cloud picks a free one, and any
     * address it picked in that subnet satisfies this entry.
     */
    ip?: pulumi.Input<string>;
}

/** Inputs of {@link ResolverEndpoint}. */
export interface ResolverEndpointArgs {
    /**
     * The endpoint's name: 1–64 letters, digits, `_`, `-` or `.`, unique among the project's
     * endpoints. Updates in place.
     */
    name: pulumi.Input<string>;
    /**
     * `inbound` (resolves queries coming from outside the VPC, e.g. from an on-premises network)
     * or `outbound` (forwards the VPC's queries out, through resolver rules). Changing it replaces
     * the endpoint (the old one is deleted first, since the name must stay unique).
     */
    direction: pulumi.Input<"inbound" | "outbound">;
    /**
     * 2 to 6 addresses, in subnets of one VPC; order does not matter. Adding or removing addresses
     * updates in place, one address at a time, ordered so that the endpoint always keeps between
     * 2 and 6 addresses.
     */
    ipAddresses: pulumi.Input<pulumi.Input<ResolverEndpointIpAddressArgs>[]>;
    /** The region, when not the provider's (`huaweicloud:region`). Changing it replaces the endpoint. */
    region?: pulumi.Input<string>;
    /** Time limits ("10m", "90s") for creation, update and deletion. Default 10 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
    /** The project, when not the provider's (`huaweicloud:projectId`). Changing it replaces the endpoint. */
    projectId?: pulumi.Input<string>;
    /**
     * The id of an existing resolver endpoint to manage instead of creating one. `pulumi up` checks
     * that its direction matches and updates the name and addresses in place (docs/adopting.md).
     */
    adopt?: pulumi.Input<string>;
}

const ipAddress = z.object({ subnetId: uuid("subnet id"), ip: ipv4().optional() }).strict();

const schema = z
    .object({
        name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 letters, digits, _, - or ."),
        direction: z.enum(["inbound", "outbound"], "is not inbound or outbound"),
        ipAddresses: z
            .array(ipAddress)
            .min(MIN_ADDRESSES, `has fewer than ${MIN_ADDRESSES} addresses (an endpoint has ${MIN_ADDRESSES} to ${MAX_ADDRESSES})`)
            .max(MAX_ADDRESSES, `has more than ${MAX_ADDRESSES} addresses (an endpoint has ${MIN_ADDRESSES} to ${MAX_ADDRESSES})`),
        region: region.optional(),
        projectId: projectId.optional(),
        timeouts: timeouts.optional(),
        adopt: z.string().regex(/^[0-9A-Za-z-]{8,64}$/, "is not a resolver endpoint id").optional(),
    })
    .strict();

export type ResolverEndpointInputs = z.output<typeof schema>;

/** What the table reads from the cloud: the endpoint and its addresses, attributed to the program's subnets. */
export interface ResolverEndpointWire {
    endpoint: dns.ResolverEndpoint;
    addresses: RecordedAddress[];
}

/** Recorded addresses (with ids) among the inputs or outputs handed back by the engine. */
function recorded(inputs: ResolverEndpointInputs): RecordedAddress[] {
    return ((inputs.ipAddresses ?? []) as Array<Partial<RecordedAddress>>).filter((a): a is RecordedAddress => typeof a.id === "string");
}

function wanted(inputs: ResolverEndpointInputs): WantedAddress[] {
    return ((inputs.ipAddresses ?? []) as Array<Partial<RecordedAddress> & WantedAddress>).filter((a) => typeof a.id !== "string").map((a) => (a.ip !== undefined ? { subnetId: a.subnetId, ip: a.ip } : { subnetId: a.subnetId }));
}

async function readWire(c: HuaweiClient, endpoint: dns.ResolverEndpoint, previous: RecordedAddress[], made: WantedAddress[]): Promise<ResolverEndpointWire> {
    return { endpoint, addresses: recordAddresses(await dns.listEndpointIpaddresses(c, endpoint.id), previous, made) };
}

/** Names are unique per project: a lost create is found again by its name. */
async function findByName(c: HuaweiClient, name: string, direction: "inbound" | "outbound"): Promise<dns.ResolverEndpoint | undefined> {
    return (await dns.listResolverEndpoints(c, { direction, name })).find((e) => e.name === name);
}

export const resolverEndpointSpec: ResourceSpec<ResolverEndpointInputs, ResolverEndpointWire, HuaweiClient> = {
    kind: "huaweicloud:dns:ResolverEndpoint",
    title: "huaweicloud.dns.ResolverEndpoint",
    schema,
    refine(inputs, known) {
        const out: Array<{ path: PropertyKey[]; message: string }> = [];
        if (known("ipAddresses")) {
            const seen = new Map<string, number>();
            (inputs.ipAddresses ?? []).forEach((a, i) => {
                if (a.ip === undefined) return;
                if (seen.has(a.ip)) out.push({ path: ["ipAddresses", i, "ip"], message: `repeats ipAddresses[${seen.get(a.ip)}].ip; each address can be used once` });
                else seen.set(a.ip, i);
            });
        }
        return out;
    },
    fields: {
        // The cloud refuses a second endpoint with the same name: a replacement deletes first.
        name: { change: "update", unique: true },
        direction: { change: "replace" },
        ipAddresses: { change: "update", compare: "set", observe: (o) => asWanted(o.ipAddresses) },
        ...locationFields,
        adopt: { change: "replace", local: true },
    },
    timeouts: { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 },
    connect: connectFor,

    async create(c, inputs, budget) {
        const body: dns.CreateResolverEndpointRequest = {
            name: inputs.name,
            direction: inputs.direction,
            region: c.region,
            ipaddresses: inputs.ipAddresses.map((a) => ({ subnet_id: a.subnetId, ...(a.ip !== undefined ? { ip: a.ip } : {}) })),
        };
        // Names are unique: a lost response is resolved by finding the endpoint by its name.
        const created = await createOnce(
            () => dns.createResolverEndpoint(c, body, { signal: budget.signal }),
            () => findByName(c, inputs.name, inputs.direction),
        );
        budget.onCreated(created.id);
        const ready = await dns.waitForResolverEndpointActive(c, created.id, { deadline: budget.deadline, signal: budget.signal });
        return readWire(c, ready.outcome === "target" ? ready.resource : created, [], inputs.ipAddresses);
    },

    async read(c, id, inputs) {
        const endpoint = await orUndefined(() => dns.showResolverEndpoint(c, id));
        // Deletion cannot be undone: an endpoint being deleted (out of band) is already gone.
        if (!endpoint || endpoint.status === "PENDING_DELETE") return undefined;
        const addresses = await orUndefined(() => dns.listEndpointIpaddresses(c, id));
        if (!addresses) return undefined;
        return { endpoint, addresses: recordAddresses(addresses, recorded(inputs), wanted(inputs)) };
    },

    async update(c, id, olds, news, changed, budget) {
        const wait = () => dns.waitForResolverEndpointActive(c, id, { deadline: budget.deadline, signal: budget.signal });
        if (changed.includes("name")) {
            await dns.updateResolverEndpoint(c, id, { name: news.name }, { signal: budget.signal });
            await wait();
        }
        // The addresses as they are now (drift included), attributed to the program's subnets.
        let current = recordAddresses(await dns.listEndpointIpaddresses(c, id, { signal: budget.signal }), recorded(olds), wanted(olds));
        const made: WantedAddress[] = [];
        if (changed.includes("ipAddresses")) {
            const { kept, add, remove } = matchAddresses(news.ipAddresses, current);
            // A kept address now follows the program's choice of giving its IP or not.
            const keptIds = new Map(kept.map((k) => [k.have.id, k.want.ip !== undefined]));
            current = current.map((a) => (keptIds.has(a.id) ? { ...a, ipGiven: keptIds.get(a.id)! } : a));
            for (const step of planAddressSteps(current.length, add, remove)) {
                if (step.op === "add") {
                    const a = step.address;
                    await dns.addEndpointIpaddress(c, id, { subnet_id: a.subnetId, ...(a.ip !== undefined ? { ip: a.ip } : {}) }, { signal: budget.signal });
                    made.push(a);
                } else {
                    await ignoreNotFound(() => dns.deleteEndpointIpaddress(c, id, step.address.id, { signal: budget.signal }));
                }
                // One address at a time: the next step starts from a settled endpoint.
                await wait();
            }
        }
        const endpoint = changed.length ? (await wait()) : undefined;
        return readWire(c, endpoint?.outcome === "target" ? endpoint.resource : await dns.showResolverEndpoint(c, id), current, made);
    },

    async delete(c, id, _inputs, budget) {
        const opts = { deadline: budget.deadline, signal: budget.signal };
        try {
            await ignoreNotFound(() => dns.deleteResolverEndpoint(c, id, { signal: budget.signal }));
        } catch (e) {
            if (!(e instanceof ConflictError)) throw e;
            // Still settling (creating, or an address being added): wait, then delete.
            const settled = await dns.waitForResolverEndpointSettled(c, id, opts);
            if (settled.outcome === "target") await ignoreNotFound(() => dns.deleteResolverEndpoint(c, id, { signal: budget.signal }));
        }
        await dns.waitForResolverEndpointDeleted(c, id, opts);
    },

    id: (w) => w.endpoint.id,
    observe: ({ endpoint: e }) => ({
        ...(e.name !== undefined ? { name: e.name } : {}),
        ...(e.direction === "inbound" || e.direction === "outbound" ? { direction: e.direction } : {}),
    }),
    outputs: ({ endpoint: e, addresses }) => ({
        status: e.status,
        vpcId: e.vpc_id,
        ipAddresses: addresses,
        ipAddressCount: e.ipaddress_count,
        createdAt: e.create_time,
        updatedAt: e.update_time,
    }),
};

/**
 * A DNS resolver endpoint: `inbound` lets networks outside the VPC (on-premises, other clouds)
 * resolve the VPC's private zones through its addresses; `outbound` forwards the VPC's queries
 * for chosen domains to outside resolvers. `pulumi up` waits until it is `ACTIVE`.
 */
export class ResolverEndpoint extends pulumi.dynamic.Resource {
    /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE` or `ERROR`. */
    declare readonly status: pulumi.Output<string>;
    /** The VPC of the endpoint's subnets. */
    declare readonly vpcId: pulumi.Output<string>;
    /** The addresses with their assigned IPs, ids and statuses; `subnetId` is the one the program gave. */
    declare readonly ipAddresses: pulumi.Output<RecordedAddress[]>;
    declare readonly ipAddressCount: pulumi.Output<number | undefined>;
    declare readonly createdAt: pulumi.Output<string>;
    declare readonly updatedAt: pulumi.Output<string | undefined>;
    declare readonly name: pulumi.Output<string>;
    declare readonly direction: pulumi.Output<"inbound" | "outbound">;

    constructor(name: string, args: ResolverEndpointArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            { ...args, status: undefined, vpcId: undefined, ipAddressCount: undefined, createdAt: undefined, updatedAt: undefined },
            opts,
            "huaweicloud-dns",
            "ResolverEndpoint",
        );
    }
}

const provider = providerStub("huaweicloud:dns:ResolverEndpoint");
