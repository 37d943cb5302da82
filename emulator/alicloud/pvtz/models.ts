/** PrivateZone's objects as the emulator keeps them (plain JSON: they are the state file), and their wire forms. */

/** A VPC a zone is bound to. */
export interface BoundVpc {
    vpcId: string;
    regionId: string;
}

export interface ZoneRec {
    id: string;
    name: string;
    remark?: string;
    proxyPattern: "ZONE" | "RECORD";
    vpcs: BoundVpc[];
    /** TagResources' tags (absent in state files written before tags were served). */
    tags?: Array<{ key: string; value: string }>;
    createdAt: number;
    updatedAt: number;
}

export type RecordType = "A" | "AAAA" | "CNAME" | "TXT" | "MX" | "PTR" | "SRV";

export interface RecordRec {
    /** A Long on the wire (AddZoneRecordResponseBody.RecordId). */
    id: number;
    zoneId: string;
    rr: string;
    type: RecordType;
    value: string;
    ttl: number;
    /** MX records only. */
    priority?: number;
    status: "ENABLE" | "DISABLE";
    remark?: string;
    createdAt: number;
    updatedAt: number;
}

/** `2018-01-23T03:15Z`, as the API pages show times. */
function minuteTime(ms: number): string {
    return `${new Date(ms).toISOString().slice(0, 16)}Z`;
}

function zoneCommon(z: ZoneRec, recordCount: number) {
    return {
        ZoneId: z.id,
        ZoneName: z.name,
        Remark: z.remark ?? "",
        ProxyPattern: z.proxyPattern,
        RecordCount: recordCount,
        IsPtr: /\.(in-addr|ip6)\.arpa$/.test(z.name),
        ZoneType: "AUTH_ZONE",
        DnsGroup: "NORMAL_ZONE",
        CreateTime: minuteTime(z.createdAt),
        CreateTimestamp: z.createdAt,
        UpdateTime: minuteTime(z.updatedAt),
        UpdateTimestamp: z.updatedAt,
    };
}

/** One zone of DescribeZones, with its tags (DescribeZonesResponseBodyZonesZone.ResourceTags.ResourceTag). */
export function zoneSummaryWire(z: ZoneRec, recordCount: number): Record<string, unknown> {
    return { ...zoneCommon(z, recordCount), ResourceTags: { ResourceTag: (z.tags ?? []).map((t) => ({ Key: t.key, Value: t.value })) } };
}

/** DescribeZoneInfo: the zone and `BindVpcs.Vpc` (DescribeZoneInfoResponseBody). */
export function zoneInfoWire(z: ZoneRec, recordCount: number, vpcName: (v: BoundVpc) => string | undefined): Record<string, unknown> {
    return {
        ...zoneCommon(z, recordCount),
        SlaveDns: false,
        BindVpcs: {
            Vpc: z.vpcs.map((v) => ({ VpcId: v.vpcId, RegionId: v.regionId, RegionName: v.regionId, VpcName: vpcName(v) ?? "", VpcType: "STANDARD" })),
        },
    };
}

/** One record of DescribeZoneRecords (DescribeZoneRecordsResponseBodyRecordsRecord). */
export function recordWire(r: RecordRec): Record<string, unknown> {
    return {
        RecordId: r.id,
        ZoneId: r.zoneId,
        Rr: r.rr,
        Type: r.type,
        Value: r.value,
        Ttl: r.ttl,
        ...(r.priority !== undefined ? { Priority: r.priority } : {}),
        Status: r.status,
        Remark: r.remark ?? "",
        Line: "default",
        Weight: 1,
        CreateTime: minuteTime(r.createdAt),
        CreateTimestamp: r.createdAt,
        UpdateTime: minuteTime(r.updatedAt),
        UpdateTimestamp: r.updatedAt,
    };
}
