// GET /v3/projects?name={region}   (IAM KeystoneListProjects — only when AK/SK is used without a project id)
/**
 * The Huawei Cloud client: configuration, credentials, endpoints, and `call()` which every
 * operation function goes through (build → sign per attempt → send → classify → retry, with
 * one token refresh on 401). It also owns the per-(client, resource kind) watchers.
 */
import { parseResponse } from "../core/schema";
import { inspect } from "node:util";
import type { Dispatcher } from "undici";
import { z } from "zod";
import { realClock, type Clock, type Random } from "../core/clock";
import { ValidationError, type CodeTable } from "../core/errors";
import { execute, parseJsonBody, type HttpContext, type HttpMethod, type HttpTimeouts } from "../core/http";
import { silentLogger, type Logger } from "../core/log";
import { pacersFor, type PacerRegistry } from "../core/pacer";
import { defaultRetryPolicy, processRetryBudget, type RetryBudget, type RetryPolicy } from "../core/retry";
import { Watcher, WatcherRegistry, type WatcherSource } from "../core/waiter";
import { AkSkCredentials, PasswordCredentials, TokenCredentials, type HuaweiCredentials } from "./credentials";
import { resolveEndpoint, type HuaweiService } from "./endpoints";
import { huaweiClassifier } from "./errors";
import { canonicalQuery, formatSdkDate, rfc3986Encode, type QueryParams } from "./signer";
import { TokenProvider, type IssuedToken } from "./token";

export interface HuaweiClientConfig {
  region: string;
  /** Required with AK/SK unless IAM can look it up by region name; with a password it comes from the token. */
  projectId?: string;
  /** Project name for token scope and project lookup; defaults to the region. */
  projectName?: string;
  accessKey?: string;
  secretKey?: string;
  securityToken?: string;
  /** IAM user (alias `userName`), password and account (domain) name. */
  user?: string;
  userName?: string;
  password?: string;
  domainName?: string;
  /** A ready-made IAM token (HW_AUTH_TOKEN). */
  authToken?: string;
  /** Already-built credentials; take precedence over the fields above. */
  credentials?: HuaweiCredentials;
  /** Per-service base URLs: `{ vpcep, iam, dns }`. */
  endpoints?: Partial<Record<HuaweiService, string>>;
  /** Default `myhuaweicloud.com`. */
  cloud?: string;
  retry?: Partial<RetryPolicy>;
  retryBudget?: RetryBudget;
  /**
   * Where calls get their pace (one pacer per endpoint and credential). Defaults to the process's,
   * or a fresh registry on an injected clock; `false` turns pacing off.
   */
  pacers?: PacerRegistry | false;
  timeouts?: Partial<Pick<HttpTimeouts, "headersMs" | "bodyMs">>;
  /** Waiter delays for this client's watchers; when given, replaces `huaweiWaitDefaults` as a whole. */
  wait?: { minDelayMs?: number; maxDelayMs?: number; elapsedRatio?: number };
  clock?: Clock;
  random?: Random;
  logger?: Logger;
  /** Defaults to the process-wide dispatcher; for proxies and tests. */
  dispatcher?: Dispatcher;
}

/** Picks credentials the way the Terraform provider does: token > AK/SK > password. */
export function credentialsFromConfig(c: HuaweiClientConfig): HuaweiCredentials {
  if (c.credentials) return c.credentials;
  if (c.authToken) return new TokenCredentials(c.authToken);
  if (c.accessKey || c.secretKey) return new AkSkCredentials(c.accessKey ?? "", c.secretKey ?? "", c.securityToken);
  const user = c.user ?? c.userName;
  if (user || c.password) return new PasswordCredentials(user ?? "", c.password ?? "", c.domainName ?? "");
  throw new Error("no Huawei Cloud credentials: set accessKey/secretKey, user/password/domainName, or authToken");
}

