/**
 * The Alibaba Cloud client for RPC-style APIs (PrivateLink, PrivateZone): what is Alibaba's own — credentials,
 * endpoints, the error classifier — and `call()`, which every operation goes through: flatten
 * the parameters, sign each attempt afresh with V3 `ACS3-HMAC-SHA256` (new date and nonce),
 * send, classify, retry (Alibaba's throttling and busy codes too). Retries, pacing, the watchers
 * and the per-process cache are the shared ones of core/client-base.ts and core/client-cache.ts.
 */
import type { z } from "zod";
import { type ClientBaseConfig, CloudClient, isRegionId, normalizeBaseUrl } from "../core/client-base";
import { ClientCache, clientKey, isIsolated } from "../core/client-cache";
import type { CodeTable } from "../core/errors";
import { parseResponse } from "../core/schema";
import { AlibabaCredentials } from "./credentials";
import { alibabaClassifier } from "./errors";
import { canonicalQuery, flattenParams, type RpcParams } from "./signer";

export type AlibabaService = "privatelink" | "pvtz" | (string & {});

/**
 * Services answered at one host for every region. PrivateZone: the official SDK's endpoint map
 * (alibabacloud_pvtz20180101 `client.py`, `_endpoint_map`) names `pvtz.aliyuncs.com` for the
 * regions it lists, and the API pages' examples call it there.
 */
const CENTRAL_ENDPOINTS: Partial<Record<AlibabaService, string>> = { pvtz: "pvtz.aliyuncs.com" };

/** Retries, pacing, timeouts, waiter delays, clock, logger and dispatcher are the shared ones of `ClientBaseConfig`. */
export interface AlibabaClientConfig extends ClientBaseConfig {
    /** Region id, e.g. `cn-hangzhou`. */
    region: string;
    accessKeyId?: string;
    accessKeySecret?: string;
    /** STS token for temporary credentials. */
    securityToken?: string;
    credentials?: AlibabaCredentials;
    /** Per-service base URLs, e.g. `{ privatelink: "http://127.0.0.1:8080" }`. */
    endpoints?: Partial<Record<AlibabaService, string>>;
}

/** One RPC action as the operation functions describe it to `call()`. */
export interface RpcCall {
    service: AlibabaService;
    /** For errors and logs: "privatelink". */
    api: string;
    version: string;
    /** The action name: "CreateVpcEndpoint". */
    action: string;
    params: RpcParams;
    /**
     * Whether repeating is harmless: reads, deletes, and creates that carry a ClientToken (the
     * cloud returns the first result for a repeated token). Default false.
     */
    idempotent?: boolean;
    errors: CodeTable;
    /** Codes this API answers while a resource is transitional; retried. */
    busyCodes?: readonly string[];
    /** Whether the action takes `RegionId` (added from the client's region). Default true. */
    regional?: boolean;
    signal?: AbortSignal;
}

/**
 * Base URL without a trailing slash: the override, the service's one host (`https://pvtz.aliyuncs.com`),
 * or `https://{service}.{region}.aliyuncs.com`.
 */
export function resolveAlibabaEndpoint(service: AlibabaService, region: string, endpoints?: Partial<Record<AlibabaService, string>>): string {
    const override = endpoints?.[service];
    if (override) return normalizeBaseUrl(override);
    const central = CENTRAL_ENDPOINTS[service];
    if (central) return `https://${central}`;
    if (!isRegionId(region)) throw new Error(`invalid Alibaba Cloud region "${region}" (expected e.g. cn-hangzhou)`);
    return `https://${service}.${region}.aliyuncs.com`;
}

/** The configured credentials, or access keys built from the configuration's fields. */
export function alibabaCredentials(c: AlibabaClientConfig): AlibabaCredentials {
    if (c.credentials) return c.credentials;
    if (!c.accessKeyId || !c.accessKeySecret) throw new Error("no Alibaba Cloud credentials: set accessKeyId and accessKeySecret");
    return new AlibabaCredentials(c.accessKeyId, c.accessKeySecret, c.securityToken);
}

/** A client for one region with one set of access keys; see `getAlibabaClient` for the shared one. */
export class AlibabaClient extends CloudClient<AlibabaCredentials> {
    constructor(config: AlibabaClientConfig) {
        super(config, alibabaCredentials(config));
    }

    endpoint(service: AlibabaService): string {
        return resolveAlibabaEndpoint(service, this.region, this.endpointOverrides);
    }

    /** Calls an action (RegionId added unless the API has none) and parses its JSON answer leniently with `schema`. */
    async call<S extends z.ZodType>(op: RpcCall, schema: S): Promise<z.infer<S>> {
        const base = this.endpoint(op.service);
        const query = flattenParams(op.regional === false ? op.params : { RegionId: this.region, ...op.params });
        const qs = canonicalQuery(query);
        const url = `${base}/${qs ? `?${qs}` : ""}`;
        const host = new URL(base).host;
        const creds = this.credentials;
        const clock = this.clock;
        const res = await this.send(base, {
            api: op.api,
            operation: op.action,
            method: "POST",
            url,
            idempotent: op.idempotent ?? false,
            signal: op.signal,
            // Every action is a POST: reads are told by their names.
            priority: /^(List|Get|Describe|Check)/.test(op.action) ? "read" : "write",
            classify: alibabaClassifier(op.api, op.action, op.errors, op.busyCodes ?? []),
            headers: (attempt) => {
                const signed = creds.sign({ method: "POST", host, action: op.action, version: op.version, query, body: "" }, new Date(clock.now()));
                // undici sets Host from the URL (the same value that was signed).
                const { host: _host, ...rest } = signed;
                return { ...rest, "x-client-attempt": String(attempt), accept: "application/json" };
            },
        });
        return parseResponse(schema, res, op.api, op.action);
    }
}

const clients = new ClientCache<AlibabaClient, Record<string, never>>();

/**
 * A client shared by every caller in the process with the same configuration (so watchers and
 * the retry budget are shared). Configurations with injected clocks, loggers, budgets,
 * dispatchers or pacers get a fresh one.
 */
export function getAlibabaClient(config: AlibabaClientConfig): AlibabaClient {
    if (isIsolated(config)) return new AlibabaClient(config);
    const credentials = alibabaCredentials(config);
    return clients.get(clientKey(config, credentials, {}), () => new AlibabaClient({ ...config, credentials }));
}
