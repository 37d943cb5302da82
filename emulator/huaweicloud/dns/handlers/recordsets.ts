import type { HandlerContext } from "../../../core/api-module";
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { dnsError } from "../errors";
import { RECORDSET_KIND, type ZoneView } from "../state";
import * as v from "../validation";
import { type RecordSetRecord, type RecordSetStatus, recordSetToWire } from "../zone-models";
import * as zv from "../zone-validation";
import { type Dns, type DnsHandler, reply, scopeOf } from "./context";
import { newDnsId } from "./endpoints";
import { ownZone, resolutionStatus, settledZone } from "./zones";

// POST   /v2/zones/{zone_id}/recordsets                 CreateRecordSet        202 CreateRecordSetResponse
// GET    /v2/zones/{zone_id}/recordsets                 ListRecordSetsByZone   200 {recordsets: ListRecordSets[], metadata, links}
// GET    /v2/zones/{zone_id}/recordsets/{recordset_id}  ShowRecordSet          200 ShowRecordSetResponse
// PUT    /v2/zones/{zone_id}/recordsets/{recordset_id}  UpdateRecordSet        202 UpdateRecordSetResponse
// DELETE /v2/zones/{zone_id}/recordsets/{recordset_id}  DeleteRecordSet        202 DeleteRecordSetResponse
// PUT    /v2.1/recordsets/{recordset_id}/statuses/set   SetRecordSetsStatus    202 SetRecordSetsStatusResponse
//
// Fields from the official SDK's models (CreateRecordSetRequestBody, UpdateRecordSetReq,
// ShowRecordSetResponse). A set's name and type are unique in its zone; a CNAME shares its name
// with no other set (DNS's rules; the user guide's "conflict with an existing record set" FAQ).
// An update may rename the set or change its type: UpdateRecordSetReq carries both, its `name`
// described as any full name within the zone, and terraform-provider-huaweicloud's
// huaweicloud_dns_recordset changes them in place through this very call.

type SetView = { recordset: RecordSetRecord; status: RecordSetStatus };

/** A record set of a zone of the caller's project, not gone; 404 `DNS.0401` otherwise. */
function ownSet(api: Dns, ctx: HandlerContext): { zone: ZoneView; set: SetView } {
    const zone = ownZone(api, ctx);
    const set = zone.recordsets.find((x) => x.recordset.id === ctx.params.recordset_id);
    if (!set) throw dnsError("DNS.0401", `recordset_id ${ctx.params.recordset_id}.`);
    return { zone, set };
}

const wire = (zone: ZoneView, x: SetView) => recordSetToWire(x.recordset, zone.zone, x.status);

/** Name and type unique in the zone (`DNS.0405`); a CNAME alone at its name (`DNS.0407`); `self` (an update's set) aside. */
function noClash(zone: ZoneView, name: string, type: string, self?: RecordSetRecord): void {
    const same = zone.recordsets.filter((x) => x.recordset !== self && v.sameDomain(x.recordset.name, name) && x.status !== "PENDING_DELETE");
    const dup = same.find((x) => x.recordset.type === type);
    if (dup) throw dnsError("DNS.0405", `record set ${dup.recordset.id} is ${name} ${type}.`);
    const cname = same.find((x) => !x.recordset.isDefault && (type === "CNAME" || x.recordset.type === "CNAME"));
    if (cname) throw dnsError("DNS.0407", `record set ${cname.recordset.id} is ${cname.recordset.name} ${cname.recordset.type}.`);
}

export const createRecordSet: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const zone = ownZone(api, ctx);
    settledZone(zone);
    const name = zv.recordSetName(body.name, zone.zone.name);
    const type = zv.recordType(body.type);
    const records = zv.records(body.records, type);
    const enabled = body.status === undefined || resolutionStatus(body.status);
    noClash(zone, name, type);
    const now = api.world.now();
    const t = api.world.timings.for(RECORDSET_KIND);
    const r: RecordSetRecord = {
        id: newDnsId(),
        zoneId: zone.zone.id,
        name,
        type,
        records,
        ttl: zv.ttl(body.ttl, 300),
        description: zv.description(body.description, ""),
        enabled,
        isDefault: false,
        tags: zv.upsertTags([], zv.tags(body.tags)),
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(name) ?? false)),
    };
    zone.zone.recordsets[r.id] = r;
    zone.zone.serial += 1;
    api.world.markDirty();
    const after = api.state.zoneView(zone.zone, "peek")!.recordsets.find((x) => x.recordset === r)!;
    return reply(202, wire(zone, after));
};

