import type { Lifecycle } from "../../core/lifecycle";
import { type DnsStatus, dnsTime, type RouterRecord, routerToWire } from "./models";

/**
 * DNS v2 private zones and their record sets as the emulator stores them, and their wire forms,
 * written from the official SDK's models (huaweicloudsdkdns v2: CreatePrivateZoneResponse,
 * ShowPrivateZoneResponse, PrivateZoneResp, ShowRecordSetResponse, ListRecordSets) and the field
 * descriptions they carry.
 */

/** A record set; `isDefault` for the zone's own SOA and NS sets, which cannot be changed or deleted. */
export interface RecordSetRecord {
    id: string;
    zoneId: string;
    /** Full name with one trailing dot, as sent (case kept). */
    name: string;
    type: string;
    records: string[];
    ttl: number;
    description: string;
    /** `ENABLE` or `DISABLE` (CreateRecordSetRequestBody.status). */
    enabled: boolean;
    isDefault: boolean;
    /** Its tags (CreateRecordSetRequestBody.tags, BatchCreateTag); absent in states saved before they were kept. */
    tags?: Array<{ key: string; value: string }>;
    updatedAt: number;
    lifecycle: Lifecycle;
}

export interface ZoneRecord {
    id: string;
    projectId: string;
    region: string;
    /** With one trailing dot, as the API answers it. */
    name: string;
    description: string;
    email: string;
    ttl: number;
    proxyPattern: "AUTHORITY" | "RECURSIVE";
    /** Its enterprise project: "0" (the default project) or a UUID; absent in states saved before it was kept: "0". */
    enterpriseProjectId?: string;
    /** False while resolution is paused (UpdatePrivateZoneStatus `DISABLE`); absent in states saved before it was kept: enabled. */
    enabled?: boolean;
    tags: Array<{ key: string; value: string }>;
    /** The SOA serial: bumped by every change of the zone or its record sets. */
    serial: number;
    /** The first is the VPC the zone was created with; each association has its own lifecycle. */
    routers: RouterRecord[];
    recordsets: Record<string, RecordSetRecord>;
    updatedAt: number;
    lifecycle: Lifecycle;
}

/** The default enterprise project, where a zone made without one is ("“0”表示默认企业项目", CreatePrivateZoneReq). */
export const DEFAULT_ENTERPRISE_PROJECT = "0";

/** The zone's enterprise project. */
export const zoneEnterpriseProject = (z: ZoneRecord): string => z.enterpriseProjectId ?? DEFAULT_ENTERPRISE_PROJECT;

/** The SOA TTL when the request gives none ("默认取值：300", CreatePrivateZoneReq.ttl). */
export const DEFAULT_TTL = 300;

const links = (path: string) => ({ self: `https://dns.myhuaweicloud.com${path}` });

/** Zone statuses: the lifecycle's, or `DISABLE` for a settled zone whose resolution is paused. */
export type ZoneStatus = DnsStatus | "DISABLE";

/**
 * The zone. `create` is CreatePrivateZoneResponse (one `router`, no `tags`, no
 * `enterprise_project_id`); `show` is ShowPrivateZoneResponse (`routers`); `list` is
 * PrivateZoneResp (`routers` and `tags`); `status` is UpdatePrivateZoneStatusResponse (none of them).
 */
export function zoneToWire(
    z: ZoneRecord,
    status: ZoneStatus,
    routers: Array<{ router: RouterRecord; status: DnsStatus }>,
    recordNum: number,
    shape: "create" | "show" | "list" | "status",
): Record<string, unknown> {
    return {
        id: z.id,
        name: z.name,
        description: z.description,
        email: z.email,
        zone_type: "private",
        ttl: z.ttl,
        serial: z.serial,
        status,
        record_num: recordNum,
        proxy_pattern: z.proxyPattern,
        pool_id: "00000000570e54ee01570e9939b20019",
        project_id: z.projectId,
        created_at: dnsTime(z.lifecycle.createdAt),
        updated_at: dnsTime(z.updatedAt),
        links: links(`/v2/zones/${z.id}`),
        masters: [],
        ...(shape === "create" && routers[0] ? { router: routerToWire(routers[0].router, routers[0].status) } : {}),
        ...(shape === "show" || shape === "list" ? { routers: routers.map((x) => routerToWire(x.router, x.status)) } : {}),
        // ShowPrivateZoneResponse and PrivateZoneResp have it; CreatePrivateZoneResponse and
        // UpdatePrivateZoneStatusResponse do not.
        ...(shape === "show" || shape === "list" ? { enterprise_project_id: zoneEnterpriseProject(z) } : {}),
        ...(shape === "list" ? { tags: z.tags } : {}),
    };
}

/** Record set statuses: the lifecycle's, or `DISABLE` for a settled set whose resolution is paused. */
export type RecordSetStatus = DnsStatus | "DISABLE";

/**
 * The record set (ShowRecordSetResponse; ListRecordSets has the same fields). The `v2.1` form,
 * SetRecordSetsStatusResponse, names the times `created_at` and `updated_at`.
 */
export function recordSetToWire(r: RecordSetRecord, z: ZoneRecord, status: RecordSetStatus, version: "v2" | "v2.1" = "v2"): Record<string, unknown> {
    const times = { created: dnsTime(r.lifecycle.createdAt), updated: dnsTime(r.updatedAt) };
    return {
        id: r.id,
        name: r.name,
        description: r.description,
        zone_id: z.id,
        zone_name: z.name,
        type: r.type,
        ttl: r.ttl,
        records: r.records,
        ...(version === "v2" ? { create_at: times.created, update_at: times.updated } : { created_at: times.created, updated_at: times.updated }),
        status,
        default: r.isDefault,
        project_id: z.projectId,
        links: links(`/v2/zones/${z.id}/recordsets/${r.id}`),
    };
}
