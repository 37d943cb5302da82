import { isIPv4 } from "../../network/cidr";
import { dnsError } from "./errors";
import { domainName } from "./validation";

/**
 * Field rules of private zones and record sets, from the field descriptions in the official SDK's
 * models (huaweicloudsdkdns v2): names "由多个以点分隔的字符串组成…单个字符串不超过63个字符，域名总长度不超过254个字符"
 * (the resolver rules' domain rule, ./validation.ts), descriptions "长度不超过255个字符", TTLs
 * "1~2147483647", record types of CreateRecordSetRequestBody.type. Each throws the API's error.
 */

export const TTL_MAX = 2147483647;

/** A zone name (`DNS.0303`), normalised with one trailing dot. */
export function zoneName(v: unknown): string {
    try {
        return domainName(v);
    } catch {
        throw dnsError(
            "DNS.0303",
            `name must be a domain name of dot-separated labels of 1 to 63 letters, digits or hyphens, at most 254 characters, got ${JSON.stringify(v)}.`,
        );
    }
}

/** `ttl`: an integer 1–2147483647 (`DNS.0304`); absent gives `fallback`. */
export function ttl(v: unknown, fallback: number): number {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > TTL_MAX)
        throw dnsError("DNS.0304", `ttl must be an integer from 1 to ${TTL_MAX}, got ${JSON.stringify(v)}.`);
    return v;
}

/** `description`: at most 255 characters (`DNS.0001`). */
export function description(v: unknown, fallback: string): string {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "string" || v.length > 255) throw dnsError("DNS.0001", `description must be a string of at most 255 characters.`);
    return v;
}

/** `email`: an address with one `@` (`DNS.0001`); absent gives `fallback`. */
export function email(v: unknown, fallback: string): string {
    if (v === undefined || v === null || v === "") return fallback;
    if (typeof v !== "string" || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v))
        throw dnsError("DNS.0001", `email must be an e-mail address, got ${JSON.stringify(v)}.`);
    return v;
}

/**
 * `enterprise_project_id` of CreatePrivateZoneReq and ListPrivateZonesRequest: "最大长度36字节，带“-”连字符的
 * UUID格式，或者是字符串“0”" — "0" (the default project) or a UUID with hyphens (`DNS.0001`, the
 * emulator's choice of code). Absent gives `fallback`. Any well-formed id is taken: the emulator
 * keeps no list of an account's enterprise projects (that is the EPS API's).
 */
export function enterpriseProject(v: unknown, fallback: string): string {
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "string" || !/^(0|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/.test(v))
        throw dnsError("DNS.0001", `enterprise_project_id must be "0" (the default project) or a UUID, got ${JSON.stringify(v)}.`);
    return v;
}

/** Tags a zone or record set carries at most ("You can add up to 20 tags to a resource", the tag API page). */
export const MAX_TAGS = 20;

// The SDK's Tag model: a key of letters (any script), digits, spaces and `_ . : = + - @`, no space
// at either end, not starting with `_sys_`; a value of those and `/`.
const TAG_KEY = /^[\p{L}\p{N} _.:=+\-@]+$/u;
const TAG_VALUE = /^[\p{L}\p{N} _.:/=+\-@]*$/u;

/** One `{key, value}` of a tag request: key 1–128 characters, value up to 255, by the Tag model's rules (`DNS.0901`). */
function tag(t: unknown, i: number): { key: string; value: string } {
    const o = (t ?? {}) as Record<string, unknown>;
    const k = o.key;
    if (typeof k !== "string" || k.length < 1 || k.length > 128 || !TAG_KEY.test(k) || k.trim() !== k || k.startsWith("_sys_"))
        throw dnsError(
            "DNS.0901",
            `tags[${i}].key must be 1 to 128 letters, digits, spaces or _ . : = + - @, without a space at either end and not starting with _sys_, got ${JSON.stringify(k)}.`,
        );
    const value = o.value ?? "";
    if (typeof value !== "string" || value.length > 255 || !TAG_VALUE.test(value))
        throw dnsError("DNS.0901", `tags[${i}].value must be at most 255 letters, digits, spaces or _ . : / = + - @, got ${JSON.stringify(value)}.`);
    return { key: k, value };
}

/** `tags` of a create request or a tag `create` action: valid `{key, value}` objects whose keys do not repeat (`DNS.0901`). */
export function tags(v: unknown): Array<{ key: string; value: string }> {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw dnsError("DNS.0901", "tags must be a list of {key, value}.");
    const seen = new Set<string>();
    return v.map((t, i) => {
        const out = tag(t, i);
        if (seen.has(out.key)) throw dnsError("DNS.0901", `tags[${i}].key ${JSON.stringify(out.key)} is listed twice.`);
        seen.add(out.key);
        return out;
    });
}

