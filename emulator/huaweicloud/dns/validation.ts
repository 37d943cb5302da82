import type { ApiRequest } from "../../core/api-module";
import { isIPv4 } from "../../network/cidr";
import { dnsError } from "./errors";
import type { Direction } from "./models";

/** Field rules from reference page 003; each throws the API's own error. */

/** The request body as a JSON object (`DNS.0001` otherwise). */
export function jsonObject(req: ApiRequest): Record<string, unknown> {
    let v: unknown;
    try {
        v = JSON.parse(req.body.toString("utf8"));
    } catch {
        throw dnsError("DNS.0001", "The request body is not valid JSON.");
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) throw dnsError("DNS.0001", "The request body must be a JSON object.");
    return v as Record<string, unknown>;
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

/** `name`: 1–64 letters, digits, `_`, `-` or `.` (`DNS.1502`). */
export function name(v: unknown): string {
    if (typeof v !== "string" || !NAME.test(v)) throw dnsError("DNS.1502", `name must be 1 to 64 letters, digits, _, - or ., got ${JSON.stringify(v)}.`);
    return v;
}

/** `direction`: inbound or outbound (`DNS.1503`). */
export function direction(v: unknown): Direction {
    if (v !== "inbound" && v !== "outbound") throw dnsError("DNS.1503", `direction must be inbound or outbound, got ${JSON.stringify(v)}.`);
    return v;
}

/** The fewest and most IP addresses an endpoint has. */
export const MIN_ADDRESSES = 2;
export const MAX_ADDRESSES = 6;

/** One `IpaddressInfo`: `subnet_id` required, `ip` optional. */
export function ipaddressInfo(v: unknown, where: string): { subnetId: string; ip?: string } {
    if (!v || typeof v !== "object" || Array.isArray(v)) throw dnsError("DNS.0001", `${where} must be an object {subnet_id, ip}.`);
    const o = v as Record<string, unknown>;
    if (typeof o.subnet_id !== "string" || o.subnet_id === "") throw dnsError("DNS.1511", `${where}.subnet_id is required.`);
    if (o.ip !== undefined && o.ip !== null && typeof o.ip !== "string") throw dnsError("DNS.0001", `${where}.ip must be a string.`);
    return { subnetId: o.subnet_id, ip: typeof o.ip === "string" && o.ip !== "" ? o.ip : undefined };
}

/** `limit` (0–500, default 500) and `offset` (≥ 0). */
export function paging(query: URLSearchParams): { limit: number; offset: number } {
    const l = query.get("limit");
    const o = query.get("offset");
    if (l !== null && (!/^\d+$/.test(l) || Number(l) > 500)) throw dnsError("DNS.0001", "limit must be an integer from 0 to 500.");
    if (o !== null && !/^\d+$/.test(o)) throw dnsError("DNS.0001", "offset must be an integer >= 0.");
    return { limit: l === null ? 500 : Number(l), offset: o === null ? 0 : Number(o) };
}

// Resolver rules.

/**
 * Rule `name`: 1–64 letters, digits, `_`, `-` or `.` (CreateResolverRule); the Chinese page and
 * the provider docs also allow Chinese characters (`DNS.1602`).
 */
const RULE_NAME = /^[A-Za-z0-9_.\-\u4e00-\u9fa5]{1,64}$/;

export function ruleName(v: unknown): string {
    if (typeof v !== "string" || !RULE_NAME.test(v))
        throw dnsError("DNS.1602", `name must be 1 to 64 letters, digits, Chinese characters, _, - or ., got ${JSON.stringify(v)}.`);
    return v;
}

const LABEL = /^[A-Za-z0-9\u4e00-\u9fa5]([A-Za-z0-9\u4e00-\u9fa5-]*[A-Za-z0-9\u4e00-\u9fa5])?$/;

/**
 * `domain_name`, normalised with one trailing dot: the API answers `name.` for `name` (the
 * provider's acceptance test), so `example.com` and `example.com.` are one domain. Rules from the
 * provider docs: at most 254 characters; labels of 1–63 letters, digits, Chinese characters or
 * hyphens, not starting or ending with a hyphen (`DNS.1603`). Case is kept as sent (DNS names
 * compare case-insensitively: see `sameDomain`).
 */
export function domainName(v: unknown): string {
    if (typeof v !== "string" || v === "") throw dnsError("DNS.1603", `domain_name is required, got ${JSON.stringify(v)}.`);
    const bare = v.endsWith(".") ? v.slice(0, -1) : v;
    const labels = bare.split(".");
    if (bare.length + 1 > 254 || labels.some((l) => l.length < 1 || l.length > 63 || !LABEL.test(l)))
        throw dnsError(
            "DNS.1603",
            `domain_name must be at most 254 characters of dot-separated labels of 1 to 63 letters, digits or hyphens (not at either end), got ${JSON.stringify(v)}.`,
        );
    return `${bare}.`;
}

/** Whether two normalised domain names are the same domain. */
export function sameDomain(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** The fewest and most destination addresses of a rule (the emulator's choice: no page gives them). */
export const MIN_RULE_IPS = 1;
export const MAX_RULE_IPS = 6;

/** `ipaddresses`: 1–6 `{ip}` objects with distinct IPv4 addresses (`DNS.1605`, `DNS.1604`). */
export function ruleIps(v: unknown): string[] {
    if (!Array.isArray(v) || v.length < MIN_RULE_IPS || v.length > MAX_RULE_IPS)
        throw dnsError(
            "DNS.1605",
            `ipaddresses must list ${MIN_RULE_IPS} to ${MAX_RULE_IPS} {ip} objects, got ${Array.isArray(v) ? v.length : JSON.stringify(v)}.`,
        );
    const seen = new Set<string>();
    return v.map((x, i) => {
        const ip = x && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>).ip : undefined;
        if (!isIPv4(ip)) throw dnsError("DNS.1604", `ipaddresses[${i}].ip must be an IPv4 address, got ${JSON.stringify(ip)}.`);
        if (seen.has(ip)) throw dnsError("DNS.1604", `ipaddresses[${i}].ip ${ip} is listed twice.`);
        seen.add(ip);
        return ip;
    });
}
