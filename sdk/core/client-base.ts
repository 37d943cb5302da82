/**
 * What every cloud client is made of besides its cloud's own parts (signing, endpoint
 * resolution, error classification, the shape of a request): the retry policy and budget,
 * timeouts, clock, randomness, logger and dispatcher the HTTP core runs with, pacing per
 * (endpoint, credential), one watcher per resource kind, and printing without secrets. A cloud's
 * client extends `CloudClient` and sends every call through its `send()`.
 */
import { inspect } from "node:util";
import type { Dispatcher } from "undici";
import { type Clock, type Random, realClock } from "./clock";
import { execute, type HttpCall, type HttpContext, type HttpResponse, type HttpTimeouts } from "./http";
import { type Logger, silentLogger } from "./log";
import { type PacerRegistry, pacersFor } from "./pacer";
import { defaultRetryPolicy, processRetryBudget, type RetryBudget, type RetryPolicy } from "./retry";
import { Watcher, type WatcherOptions, WatcherRegistry, type WatcherSource } from "./waiter";

/** Delays of a client's watchers (see WaitSpec). */
export type WaitDelays = Pick<WatcherOptions, "minDelayMs" | "maxDelayMs" | "elapsedRatio">;

/** The settings every cloud client takes besides its credentials and its cloud's own location fields. */
export interface ClientBaseConfig {
    region: string;
    /** Per-service base URLs, e.g. `{ vpcep: "http://127.0.0.1:8080" }`. */
    endpoints?: Partial<Record<string, string>>;
    retry?: Partial<RetryPolicy>;
    /** Default: the process's budget, shared by every client. */
    retryBudget?: RetryBudget;
    /**
     * Where calls get their pace (one pacer per endpoint and credential). Defaults to the process's,
     * or a fresh registry on an injected clock; `false` turns pacing off.
     */
    pacers?: PacerRegistry | false;
    timeouts?: Partial<Pick<HttpTimeouts, "headersMs" | "bodyMs">>;
    /** Waiter delays for this client's watchers; when given, replaces the cloud's defaults as a whole. */
    wait?: WaitDelays;
    clock?: Clock;
    random?: Random;
    logger?: Logger;
    /** Defaults to the process-wide dispatcher; for proxies and tests. */
    dispatcher?: Dispatcher;
}

/** What the base needs of a cloud's credentials: a fingerprint for pacing scopes, and a printable form without secrets. */
export interface ClientCredentials {
    fingerprint(): string;
    toJSON(): object;
}

/** The HTTP context a client's calls run with: the clock, randomness and logger are always set. */
export type ClientHttpContext = HttpContext & { clock: Clock; random: Random; logger: Logger };

export abstract class CloudClient<C extends ClientCredentials> {
    readonly region: string;
    readonly #credentials: C;
    readonly #endpoints: Partial<Record<string, string>> | undefined;
    readonly #http: ClientHttpContext;
    readonly #pacers: PacerRegistry | undefined;
    readonly #watchers = new WatcherRegistry();
    readonly #wait: WaitDelays | undefined;

    /** `waitDefaults`: the cloud's watcher delays, used unless the configuration has its own `wait`. */
    protected constructor(config: ClientBaseConfig, credentials: C, waitDefaults?: WaitDelays) {
        this.region = config.region;
        this.#credentials = credentials;
        this.#endpoints = config.endpoints;
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
        this.#wait = config.wait ?? waitDefaults;
    }

    get clock(): Clock {
        return this.#http.clock;
    }

    protected get credentials(): C {
        return this.#credentials;
    }

    /** The configured per-service base URLs. */
    protected get endpointOverrides(): Partial<Record<string, string>> | undefined {
        return this.#endpoints;
    }

    /** What the client's calls run with, for calls made beside `send()` (e.g. IAM tokens). */
    protected get http(): ClientHttpContext {
        return this.#http;
    }

    /** One watcher per resource kind for this client: all waiters of that kind share its poll loop. */
    watcher<T>(kind: string, source: () => WatcherSource<T>): Watcher<T> {
        const { clock, random, logger } = this.#http;
        return this.#watchers.get(kind, () => new Watcher<T>(source(), { kind, clock, random, logger, ...this.#wait }));
    }

    /**
     * Runs one call through the HTTP core (build, sign per attempt, send, classify, retry), paced
     * in the scope of its endpoint and this client's credential: the gateways throttle per user
     * and API endpoint.
     */
    protected send(endpoint: string, call: Omit<HttpCall, "pacer">): Promise<HttpResponse> {
        return execute({ ...call, pacer: this.#pacers?.get(`${endpoint}|${this.#credentials.fingerprint()}`) }, this.#http);
    }

    /** Fields printed after the region by `toJSON` and `inspect` (e.g. the project); never a secret. */
    protected describe(): Record<string, unknown> {
        return {};
    }

    toJSON(): object {
        return { region: this.region, ...this.describe(), auth: this.#credentials.toJSON(), endpoints: this.#endpoints };
    }

    [inspect.custom](): string {
        return `${this.constructor.name} ${inspect({ region: this.region, ...this.describe(), auth: this.#credentials, endpoints: this.#endpoints })}`;
    }
}

/** A configured base URL: without trailing slashes, `https://` when it names no scheme. Throws when malformed. */
export function normalizeBaseUrl(url: string): string {
    let base = url.trim().replace(/\/+$/, "");
    if (!/^https?:\/\//i.test(base)) base = `https://${base}`;
    new URL(base);
    return base;
}

/** Whether a region id has the shape both clouds use (`cn-north-4`, `cn-hangzhou`). */
export function isRegionId(region: string): boolean {
    return /^[a-z]{2}(-[a-z0-9]+)+$/.test(region);
}