export interface OperationCall {
  service: HuaweiService;
  /** For errors and logs: "vpcep". */
  api: string;
  /** The Huawei SDK operation name: "CreateEndpointService". */
  operation: string;
  method: HttpMethod;
  /** Path with a `{project_id}` placeholder; other parameters already encoded with `seg()`. */
  path: string;
  query?: QueryParams;
  body?: unknown;
  /** Default: every method but POST. */
  idempotent?: boolean;
  errors: CodeTable;
  signal?: AbortSignal;
}

/** Encodes one path parameter; refuses values that would change the path's shape. */
export function seg(value: string): string {
  if (value === "" || value === "." || value === "..") throw new Error(`invalid path parameter "${value}"`);
  return rfc3986Encode(value);
}

/**
 * How VPCEP/DNS waits poll: first poll after 0.15–0.3 s, then jittered exponential backoff whose
 * ceiling never exceeds 10 % of the time waited so far (at least 0.3 s, at most 15 s), so a
 * resource is seen ready within about 10 % of its provisioning time (bench/RESULTS.md measures it).
 */
export const huaweiWaitDefaults = { minDelayMs: 300, maxDelayMs: 15_000, elapsedRatio: 0.1 };

const ProjectsResponse = z.looseObject({ projects: z.array(z.looseObject({ id: z.string(), name: z.string().optional() })) });

export class HuaweiClient {
  readonly region: string;
  readonly projectName: string;
  readonly #config: HuaweiClientConfig;
  readonly #credentials: HuaweiCredentials;
  readonly #tokens: TokenProvider | undefined;
  readonly #http: HttpContext;
  readonly #watchers = new WatcherRegistry();
  readonly #pacers: PacerRegistry | undefined;
  #projectId: string | undefined;
  #projectLookup: Promise<string> | undefined;

