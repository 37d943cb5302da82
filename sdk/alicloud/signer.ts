/**
 * Alibaba Cloud V3 request signing (`ACS3-HMAC-SHA256`), from the "V3 request structure and
 * signature" document; byte-equal to `@alicloud/openapi-util` (checked in tests):
 *
 *   CanonicalRequest = METHOD \n "/" \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(SHA256(body))
 *   StringToSign     = "ACS3-HMAC-SHA256" \n hex(SHA256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(AccessKeySecret, StringToSign))
 *
 * Signed headers are `host`, `content-type` and every `x-acs-*` header, as the official SDKs sign.
 */
import { createHmac } from "node:crypto";
import { rfc3986Encode, sha256Hex } from "../core/encoding";

export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** RPC parameters before flattening: scalars, arrays (`Key.N`) and objects in arrays (`Key.N.Sub`). */
export type RpcValue = string | number | boolean | undefined | null | RpcValue[] | { [k: string]: RpcValue };
export type RpcParams = Record<string, RpcValue>;

/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - _ . ~` (sdk/core/encoding.ts). */
export const acsPercentEncode = rfc3986Encode;

/** Flattens arrays and objects the RPC way: `Zone.1.VSwitchId`, `SecurityGroupId.2`. Undefined/null are dropped. */
export function flattenParams(params: RpcParams, prefix = "", out: Record<string, string> = {}): Record<string, string> {
    for (const [k, v] of Object.entries(params)) flattenValue(prefix + k, v, out);
    return out;
}

function flattenValue(key: string, v: RpcValue, out: Record<string, string>): void {
    if (v === undefined || v === null) return;
    if (Array.isArray(v)) {
        v.forEach((item, i) => {
            flattenValue(`${key}.${i + 1}`, item, out);
        });
    } else if (typeof v === "object") flattenParams(v, `${key}.`, out);
    else out[key] = String(v);
}

/** Sorted `name=enc(value)` pairs joined by `&` (used for both the URL and the signature). */
export function canonicalQuery(query: Record<string, string>): string {
    return Object.keys(query)
        .sort()
        .map((k) => `${acsPercentEncode(k)}=${acsPercentEncode(query[k]!)}`)
        .join("&");
}

export { sha256Hex } from "../core/encoding";

export interface Acs3Request {
    method: string;
    /** `/` for RPC APIs. */
    pathname: string;
    query: Record<string, string>;
    /** Every header to send; names of signed ones are matched case-insensitively. */
    headers: Record<string, string>;
    /** hex(SHA-256(body)), also sent as `x-acs-content-sha256`. */
    payloadHash: string;
}

function signedHeaderMap(headers: Record<string, string>): Map<string, string> {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(headers)) {
        const lower = k.toLowerCase();
        if (lower === "host" || lower === "content-type" || lower.startsWith("x-acs-")) m.set(lower, v.trim());
    }
    return m;
}

export function canonicalRequest(req: Acs3Request): { canonical: string; signedHeaders: string } {
    const h = signedHeaderMap(req.headers);
    const names = [...h.keys()].sort();
    const canonicalHeaders = names.map((n) => `${n}:${h.get(n)}\n`).join("");
    const signedHeaders = names.join(";");
    return { canonical: [req.method, req.pathname, canonicalQuery(req.query), canonicalHeaders, signedHeaders, req.payloadHash].join("\n"), signedHeaders };
}

/** The `Authorization` header value. */
export function acs3Authorization(req: Acs3Request, accessKeyId: string, accessKeySecret: string): string {
    const { canonical, signedHeaders } = canonicalRequest(req);
    const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonical)}`;
    const signature = createHmac("sha256", accessKeySecret).update(stringToSign).digest("hex");
    return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

/** `2023-10-26T10:22:32Z`. */
export function formatAcsDate(d: Date): string {
    return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
