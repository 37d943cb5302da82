/**
 * PrivateZone 2018-01-01 wire shapes, as the official SDK's models spell them
 * (alibabacloud_pvtz20180101 1.5.0, `models/`). Requests are strict (a misspelt parameter fails
 * before any call); responses are loose.
 */
import { z } from "zod";
import { arr, opt } from "../../core/schema";

/** ZONE: a name without records answers NXDOMAIN; RECORD: it goes on to forwarding and recursion (AddZoneRequest). */
export const ProxyPattern = z.enum(["ZONE", "RECORD"]);
export type ProxyPattern = z.infer<typeof ProxyPattern>;

/** The record types AddZoneRecordRequest lists. */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "TXT", "MX", "PTR", "SRV"] as const;
export const RecordType = z.enum(RECORD_TYPES);
export type RecordType = z.infer<typeof RecordType>;

/** The TTLs AddZoneRecordRequest allows, in seconds (default 60). */
export const RECORD_TTLS = [5, 30, 60, 3600, 43200, 86400] as const;

export const RecordStatus = z.enum(["ENABLE", "DISABLE"]);
export type RecordStatus = z.infer<typeof RecordStatus>;

const ClientToken = z.string().max(64).optional();
/** A record id: a Long on the wire, kept as text (ids are compared and joined, never added). */
const RecordIdOut = z.union([z.number(), z.string()]).transform((v) => String(v));
const RecordIdIn = z.string().regex(/^\d+$/);

// ---- zones ----------------------------------------------------------------------------------

export const AddZoneRequest = z.strictObject({
    ZoneName: z.string().min(1),
    ProxyPattern: ProxyPattern.optional(),
    ClientToken,
});
export type AddZoneRequest = z.input<typeof AddZoneRequest>;

export const AddZoneResponse = z.looseObject({ ZoneId: z.string(), ZoneName: opt(z.string()), Success: opt(z.boolean()) });

export const BoundVpc = z.looseObject({
    VpcId: z.string(),
    RegionId: opt(z.string()),
    RegionName: opt(z.string()),
    VpcName: opt(z.string()),
    VpcType: opt(z.string()),
    VpcUserId: opt(z.union([z.number(), z.string()]).transform((v) => String(v))),
});
export type BoundVpc = z.output<typeof BoundVpc>;

const zoneCommon = {
    ZoneId: z.string(),
    ZoneName: opt(z.string()),
    Remark: opt(z.string()),
    ProxyPattern: opt(z.string()),
    RecordCount: opt(z.number()),
    IsPtr: opt(z.boolean()),
    ZoneType: opt(z.string()),
    CreateTime: opt(z.string()),
    UpdateTime: opt(z.string()),
    CreateTimestamp: opt(z.number()),
    UpdateTimestamp: opt(z.number()),
};

/** DescribeZoneInfo's answer: the zone with its VPCs (`BindVpcs.Vpc`). */
export const ZoneInfo = z.looseObject({
    ...zoneCommon,
    BindVpcs: opt(z.looseObject({ Vpc: arr(BoundVpc) })).transform((b) => b?.Vpc ?? []),
});
export type ZoneInfo = z.output<typeof ZoneInfo>;

const ResourceTag = z.looseObject({ Key: opt(z.string()), Value: opt(z.string()) });

/** One zone of DescribeZones (no VPCs there), with its tags (`ResourceTags.ResourceTag`). */
export const ZoneSummary = z.looseObject({
    ...zoneCommon,
    ResourceTags: opt(z.looseObject({ ResourceTag: arr(ResourceTag) })).transform((t) => t?.ResourceTag ?? []),
});
export type ZoneSummary = z.output<typeof ZoneSummary>;

export const DescribeZonesResponse = z.looseObject({
    Zones: opt(z.looseObject({ Zone: arr(ZoneSummary) })).transform((z) => z?.Zone ?? []),
    TotalItems: opt(z.number()),
    PageNumber: opt(z.number()),
    PageSize: opt(z.number()),
});

export const VpcInput = z.strictObject({ RegionId: z.string().min(1), VpcId: z.string().min(1) });
export type VpcInput = z.input<typeof VpcInput>;

export const BindZoneVpcRequest = z.strictObject({ ZoneId: z.string().min(1), Vpcs: z.array(VpcInput), ClientToken });
export type BindZoneVpcRequest = z.input<typeof BindZoneVpcRequest>;