  constructor(config: HuaweiClientConfig) {
    this.#config = { ...config };
    this.region = config.region;
    this.projectName = config.projectName ?? config.region;
    this.#credentials = credentialsFromConfig(config);
    this.#projectId = config.projectId || undefined;
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
    if (this.#credentials instanceof PasswordCredentials) {
      this.#tokens = new TokenProvider({
        iamEndpoint: this.endpoint("iam"),
        credentials: this.#credentials,
        projectName: this.projectName,
        http: this.#http,
        clock: this.#http.clock,
      });
    }
  }

  get authKind(): HuaweiCredentials["kind"] {
    return this.#credentials.kind;
  }

  get clock(): Clock {
    return this.#http.clock!;
  }

  endpoint(service: HuaweiService): string {
    return resolveEndpoint(service, { region: this.region, cloud: this.#config.cloud, endpoints: this.#config.endpoints });
  }

  /** The project id: configured, from the password token's scope, or looked up in IAM by region name. */
  async projectId(): Promise<string> {
    if (this.#projectId) return this.#projectId;
    if (this.#tokens) {
      const t = await this.#tokens.get();
      if (t.projectId) return (this.#projectId = t.projectId);
    }
    this.#projectLookup ??= this.#lookupProjectId().finally(() => (this.#projectLookup = undefined));
    return (this.#projectId = await this.#projectLookup);
  }

  async #lookupProjectId(): Promise<string> {
    const res = await this.#send({ service: "iam", api: "iam", operation: "KeystoneListProjects", method: "GET", path: "/v3/projects", query: { name: this.projectName }, errors: {} }, undefined);
    const parsed = ProjectsResponse.safeParse(parseJsonBody(res.text));
    const project = parsed.success ? parsed.data.projects.find((p) => p.name === undefined || p.name === this.projectName) : undefined;
    if (!project) {
      throw new ValidationError({ api: "iam", operation: "KeystoneListProjects", code: "SDK.ProjectNotFound", message: `no project named "${this.projectName}"; set projectId`, httpStatus: res.status, requestId: res.requestId });
    }
    return project.id;
  }

  /** One watcher per resource kind for this client: all waiters of that kind share its poll loop. */
  watcher<T>(kind: string, source: () => WatcherSource<T>): Watcher<T> {
    return this.#watchers.get(kind, () => new Watcher<T>(source(), { kind, clock: this.#http.clock, random: this.#http.random, logger: this.#http.logger, ...(this.#config.wait ?? huaweiWaitDefaults) }));
  }

  /** Calls an operation and parses its JSON response leniently with `schema`. */
  async call<S extends z.ZodType>(op: OperationCall, schema: S): Promise<z.infer<S>>;
  /** Calls an operation whose response has no body worth reading (DELETE → 204). */
  async call(op: OperationCall): Promise<void>;
  async call<S extends z.ZodType>(op: OperationCall, schema?: S): Promise<z.infer<S> | void> {
    const needsProject = op.path.includes("{project_id}");
    // VPCEP carries the project in the path; DNS (later) only in the signed X-Project-Id header.
    const projectId = needsProject ? await this.projectId() : this.#credentials.kind === "aksk" ? this.#projectId : undefined;
    const res = await this.#send(op, projectId);
    if (!schema) return;
    return parseResponse(schema, res, op.api, op.operation);
  }

  async #send(op: OperationCall, projectId: string | undefined) {
    const base = this.endpoint(op.service);
    const path = projectId !== undefined ? op.path.replace("{project_id}", seg(projectId)) : op.path;
    const qs = canonicalQuery(op.query);
    const url = `${base}${path}`;
    const body = op.body === undefined ? undefined : JSON.stringify(op.body);
    const creds = this.#credentials;
    let token: IssuedToken | undefined;
    const clock = this.#http.clock!;
    return execute(
      {
        api: op.api,
        operation: op.operation,
        method: op.method,
        url: qs ? `${url}?${qs}` : url,
        body,
        idempotent: op.idempotent ?? op.method !== "POST",
        signal: op.signal,
        // The gateway throttles per user and API endpoint.
        pacer: this.#pacers?.get(`${base}|${creds.fingerprint()}`),
        classify: huaweiClassifier(op.api, op.operation, op.errors),
        headers: async (attempt) => {
          // Which attempt this is, for server-side logs (the emulator records it); real gateways ignore it.
          const h: Record<string, string> = { "X-Client-Attempt": String(attempt) };
          if (body !== undefined) h["Content-Type"] = "application/json";
          if (creds instanceof AkSkCredentials) {
            if (projectId) h["X-Project-Id"] = projectId;
            // Signed afresh for every attempt: a new X-Sdk-Date each time.
            h["X-Sdk-Date"] = formatSdkDate(new Date(clock.now()));
            return creds.sign({ method: op.method, url, query: op.query, headers: h, body });
          }
          if (creds instanceof TokenCredentials) {
            h["X-Auth-Token"] = creds.token();
            return h;
          }
          token = await this.#tokens!.get();
          h["X-Auth-Token"] = token.value();
          return h;
        },
        onUnauthorized: this.#tokens
          ? async () => {
              if (token) this.#tokens!.invalidate(token);
              return true;
            }
          : undefined,
      },
      this.#http,
    );
  }

  toJSON(): object {
    return { region: this.region, projectId: this.#projectId, auth: this.#credentials.toJSON(), endpoints: this.#config.endpoints };
  }

  [inspect.custom](): string {
    return `HuaweiClient ${inspect({ region: this.region, projectId: this.#projectId, auth: this.#credentials, endpoints: this.#config.endpoints })}`;
  }
}

const clients = new Map<string, HuaweiClient>();

/**
 * A client shared by every caller in the process with the same configuration, so that token
 * caches, watchers and the retry budget are shared too. Configurations with injected clocks,
 * loggers or budgets get a fresh client.
 */
export function getHuaweiClient(config: HuaweiClientConfig): HuaweiClient {
  if (config.clock || config.random || config.logger || config.retryBudget || config.dispatcher || config.pacers !== undefined) return new HuaweiClient(config);
  const creds = credentialsFromConfig(config);
  const key = JSON.stringify([config.region, config.projectId ?? "", config.projectName ?? "", config.cloud ?? "", config.endpoints ?? {}, config.retry ?? {}, config.timeouts ?? {}, config.wait ?? {}, creds.fingerprint()]);
  let c = clients.get(key);
  if (!c) {
    c = new HuaweiClient({ ...config, credentials: creds });
    clients.set(key, c);
  }
  return c;
}

