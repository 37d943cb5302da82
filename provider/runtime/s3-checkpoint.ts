/**
 * A stack's checkpoint read straight from an S3 backend (`s3://bucket?endpoint=…`), with one
 * signed GET, instead of starting `pulumi stack export` (a second CLI process that loads the
 * backend, lists it and prints the whole state: 0.2 s unloaded, seconds on a loaded machine).
 *
 * What is read, and how the URL is understood, follows the CLI 3.259's diy backend and the
 * gocloud.dev v0.46 s3blob driver it opens buckets with (pkg/v3/backend/diy/backend.go,
 * gocloud.dev/blob/s3blob/s3blob.go, gocloud.dev/aws/aws.go):
 * - the bucket is the URL's host; `prefix` puts every key under a prefix;
 * - `endpoint` is the server (a scheme-less one gets `http://` when `disableSSL` or `disable_https`
 *   is true, else `https://`, as the CLI's translation of the older parameters does); without it,
 *   AWS's regional endpoint;
 * - `use_path_style` / `s3ForcePathStyle` put the bucket in the path, else in the host name;
 * - the region is the `region` parameter, else AWS_REGION, else AWS_DEFAULT_REGION.
 * The keys are the CLI's: `.pulumi/stacks/<project>/<stack>.json` (or `.json.gz`), or the older
 * `.pulumi/stacks/<stack>.json`.
 *
 * Only what can be known without the AWS SDK is read here: credentials in AWS_ACCESS_KEY_ID,
 * AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), and a URL whose every parameter is one of the
 * above. Anything else (a profile, a role, SSO, an endpoint set in the environment) leaves the read
 * to the CLI, as does any answer but 200 or 404.
 */
import { createHmac } from "node:crypto";
import * as http from "node:http";
import * as https from "node:https";
import { hmacSha256, rfc3986Encode, sha256Hex } from "../../sdk/core/encoding";

/** Where the objects of an S3 backend are, and how to sign a request for them. */
export interface S3Backend {
    /** The bucket's base URL, without a trailing slash: `http://127.0.0.1:9000/state` (path style) or `https://state.s3.eu-west-1.amazonaws.com`. */
    base: string;
    /** Prefixed to every key (the URL's `prefix` parameter). */
    prefix: string;
    region: string;
    credentials: S3Credentials;
}

export interface S3Credentials {
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken?: string;
}

/** The parameters understood here; any other one leaves the read to the CLI. */
const KNOWN = new Set([
    "endpoint",
    "region",
    "prefix",
    "use_path_style",
    "s3ForcePathStyle",
    "disable_https",
    "disableSSL",
    "awssdk",
    // Checksums of uploads and downloads: nothing to do for a plain GET.
    "request_checksum_calculation",
    "response_checksum_validation",
]);

const truthy = (v: string | null) => v !== null && /^(1|t|true)$/i.test(v);

/** The S3 backend a backend URL names, or undefined when it is not one this module can read. */
export function s3BackendOf(url: string | undefined, env: NodeJS.ProcessEnv): S3Backend | undefined {
    if (!url?.startsWith("s3://")) return undefined;
    let u: URL;
    try {
        u = new URL(url);
    } catch {
        return undefined;
    }
    const q = u.searchParams;
    if ([...q.keys()].some((k) => !KNOWN.has(k))) return undefined;
    // Where the AWS SDK would go instead of the default endpoint, or a path this reading does not know.
    if (!q.get("endpoint") && (env.AWS_ENDPOINT_URL || env.AWS_ENDPOINT_URL_S3 || env.AWS_USE_FIPS_ENDPOINT || env.AWS_USE_DUALSTACK_ENDPOINT))
        return undefined;
    if (u.pathname !== "" && u.pathname !== "/") return undefined;
    const bucket = decodeURIComponent(u.hostname);
    const region = q.get("region") || env.AWS_REGION || env.AWS_DEFAULT_REGION;
    const accessKeyId = env.AWS_ACCESS_KEY_ID;
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
    if (!bucket || !region || !accessKeyId || !secretAccessKey) return undefined;
    const pathStyle = truthy(q.get("use_path_style")) || truthy(q.get("s3ForcePathStyle"));
    let endpoint = q.get("endpoint");
    if (endpoint && !endpoint.includes("://")) {
        endpoint = `${truthy(q.get("disableSSL")) || truthy(q.get("disable_https")) ? "http" : "https"}://${endpoint}`;
    }
    let server: URL;
    try {
        server = new URL(endpoint || `https://s3.${region}.amazonaws.com`);
    } catch {
        return undefined;
    }
    const origin = `${server.protocol}//${server.host}`;
    const base = pathStyle ? `${origin}${server.pathname.replace(/\/$/, "")}/${encodeKey(bucket)}` : `${server.protocol}//${bucket}.${server.host}`;
    const credentials: S3Credentials = { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN || undefined };
    return { base, prefix: q.get("prefix") ?? "", region, credentials };
}

