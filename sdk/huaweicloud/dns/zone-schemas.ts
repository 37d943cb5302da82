/**
 * DNS v2 private zone and record set wire shapes, from the official SDK's models
 * (huaweicloud-sdk-python-v3, huaweicloudsdkdns/v2/model: CreatePrivateZoneReq, Router,
 * UpdatePrivateZoneInfoReq, PrivateZoneResp, ShowPrivateZoneResponse, AssociateRouterRequestBody,
 * SetPrivateZoneProxyPatternRequestBody, UpdateZoneStatusRequestBody, CreateRecordSetRequestBody,
 * UpdateRecordSetReq, SetRecordSetsStatusRequestBody, ListRecordSets, ShowRecordSetResponse,
 * SetRecordSetsStatusResponse, BatchHandTags, Tag, ShowResourceTagResponse).
 * Requests strict, responses loose.
 */
import { z } from "zod";
import { arr, opt } from "../../core/schema";

/**
 * Zone statuses (PrivateZoneResp.status): the lifecycle's five, and `DISABLE` for a zone whose
 * resolution is paused (UpdatePrivateZoneStatusResponse.status: ACTIVE or DISABLE). The others the
 * model lists (freezes) are the cloud's sanctions, not states a program reaches.
 */
export const PrivateZoneStatuses = ["PENDING_CREATE", "ACTIVE", "PENDING_UPDATE", "PENDING_DELETE", "ERROR", "DISABLE"] as const;

/** What the status operations take: `ENABLE` resumes resolution, `DISABLE` pauses it (UpdateZoneStatusRequestBody, SetRecordSetsStatusRequestBody). */
export const ResolutionStatus = z.enum(["ENABLE", "DISABLE"]);
export type ResolutionStatus = z.output<typeof ResolutionStatus>;

/** `ttl`: "1~2147483647" in CreatePrivateZoneReq, UpdatePrivateZoneInfoReq, CreateRecordSetRequestBody and UpdateRecordSetReq. */
export const TTL_MAX = 2147483647;
const ttl = z.number().int().min(1).max(TTL_MAX);

/** `Router`: a VPC (`router_id`) and its region. */
export const ZoneRouter = z.strictObject({ router_id: z.string().min(1), router_region: z.string().min(1).optional() });
export type ZoneRouter = z.input<typeof ZoneRouter>;

/** A zone's router as the zone lists it (Router / RouterWithStatus: ACTIVE, PENDING_CREATE, PENDING_DELETE, ERROR). */
export const PrivateZoneRouter = z.looseObject({ router_id: z.string(), router_region: opt(z.string()), status: opt(z.string()) });
export type PrivateZoneRouter = z.output<typeof PrivateZoneRouter>;

/** `Tag`: key 1–128 characters, value at most 255 (the SDK model's field descriptions). */
export const DnsTagInput = z.strictObject({ key: z.string().min(1).max(128), value: z.string().max(255).optional() });
export type DnsTagInput = z.input<typeof DnsTagInput>;
const TagOut = z.looseObject({ key: z.string(), value: opt(z.string()) });
export type DnsTag = z.output<typeof TagOut>;

/**
 * An enterprise project id as CreatePrivateZoneReq, ListPrivateZonesRequest, PrivateZoneResp and
 * ShowPrivateZoneResponse describe `enterprise_project_id`: "最大长度36字节，带“-”连字符的UUID格式，或者是字符串“0”。
 * “0”表示默认企业项目" (at most 36 bytes, a UUID with hyphens, or "0", the default enterprise project).
 */
