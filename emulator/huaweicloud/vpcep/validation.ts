import type { ApiRequest } from "../../core/api-module";
import { isUuid } from "../../core/ids";
import { isIPv4OrCidr } from "../../network/cidr";
import { type VpcepCode, vpcepError } from "./errors";
import type { PortMapping, Tag } from "./models";

/**
 * Field rules from the VPCEP pages (reference page 001 wins where newer docs differ: tags ≤ 10,
 * description ≤ 512, protocol TCP only). Each rule throws the API's own error code.
 */

/** The request body as a JSON object (`EndPoint.0002` otherwise). */
export function jsonObject(req: ApiRequest): Record<string, unknown> {
    if (req.body.length === 0) throw vpcepError("EndPoint.0002", "The request body is empty.");
    let v: unknown;
    try {
        v = JSON.parse(req.body.toString("utf8"));
    } catch {
        throw vpcepError("EndPoint.0002", "The request body is not valid JSON.");
    }
    if (!v || typeof v !== "object" || Array.isArray(v)) throw vpcepError("EndPoint.0002", "The request body must be a JSON object.");
    return v as Record<string, unknown>;
}

/** A required/optional UUID field; missing → `missing`, malformed → `invalid`. */
export function uuidField(body: Record<string, unknown>, field: string, invalid: VpcepCode, missing?: VpcepCode): string | undefined {
    const v = body[field];
    if (v === undefined || v === null || v === "") {
        if (missing) throw vpcepError(missing, `${field} is required.`);
        return undefined;
    }
    if (!isUuid(v)) throw vpcepError(invalid, `${field} must be a UUID, got ${JSON.stringify(v)}.`);
    return v;
}

/**
 * A boolean field. The strings "true"/"false" are accepted because the API's own example sends
 * `"enable_dns": "false"`.
 */
export function boolField(body: Record<string, unknown>, field: string, fallback: boolean, code: VpcepCode = "EndPoint.0002"): boolean {
    const v = body[field];
    if (v === undefined || v === null) return fallback;
    if (v === true || v === "true") return true;
    if (v === false || v === "false") return false;
    throw vpcepError(code, `${field} must be a boolean, got ${JSON.stringify(v)}.`);
}

/** One of a fixed set of strings. */
export function enumField<T extends string>(
    body: Record<string, unknown>,
    field: string,
    allowed: readonly T[],
    fallback: T | undefined,
    code: VpcepCode = "EndPoint.0002",
): T | undefined {
    const v = body[field];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== "string" || !(allowed as readonly string[]).includes(v))
        throw vpcepError(code, `${field} must be one of ${allowed.join(", ")}, got ${JSON.stringify(v)}.`);
    return v as T;
}

const SERVICE_NAME = /^[A-Za-z0-9_-]{0,16}$/;

/** `service_name`: at most 16 letters, digits, `_` or `-` (`EndPoint.3076`). */
export function serviceName(v: unknown): string | undefined {
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string" || !SERVICE_NAME.test(v)) {
        throw vpcepError("EndPoint.3076", `service_name must be at most 16 letters, digits, underscores or hyphens, got ${JSON.stringify(v)}.`);
    }
    return v;
}

/** `description`: at most 512 characters, without `<` or `>` (`EndPoint.0002`). */
export function description(v: unknown): string {
    if (v === undefined || v === null) return "";
    if (typeof v !== "string") throw vpcepError("EndPoint.0002", "description must be a string.");
    if ([...v].length > 512) throw vpcepError("EndPoint.0002", "description must be at most 512 characters.");
    if (/[<>]/.test(v)) throw vpcepError("EndPoint.0002", "description must not contain < or >.");
    return v;
}

const TAG_FORBIDDEN = /[=*<>\\,|/]/;
/** The most tags one resource can carry. */
export const MAX_TAGS = 10;

/** One tag: key 1–36 and value 0–43 characters, none of `=*<>\,|/`, no leading/trailing space. */
export function tag(v: unknown, i: number): Tag {
    if (!v || typeof v !== "object") throw vpcepError("EndPoint.3066", `tags[${i}] must be an object {key, value}.`);
    const { key, value } = v as Record<string, unknown>;
    if (key === undefined || key === null || key === "") throw vpcepError("EndPoint.3066", `tags[${i}].key must not be empty.`);
    if (typeof key !== "string") throw vpcepError("EndPoint.3068", `tags[${i}].key must be a string.`);
    const val = value ?? "";
    if (typeof val !== "string") throw vpcepError("EndPoint.3068", `tags[${i}].value must be a string.`);
    if ([...key].length > 36) throw vpcepError("EndPoint.3072", `tags[${i}].key must be at most 36 characters.`);
    if ([...val].length > 43) throw vpcepError("EndPoint.3073", `tags[${i}].value must be at most 43 characters.`);
    for (const [what, s] of [
        ["key", key],
        ["value", val],
    ] as const) {
        if (TAG_FORBIDDEN.test(s)) throw vpcepError("EndPoint.3068", `tags[${i}].${what} must not contain any of = * < > \\ , | /.`);
        if (s !== s.trim()) throw vpcepError("EndPoint.3068", `tags[${i}].${what} must not start or end with a space.`);
    }
    return { key, value: val };
}

/** A tag list: at most 10, keys unique. */
export function tags(v: unknown): Tag[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) throw vpcepError("EndPoint.3068", "tags must be an array.");
    if (v.length > MAX_TAGS) throw vpcepError("EndPoint.3069", `at most ${MAX_TAGS} tags are allowed, got ${v.length}.`);
    const out = v.map(tag);
    const seen = new Set<string>();
    for (const t of out) {
        if (seen.has(t.key)) throw vpcepError("EndPoint.3067", `tag key ${JSON.stringify(t.key)} appears twice.`);
        seen.add(t.key);
    }
    return out;
}