/** A key as S3 signs it in a path: each segment URI-encoded (RFC 3986 unreserved characters kept), `/` kept. */
export function encodeKey(key: string): string {
    return key.split("/").map(rfc3986Encode).join("/");
}

/**
 * The headers that sign a request with AWS Signature Version 4 (service `s3`, the payload's hash
 * sent in `x-amz-content-sha256`), added to `headers`: `authorization`, `x-amz-date`,
 * `x-amz-content-sha256` and, with a session token, `x-amz-security-token`. `url` is already
 * encoded (as encodeKey does); its query, if any, is signed in sorted order.
 */
export function signV4(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Buffer,
    region: string,
    credentials: S3Credentials,
    now: Date = new Date(),
): Record<string, string> {
    const u = new URL(url);
    const amzDate = now
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
    const day = amzDate.slice(0, 8);
    const out: Record<string, string> = { ...headers, host: u.host, "x-amz-date": amzDate, "x-amz-content-sha256": sha256Hex(body) };
    if (credentials.sessionToken) out["x-amz-security-token"] = credentials.sessionToken;
    const names = Object.keys(out)
        .map((k) => k.toLowerCase())
        .sort();
    const lower = Object.fromEntries(Object.entries(out).map(([k, v]) => [k.toLowerCase(), v.trim().replace(/\s+/g, " ")]));
    const query = [...u.searchParams.entries()]
        .map(([k, v]) => [encodeKey(k), encodeKey(v)] as const)
        .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join("&");
    const canonical = [method, u.pathname || "/", query, ...names.map((n) => `${n}:${lower[n]}`), "", names.join(";"), out["x-amz-content-sha256"]].join("\n");
    const scope = `${day}/${region}/s3/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonical)].join("\n");
    const key = hmacSha256(hmacSha256(hmacSha256(hmacSha256(`AWS4${credentials.secretAccessKey}`, day), region), "s3"), "aws4_request");
    const signature = createHmac("sha256", key).update(toSign).digest("hex");
    out.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
    return out;
}

/** A signed request to an S3 backend: its status and body. Rejects on a network error or after `timeoutMs`. */
export function s3Request(
    backend: S3Backend,
    method: "GET" | "PUT" | "DELETE",
    key: string,
    body: string | Buffer = "",
    timeoutMs = 10_000,
): Promise<{ status: number; body: Buffer }> {
    const url = `${backend.base}/${encodeKey(backend.prefix + key)}`;
    const headers = signV4(method, url, body.length ? { "content-length": String(Buffer.byteLength(body)) } : {}, body, backend.region, backend.credentials);
    return new Promise((resolve, reject) => {
        const req = (url.startsWith("https:") ? https : http).request(url, { method, headers, timeout: timeoutMs }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
            res.on("error", reject);
        });
        req.on("timeout", () => req.destroy(new Error(`${method} ${url}: no answer within ${timeoutMs} ms`)));
        req.on("error", reject);
        req.end(body);
    });
}
