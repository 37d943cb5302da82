// GET /v2/zones/{zone_id}/recordsets   ListRecordSetsByZone
import { z } from "zod";
import * as dns from "../../../../sdk/huaweicloud/dns";
import { defineLookup } from "../../../lookup/declaration";
import { huaweicloud } from "../../connect";
import { dnsObjectId, normalizeDomain } from "../names";
import { recordSetName } from "../records";

/** The types a lookup may ask for: a private zone's own SOA and NS sets as well as the sets a `RecordSet` makes. */
const LOOKUP_TYPES = [...dns.PRIVATE_RECORD_TYPES, "SOA", "NS"] as const;

/** The record sets of a DNS private zone, its own SOA and NS sets included: what a name resolves to inside the zone's VPCs. */
export const recordSets = defineLookup({
    module: "huaweicloud:dns",
    name: "getRecordSets",
    one: "getRecordSet",
    itemType: "RecordSetInfo",
    what: "record set",
    cloud: huaweicloud,
    args: {
        /** The private zone (its id). */
        zoneId: { schema: dnsObjectId("private zone id") },
        /** Only the sets of this full name (`www.corp.example.com`; case and a trailing dot make no difference). */
        name: { schema: recordSetName.optional() },
        /** Only the sets of this type. */
        type: { schema: z.enum(LOOKUP_TYPES, `must be one of ${LOOKUP_TYPES.join(", ")}`).optional() },
    },
    calls: ["ListRecordSetsByZone"],
    fetch: (c, a) =>
        dns.listRecordSetsByZone(c, a.zoneId, {
            name: a.name === undefined ? undefined : `${a.name}.`,
            search_mode: a.name === undefined ? undefined : "equal",
            type: a.type,
        }),
    keep: (w, a) => (a.name === undefined || normalizeDomain(w.name ?? "") === a.name) && (a.type === undefined || w.type === a.type),
    label: (w) => `${w.name} ${w.type} (${w.id})`,
    narrow: "give name and type",
    list: "recordSets",
    item: {
        /** The set's id within its zone. */
        id: (w) => w.id,
        /** What a `RecordSet` is imported or adopted by: `<zoneId>/<id>`. */
        resourceId: (w) => `${w.zone_id}/${w.id}`,
        /** The set's full name (lower case, no trailing dot). */
        name: (w) => normalizeDomain(w.name ?? ""),
        /** `A`, `AAAA`, `CNAME`, `MX`, `TXT`, `SRV`, `PTR`, or the zone's own `SOA` and `NS`. */
        type: (w) => w.type ?? "",
        /** The records. */
        records: (w) => w.records,
        /** How long resolvers may cache them, in seconds. */
        ttl: (w) => w.ttl ?? 0,
        /** `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE`, `ERROR` or `DISABLE`. */
        status: (w) => w.status ?? "",
        /** Whether it is one of the zone's own sets (SOA, NS), which cannot be changed. */
        isDefault: (w) => w.default ?? false,
        /** The set's description. */
        description: (w) => w.description ?? "",
    },
});
