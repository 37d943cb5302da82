// POST   /v2.1/endpoints                                   create under a creation name (found again by it when the response is lost)
// GET    /v2.1/endpoints[/{id}]                            read, wait, find by name or creation key
// GET    /v2.1/endpoints/{id}/ipaddresses                  read the addresses
// PUT    /v2.1/endpoints/{id}                              rename (to the program's name once created)
// POST   /v2.1/endpoints/{id}/ipaddresses                  add an address
// DELETE /v2.1/endpoints/{id}/ipaddresses/{ipaddress_id}   remove an address
// DELETE /v2.1/endpoints/{id}                              delete, then wait until gone
/** `huaweicloud.dns.ResolverEndpoint`: a DNS resolver endpoint (inbound or outbound) with 2–6 IP addresses. */
import { z } from "zod";
import { ConflictError } from "../../../sdk/core/errors";
import { settledResource } from "../../../sdk/core/waiter";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { type ApplyContext, NoteKey } from "../../model/field";
import { fieldsOf, type OperationBudget } from "../../model/resource";
import { huaweicloud } from "../connect";
import { ipv4, uuid } from "../inputs";
import { creationName, keyedByName, nameTakenMessage } from "../marker";
import {
    asWanted,
    MAX_ADDRESSES,
    MIN_ADDRESSES,
    matchAddresses,
    planAddressSteps,
    type RecordedAddress,
    recordAddresses,
    type WantedAddress,
} from "./addresses";
import { resolverId } from "./names";

/** What a read gathers: the endpoint and its addresses, attributed to the program's subnets. */
export interface ResolverEndpointWire {
    endpoint: dns.ResolverEndpoint;
    addresses: RecordedAddress[];
}

const f = fieldsOf<ResolverEndpointWire, HuaweiClient, dns.CreateResolverEndpointRequest>();

const ipAddress = z
    .object({
        /** The subnet the address comes from; every subnet of one endpoint must be in the same VPC. */
        subnetId: uuid("subnet id"),
        /**
         * A fixed IPv4 address inside the subnet. Omitted: the cloud picks a free one, and any
         * address it picked in that subnet satisfies this entry.
         */
        ip: ipv4().optional(),
    })
    .strict();

/** One IP address of a {@link ResolverEndpoint}, as the program asks for it. */
export type ResolverEndpointIpAddressArgs = z.input<typeof ipAddress>;

/** Recorded addresses (with ids) among the inputs or outputs handed back by the engine. */
function recorded(inputs: Record<string, any>): RecordedAddress[] {
    return ((inputs.ipAddresses ?? []) as Array<Partial<RecordedAddress>>).filter((a): a is RecordedAddress => typeof a.id === "string");
}

function wanted(inputs: Record<string, any>): WantedAddress[] {
    return ((inputs.ipAddresses ?? []) as Array<Partial<RecordedAddress> & WantedAddress>)
        .filter((a) => typeof a.id !== "string")
        .map((a) => (a.ip !== undefined ? { subnetId: a.subnetId, ip: a.ip } : { subnetId: a.subnetId }));
}

async function readWire(c: HuaweiClient, endpoint: dns.ResolverEndpoint, previous: RecordedAddress[], made: WantedAddress[]): Promise<ResolverEndpointWire> {
    return { endpoint, addresses: recordAddresses(await dns.listEndpointIpaddresses(c, endpoint.id), previous, made) };
}

/** Names are unique per project: a lost create is found again by its name. */
async function findByName(c: HuaweiClient, name: string, direction: "inbound" | "outbound"): Promise<dns.ResolverEndpoint | undefined> {
    return (await dns.listResolverEndpoints(c, { direction, name })).find((e) => e.name === name);
}

const waitActive = (c: HuaweiClient, id: string, budget: OperationBudget) => dns.waitForResolverEndpointActive(c, id, budget);

/** Waits until the endpoint is ACTIVE, gives it the program's name, and reads it with its addresses. */
async function settle(
    c: HuaweiClient,
    id: string,
    inputs: { name: string; ipAddresses: WantedAddress[] },
    budget: OperationBudget,
    urn?: string,
): Promise<ResolverEndpointWire> {
    let ready = await waitActive(c, id, budget);
    let endpoint = await settledResource(ready, () => dns.showResolverEndpoint(c, id));
    if (endpoint.name !== inputs.name) {
        await dns.updateResolverEndpoint(c, id, { name: inputs.name }, { signal: budget.signal }).catch(async (e) => {
            const taken = e instanceof ConflictError ? await findByName(c, inputs.name, endpoint.direction === "outbound" ? "outbound" : "inbound") : undefined;
            throw taken ? new Error(nameTakenMessage(`a resolver endpoint named "${inputs.name}"`, taken.id, urn)) : e;
        });
        ready = await waitActive(c, id, budget);
        endpoint = await settledResource(ready, () => dns.showResolverEndpoint(c, id));
    }
    return readWire(c, endpoint, [], inputs.ipAddresses);
}

