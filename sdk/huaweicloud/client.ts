// GET /v3/projects?name={region}   (IAM KeystoneListProjects — only when AK/SK is used without a project id)
/**
 * The Huawei Cloud client: what is Huawei's own — credentials (AK/SK signing, IAM tokens, the
 * project lookup), endpoints, the error classifier — and `call()`, which every operation
 * function goes through (build → sign per attempt → send → classify → retry, with one token
 * refresh on 401). Retries, pacing, the watchers and the per-process cache are the shared ones
 * of core/client-base.ts and core/client-cache.ts.
 */
import { z } from "zod";
import { type ClientBaseConfig, CloudClient } from "../core/client-base";
import { ClientCache, clientKey, isIsolated } from "../core/client-cache";
import { type CodeTable, ValidationError } from "../core/errors";
import { type HttpMethod, parseJsonBody } from "../core/http";
import { parseResponse } from "../core/schema";
import { AkSkCredentials, type HuaweiCredentials, PasswordCredentials, TokenCredentials } from "./credentials";
import { type HuaweiService, resolveEndpoint } from "./endpoints";
import { huaweiClassifier } from "./errors";
import { canonicalQuery, formatSdkDate, type QueryParams, rfc3986Encode } from "./signer";
import { type IssuedToken, TokenProvider } from "./token";

/**
 * Retries, pacing, timeouts, waiter delays, clock, logger and dispatcher are the shared ones of
 * `ClientBaseConfig`; `wait`, when given, replaces `huaweiWaitDefaults` as a whole.
 */
export interface HuaweiClientConfig extends ClientBaseConfig {
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

/** One Huawei API operation as the operation functions describe it to `call()`. */
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

/** A client for one region and project with one set of credentials; see `getHuaweiClient` for the shared one. */
export class HuaweiClient extends CloudClient<HuaweiCredentials> {
    readonly projectName: string;
    readonly #cloud: string | undefined;
    readonly #tokens: TokenProvider | undefined;
    #projectId: string | undefined;
    #projectLookup: Promise<string> | undefined;

    constructor(config: HuaweiClientConfig) {
        super(config, credentialsFromConfig(config), huaweiWaitDefaults);
        this.projectName = config.projectName ?? config.region;
        this.#cloud = config.cloud;
        this.#projectId = config.projectId || undefined;
        const credentials = this.credentials;
        if (credentials instanceof PasswordCredentials) {
            this.#tokens = new TokenProvider({
                iamEndpoint: this.endpoint("iam"),
                credentials,
                projectName: this.projectName,
                http: this.http,
                clock: this.clock,
            });
        }
    }

    get authKind(): HuaweiCredentials["kind"] {
        return this.credentials.kind;
    }

    endpoint(service: HuaweiService): string {
        return resolveEndpoint(service, { region: this.region, cloud: this.#cloud, endpoints: this.endpointOverrides });
    }

    /** The project id: configured, from the password token's scope, or looked up in IAM by region name. */
    async projectId(): Promise<string> {
        if (this.#projectId) return this.#projectId;
        if (this.#tokens) {
            const t = await this.#tokens.get();
            if (t.projectId) {
                this.#projectId = t.projectId;
                return t.projectId;
            }
        }
        this.#projectLookup ??= this.#lookupProjectId().finally(() => {
            this.#projectLookup = undefined;
        });
        this.#projectId = await this.#projectLookup;
        return this.#projectId;
    }

    async #lookupProjectId(): Promise<string> {
        const res = await this.#request(
            {
                service: "iam",
                api: "iam",
                operation: "KeystoneListProjects",
                method: "GET",
                path: "/v3/projects",
                query: { name: this.projectName },
                errors: {},
            },
            undefined,
        );
        const parsed = ProjectsResponse.safeParse(parseJsonBody(res.text));
        const project = parsed.success ? parsed.data.projects.find((p) => p.name === undefined || p.name === this.projectName) : undefined;
        if (!project) {
            throw new ValidationError({
                api: "iam",
                operation: "KeystoneListProjects",
                code: "SDK.ProjectNotFound",
                message: `no project named "${this.projectName}"; set projectId`,
                httpStatus: res.status,
                requestId: res.requestId,
            });
        }
        return project.id;
    }

    /** Calls an operation and parses its JSON response leniently with `schema`. */
    async call<S extends z.ZodType>(op: OperationCall, schema: S): Promise<z.infer<S>>;
    /** Calls an operation whose response has no body worth reading (DELETE → 204). */
    async call(op: OperationCall): Promise<void>;
    async call<S extends z.ZodType>(op: OperationCall, schema?: S): Promise<z.infer<S> | void> {
        const needsProject = op.path.includes("{project_id}");
        // VPCEP carries the project in the path; DNS (later) only in the signed X-Project-Id header.
        const projectId = needsProject ? await this.projectId() : this.credentials.kind === "aksk" ? this.#projectId : undefined;
        const res = await this.#request(op, projectId);
        if (!schema) return;
        return parseResponse(schema, res, op.api, op.operation);
    }

    /** Builds the request of one operation and sends it, signed per attempt the way the credentials need. */
    #request(op: OperationCall, projectId: string | undefined) {
        const base = this.endpoint(op.service);
        const path = projectId !== undefined ? op.path.replace("{project_id}", seg(projectId)) : op.path;
        const qs = canonicalQuery(op.query);
        const url = `${base}${path}`;
        const body = op.body === undefined ? undefined : JSON.stringify(op.body);
        const creds = this.credentials;
        let token: IssuedToken | undefined;
        const clock = this.clock;
        return this.send(base, {
            api: op.api,
            operation: op.operation,
            method: op.method,
            url: qs ? `${url}?${qs}` : url,
            body,
            idempotent: op.idempotent ?? op.method !== "POST",
            signal: op.signal,
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
        });
    }

    protected override describe(): Record<string, unknown> {
        return { projectId: this.#projectId };
    }
}

/** The project, project name and cloud domain: what besides the shared settings makes two Huawei clients differ. */
export interface HuaweiLocation {
    projectId?: string;
    projectName?: string;
    cloud?: string;
}

const clients = new ClientCache<HuaweiClient, HuaweiLocation>();

/**
 * A client shared by every caller in the process with the same configuration, so that token
 * caches, watchers and the retry budget are shared too. Configurations with injected clocks,
 * loggers, budgets, dispatchers or pacers get a fresh client.
 */
export function getHuaweiClient(config: HuaweiClientConfig): HuaweiClient {
    if (isIsolated(config)) return new HuaweiClient(config);
    const credentials = credentialsFromConfig(config);
    const key = clientKey<HuaweiLocation>(config, credentials, { projectId: config.projectId, projectName: config.projectName, cloud: config.cloud });
    return clients.get(key, () => new HuaweiClient({ ...config, credentials }));
}
