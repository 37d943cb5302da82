/**
 * The Alibaba Cloud client for RPC-style APIs (PrivateLink): configuration, credentials,
 * endpoints, and `call()`, which every operation goes through — flatten the parameters, sign
 * each attempt afresh with V3 `ACS3-HMAC-SHA256` (new date and nonce), send, classify, retry
 * (shared policy and budget, plus Alibaba's throttling and busy codes). It also owns the
 * per-(client, resource kind) watchers.
 */
import { parseResponse } from "../core/schema";
import { inspect } from "node:util";
import type { Dispatcher } from "undici";
import type { z } from "zod";
import { realClock, type Clock, type Random } from "../core/clock";
import type { CodeTable } from "../core/errors";
import { execute, type HttpContext, type HttpTimeouts } from "../core/http";
import { silentLogger, type Logger } from "../core/log";
import { pacersFor, type PacerRegistry } from "../core/pacer";
import { defaultRetryPolicy, processRetryBudget, type RetryBudget, type RetryPolicy } from "../core/retry";
import { Watcher, WatcherRegistry, type WatcherSource } from "../core/waiter";
import { AlibabaCredentials } from "./credentials";
import { alibabaClassifier } from "./errors";
import { canonicalQuery, flattenParams, type RpcParams } from "./signer";

export type AlibabaService = "privatelink" | (string & {});

export interface AlibabaClientConfig {
  /** Region id, e.g. `cn-hangzhou`. */
  region: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** STS token for temporary credentials. */
  securityToken?: string;
  credentials?: AlibabaCredentials;
  /** Per-service base URLs, e.g. `{ privatelink: "http://127.0.0.1:8080" }`. */
  endpoints?: Partial<Record<AlibabaService, string>>;
  retry?: Partial<RetryPolicy>;
  retryBudget?: RetryBudget;
  /** Where calls get their pace (see HuaweiClientConfig.pacers); `false` turns pacing off. */
  pacers?: PacerRegistry | false;
  timeouts?: Partial<Pick<HttpTimeouts, "headersMs" | "bodyMs">>;
  wait?: { minDelayMs?: number; maxDelayMs?: number };
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  dispatcher?: Dispatcher;
}

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
  signal?: AbortSignal;
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** Base URL without a trailing slash: the override, or `https://{service}.{region}.aliyuncs.com`. */
export function resolveAlibabaEndpoint(service: AlibabaService, region: string, endpoints?: Partial<Record<AlibabaService, string>>): string {
  const override = endpoints?.[service];
  if (override) {
    let base = override.trim().replace(/\/+$/, "");
    if (!/^https?:\/\//i.test(base)) base = `https://${base}`;
    new URL(base);
    return base;
  }
  if (!REGION.test(region)) throw new Error(`invalid Alibaba Cloud region "${region}" (expected e.g. cn-hangzhou)`);
  return `https://${service}.${region}.aliyuncs.com`;
}

export function alibabaCredentials(c: AlibabaClientConfig): AlibabaCredentials {
  if (c.credentials) return c.credentials;
  if (!c.accessKeyId || !c.accessKeySecret) throw new Error("no Alibaba Cloud credentials: set accessKeyId and accessKeySecret");
  return new AlibabaCredentials(c.accessKeyId, c.accessKeySecret, c.securityToken);
}

export class AlibabaClient {
  readonly region: string;
  readonly #config: AlibabaClientConfig;
  readonly #credentials: AlibabaCredentials;
  readonly #http: HttpContext;
  readonly #watchers = new WatcherRegistry();
  readonly #pacers: PacerRegistry | undefined;

  constructor(config: AlibabaClientConfig) {
    this.#config = { ...config };
    this.region = config.region;
    this.#credentials = alibabaCredentials(config);
    this.#http = {
      policy: { ...defaultRetryPolicy, ...config.retry },
      budget: config.retryBudget ?? processRetryBudget,
      clock: config.clock ?? realClock,
      random: config.random ?? Math.random,
      logger: config.logger ?? silentLogger,
      timeouts: config.timeouts,
      dispatcher: config.dispatcher,
    };
    this.#pacers = pacersFor(config);
  }

  get clock(): Clock {
    return this.#http.clock!;
  }

  endpoint(service: AlibabaService): string {
    return resolveAlibabaEndpoint(service, this.region, this.#config.endpoints);
  }

  watcher<T>(kind: string, source: () => WatcherSource<T>): Watcher<T> {
    return this.#watchers.get(kind, () => new Watcher<T>(source(), { kind, clock: this.#http.clock, random: this.#http.random, logger: this.#http.logger, ...this.#config.wait }));
  }

  /** Calls an action (RegionId added) and parses its JSON answer leniently with `schema`. */
  async call<S extends z.ZodType>(op: RpcCall, schema: S): Promise<z.infer<S>> {
    const base = this.endpoint(op.service);
    const query = flattenParams({ RegionId: this.region, ...op.params });
    const qs = canonicalQuery(query);
    const url = `${base}/${qs ? `?${qs}` : ""}`;
    const host = new URL(base).host;
    const creds = this.#credentials;
    const clock = this.#http.clock!;
    const res = await execute(
      {
        api: op.api,
        operation: op.action,
        method: "POST",
        url,
        idempotent: op.idempotent ?? false,
        signal: op.signal,
        pacer: this.#pacers?.get(`${base}|${creds.fingerprint()}`),
        // Every action is a POST: reads are told by their names.
        priority: /^(List|Get|Describe|Check)/.test(op.action) ? "read" : "write",
        classify: alibabaClassifier(op.api, op.action, op.errors, op.busyCodes ?? []),
        headers: (attempt) => {
          const signed = creds.sign({ method: "POST", host, action: op.action, version: op.version, query, body: "" }, new Date(clock.now()));
          // undici sets Host from the URL (the same value that was signed).
          const { host: _host, ...rest } = signed;
          return { ...rest, "x-client-attempt": String(attempt), accept: "application/json" };
        },
      },
      this.#http,
    );
    return parseResponse(schema, res, op.api, op.action);
  }

  toJSON(): object {
    return { region: this.region, auth: this.#credentials.toJSON(), endpoints: this.#config.endpoints };
  }

  [inspect.custom](): string {
    return `AlibabaClient ${inspect({ region: this.region, auth: this.#credentials, endpoints: this.#config.endpoints })}`;
  }
}

const clients = new Map<string, AlibabaClient>();

/**
 * A client shared by every caller in the process with the same configuration (so watchers and
 * the retry budget are shared). Configurations with injected clocks or loggers get a fresh one.
 */
export function getAlibabaClient(config: AlibabaClientConfig): AlibabaClient {
  if (config.clock || config.random || config.logger || config.retryBudget || config.dispatcher || config.pacers !== undefined) return new AlibabaClient(config);
  const creds = alibabaCredentials(config);
  const key = JSON.stringify([config.region, config.endpoints ?? {}, config.retry ?? {}, config.timeouts ?? {}, config.wait ?? {}, creds.fingerprint()]);
  let c = clients.get(key);
  if (!c) {
    c = new AlibabaClient({ ...config, credentials: creds });
    clients.set(key, c);
  }
  return c;
}