/** What the address changes leave for the read that follows: the addresses before, and those made. */
interface AddressChanges {
    current: RecordedAddress[];
    made: WantedAddress[];
}

/** Where changeAddresses notes what it did for the read after the update. */
const ADDRESS_CHANGES = new NoteKey<AddressChanges>("addresses");

/** Adds and removes addresses one at a time, so that the endpoint always keeps 2 to 6. */
async function changeAddresses({ c, id, olds, news, budget, notes }: ApplyContext<unknown, HuaweiClient>): Promise<void> {
    // The addresses as they are now (drift included), attributed to the program's subnets.
    let current = recordAddresses(await dns.listEndpointIpaddresses(c, id, { signal: budget.signal }), recorded(olds), wanted(olds));
    const made: WantedAddress[] = [];
    const { kept, add, remove } = matchAddresses(news.ipAddresses, current);
    // A kept address now follows the program's choice of giving its IP or not.
    const keptIds = new Map(kept.map((k) => [k.have.id, k.want.ip !== undefined]));
    current = current.map((a) => (keptIds.has(a.id) ? { ...a, ipGiven: keptIds.get(a.id)! } : a));
    // The addresses there before each add: after a lost answer, a new one is the one this add made.
    const known = new Set(current.map((a) => a.id));
    for (const step of planAddressSteps(current.length, add, remove)) {
        if (step.op === "add") {
            const a = step.address;
            const added = await untilKnown({
                attempt: () =>
                    dns.addEndpointIpaddress(c, id, { subnet_id: a.subnetId, ...(a.ip !== undefined ? { ip: a.ip } : {}) }, { signal: budget.signal }),
                find: async () =>
                    (await dns.listEndpointIpaddresses(c, id, { signal: budget.signal })).find(
                        (x) => !known.has(x.id) && x.status !== "PENDING_DELETE" && (a.ip === undefined || x.ip === a.ip),
                    ),
                budget,
            });
            if (added) known.add(added.id);
            made.push(a);
        } else {
            await ignoreNotFound(() => dns.deleteEndpointIpaddress(c, id, step.address.id, { signal: budget.signal }));
        }
        // One address at a time: the next step starts from a settled endpoint.
        await waitActive(c, id, budget);
    }
    notes.set(ADDRESS_CHANGES, { current, made });
}

const fields = {
    /** The endpoint's name: 1–64 letters, digits, `_`, `-` or `.`, unique among the project's endpoints. */
    name: f.input(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 letters, digits, _, - or ."), {
        change: "update",
        // The cloud refuses a second endpoint with the same name: a replacement deletes first.
        unique: true,
        wire: "name",
        read: (w) => w.endpoint.name,
    }),
    /**
     * `inbound` (resolves queries coming from outside the VPC, e.g. from an on-premises network)
     * or `outbound` (forwards the VPC's queries out, through resolver rules). A replacement deletes
     * the old endpoint first, since the name must stay unique.
     */
    direction: f.input(z.enum(["inbound", "outbound"], "is not inbound or outbound"), {
        change: "replace",
        wire: "direction",
        read: (w) => (w.endpoint.direction === "inbound" || w.endpoint.direction === "outbound" ? w.endpoint.direction : undefined),
    }),
    /**
     * 2 to 6 addresses, in subnets of one VPC; order does not matter. Adding or removing addresses
     * updates in place, one address at a time, ordered so that the endpoint always keeps between
     * 2 and 6 addresses.
     */
    ipAddresses: f.input(
        z
            .array(ipAddress)
            .min(MIN_ADDRESSES, `has fewer than ${MIN_ADDRESSES} addresses (an endpoint has ${MIN_ADDRESSES} to ${MAX_ADDRESSES})`)
            .max(MAX_ADDRESSES, `has more than ${MAX_ADDRESSES} addresses (an endpoint has ${MIN_ADDRESSES} to ${MAX_ADDRESSES})`),
        {
            change: "update",
            unordered: true,
            wire: "ipaddresses",
            toWire: (list) => list.map((a) => ({ subnet_id: a.subnetId, ...(a.ip !== undefined ? { ip: a.ip } : {}) })),
            // The `ipAddresses` output (the addresses with their ids) carries what the cloud has.
            read: false,
            recorded: (o) => asWanted(o.ipAddresses),
            apply: changeAddresses,
        },
    ),
};