export const ENTERPRISE_PROJECT_ID = /^(0|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
export const EnterpriseProjectId = z.string().regex(ENTERPRISE_PROJECT_ID);
/** The default enterprise project, where a zone created without one lands and what a list without one shows ("默认取值：0"). */
export const DEFAULT_ENTERPRISE_PROJECT = "0";

/** A private zone's subdomain resolution mode: `AUTHORITY` (default) or `RECURSIVE` (CreatePrivateZoneReq.proxy_pattern). */
export const ProxyPattern = z.enum(["AUTHORITY", "RECURSIVE"]);

/** `CreatePrivateZoneReq`: the zone is created with one VPC; others are associated afterwards. */
export const CreatePrivateZoneRequest = z.strictObject({
    name: z.string().min(1).max(255),
    zone_type: z.literal("private"),
    router: ZoneRouter,
    description: z.string().max(255).optional(),
    email: z.string().optional(),
    ttl: ttl.optional(),
    /** `AUTHORITY` (default) or `RECURSIVE`. */
    proxy_pattern: ProxyPattern.optional(),
    tags: z.array(DnsTagInput).optional(),
    /** The zone's enterprise project: `"0"` (the default project, the default) or a UUID, at most 36 characters. */
    enterprise_project_id: EnterpriseProjectId.optional(),
});
export type CreatePrivateZoneRequest = z.input<typeof CreatePrivateZoneRequest>;

/** `UpdatePrivateZoneInfoReq`: each field left out (or empty) keeps its value. */
export const UpdatePrivateZoneRequest = z.strictObject({
    description: z.string().max(255).optional(),
    email: z.string().optional(),
    ttl: ttl.optional(),
});
export type UpdatePrivateZoneRequest = z.input<typeof UpdatePrivateZoneRequest>;

/** `SetPrivateZoneProxyPatternRequestBody`: `proxy_pattern` is required. */
export const SetPrivateZoneProxyPatternRequest = z.strictObject({ proxy_pattern: ProxyPattern });
export type SetPrivateZoneProxyPatternRequest = z.input<typeof SetPrivateZoneProxyPatternRequest>;

/** `UpdateZoneStatusRequestBody`: `status` is required. */
export const UpdatePrivateZoneStatusRequest = z.strictObject({ status: ResolutionStatus });
export type UpdatePrivateZoneStatusRequest = z.input<typeof UpdatePrivateZoneStatusRequest>;

/**
 * A private zone. Create answers one `router`; Show answers `routers`; the list
 * (`PrivateZoneResp`) answers `routers` and `tags`. `name` is answered with its trailing dot.
 */
export const PrivateZone = z.looseObject({
    id: z.string(),
    name: opt(z.string()),
    description: opt(z.string()),
    email: opt(z.string()),
    zone_type: opt(z.string()),
    ttl: opt(z.number()),
    serial: opt(z.number()),
    status: opt(z.string()),
    record_num: opt(z.number()),
    proxy_pattern: opt(z.string()),
    pool_id: opt(z.string()),
    project_id: opt(z.string()),
    created_at: opt(z.string()),
    updated_at: opt(z.string()),
    masters: arr(z.string()),
    router: opt(PrivateZoneRouter),
    routers: arr(PrivateZoneRouter),
    tags: arr(TagOut),
    enterprise_project_id: opt(z.string()),
});
export type PrivateZone = z.output<typeof PrivateZone>;

export const ListPrivateZonesResponse = z.looseObject({
    zones: arr(PrivateZone),
    metadata: opt(z.looseObject({ total_count: opt(z.number()) })),
});

/** `ListPrivateZonesRequest`'s filters (`type` is always `private` here). */
export const ListPrivateZonesFilter = z.strictObject({
    name: z.string().optional(),
    /** `like` (default, substring) or `equal`. */
    search_mode: z.enum(["like", "equal"]).optional(),
    router_id: z.string().optional(),
    status: z.string().optional(),
    id: z.string().optional(),
    /** `key,value|key,value`. */
    tags: z.string().optional(),
    /**
     * Only the zones of this enterprise project; left out, the API lists the default project's
     * ("默认取值：0", ListPrivateZonesRequest.enterprise_project_id), so a zone of another project is
     * found only by naming its project.
     */
    enterprise_project_id: EnterpriseProjectId.optional(),
});
export type ListPrivateZonesFilter = z.input<typeof ListPrivateZonesFilter>;

/** `AssociateRouterRequestBody` / `DisassociaterouterRequestBody`. */
export const ZoneRouterRequest = z.strictObject({ router: ZoneRouter });
export type ZoneRouterRequest = z.input<typeof ZoneRouterRequest>;

/** The answer of associate and disassociate (`AssociateRouterResponse`: the router and its status). */
export const ZoneRouterResponse = z.looseObject({ router_id: opt(z.string()), router_region: opt(z.string()), status: opt(z.string()) });

/**
 * Record set types of CreateRecordSetRequestBody.type; `CAA` is for public zones only, `SOA` and
 * `NS` are the zone's own (created with it, `default: true`).
 */
export const PRIVATE_RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "PTR"] as const;
export type PrivateRecordType = (typeof PRIVATE_RECORD_TYPES)[number];

