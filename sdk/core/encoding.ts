/**
 * What every request signer here is made of: Huawei Cloud's SDK-HMAC-SHA256, Alibaba Cloud's
 * ACS3-HMAC-SHA256 and the S3 state backend's AWS Signature V4 all percent-encode by RFC 3986 and
 * hash with SHA-256.
 */
import { createHash, createHmac } from "node:crypto";

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 percent-encoding of everything but unreserved characters (UTF-8). */
export function rfc3986Encode(value: string): string {
    let out = "";
    for (const ch of value) {
        if (ch.length === 1 && UNRESERVED.test(ch)) {
            out += ch;
            continue;
        }
        for (const b of Buffer.from(ch, "utf8")) out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return out;
}

/** The SHA-256 of `data`, in lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
    return createHash("sha256").update(data).digest("hex");
}

/** The HMAC-SHA256 of `data` under `key`. */
export function hmacSha256(key: string | Uint8Array, data: string): Buffer {
    return createHmac("sha256", key).update(data).digest();
}
