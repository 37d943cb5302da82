import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { encodedSortedPairs, rfc3986, safeDecode } from "./percent-encoding";

/**
 * Alibaba Cloud request signatures, verified from the signing documents (not from any client):
 *
 * - V3 `ACS3-HMAC-SHA256`: the canonical request is rebuilt over exactly the headers the client
 *   lists in `SignedHeaders`, the canonical URI is the path (`/` for RPC APIs), the query is
 *   re-canonicalised from the raw query string, and `x-acs-content-sha256` must be the SHA-256
 *   of the exact body bytes received.
 * - V1 RPC `HMAC-SHA1`: every query and form parameter except `Signature`, sorted and encoded,
 *   `METHOD&%2F&enc(canonicalized)`, keyed with `secret + "&"`, Base64.
 */

export const ACS3 = "ACS3-HMAC-SHA256";

/**
 * `a=1&b=2` as sent → decoded pairs. A `+` is a space, as the cloud's gateway reads it: the
 * official Python SDK sends its query through `urllib.parse.urlencode` (darabonba/core.py
 * `compose_url`), which writes spaces as `+` and a literal plus as `%2B`, while it signs the
 * value with spaces as `%20` (alibabacloud_tea_openapi/utils.py `get_canonical_query_string`).
 */
export function rawPairs(raw: string): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    const decode = (s: string) => safeDecode(s.replace(/\+/g, " "));
    for (const part of raw.split("&")) {
        if (part === "") continue;
        const eq = part.indexOf("=");
        out.push(eq < 0 ? [decode(part), ""] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
    }
    return out;
}

/** Form bodies decode `+` as a space (application/x-www-form-urlencoded). */
export function formPairs(body: string): Array<[string, string]> {
    return [...new URLSearchParams(body).entries()];
}

export interface ParsedAcs3 {
    accessKeyId: string;
    signedHeaders: string[];
    signature: string;
}

/** `ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=a;b,Signature=hex`; undefined when malformed. */
export function parseAcs3Authorization(value: string | undefined): ParsedAcs3 | undefined {
    if (!value || !value.trim().startsWith(`${ACS3} `)) return undefined;
    const fields = new Map<string, string>();
    for (const part of value
        .trim()
        .slice(ACS3.length + 1)
        .split(",")) {
        const eq = part.indexOf("=");
        if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
    }
    const accessKeyId = fields.get("Credential");
    const signed = fields.get("SignedHeaders");
    const signature = fields.get("Signature");
    if (!accessKeyId || !signed || !signature) return undefined;
    return { accessKeyId, signedHeaders: signed.split(";").map((h) => h.trim().toLowerCase()), signature: signature.toLowerCase() };
}

function headerValue(h: IncomingHttpHeaders, name: string): string | undefined {
    const v = h[name];
    return Array.isArray(v) ? v.join(",") : v;
}

/** The V3 string to sign for a request as received (signed headers taken from the header). */
export function acs3StringToSign(
    req: { method: string; rawPath: string; rawQuery: string; headers: IncomingHttpHeaders },
    signedHeaders: string[],
    payloadHash: string,
): string {
    const sorted = [...signedHeaders].sort();
    const canonicalHeaders = sorted.map((n) => `${n}:${(headerValue(req.headers, n) ?? "").trim()}\n`).join("");
    const uri = req.rawPath === "" ? "/" : req.rawPath;
    const canonicalRequest = [req.method, uri, encodedSortedPairs(rawPairs(req.rawQuery)), canonicalHeaders, sorted.join(";"), payloadHash].join("\n");
    return `${ACS3}\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
}

export function acs3Signature(secret: string, stringToSign: string): string {
    return createHmac("sha256", secret).update(stringToSign).digest("hex");
}

/** V1: `Base64(HMAC-SHA1(secret + "&", METHOD&%2F&enc(sorted params)))`. */
export function v1Signature(method: string, params: Array<[string, string]>, secret: string): string {
    const canonical = encodedSortedPairs(params);
    const stringToSign = `${method}&${rfc3986("/")}&${rfc3986(canonical)}`;
    return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}

/** Constant-time string comparison. */
export function sameSecretText(a: string, b: string): boolean {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
}

/** `2023-10-26T10:22:32Z` (also accepts fractional seconds); NaN when malformed. */
export function parseAcsTime(s: string | undefined): number {
    if (!s || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s)) return NaN;
    return Date.parse(s);
}
