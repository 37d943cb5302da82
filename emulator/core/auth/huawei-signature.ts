import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { encodedSortedPairs, rfc3986, safeDecode } from "./percent-encoding";

/**
 * Huawei Cloud `SDK-HMAC-SHA256` (AK/SK) verification, written from the signing guide, not from
 * any client: the canonical request is rebuilt over exactly the headers the client lists in
 * `SignedHeaders` (the Node SDK signs content-type, the Go SDK does not), the canonical URI
 * always ends in `/`, and the body hash is over the exact bytes received.
 */

export const ALGORITHM = "SDK-HMAC-SHA256";

/** The parsed `Authorization` header. */
export interface ParsedAuthorization {
    accessKey: string;
    signedHeaders: string[];
    signature: string;
}

/** Parses `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`; undefined if malformed. */
export function parseAuthorization(value: string | undefined): ParsedAuthorization | undefined {
    if (!value) return undefined;
    const trimmed = value.trim();
    if (!trimmed.startsWith(`${ALGORITHM} `)) return undefined;
    const fields = new Map<string, string>();
    for (const part of trimmed.slice(ALGORITHM.length + 1).split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const accessKey = fields.get("Access");
    const signed = fields.get("SignedHeaders");
    const signature = fields.get("Signature");
    if (!accessKey || !signed || !signature) return undefined;
    return { accessKey, signedHeaders: signed.split(";").map((h) => h.trim().toLowerCase()), signature };
}

/** Each path segment re-encoded, with the trailing slash the algorithm always adds. */
export function canonicalUri(rawPath: string): string {
    const uri = rawPath
        .split("/")
        .map((seg) => rfc3986(safeDecode(seg)))
        .join("/");
    return uri.endsWith("/") ? uri : `${uri}/`;
}

/** Parameters sorted by name then value, each side RFC 3986-encoded, joined by `&`. */
export function canonicalQuery(rawQuery: string): string {
    const pairs: Array<[string, string]> = [];
    for (const part of rawQuery.split("&")) {
        if (part === "") continue;
        const eq = part.indexOf("=");
        const name = safeDecode(eq < 0 ? part : part.slice(0, eq));
        const value = eq < 0 ? "" : safeDecode(part.slice(eq + 1));
        pairs.push([name, value]);
    }
    return encodedSortedPairs(pairs);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
    const v = headers[name];
    if (v === undefined) return undefined;
    return (Array.isArray(v) ? v.join(",") : v).trim();
}

/** Everything needed to rebuild the canonical request. */
export interface SignedRequest {
    method: string;
    rawPath: string;
    rawQuery: string;
    headers: IncomingHttpHeaders;
    body: Buffer;
}

/** Builds the canonical request; undefined when a signed header is missing from the request. */
export function canonicalRequest(req: SignedRequest, signedHeaders: string[]): string | undefined {
    const names = [...signedHeaders].sort();
    let canonicalHeaders = "";
    for (const name of names) {
        const v = headerValue(req.headers, name);
        if (v === undefined) return undefined;
        canonicalHeaders += `${name}:${v}\n`;
    }
    // A client may declare the payload hash (X-Sdk-Content-Sha256, e.g. UNSIGNED-PAYLOAD for streams).
    const declared = headerValue(req.headers, "x-sdk-content-sha256");
    const payloadHash = declared ?? createHash("sha256").update(req.body).digest("hex");
    return [req.method, canonicalUri(req.rawPath), canonicalQuery(req.rawQuery), canonicalHeaders, names.join(";"), payloadHash].join("\n");
}

/** hex(HMAC-SHA256(SK, "SDK-HMAC-SHA256\n" + date + "\n" + hex(SHA256(canonical)))). */
export function signature(secretKey: string, sdkDate: string, canonical: string): string {
    const stringToSign = `${ALGORITHM}\n${sdkDate}\n${createHash("sha256").update(canonical).digest("hex")}`;
    return createHmac("sha256", secretKey).update(stringToSign).digest("hex");
}

/** Parses `YYYYMMDDTHHMMSSZ` to epoch ms; undefined when malformed. */
export function parseSdkDate(value: string | undefined): number | undefined {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
    if (!m) return undefined;
    const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    return Number.isNaN(ms) ? undefined : ms;
}

/** The 15-minute window the API gateway allows between X-Sdk-Date and its own clock. */
export const DATE_WINDOW_MS = 15 * 60 * 1000;

/** Outcome of verifying one request. */
export type VerifyResult = { ok: true; accessKey: string } | { ok: false; reason: string };

/**
 * Verifies a request's AK/SK signature. `secretFor` maps an access key to its secret key
 * (undefined for unknown keys).
 */
export function verifySignature(req: SignedRequest, now: number, secretFor: (ak: string) => string | undefined): VerifyResult {
    const auth = parseAuthorization(headerValue(req.headers, "authorization"));
    if (!auth) return { ok: false, reason: "Authorization header is missing or not SDK-HMAC-SHA256" };
    const secret = secretFor(auth.accessKey);
    if (secret === undefined) return { ok: false, reason: `access key ${auth.accessKey} does not exist` };
    if (!auth.signedHeaders.includes("x-sdk-date")) return { ok: false, reason: "x-sdk-date must be a signed header" };
    const sdkDate = headerValue(req.headers, "x-sdk-date");
    const when = parseSdkDate(sdkDate);
    if (when === undefined) return { ok: false, reason: "X-Sdk-Date must be YYYYMMDDTHHMMSSZ" };
    if (Math.abs(now - when) > DATE_WINDOW_MS) return { ok: false, reason: "X-Sdk-Date is more than 15 minutes away from the server time" };
    const canonical = canonicalRequest(req, auth.signedHeaders);
    if (canonical === undefined) return { ok: false, reason: "a header listed in SignedHeaders is missing" };
    const expected = Buffer.from(signature(secret, sdkDate!, canonical), "utf8");
    const given = Buffer.from(auth.signature.toLowerCase(), "utf8");
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "verify aksk signature fail" };
    return { ok: true, accessKey: auth.accessKey };
}