/** `CreateRecordSetRequestBody`: `name` is a full name ending with the zone's (`www.example.com.`). */
export const CreateRecordSetRequest = z.strictObject({
    name: z.string().min(1).max(255),
    type: z.string().min(1),
    records: z.array(z.string()).min(1),
    ttl: ttl.optional(),
    description: z.string().max(255).optional(),
    /** `ENABLE` (default) or `DISABLE`. */
    status: ResolutionStatus.optional(),
    tags: z.array(DnsTagInput).optional(),
});
export type CreateRecordSetRequest = z.input<typeof CreateRecordSetRequest>;

/**
 * `UpdateRecordSetReq`: `name` and `type` are the set's, new ones rename it or change its type in
 * place (the SDK model describes `name` as any full name within the zone, and
 * terraform-provider-huaweicloud's `huaweicloud_dns_recordset` sends both on update, neither
 * forcing a new set); each other field left out keeps its value.
 */
export const UpdateRecordSetRequest = z.strictObject({
    name: z.string().optional(),
    type: z.string().optional(),
    records: z.array(z.string()).min(1).optional(),
    ttl: ttl.optional(),
    description: z.string().max(255).optional(),
});
export type UpdateRecordSetRequest = z.input<typeof UpdateRecordSetRequest>;

/** A record set (ShowRecordSetResponse; ListRecordSets in lists). Statuses: PENDING_CREATE, ACTIVE, PENDING_DELETE, ERROR, DISABLE. */
export const RecordSet = z.looseObject({
    id: z.string(),
    name: opt(z.string()),
    description: opt(z.string()),
    zone_id: opt(z.string()),
    zone_name: opt(z.string()),
    type: opt(z.string()),
    ttl: opt(z.number()),
    records: arr(z.string()),
    create_at: opt(z.string()),
    update_at: opt(z.string()),
    status: opt(z.string()),
    /** The zone's own SOA and NS sets. */
    default: opt(z.boolean()),
    project_id: opt(z.string()),
});
export type RecordSet = z.output<typeof RecordSet>;

/** `SetRecordSetsStatusRequestBody`: `status` is required. */
export const SetRecordSetStatusRequest = z.strictObject({ status: ResolutionStatus });
export type SetRecordSetStatusRequest = z.input<typeof SetRecordSetStatusRequest>;

/**
 * `SetRecordSetsStatusResponse`: the set as the v2.1 API writes it (`created_at`, `updated_at`
 * where the v2 reads have `create_at`, `update_at`); `status` ACTIVE or DISABLE.
 */
export const RecordSetStatusResponse = z.looseObject({ id: z.string(), zone_id: opt(z.string()), status: opt(z.string()) });
export type RecordSetStatusResponse = z.output<typeof RecordSetStatusResponse>;

export const ListRecordSetsByZoneResponse = z.looseObject({
    recordsets: arr(RecordSet),
    metadata: opt(z.looseObject({ total_count: opt(z.number()) })),
});

/** `ListRecordSetsByZoneRequest`'s filters. */
export const ListRecordSetsByZoneFilter = z.strictObject({
    name: z.string().optional(),
    /** `like` (default) or `equal`. */
    search_mode: z.enum(["like", "equal"]).optional(),
    type: z.string().optional(),
    status: z.string().optional(),
    id: z.string().optional(),
});
export type ListRecordSetsByZoneFilter = z.input<typeof ListRecordSetsByZoneFilter>;

/** The DNS tag API's resource types this package tags (BatchCreateTagRequest.resource_type also names public zones, public record sets and PTR records). */
export const DnsTagResourceType = z.enum(["DNS-private_zone", "DNS-private_recordset"]);
export type DnsTagResourceType = z.output<typeof DnsTagResourceType>;

/** `BatchHandTags`: `create` upserts by key; `delete` removes the keys named (absent keys are no error). */
export const BatchCreateTagRequest = z.strictObject({ action: z.enum(["create", "delete"]), tags: z.array(DnsTagInput).min(1) });
export type BatchCreateTagRequest = z.input<typeof BatchCreateTagRequest>;

/** `ShowResourceTagResponse`: the resource's tags. */
export const ShowResourceTagResponse = z.looseObject({ tags: arr(TagOut) });
