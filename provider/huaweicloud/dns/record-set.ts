// POST   /v2/zones/{zone_id}/recordsets                  create under a creation description (found again by it, by name and type, unique in a zone, when the answer is lost)
// GET    /v2/zones/{zone_id}/recordsets?name=&type=      find it by name and type (and creation key)
// GET    /v2/zones/{zone_id}/recordsets/{recordset_id}   read, wait
// PUT    /v2/zones/{zone_id}/recordsets/{recordset_id}   name, type, records, TTL and description in place (and the program's description once created)
// GET    /v2/{project_id}/DNS-private_recordset/{recordset_id}/tags         tags read back beside the set
// POST   /v2/{project_id}/DNS-private_recordset/{recordset_id}/tags/action  tags in place
// PUT    /v2.1/recordsets/{recordset_id}/statuses/set   enabled in place (created paused when the program says so)
// DELETE /v2/zones/{zone_id}/recordsets/{recordset_id}   delete, then wait until gone
/** `huaweicloud.dns.RecordSet`: the records of one name and type in a private zone. */
import { z } from "zod";
import { ConflictError } from "../../../sdk/core/errors";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget, type RuleViolation } from "../../model/resource";
import { huaweicloud } from "../connect";
import { creationName, keyedByName, nameTakenMessage } from "../marker";
import { dnsDescription, dnsObjectId, normalizeDomain, ttl } from "./names";
import { RECORD_TYPES, recordProblem, recordSetName } from "./records";
import { enabledInput, resolutionStatus, resolves, setResolution } from "./resolution";
import { dnsTagsField, readTags } from "./tags";

/** A record set with its tags (ShowRecordSet answers none; the tag API does). */
type RecordSetWire = dns.RecordSet & { tags: dns.DnsTag[] };

const f = fieldsOf<RecordSetWire, HuaweiClient, dns.CreateRecordSetRequest>();

/** The record set's id is its zone's and its own: every call's path needs both. */
const split = (id: string) => {
    const [zoneId = "", recordsetId = ""] = id.split("/");
    return { zoneId, recordsetId };
};

/** The zone's live set of this name and type: there is one at most (the API refuses a second). */
async function findSet(c: HuaweiClient, zoneId: string, name: string, type: string): Promise<dns.RecordSet | undefined> {
    const sets = await dns.listRecordSetsByZone(c, zoneId, { name: `${name}.`, search_mode: "equal", type });
    return sets.find((s) => s.type === type && normalizeDomain(s.name ?? "") === name && s.status !== "PENDING_DELETE");
}

/** The set with its tags. */
async function showSet(c: HuaweiClient, id: string, signal?: AbortSignal): Promise<RecordSetWire> {
    const { zoneId, recordsetId } = split(id);
    const set = await dns.showRecordSet(c, zoneId, recordsetId, { signal });
    return { ...set, tags: await readTags(c, "DNS-private_recordset", recordsetId, signal) };
}

async function readSet(c: HuaweiClient, id: string): Promise<RecordSetWire | undefined> {
    const set = await orUndefined(() => showSet(c, id));
    // Deletion cannot be undone: a set being deleted (out of band) is already gone.
    return set?.status === "PENDING_DELETE" ? undefined : set;
}

/**
 * Waits until the set is ACTIVE, gives it the program's description, and reads it. Record set reads
 * show no tags: while a set is created its description holds the creation key and token
 * (`pl-<key>.<token>`, as resolver rules' names do), by which a later run finds what a killed one
 * made; once ready it takes the program's description (none: empty).
 */
async function settle(c: HuaweiClient, id: string, description: string | undefined, budget: OperationBudget): Promise<RecordSetWire> {
    const { zoneId, recordsetId } = split(id);
    await dns.waitForRecordSetActive(c, zoneId, recordsetId, budget);
    const set = await showSet(c, id, budget.signal);
    if ((set.description ?? "") === (description ?? "")) return set;
    await dns.updateRecordSet(c, zoneId, recordsetId, { name: set.name, type: set.type, description: description ?? "" }, { signal: budget.signal });
    await dns.waitForRecordSetActive(c, zoneId, recordsetId, budget);
    return showSet(c, id, budget.signal);
}

