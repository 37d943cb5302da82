// AddZoneRecord, DescribeZoneRecords, UpdateZoneRecord, UpdateRecordRemark, SetZoneRecordStatus, DeleteZoneRecord
import { pvtzError } from "../errors";
import { type RecordRec, type RecordType, recordWire } from "../models";
import { checkRecordValue, checkRr, checkTtl, RECORD_TYPES } from "../validation";
import { type Caller, idempotent, ownRecord, ownZone, type Params, type Pvtz, type PvtzHandler, page } from "./context";

/** Rr, Type, Value, Ttl and Priority as AddZoneRecord and UpdateZoneRecord take them (both require the first three). */
function recordFields(p: Params, zoneName: string, old?: RecordRec): Pick<RecordRec, "rr" | "type" | "value" | "ttl" | "priority"> {
    const rr = p.required("Rr");
    const type = p.required("Type");
    const value = p.required("Value");
    if (!RECORD_TYPES.includes(type as RecordType)) throw pvtzError("InvalidParameter", `Type "${type}" must be one of ${RECORD_TYPES.join(", ")}.`);
    const ttl = p.int("Ttl", 1, 2_147_483_647) ?? old?.ttl ?? 60;
    const priority = p.int("Priority", 1, 99) ?? (type === "MX" ? old?.priority : undefined);
    checkRr(rr);
    checkTtl(ttl);
    checkRecordValue(type as RecordType, value, priority, zoneName);
    return { rr, type: type as RecordType, value, ttl, priority: type === "MX" ? priority : undefined };
}

/**
 * A zone holds one record of a host record, type and value: another is refused with
 * `Record.Invalid.Conflict` (terraform-provider-alicloud's resource_alicloud_pvtz_zone_record.go
 * answers that code of AddZoneRecord by looking up the zone's record with the same Rr, Type and
 * Value). Host records and domain-name values compare without case, as DNS names do.
 */
function refuseTwin(api: Pvtz, caller: Caller, zoneId: string, f: Pick<RecordRec, "rr" | "type" | "value">, self?: number): void {
    const named = f.type !== "TXT";
    const same = (a: string, b: string, fold: boolean) => (fold ? a.toLowerCase() === b.toLowerCase() : a === b);
    const twin = api.state
        .recordsOf(caller.pvtz, zoneId)
        .find((r) => r.id !== self && r.type === f.type && same(r.rr, f.rr, true) && same(r.value, f.value, named));
    if (twin) throw pvtzError("Record.Invalid.Conflict", `Record ${twin.id} is ${f.rr} ${f.type} ${f.value}.`);
}

export const addZoneRecord: PvtzHandler = (api, p, caller) =>
    idempotent(api, p, caller, "AddZoneRecord", () => {
        const z = ownZone(p, caller);
        const fields = recordFields(p, z.name);
        refuseTwin(api, caller, z.id, fields);
        const now = api.world.now();
        const id = ++caller.pvtz.lastRecordId;
        const remark = p.str("Remark");
        caller.pvtz.records[String(id)] = { id, zoneId: z.id, ...fields, status: "ENABLE", remark, createdAt: now, updatedAt: now };
        api.world.markDirty();
        return { Success: true, RecordId: id };
    });

/** Keyword matches the host record, EXACT by default (DescribeZoneRecordsRequest), LIKE on request. */
export const describeZoneRecords: PvtzHandler = (api, p, caller) => {
    const z = ownZone(p, caller);
    const keyword = p.str("Keyword")?.toLowerCase();
    const mode = p.str("SearchMode") ?? "EXACT";
    if (mode !== "LIKE" && mode !== "EXACT") throw pvtzError("InvalidParameter", `SearchMode "${mode}" must be LIKE or EXACT.`);
    const records = api.state
        .recordsOf(caller.pvtz, z.id)
        .filter((r) => keyword === undefined || (mode === "EXACT" ? r.rr.toLowerCase() === keyword : r.rr.toLowerCase().includes(keyword)));
    const { items, ...rest } = page(p, records);
    return { ...rest, Records: { Record: items.map(recordWire) } };
};

export const updateZoneRecord: PvtzHandler = (api, p, caller) => {
    const r = ownRecord(p, caller);
    const zone = caller.pvtz.zones[r.zoneId]!;
    const fields = recordFields(p, zone.name, r);
    refuseTwin(api, caller, r.zoneId, fields, r.id);
    Object.assign(r, fields, { updatedAt: api.world.now() });
    api.world.markDirty();
    return { RecordId: r.id };
};

export const updateRecordRemark: PvtzHandler = (api, p, caller) => {
    const r = ownRecord(p, caller);
    const remark = p.raw("Remark") ?? "";
    r.remark = remark === "" ? undefined : remark;
    r.updatedAt = api.world.now();
    api.world.markDirty();
    return { RecordId: r.id };
};

export const setZoneRecordStatus: PvtzHandler = (api, p, caller) => {
    const r = ownRecord(p, caller);
    const status = p.required("Status");
    if (status !== "ENABLE" && status !== "DISABLE") throw pvtzError("InvalidParameter", `Status "${status}" must be ENABLE or DISABLE.`);
    r.status = status;
    r.updatedAt = api.world.now();
    api.world.markDirty();
    return { RecordId: r.id, Status: r.status, ZoneId: r.zoneId };
};

export const deleteZoneRecord: PvtzHandler = (api, p, caller) => {
    const r = ownRecord(p, caller);
    delete caller.pvtz.records[String(r.id)];
    api.world.markDirty();
    return { RecordId: r.id };
};

/** One record by id (DescribeZoneRecordRequest: RecordId only). */
export const describeZoneRecord: PvtzHandler = (_api, p, caller) => recordWire(ownRecord(p, caller));
