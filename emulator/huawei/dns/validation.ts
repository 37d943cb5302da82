import type { ApiRequest } from "../../core/api-module";
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
