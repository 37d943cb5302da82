/**
 * Signed Alibaba Cloud RPC requests made with the official `@alicloud/openapi-util` signer (the
 * independent oracle): V3 `ACS3-HMAC-SHA256` or V1 `HMAC-SHA1`. Tests use it to talk to the
 * emulator without our sdk, e.g. for out-of-band changes.
 */
import { createHash, randomUUID } from "node:crypto";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenApiUtil = require("@alicloud/openapi-util").default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const $tea = require("@alicloud/tea-typescript");

export interface AlicloudCreds {
    accessKeyId: string;
    accessKeySecret: string;
}

export interface RpcOptions {
    version?: string;
    signature?: "v3" | "v1";
    /** V1 only: parameters in a form body instead of the query. */
    form?: boolean;
    /** Fixed time/nonce (for replay and expiry tests). */
    date?: Date;
    nonce?: string;
    /** Tamper with the request after signing. */
    mutate?: (r: { query: Record<string, string>; headers: Record<string, string>; body: string }) => void;
}

export interface RpcResult {
    status: number;
    body: any;
}

/** RFC 3986 (the oracle's own encode). */
export function acsEncode(s: string): string {
    return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const acsDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** `{Zone: [{ZoneId: "a"}]}` → `{"Zone.1.ZoneId": "a"}` (the oracle's flattening). */
export function flatten(params: Record<string, unknown>): Record<string, string> {
    return OpenApiUtil.query(params) as Record<string, string>;
}

export async function rpc(url: string, creds: AlicloudCreds, action: string, params: Record<string, unknown>, opts: RpcOptions = {}): Promise<RpcResult> {
    const version = opts.version ?? "2020-04-15";
    const date = opts.date ?? new Date();
    const nonce = opts.nonce ?? randomUUID();
    const host = new URL(url).host;
    let query: Record<string, string> = flatten(params);
    let headers: Record<string, string> = {};
    let body = "";
    if ((opts.signature ?? "v3") === "v3") {
        headers = {
            host,
            "x-acs-action": action,
            "x-acs-version": version,
            "x-acs-date": acsDate(date),
            "x-acs-signature-nonce": nonce,
            "x-acs-content-sha256": createHash("sha256").update("").digest("hex"),
        };
        const req = new $tea.Request();
        req.method = "POST";
        req.pathname = "/";
        req.query = query;
        req.headers = headers;
        headers.authorization = OpenApiUtil.getAuthorization(
            req,
            "ACS3-HMAC-SHA256",
            headers["x-acs-content-sha256"],
            creds.accessKeyId,
            creds.accessKeySecret,
        );
    } else {
        const all: Record<string, string> = {
            ...query,
            Action: action,
            Version: version,
            Format: "JSON",
            AccessKeyId: creds.accessKeyId,
            SignatureMethod: "HMAC-SHA1",
            SignatureVersion: "1.0",
            SignatureNonce: nonce,
            Timestamp: acsDate(date),
        };
        all.Signature = OpenApiUtil.getRPCSignature(all, "POST", creds.accessKeySecret);
        if (opts.form) {
            query = {};
            body = Object.entries(all)
                .map(([k, v]) => `${acsEncode(k)}=${acsEncode(v)}`)
                .join("&");
            headers["content-type"] = "application/x-www-form-urlencoded";
        } else query = all;
    }
    opts.mutate?.({ query, headers, body });
    const qs = Object.keys(query)
        .sort()
        .map((k) => `${acsEncode(k)}=${acsEncode(query[k]!)}`)
        .join("&");
    const { host: _h, ...sendHeaders } = headers;
    const res = await fetch(`${url}/${qs ? `?${qs}` : ""}`, { method: "POST", headers: sendHeaders, body: body || undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