/** The most port mappings one request may carry. */
export const MAX_PORTS = 200;

function portNumber(v: unknown, where: string): number {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 65535)
        throw vpcepError("EndPoint.3043", `${where} must be an integer from 1 to 65535, got ${JSON.stringify(v)}.`);
    return v;
}

/**
 * Port mappings: 1–200 of them, ports 1–65535, protocol TCP (default), and no two mappings on
 * the same client port and protocol (mappings may share a server port, as page 004 shows).
 */
export function ports(v: unknown): PortMapping[] {
    if (!Array.isArray(v) || v.length === 0) throw vpcepError("EndPoint.2028", "ports must be a non-empty array.");
    if (v.length > MAX_PORTS) throw vpcepError("EndPoint.3074", `at most ${MAX_PORTS} port mappings are allowed, got ${v.length}.`);
    const out = v.map((p: unknown, i: number): PortMapping => {
        if (!p || typeof p !== "object") throw vpcepError("EndPoint.2028", `ports[${i}] must be an object.`);
        const o = p as Record<string, unknown>;
        if (o.client_port === undefined || o.server_port === undefined) throw vpcepError("EndPoint.2028", `ports[${i}] needs client_port and server_port.`);
        const protocol = o.protocol ?? "TCP";
        if (protocol !== "TCP") throw vpcepError("EndPoint.3075", `ports[${i}].protocol must be TCP, got ${JSON.stringify(o.protocol)}.`);
        return {
            client_port: portNumber(o.client_port, `ports[${i}].client_port`),
            server_port: portNumber(o.server_port, `ports[${i}].server_port`),
            protocol,
        };
    });
    const seen = new Set<string>();
    out.forEach((p, i) => {
        const k = `${p.client_port}/${p.protocol}`;
        if (seen.has(k)) throw vpcepError("EndPoint.3044", `ports[${i}] duplicates client_port ${p.client_port}/${p.protocol}.`);
        seen.add(k);
    });
    return out;
}

/** The most whitelist entries an endpoint can have. */
export const MAX_WHITELIST = 20;

/** Whitelist: IPv4 addresses or CIDRs, at most 20. */
export function whitelist(v: unknown): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) throw vpcepError("EndPoint.2044", "whitelist must be an array of IPv4 addresses or CIDRs.");
    if (v.length > MAX_WHITELIST) throw vpcepError("EndPoint.2045", `at most ${MAX_WHITELIST} whitelist entries are allowed, got ${v.length}.`);
    v.forEach((w: unknown, i: number) => {
        if (!isIPv4OrCidr(w)) throw vpcepError("EndPoint.2044", `whitelist[${i}] ${JSON.stringify(w)} is not an IPv4 address or CIDR.`);
    });
    return [...new Set(v as string[])];
}

/** `limit` (0..max, default 10) and `offset` (≥ 0) from the query. */
export function paging(query: URLSearchParams, max: number): { limit: number; offset: number } {
    const l = query.get("limit");
    const o = query.get("offset");
    const limit = l === null ? 10 : Number(l);
    const offset = o === null ? 0 : Number(o);
    if (!/^\d+$/.test(l ?? "0") || limit > max) throw vpcepError("EndPoint.0006", `limit must be an integer from 0 to ${max}.`);
    if (!/^\d+$/.test(o ?? "0")) throw vpcepError("EndPoint.0010", "offset must be an integer >= 0.");
    return { limit, offset };
}

/**
 * The sort_key values: `create_at` and `update_at` as the API pages and the official SDKs spell
 * them (huaweicloudsdkvpcep/v1/model/list_endpoint_service_request.py: "取值为 create_at …
 * update_at，默认值为create_at"), and `created_at`/`updated_at`, the field names, which this
 * emulator took first.
 */
const SORT_KEYS = new Map<string, "created_at" | "updated_at">([
    ["create_at", "created_at"],
    ["update_at", "updated_at"],
    ["created_at", "created_at"],
    ["updated_at", "updated_at"],
]);

/** Sorting by creation (default) or update time, desc (default) or asc. */
export function sorting(query: URLSearchParams): { key: "created_at" | "updated_at"; dir: "asc" | "desc" } {
    const key = SORT_KEYS.get(query.get("sort_key") ?? "create_at");
    const dir = query.get("sort_dir") ?? "desc";
    if (key === undefined) throw vpcepError("EndPoint.0017", "sort_key must be create_at or update_at.");
    if (dir !== "asc" && dir !== "desc") throw vpcepError("EndPoint.0018", "sort_dir must be asc or desc.");
    return { key, dir };
}

/** Sorts, then cuts one page; `offset >= total` gives an empty page. */
export function page<T>(
    items: T[],
    times: (t: T) => { created: number; updated: number; id: string },
    query: URLSearchParams,
    max: number,
): { items: T[]; total: number } {
    const { limit, offset } = paging(query, max);
    const { key, dir } = sorting(query);
    const sign = dir === "asc" ? 1 : -1;
    // Ties (same millisecond) keep creation order, reversed for desc, so pages never shuffle.
    const sorted = items
        .map((item, index) => ({ item, index, t: times(item) }))
        .sort((a, b) => sign * ((key === "created_at" ? a.t.created - b.t.created : a.t.updated - b.t.updated) || a.index - b.index))
        .map((x) => x.item);
    return { items: sorted.slice(offset, offset + limit), total: sorted.length };
}