/**
 * TagResourcesRequest: tags added to zones (ResourceType `ZONE`, "the value must be ZONE"; up to 50
 * ids); `OverWrite` true replaces the zones' tags instead of adding to them.
 */
export const TagResourcesRequest = z.strictObject({
    ResourceType: z.literal("ZONE"),
    ResourceId: z.array(z.string().min(1)).min(1).max(50),
    Tag: z.array(z.strictObject({ Key: z.string().min(1).max(128), Value: z.string().max(128) })).min(1),
    OverWrite: z.boolean().optional(),
});
export type TagResourcesRequest = z.input<typeof TagResourcesRequest>;

/**
 * UntagResourcesRequest: the keys removed from zones (ResourceType `ZONE`, up to 50 ids, up to 20
 * keys); `All` removes every tag of the zones, whatever `TagKey` says.
 */
export const UntagResourcesRequest = z.strictObject({
    ResourceType: z.literal("ZONE"),
    ResourceId: z.array(z.string().min(1)).min(1).max(50),
    TagKey: z.array(z.string().min(1).max(128)).max(20).optional(),
    All: z.boolean().optional(),
});
export type UntagResourcesRequest = z.input<typeof UntagResourcesRequest>;

/**
 * ListTagResourcesRequest: the tags of zones (ResourceType `ZONE`, up to 50 ids), or the zones
 * carrying tags (`Tag.N`); `Size` 1–200, default 20, and `NextToken` page it (the API page "Query
 * the list of resource tag relationships": "Valid values: [1,200]").
 */
export const ListTagResourcesRequest = z.strictObject({
    ResourceType: z.literal("ZONE"),
    ResourceId: z.array(z.string().min(1)).max(50).optional(),
    Tag: z.array(z.strictObject({ Key: z.string().min(1).max(128), Value: z.string().max(128).optional() })).optional(),
    Size: z.number().int().min(1).max(200).optional(),
    NextToken: z.string().optional(),
});
export type ListTagResourcesRequest = z.input<typeof ListTagResourcesRequest>;

/** One row per tag of a zone (ListTagResourcesResponseBodyTagResources). */
export const TagResourceRow = z.looseObject({ ResourceId: z.string(), ResourceType: opt(z.string()), TagKey: z.string(), TagValue: opt(z.string()) });
export const ListTagResourcesResponse = z.looseObject({ TagResources: arr(TagResourceRow), NextToken: opt(z.string()) });

// ---- records --------------------------------------------------------------------------------

const recordBody = {
    Rr: z.string().min(1),
    Type: RecordType,
    Value: z.string().min(1),
    Ttl: z.number().int().optional(),
    Priority: z.number().int().min(1).max(99).optional(),
    ClientToken,
};

export const AddZoneRecordRequest = z.strictObject({ ZoneId: z.string().min(1), ...recordBody, Remark: z.string().optional() });
export type AddZoneRecordRequest = z.input<typeof AddZoneRecordRequest>;

/** UpdateZoneRecordRequest: the record's Rr, Type and Value (all required), Ttl, Priority; no Remark (UpdateRecordRemark). */
export const UpdateZoneRecordRequest = z.strictObject({ RecordId: RecordIdIn, ...recordBody });
export type UpdateZoneRecordRequest = z.input<typeof UpdateZoneRecordRequest>;

export const AddZoneRecordResponse = z.looseObject({ RecordId: RecordIdOut, Success: opt(z.boolean()) });

export const ZoneRecord = z.looseObject({
    RecordId: RecordIdOut,
    ZoneId: opt(z.string()),
    Rr: z.string(),
    Type: z.string(),
    Value: z.string(),
    Ttl: opt(z.number()),
    Priority: opt(z.number()),
    Status: opt(z.string()),
    Remark: opt(z.string()),
    Line: opt(z.string()),
    Weight: opt(z.number()),
    CreateTime: opt(z.string()),
    UpdateTime: opt(z.string()),
});
export type ZoneRecord = z.output<typeof ZoneRecord>;

export const DescribeZoneRecordsResponse = z.looseObject({
    Records: opt(z.looseObject({ Record: arr(ZoneRecord) })).transform((r) => r?.Record ?? []),
    TotalItems: opt(z.number()),
    PageNumber: opt(z.number()),
    PageSize: opt(z.number()),
});

export const Empty = z.looseObject({});
