// POST / Action=DescribeZones
import { z } from "zod";
import * as pvtz from "../../../../sdk/alicloud/pvtz";
import { defineLookup } from "../../../lookup/declaration";
import { alicloud } from "../../connect";
import { acsId } from "../../inputs";
import { zoneId } from "../inputs";

const sameName = (a: string, b: string) => a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();

/** This account's PrivateZone zones: by name (whole or part), id, or a VPC they answer in. */
export const zones = defineLookup({
    module: "alicloud:pvtz",
    name: "getZones",
    one: "getZone",
    itemType: "ZoneInfo",
    what: "zone",
    cloud: alicloud,
    args: {
        /** Zones whose name contains this text (any case); the whole name picks one in `getZone`. */
        zoneName: { schema: z.string().min(1, "is empty").max(253, "is longer than 253 characters").optional() },
        /** The zone's id. */
        zoneId: { schema: zoneId.optional() },
        /** Only zones bound to this VPC. */
        vpcId: { schema: acsId("vpc", "VPC id").optional() },
    },
    calls: ["DescribeZones"],
    fetch: (c, a) => pvtz.describeZones(c, { Keyword: a.zoneName, QueryVpcId: a.vpcId }),
    keep: (w, a) => a.zoneId === undefined || w.ZoneId === a.zoneId,
    exact: (w, a) => a.zoneName !== undefined && sameName(w.ZoneName ?? "", a.zoneName),
    label: (w) => `${w.ZoneName} (${w.ZoneId})`,
    narrow: "give zoneId, or the zone's whole name",
    list: "zones",
    item: {
        /** The zone's id: what a `ZoneRecord`'s or `ZoneAttachment`'s `zoneId` takes. */
        id: (w) => w.ZoneId,
        /** The zone's name. */
        zoneName: (w) => w.ZoneName ?? "",
        /** Its remark. */
        remark: (w) => w.Remark ?? "",
        /** `ZONE` or `RECORD`. */
        proxyPattern: (w) => w.ProxyPattern ?? "",
        /** How many records it holds. */
        recordCount: (w) => w.RecordCount ?? 0,
        /** Whether it is a reverse lookup zone. */
        isPtr: (w) => w.IsPtr ?? false,
        /** When it was created. */
        createTime: (w) => w.CreateTime ?? "",
    },
});
