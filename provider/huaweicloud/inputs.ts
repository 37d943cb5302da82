/**
 * Input rules shared by the Huawei Cloud resources, with the limits the API pages document.
 * Messages complete the sentence "<field>: <value> …".
 */
import { isIPv6 } from "node:net";
import { z } from "zod";
import { ENTERPRISE_PROJECT_ID } from "../../sdk/huaweicloud/dns";
import { tagMap } from "../lifecycle/tags";

/** The 8-4-4-4-12 hex form every Huawei Cloud resource id takes. */
export const uuid = (what: string) =>
    z
        .string()
        .regex(
            /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
            `is not a valid ${what} (a UUID such as 4189d3c2-8882-4871-a3c2-d380272eed88)`,
        );

/**
 * An enterprise project id: `"0"` (the default enterprise project) or a UUID, as the DNS SDK's
 * models describe `enterprise_project_id` ("带“-”连字符的UUID格式，或者是字符串“0”。“0”表示默认企业项目",
 * huaweicloudsdkdns v2 CreatePrivateZoneReq).
 */
export const enterpriseProjectId = z
    .string()
    .regex(ENTERPRISE_PROJECT_ID, 'is not an enterprise project id ("0", the default project, or a UUID such as 4189d3c2-8882-4871-a3c2-d380272eed88)');

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const ipv4 = (what = "IPv4 address") => z.string().regex(IPV4, `is not a valid ${what} (such as 192.168.0.10)`);

/** An IPv6 address in its canonical text (RFC 5952: lower case, the longest zero run as `::`), as the cloud reports it. */
export function canonicalIpv6(s: string): string {
    const [head = "", tail] = s.toLowerCase().split("::");
    const part = (x: string) => (x === "" ? [] : x.split(":"));
    const h = part(head);
    const t = tail === undefined ? [] : part(tail);
    const groups = (tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t]).map((g) => Number.parseInt(g, 16));
    let best = { at: -1, len: 1 };
    for (let i = 0; i < 8; i++) {
        let j = i;
        while (j < 8 && groups[j] === 0) j++;
        if (j - i > best.len) best = { at: i, len: j - i };
    }
    const hex = groups.map((g) => g.toString(16));
    return best.at < 0 ? hex.join(":") : `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/** An IPv6 address (no IPv4-mapped forms), checked as its canonical text so that any spelling of it compares equal. */
export const ipv6 = (what = "IPv6 address") =>
    z
        .string()
        .refine((s) => isIPv6(s) && !s.includes("."), `is not a valid ${what} (such as 2001:db8:a::78)`)
        .transform(canonicalIpv6);

/** An IPv4 address or CIDR block (whitelists). */
export const ipv4OrCidr = z.string().refine((s) => {
    const [ip, bits, extra] = s.split("/");
    if (ip === undefined || extra !== undefined || !IPV4.test(ip)) return false;
    return bits === undefined || (/^\d{1,2}$/.test(bits) && Number(bits) <= 32);
}, "is not an IPv4 address or CIDR block (such as 10.0.0.0/24)");

export const description = (max: number) =>
    z
        .string()
        .max(max, `is longer than ${max} characters`)
        .refine((s) => !/[<>]/.test(s), "must not contain < or >");

/** Region names such as cn-north-4 or ap-southeast-1. */
export const region = z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, "is not a Huawei Cloud region name (such as cn-north-4)");

export const projectId = z.string().regex(/^[0-9a-f]{32}$/, "is not a project id (32 hexadecimal characters)");

const TAG_FORBIDDEN = /[=*<>\\,|/]/;
const noSpaceAtEnds = [(s: string) => s.trim() === s, "starts or ends with a space"] as const;
/**
 * Resource tags as a map, with the VPCEP limits: key 1–36, value 0–43 characters, and 8 tags: the
 * cloud takes 10 per resource, and this package writes two of its own (the creation key and token,
 * huaweicloud/marker.ts).
 */
export const tags = tagMap({
    keyMax: 36,
    valueMax: 43,
    perResource: 10,
    ours: 2,
    key: [[(k) => !TAG_FORBIDDEN.test(k), "contains one of = * < > \\ , | / which tag keys cannot contain"], noSpaceAtEnds],
    value: [[(v) => !TAG_FORBIDDEN.test(v), "contains one of = * < > \\ , | / which tag values cannot contain"], noSpaceAtEnds],
});

/** Tags as the VPCEP wire has them. */
export function tagsToWire(t: Record<string, string> | undefined): Array<{ key: string; value: string }> {
    return Object.entries(t ?? {})
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, value]) => ({ key, value }));
}

export function tagsFromWire(t: Array<{ key: string; value?: string }> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { key, value } of t ?? []) out[key] = value ?? "";
    return out;
}
