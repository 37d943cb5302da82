// AddZoneRecord (ClientToken)   create, idempotent across retries, under a creation remark (the creation key and token)
// DescribeZoneRecords           find by creation remark
// UpdateRecordRemark            the program's remark once created
// DescribeZoneRecord            read
// UpdateZoneRecord              host record, type, value, TTL, MX priority (all sent together)
// UpdateRecordRemark, SetZoneRecordStatus   remark, status
// DeleteZoneRecord              delete
/** `alicloud.pvtz.ZoneRecord`: one DNS record of a PrivateZone zone. */
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pvtz from "../../../sdk/alicloud/pvtz";
import { ConflictError } from "../../../sdk/core/errors";
import { creationName, keyedByName, nameTakenMessage } from "../../huaweicloud/marker";
import { ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";
import type { ApplyContext, OperationBudget } from "../../model/field";
import { fieldsOf, type RuleViolation } from "../../model/resource";
import { alicloud } from "../connect";
import { createWithClientToken } from "../privatelink/client-token";
import { hostRecord, mxPriority, recordStatus, recordType, ttl, zoneId } from "./inputs";

const f = fieldsOf<pvtz.ZoneRecord, AlibabaClient, pvtz.AddZoneRecordRequest>();

/** Rr, Type, Value, Ttl and Priority change together: UpdateZoneRecord takes them all (Rr, Type and Value are required). */
async function rewrite({ c, id, news, budget }: ApplyContext<unknown, AlibabaClient>): Promise<void> {
    await pvtz.updateZoneRecord(
        c,
        {
            RecordId: recordIdOf(id),
            Rr: news.rr,
            Type: news.type,
            Value: news.value,
            Ttl: news.ttl ?? 60,
            Priority: news.type === "MX" ? news.priority : undefined,
        },
        { signal: budget.signal },
    );
}

/** The record id inside the resource id `<zoneId>/<recordId>`. */
function recordIdOf(id: string): string {
    return id.slice(id.lastIndexOf("/") + 1);
}

const fields = {
    /** The zone the record belongs to. */
    zoneId: f.input(zoneId, { change: "replace", wire: "ZoneId", read: (w) => w.ZoneId }),
    /** The host record: `@` for the zone itself, `*` for any name, or labels such as `www`. */
    rr: f.input(hostRecord, { change: "update", wire: "Rr", apply: rewrite }),
    /** `A`, `AAAA`, `CNAME`, `TXT`, `MX`, `PTR` (in a reverse lookup zone) or `SRV`. */
    type: f.input(recordType, { change: "update", wire: "Type", apply: rewrite }),
    /**
     * The answer, in the type's form: an IPv4 (A) or IPv6 (AAAA) address, a domain name (CNAME,
     * MX, PTR), text up to 255 characters (TXT), or `priority weight port target` (SRV).
     */
    value: f.input(z.string().min(1, "is empty"), { change: "update", wire: "Value", apply: rewrite }),
    /** Seconds resolvers keep the answer: 5, 30, 60 (default), 3600, 43200 or 86400. */
    ttl: f.input(ttl.optional(), { change: "update", default: 60, wire: "Ttl", apply: rewrite }),
    /** An MX record's priority, 1–99 (lower first); required for MX, not taken by other types. */
    priority: f.input(mxPriority.optional(), { change: "update", wire: "Priority", apply: rewrite, read: (w) => (w.Type === "MX" ? w.Priority : undefined) }),
    /** `ENABLE` (default) answers the record; `DISABLE` keeps it without answering it. */
    status: f.input(recordStatus.optional(), {
        change: "update",
        default: "ENABLE",
        read: (w) => w.Status as "ENABLE" | "DISABLE" | undefined,
        apply: ({ c, id, new: v, budget }) => pvtz.setZoneRecordStatus(c, recordIdOf(id), v ?? "ENABLE", { signal: budget.signal }),
    }),
    /** A note on the record; removing it clears it. */
    remark: f.input(z.string().max(512, "is longer than 512 characters").optional(), {
        change: "update",
        default: "",
        wire: "Remark",
        read: (w) => w.Remark ?? "",
        apply: ({ c, id, new: v, budget }) => pvtz.updateRecordRemark(c, recordIdOf(id), v ?? "", { signal: budget.signal }),
    }),
};

const outputs = {
    /** The record's id in the zone (a number, as text). */
    recordId: f.output((w) => w.RecordId),
};

async function read(c: AlibabaClient, id: string): Promise<pvtz.ZoneRecord | undefined> {
    return orUndefined(() => pvtz.describeZoneRecord(c, recordIdOf(id)));
}

/** The zone's record with the host record, type and value of these inputs (names compare without case). */
async function findTwin(c: AlibabaClient, inputs: { zoneId: string; rr: string; type: string; value: string }): Promise<pvtz.ZoneRecord | undefined> {
    const fold = inputs.type !== "TXT";
    const same = (a: string | undefined, b: string) => (fold ? a?.toLowerCase() === b.toLowerCase() : a === b);
    const records = await pvtz.describeZoneRecords(c, inputs.zoneId, { Keyword: inputs.rr });
    return records.find((r) => r.Type === inputs.type && same(r.Rr, inputs.rr) && same(r.Value, inputs.value));
}

/**
 * Gives a record created under its creation remark the program's remark and status, and reads
 * it. A record carries no tags: while it is created its remark holds the creation key and token
 * (`pl-<key>.<token>`, as DNS resolver rules' names do on Huawei Cloud), by which a later run finds
 * what a killed one made (the host record, type and value change in place, so they do not find it).
 */
async function settle(
    c: AlibabaClient,
    id: string,
    inputs: { remark?: string; status?: "ENABLE" | "DISABLE" },
    budget: OperationBudget,
    marked: boolean,
): Promise<pvtz.ZoneRecord> {
    if (marked) await pvtz.updateRecordRemark(c, recordIdOf(id), inputs.remark ?? "", { signal: budget.signal });
    if (inputs.status === "DISABLE") await pvtz.setZoneRecordStatus(c, recordIdOf(id), "DISABLE", { signal: budget.signal });
    const w = await read(c, id);
    if (!w) throw new Error(`alicloud.pvtz.ZoneRecord: ${id} disappeared right after creation`);
    return w;
}

/**
 * One DNS record of a PrivateZone zone, changed in place (UpdateZoneRecord, UpdateRecordRemark,
 * SetZoneRecordStatus). Its id is `<zoneId>/<recordId>`, what `pulumi import` and `adopt` take.
 */
export const model = f.define({
    kind: "alicloud:pvtz:ZoneRecord",
    cloud: alicloud,
    fields,
    outputs,
    idForm: "<zoneId>/<recordId>",
    adopt: z.string().regex(/^[A-Za-z0-9_-]{6,64}\/[0-9]{1,20}$/, "is not a record id (<zoneId>/<recordId>)"),
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        if (known("type") && known("priority")) {
            if (inputs.type === "MX" && inputs.priority === undefined) out.push({ path: ["priority"], message: "is required for an MX record (1–99)" });
            if (inputs.type !== undefined && inputs.type !== "MX" && inputs.priority !== undefined)
                out.push({ path: ["priority"], message: `is only for MX records, not ${inputs.type}` });
        }
        return out;
    },
    hooks: {
        async create({ c, inputs, body, budget, creation, urn }) {
            const Remark = creation ? creationName(creation) : body.Remark || undefined;
            const { RecordId } = await createWithClientToken(
                (ClientToken) => pvtz.addZoneRecord(c, { ...body, Remark, ClientToken }, { signal: budget.signal }),
                budget,
            ).catch(async (e) => {
                // One record of a host record, type and value in a zone: name the record in the way,
                // which may be this stack's own (given the program's remark in the instant before a
                // killed run recorded it, so it no longer carries the creation key).
                const twin = e instanceof ConflictError && e.reason === "exists" ? await findTwin(c, inputs) : undefined;
                if (!twin) throw e;
                const what = `a ${inputs.type} record ${inputs.rr} with the value ${inputs.value} in zone ${inputs.zoneId}`;
                throw new Error(nameTakenMessage(what, `${inputs.zoneId}/${twin.RecordId}`, urn, "delete it, or leave this record out of the program"));
            });
            const id = `${inputs.zoneId}/${RecordId}`;
            budget.onCreated(id);
            return settle(c, id, inputs, budget, creation !== undefined);
        },
        async find(c, inputs, key) {
            const records = await pvtz.describeZoneRecords(c, inputs.zoneId);
            return records.flatMap((r) => keyedByName(`${inputs.zoneId}/${r.RecordId}`, r.Remark, key, false) ?? []);
        },
        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs, budget, true),
        read: (c, id) => read(c, id),
        afterUpdate: async ({ c, id }) => {
            const w = await read(c, id);
            if (!w) throw new Error(`alicloud.pvtz.ZoneRecord: ${id} disappeared during the update`);
            return w;
        },
        delete: (c, id, _inputs, budget) => ignoreNotFound(() => pvtz.deleteZoneRecord(c, recordIdOf(id), { signal: budget.signal })),
        id: (w) => `${w.ZoneId}/${w.RecordId}`,
    },
});