const outputs = {
    /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE` or `ERROR`. */
    status: f.output((w) => w.endpoint.status),
    /** The VPC of the endpoint's subnets. */
    vpcId: f.output((w) => w.endpoint.vpc_id),
    /** The addresses with their assigned IPs, ids and statuses; `subnetId` is the one the program gave. */
    ipAddresses: f.output((w) => w.addresses),
    /** How many addresses the endpoint has. */
    ipAddressCount: f.output((w) => w.endpoint.ipaddress_count),
    /** When the endpoint was created. */
    createdAt: f.output((w) => w.endpoint.create_time),
    /** When the endpoint was last changed. */
    updatedAt: f.output((w) => w.endpoint.update_time),
};

/**
 * A DNS resolver endpoint: `inbound` lets networks outside the VPC (on-premises, other clouds)
 * resolve the VPC's private zones through its addresses; `outbound` forwards the VPC's queries
 * for chosen domains to outside resolvers. `pulumi up` waits until it is `ACTIVE`.
 */
export const model = f.define({
    kind: "huaweicloud:dns:ResolverEndpoint",
    cloud: huaweicloud,
    fields,
    outputs,
    adopt: resolverId("resolver endpoint id"),
    refine(inputs, known) {
        const out: Array<{ path: PropertyKey[]; message: string }> = [];
        if (known("ipAddresses")) {
            const seen = new Map<string, number>();
            (inputs.ipAddresses ?? []).forEach((a, i) => {
                if (a.ip === undefined) return;
                if (seen.has(a.ip))
                    out.push({ path: ["ipAddresses", i, "ip"], message: `repeats ipAddresses[${seen.get(a.ip)}].ip; each address can be used once` });
                else seen.set(a.ip, i);
            });
        }
        return out;
    },
    hooks: {
        async create({ c, inputs, body, budget, creation, urn }) {
            // Created under its creation name (which carries the creation key and token), renamed once ready.
            const name = creation ? creationName(creation) : inputs.name;
            const request = { ...body, name, region: c.region };
            // Names are unique: a lost response is resolved by finding the endpoint by its name.
            const created = await untilKnown({
                attempt: () => dns.createResolverEndpoint(c, request, { signal: budget.signal }),
                find: () => findByName(c, name, inputs.direction),
                budget,
            }).catch(async (e) => {
                // An address in use (DNS.1506) by an endpoint that already has this resource's name: one a
                // killed run of this stack renamed in the instant before it recorded it (it carries no
                // creation key then), or another stack's. The message names it and both ways out.
                const named = e instanceof ConflictError && e.reason === "in_use" && creation ? await findByName(c, inputs.name, inputs.direction) : undefined;
                throw named ? new Error(`${e.message}. ${nameTakenMessage(`a resolver endpoint named "${inputs.name}"`, named.id, urn)}`) : e;
            });
            budget.onCreated(created.id);
            return settle(c, created.id, inputs, budget, urn);
        },

        async find(c, inputs, key) {
            const all = await dns.listResolverEndpoints(c, { direction: inputs.direction });
            return all.filter((e) => e.status !== "PENDING_DELETE").flatMap((e) => keyedByName(e.id, e.name, key, e.status === "ERROR") ?? []);
        },

        resume: ({ c, id, inputs, budget, urn }) => settle(c, id, inputs, budget, urn),

        async read(c, id, inputs) {
            const endpoint = await orUndefined(() => dns.showResolverEndpoint(c, id));
            // Deletion cannot be undone: an endpoint being deleted (out of band) is already gone.
            if (!endpoint || endpoint.status === "PENDING_DELETE") return undefined;
            const addresses = await orUndefined(() => dns.listEndpointIpaddresses(c, id));
            if (!addresses) return undefined;
            return { endpoint, addresses: recordAddresses(addresses, recorded(inputs), wanted(inputs)) };
        },

        // The name is the one input the regular update request carries (addresses have calls of their own).
        async put(c, id, { name }, budget) {
            if (name === undefined) return;
            await dns.updateResolverEndpoint(c, id, { name }, { signal: budget.signal });
            await waitActive(c, id, budget);
        },

        async afterUpdate({ c, id, olds, budget, notes }) {
            const ready = await waitActive(c, id, budget);
            const endpoint = await settledResource(ready, () => dns.showResolverEndpoint(c, id));
            const changed = notes.get(ADDRESS_CHANGES);
            return changed ? readWire(c, endpoint, changed.current, changed.made) : readWire(c, endpoint, recorded(olds), wanted(olds));
        },

        async delete(c, id, _inputs, budget) {
            try {
                await ignoreNotFound(() => dns.deleteResolverEndpoint(c, id, { signal: budget.signal }));
            } catch (e) {
                if (!(e instanceof ConflictError)) throw e;
                // Still settling (creating, or an address being added): wait, then delete.
                const settled = await dns.waitForResolverEndpointSettled(c, id, budget);
                if (settled.outcome === "target") await ignoreNotFound(() => dns.deleteResolverEndpoint(c, id, { signal: budget.signal }));
            }
            await dns.waitForResolverEndpointDeleted(c, id, budget);
        },

        id: (w) => w.endpoint.id,
    },
});
