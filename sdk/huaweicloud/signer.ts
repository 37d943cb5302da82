/**
 * Huawei Cloud `SDK-HMAC-SHA256` request signing (AK/SK), byte-equal to the official
 * `@huaweicloud/huaweicloud-sdk-core` AKSKSigner for the requests this client sends:
 *
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n hex(SHA256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(SHA256(CanonicalRequest))
 *   Authorization    = SDK-HMAC-SHA256 Access=AK, SignedHeaders=…, Signature=hex(HMAC-SHA256(SK, StringToSign))
 *
 * Like the official Node SDK it signs every header present at signing time plus `host` and
 * `X-Sdk-Date`. Two deliberate choices where the official SDK is looser:
 *  - header values are trimmed (the spec says trim; HTTP strips surrounding whitespace in
 *    transit anyway, so an untrimmed signature could never verify);
 *  - canonical headers are sorted by code unit (the official SDK sorts signed names by code
 *    unit but canonical lines with `localeCompare`; for header names of letters, digits and
 *    `-` the two orders agree, and the property test checks that).
 */
import { createHmac } from "node:crypto";
import { rfc3986Encode, sha256Hex } from "../core/encoding";

export type QueryValue = string | number | boolean;
export type QueryParams = Record<string, QueryValue | readonly QueryValue[] | undefined>;

export interface SignableRequest {
    method: string;
    /** scheme://host[:port]/path — the wire path, already percent-encoded; no query string. */
    url: string;
    query?: QueryParams;
    headers: Record<string, string>;
    /** The exact body bytes that will be sent (a string is hashed as UTF-8). */
    body?: string | Uint8Array;
}

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

export { rfc3986Encode, sha256Hex } from "../core/encoding";

/** Each `/`-separated segment of the wire path encoded again, always ending in "/". */
export function canonicalUri(path: string): string {
    const p = path.split("/").map(rfc3986Encode).join("/");
    return p.endsWith("/") ? p : `${p}/`;
}

function queryEntries(query: QueryParams | undefined): Array<[string, string[]]> {
    if (!query) return [];
    const keys = Object.keys(query).filter((k) => query[k] !== undefined);
    keys.sort(); // code-unit order of the raw names, as the official SDK does
    return keys.map((k) => {
        const v = query[k]!;
        const values = (Array.isArray(v) ? [...(v as readonly QueryValue[])] : [v as QueryValue]).map(String);
        if (Array.isArray(v)) values.sort();
        return [k, values];
    });
}

/** Sorted, RFC 3986-encoded; used both for signing and for the wire, so the two always agree. */
export function canonicalQuery(query: QueryParams | undefined): string {
    const parts: string[] = [];
    for (const [k, values] of queryEntries(query)) for (const v of values) parts.push(`${rfc3986Encode(k)}=${rfc3986Encode(v)}`);
    return parts.join("&");
}

/** 20191115T033655Z */
export function formatSdkDate(date: Date): string {
    return date
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
}

function hostOf(url: string): { host: string; path: string } {
    const u = new URL(url);
    // The wire path exactly as given (URL.pathname would be the same for the strictly encoded
    // paths this client builds; taking it from the string avoids any normalisation).
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url);
    return { host: u.host, path: m?.[1] || "/" };
}

export interface SigningResult {
    /** The request headers plus `host`, `X-Sdk-Date` (if it was missing) and `Authorization`. */
    headers: Record<string, string>;
    canonicalRequest: string;
    stringToSign: string;
    signedHeaders: string;
}

function findHeader(headers: Record<string, string>, name: string): string | undefined {
    const lower = name.toLowerCase();
    for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
    return undefined;
}

export function payloadSha256(body: string | Uint8Array | undefined): string {
    return body === undefined || body.length === 0 ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

/** Every header given is signed (lower-cased names, trimmed values, code-unit order). */
export function buildCanonicalRequest(
    method: string,
    path: string,
    query: QueryParams | undefined,
    signed: Record<string, string>,
    payloadHash: string,
): { canonicalRequest: string; signedHeaders: string } {
    const lines = Object.entries(signed)
        .map(([k, v]) => [k.toLowerCase(), String(v).trim()] as const)
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const signedHeaders = lines.map(([k]) => k).join(";");
    const canonicalHeaders = lines.map(([k, v]) => `${k}:${v}\n`).join("");
    const canonicalRequest = [method.toUpperCase(), canonicalUri(path), canonicalQuery(query), canonicalHeaders, signedHeaders, payloadHash].join("\n");
    return { canonicalRequest, signedHeaders };
}

export function buildStringToSign(sdkDate: string, canonicalRequest: string): string {
    return [SIGNING_ALGORITHM, sdkDate.trim(), sha256Hex(canonicalRequest)].join("\n");
}

export function hmacSha256Hex(key: string, data: string): string {
    return createHmac("sha256", key).update(data).digest("hex");
}

/**
 * Signs a request. `date` is used only when the request carries no `X-Sdk-Date` header.
 * The secret key is passed in for the duration of the call only.
 */
export function signRequest(req: SignableRequest, accessKey: string, secretKey: string, date: Date = new Date()): SigningResult {
    const { host, path } = hostOf(req.url);
    const all: Record<string, string> = { ...req.headers };
    let sdkDate = findHeader(all, "X-Sdk-Date");
    if (sdkDate === undefined) {
        sdkDate = formatSdkDate(date);
        all["X-Sdk-Date"] = sdkDate;
    }
    if (findHeader(all, "host") === undefined) all.host = host;
    delete all.Authorization;
    delete all.authorization;

    const contentSha = findHeader(all, "X-Sdk-Content-Sha256");
    const payloadHash = contentSha ?? payloadSha256(req.body);
    const { canonicalRequest, signedHeaders } = buildCanonicalRequest(req.method, path, req.query, all, payloadHash);
    const stringToSign = buildStringToSign(sdkDate, canonicalRequest);
    const signature = hmacSha256Hex(secretKey, stringToSign);
    all.Authorization = `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return { headers: all, canonicalRequest, stringToSign, signedHeaders };
}