/** `tags` merged into what a resource carries: a key given again takes the new value; at most {@link MAX_TAGS} (`DNS.0902`). */
export function upsertTags(have: Array<{ key: string; value: string }>, add: Array<{ key: string; value: string }>): Array<{ key: string; value: string }> {
    const merged = [...have.filter((t) => !add.some((a) => a.key === t.key)), ...add];
    if (merged.length > MAX_TAGS) throw dnsError("DNS.0902", `a resource carries at most ${MAX_TAGS} tags; this would make ${merged.length}.`);
    return merged;
}

/**
 * The types a private zone's record sets may have (CreateRecordSetRequestBody.type: CAA is for
 * public zones only; SOA and NS are the zone's own, created with it).
 */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "PTR"] as const;

export function recordType(v: unknown): string {
    if (typeof v !== "string" || !(RECORD_TYPES as readonly string[]).includes(v))
        throw dnsError("DNS.0403", `type must be one of ${RECORD_TYPES.join(", ")} in a private zone, got ${JSON.stringify(v)}.`);
    return v;
}

/**
 * A record set's name: a full name ending with the zone's name ("后缀需以zone name结束且为FQDN"), the
 * zone's own name included; `*` as the first label is a wildcard. Normalised with one trailing dot (`DNS.0402`).
 */
export function recordSetName(v: unknown, zone: string): string {
    const wild = typeof v === "string" && v.startsWith("*.");
    let name: string;
    try {
        name = wild ? `*.${domainName((v as string).slice(2))}` : domainName(v);
    } catch {
        throw dnsError("DNS.0402", `name must be a full domain name (such as www.example.com.), got ${JSON.stringify(v)}.`);
    }
    const lower = name.toLowerCase();
    const z = zone.toLowerCase();
    if (lower !== z && !lower.endsWith(`.${z}`)) throw dnsError("DNS.0402", `name ${JSON.stringify(v)} is not within the zone ${zone}.`);
    return name;
}

/** The most values a record set holds (the emulator's choice: no page in the SDK gives it). */
export const MAX_RECORDS = 50;

const HOST = /^(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/;
const u16 = (s: string | undefined) => s !== undefined && /^\d{1,5}$/.test(s) && Number(s) <= 65535;

/** Whether `s` is an IPv6 address (full or `::`-compressed, without a zone index). */
export function isIPv6(s: string): boolean {
    if (!/^[0-9A-Fa-f:.]+$/.test(s) || s.split("::").length > 2) return false;
    const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
    const parts = [...(head ? head.split(":") : []), ...(tail ? tail.split(":") : [])];
    const last = parts[parts.length - 1];
    const v4 = last?.includes(".") ? (isIPv4(last) ? 2 : -99) : 0;
    const hex = v4 ? parts.slice(0, -1) : parts;
    if (v4 < 0 || hex.some((p) => !/^[0-9A-Fa-f]{1,4}$/.test(p))) return false;
    const groups = hex.length + v4;
    return tail === undefined && !s.endsWith("::") && !s.startsWith("::") ? groups === 8 : groups < 8;
}

/** One value of a record set of `type`, by the rules of its record type (`DNS.0404`). */
function recordValid(type: string, r: string): boolean {
    const f = r.trim().split(/\s+/);
    switch (type) {
        case "A":
            return isIPv4(r);
        case "AAAA":
            return isIPv6(r);
        case "CNAME":
        case "PTR":
            return HOST.test(r);
        case "MX":
            return f.length === 2 && u16(f[0]) && HOST.test(f[1]!);
        case "SRV":
            return f.length === 4 && u16(f[0]) && u16(f[1]) && u16(f[2]) && HOST.test(f[3]!);
        case "TXT":
            return r.length >= 1 && r.length <= 255;
        default:
            return false;
    }
}

/** `records`: 1–50 distinct values valid for the type; a CNAME holds exactly one (`DNS.0404`). */
export function records(v: unknown, type: string): string[] {
    if (!Array.isArray(v) || v.length < 1 || v.length > MAX_RECORDS)
        throw dnsError("DNS.0404", `records must list 1 to ${MAX_RECORDS} values, got ${Array.isArray(v) ? v.length : JSON.stringify(v)}.`);
    if (type === "CNAME" && v.length !== 1) throw dnsError("DNS.0404", `a CNAME record set holds exactly one name, got ${v.length}.`);
    const seen = new Set<string>();
    return v.map((r, i) => {
        if (typeof r !== "string" || !recordValid(type, r)) throw dnsError("DNS.0404", `records[${i}] ${JSON.stringify(r)} is not a valid ${type} record.`);
        if (seen.has(r)) throw dnsError("DNS.0404", `records[${i}] ${JSON.stringify(r)} is listed twice.`);
        seen.add(r);
        return r;
    });
}