/** Pauses or resumes the set's resolution unless it already is so, and waits until it is settled. */
async function setEnabled(c: HuaweiClient, id: string, want: boolean, budget: OperationBudget): Promise<void> {
    const { zoneId, recordsetId } = split(id);
    await setResolution({
        want,
        read: () => dns.showRecordSet(c, zoneId, recordsetId, { signal: budget.signal }),
        call: (status) => dns.setRecordSetStatus(c, recordsetId, { status }, { signal: budget.signal }),
        budget,
    });
    await dns.waitForRecordSetActive(c, zoneId, recordsetId, budget);
}

const fields = {
    /** The private zone the set belongs to (its id). */
    zoneId: f.input(dnsObjectId("private zone id"), { change: "replace", read: (w) => w.zone_id }),
    /**
     * The set's full name: the zone's name or a name within it, such as `www.corp.example.com`
     * (`*.corp.example.com` for a wildcard); with or without the trailing dot, in any case, it is
     * the same name. One set per name and type in a zone. Changed in place (the set is renamed).
     */
    name: f.input(recordSetName, {
        change: "update",
        wire: "name",
        toWire: (n) => `${n}.`,
        read: (w) => (w.name === undefined ? undefined : normalizeDomain(w.name)),
    }),
    /**
     * `A`, `AAAA`, `CNAME`, `MX`, `TXT`, `SRV` or `PTR`. Changed in place; the records must then
     * be of the new type's form.
     */
    type: f.input(z.enum(RECORD_TYPES, `must be one of ${RECORD_TYPES.join(", ")}`), { change: "update", wire: "type" }),
    /**
     * The records, 1 to 50, each in its type's form: an IPv4 address (A), an IPv6 address (AAAA),
     * one domain name (CNAME, exactly one), `priority host` (MX), `priority weight port host`
     * (SRV), text (TXT), a domain name (PTR). Order does not matter; changed in place.
     */
    records: f.input(z.array(z.string().min(1, "is empty")).min(1, "is empty; give at least one record").max(50, "has more than 50 records"), {
        change: "update",
        unordered: true,
        distinct: (r) => r,
        wire: "records",
    }),
    /** How long resolvers may cache the records, in seconds: 1–2147483647 (default 300). */
    ttl: f.input(ttl.optional(), { change: "update", default: 300, wire: "ttl" }),
    /** At most 255 characters. Leaving it out keeps the set's description. */
    description: f.input(dnsDescription.optional(), { change: "update", computed: true, wire: "description" }),
    /**
     * Up to 20 tags; keys 1–128 characters of letters, digits, spaces and `_ . : = + - @`, not
     * starting with `_sys_`; values 0–255 characters, `/` allowed too. Changed in place.
     */
    tags: dnsTagsField<RecordSetWire>(
        "DNS-private_recordset",
        0,
        (w) => w.tags,
        (id) => split(id).recordsetId,
    ),
    /**
     * Whether the set resolves (default `true`). `false` pauses its resolution — the set keeps its
     * records, and `status` reads `DISABLE` — and `true` resumes it. A set may be created paused;
     * its records change in place either way. A set disabled outside the program shows as a
     * change, and `pulumi up` enables it again.
     */
    // terraform-provider-huaweicloud's `status`: sent at creation (CreateRecordSetRequestBody.status,
    // default ENABLE), set afterwards by SetRecordSetsStatus. A paused set takes updates (the
    // provider waits for ACTIVE or DISABLE after one).
    enabled: f.input(enabledInput, {
        change: "update",
        default: true,
        wire: "status",
        toWire: resolutionStatus,
        read: (w) => resolves(w.status),
        apply: ({ c, id, new: want, budget }) => setEnabled(c, id, want ?? true, budget),
    }),
};