/** Filters `name` (`search_mode` like or equal), `type`, `status`, `id`; the zone's SOA and NS included. */
export const listRecordSetsByZone: DnsHandler = (api, ctx) => {
    const q = ctx.req.query;
    const zone = ownZone(api, ctx);
    const name = q.get("name")?.replace(/\.$/, "").toLowerCase();
    const equal = q.get("search_mode") === "equal";
    const type = q.get("type");
    const status = q.get("status");
    const id = q.get("id");
    const { limit, offset } = v.paging(q);
    const rows = zone.recordsets.filter((x) => {
        const n = x.recordset.name.replace(/\.$/, "").toLowerCase();
        return (
            (name === undefined || name === "" || (equal ? n === name : n.includes(name))) &&
            (type === null || type === "" || x.recordset.type === type) &&
            (status === null || status === "" || x.status === status) &&
            (id === null || id === "" || x.recordset.id === id)
        );
    });
    return reply(200, {
        recordsets: rows.slice(offset, offset + limit).map((x) => wire(zone, x)),
        metadata: { total_count: rows.length },
        links: { self: `https://dns.myhuaweicloud.com/v2/zones/${zone.zone.id}/recordsets` },
    });
};

export const showRecordSet: DnsHandler = (api, ctx) => {
    const { zone, set } = ownSet(api, ctx);
    return reply(200, wire(zone, set));
};

/**
 * `name`, `type`, `records`, `ttl` and `description` in place; a field left out keeps its value.
 * A new name must lie within the zone (`DNS.0402`), a new type be a private zone's (`DNS.0403`),
 * the records (given, or kept) be valid for the type (`DNS.0404`), and the new name and type clash
 * with no other set (`DNS.0405`, `DNS.0407`).
 */
export const updateRecordSet: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { zone, set } = ownSet(api, ctx);
    const r = set.recordset;
    if (r.isDefault) throw dnsError("DNS.0408", `record set ${r.id} is the zone's ${r.type}.`);
    if (set.status !== "ACTIVE" && set.status !== "DISABLE") throw dnsError("DNS.0406", `record set ${r.id} is ${set.status}.`);
    const name = body.name === undefined ? r.name : zv.recordSetName(body.name, zone.zone.name);
    const type = body.type === undefined ? r.type : zv.recordType(body.type);
    const records = zv.records(body.records === undefined ? r.records : body.records, type);
    if (!v.sameDomain(name, r.name) || type !== r.type) noClash(zone, name, type, r);
    r.name = name;
    r.type = type;
    r.records = records;
    r.ttl = zv.ttl(body.ttl, r.ttl);
    r.description = zv.description(body.description, r.description);
    r.updatedAt = api.world.now();
    zone.zone.serial += 1;
    api.world.markDirty();
    return reply(202, wire(zone, set));
};

export const deleteRecordSet: DnsHandler = (api, ctx) => {
    const { zone, set } = ownSet(api, ctx);
    const r = set.recordset;
    if (r.isDefault) throw dnsError("DNS.0408", `record set ${r.id} is the zone's ${r.type}.`);
    if (set.status === "PENDING_CREATE" || set.status === "PENDING_DELETE") throw dnsError("DNS.0406", `record set ${r.id} is ${set.status}.`);
    const now = api.world.now();
    requestDeletion(r.lifecycle, now, api.world.timings.for(RECORDSET_KIND).delete);
    r.updatedAt = now;
    zone.zone.serial += 1;
    api.world.markDirty();
    const after = api.state.zoneView(zone.zone, "peek")?.recordsets.find((x) => x.recordset === r);
    return reply(202, recordSetToWire(r, zone.zone, after?.status ?? "PENDING_DELETE"));
};

/**
 * Pauses (`DISABLE`) or resumes (`ENABLE`) a set's resolution at once: 202 with the set in its v2.1
 * form, `DISABLE` or `ACTIVE` (SetRecordSetsStatusRequestBody, SetRecordSetsStatusResponse). The
 * path names the set alone: it is looked for in the caller's zones (`DNS.0401`, 404). The set must
 * be settled (`DNS.0406`) and not the zone's SOA or NS (`DNS.0408`); asking for the status it has
 * is no error (the emulator's reading: no source says otherwise). The set's zone may be disabled.
 */
export const setRecordSetsStatus: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    for (const k of Object.keys(body)) if (k !== "status") throw dnsError("DNS.0001", `${k} is not a parameter of this operation.`);
    const enabled = resolutionStatus(body.status);
    const id = ctx.params.recordset_id!;
    const holder = Object.values(api.state.scope(scopeOf(ctx)).zones).find((z) => z.recordsets[id]);
    const zone = holder && api.state.zoneView(holder);
    const set = zone?.recordsets.find((x) => x.recordset.id === id);
    if (!zone || !set) throw dnsError("DNS.0401", `recordset_id ${id}.`);
    const r = set.recordset;
    if (r.isDefault) throw dnsError("DNS.0408", `record set ${r.id} is the zone's ${r.type}.`);
    if (set.status !== "ACTIVE" && set.status !== "DISABLE") throw dnsError("DNS.0406", `record set ${r.id} is ${set.status}.`);
    r.enabled = enabled;
    r.updatedAt = api.world.now();
    zone.zone.serial += 1;
    api.world.markDirty();
    const after = api.state.zoneView(zone.zone, "peek")!.recordsets.find((x) => x.recordset === r)!;
    return reply(202, recordSetToWire(r, zone.zone, after.status, "v2.1"));
};
