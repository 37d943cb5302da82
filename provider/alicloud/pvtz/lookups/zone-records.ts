// POST / Action=DescribeZoneRecords
import { z } from "zod";
import * as pvtz from "../../../../sdk/alicloud/pvtz";
import { defineLookup } from "../../../lookup/declaration";
import { alicloud } from "../../connect";
import { hostRecord, recordStatus, recordType, zoneId } from "../inputs";

/** The records of one PrivateZone zone: by host record, type, value or status. */
export const zoneRecords = defineLookup({
    module: "alicloud:pvtz",
    name: "getZoneRecords",
    one: "getZoneRecord",
    itemType: "ZoneRecordInfo",
    what: "zone record",
    cloud: alicloud,
    args: {
        /** The zone. */
        zoneId: { schema: zoneId },
        /** The host record, exactly (`www`, `@`, `*`). */
        rr: { schema: hostRecord.optional() },
        /** Only records of this type. */
        type: { schema: recordType.optional() },
        /** Only records with this value. */
        value: { schema: z.string().min(1, "is empty").optional() },
        /** Only records in this status: `ENABLE` or `DISABLE`. */
        status: { schema: recordStatus.optional() },
    },
    calls: ["DescribeZoneRecords"],
    fetch: (c, a) => pvtz.describeZoneRecords(c, a.zoneId, { Keyword: a.rr, SearchMode: a.rr === undefined ? undefined : "EXACT" }),
    keep: (w, a) =>
        (a.type === undefined || w.Type === a.type) && (a.value === undefined || w.Value === a.value) && (a.status === undefined || w.Status === a.status),
    label: (w) => `${w.Rr} ${w.Type} ${w.Value} (${w.RecordId})`,
    narrow: "give rr, type and value",
    list: "records",
    item: {
        /** The record's id in the zone. */
        id: (w) => w.RecordId,
        /** The host record. */
        rr: (w) => w.Rr,
        /** The record's type. */
        type: (w) => w.Type,
        /** The answer. */
        value: (w) => w.Value,
        /** Seconds resolvers keep the answer. */
        ttl: (w) => w.Ttl ?? 60,
        /** An MX record's priority; 0 for other types. */
        priority: (w) => (w.Type === "MX" ? (w.Priority ?? 0) : 0),
        /** `ENABLE` or `DISABLE`. */
        status: (w) => w.Status ?? "",
        /** Its remark. */
        remark: (w) => w.Remark ?? "",
    },
});