const outputs = {
    /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE`, `ERROR` or `DISABLE`. */
    status: f.output((w) => w.status),
    /** The set's id within its zone. */
    recordSetId: f.output((w) => w.id),
    /** The zone's name, as the cloud writes it (with the trailing dot). */
    zoneName: f.output((w) => w.zone_name),
    /** When the set was created. */
    createdAt: f.output((w) => w.create_at),
    /** When the set was last changed. */
    updatedAt: f.output((w) => w.update_at),
};

/**
 * A DNS record set in a private zone: the records of one name and type (A, AAAA, CNAME, MX, TXT,
 * SRV, PTR), answered to queries from the zone's VPCs. Everything but its zone changes in
 * place. Its id is `<zoneId>/<recordSetId>`, what `pulumi import` and `adopt` take.
 */
export const model = f.define({
    kind: "huaweicloud:dns:RecordSet",
    cloud: huaweicloud,
    fields,
    outputs,
    idForm: "<zoneId>/<recordSetId>",
    adopt: z.string().regex(/^[0-9A-Za-z-]{8,64}\/[0-9A-Za-z-]{8,64}$/, "is not a record set id (<zoneId>/<recordSetId>)"),
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        if (!known("type") || !known("records") || inputs.type === undefined) return out;
        const type = inputs.type;
        const records = inputs.records ?? [];
        if (type === "CNAME" && records.length > 1) out.push({ path: ["records"], message: "holds more than one name; a CNAME record set holds exactly one" });
        records.forEach((r, i) => {
            const problem = recordProblem(type, r);
            if (problem) out.push({ path: ["records", i], message: problem });
        });
        return out;
    },
    hooks: {
        async create({ c, inputs, body, budget, creation, urn }) {
            // A set cannot be made in a zone still being created (a disabled zone takes one).
            await dns.waitForPrivateZoneSettled(c, inputs.zoneId, budget);
            // Created under its creation description (the creation key and token), given the program's once ready.
            const description = creation ? creationName(creation) : body.description;
            const created = await untilKnown({
                attempt: () => dns.createRecordSet(c, inputs.zoneId, { ...body, description }, { signal: budget.signal }),
                find: async () => {
                    const found = await findSet(c, inputs.zoneId, inputs.name, inputs.type);
                    return creation && found?.description !== description ? undefined : found;
                },
                budget,
            }).catch(async (e) => {
                // One set per name and type: name the set in the way, which may be this stack's own
                // (given its description in the instant before a killed run recorded it, so it no
                // longer carries the creation key).
                const existing = e instanceof ConflictError && e.reason === "exists" ? await findSet(c, inputs.zoneId, inputs.name, inputs.type) : undefined;
                throw existing
                    ? new Error(
                          nameTakenMessage(
                              `a ${inputs.type} record set ${inputs.name} in zone ${inputs.zoneId}`,
                              `${inputs.zoneId}/${existing.id}`,
                              urn,
                              "delete it, or give its records to it instead",
                          ),
                      )
                    : e;
            });
            budget.onCreated(`${inputs.zoneId}/${created.id}`);
            return settle(c, `${inputs.zoneId}/${created.id}`, inputs.description, budget);
        },

        async find(c, inputs, key) {
            const set = await findSet(c, inputs.zoneId, inputs.name, inputs.type);
            const found = set && keyedByName(`${inputs.zoneId}/${set.id}`, set.description, key, set.status === "ERROR");
            return found ? [found] : [];
        },

        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs.description, budget),

        read: (c, id) => readSet(c, id),

        async put(c, id, body, budget) {
            const { zoneId, recordsetId } = split(id);
            // UpdateRecordSetReq carries the set's name and type (the Python SDK's model requires
            // both): the new ones when they change, the set's own otherwise.
            const now = await dns.showRecordSet(c, zoneId, recordsetId);
            await dns.updateRecordSet(c, zoneId, recordsetId, { ...body, name: body.name ?? now.name, type: body.type ?? now.type }, { signal: budget.signal });
        },

        async afterUpdate({ c, id, budget }) {
            const { zoneId, recordsetId } = split(id);
            await dns.waitForRecordSetActive(c, zoneId, recordsetId, budget);
            return showSet(c, id, budget.signal);
        },

        async delete(c, id, _inputs, budget) {
            const { zoneId, recordsetId } = split(id);
            try {
                // A zone already gone took its sets with it (404 as well).
                await ignoreNotFound(() => dns.deleteRecordSet(c, zoneId, recordsetId, { signal: budget.signal }));
            } catch (e) {
                if (!(e instanceof ConflictError)) throw e;
                const now = await orUndefined(() => dns.showRecordSet(c, zoneId, recordsetId));
                if (now && now.status !== "PENDING_DELETE") throw e;
            }
            await dns.waitForRecordSetDeleted(c, zoneId, recordsetId, budget);
        },

        id: (w) => `${w.zone_id}/${w.id}`,
    },
});
