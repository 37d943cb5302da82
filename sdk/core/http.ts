/**
 * The HTTP core every cloud client stands on: build → sign (per attempt) → send (undici) →
 * classify → retry. It knows nothing about any cloud: the caller supplies the headers of each
 * attempt (that is where signing happens, so every attempt is freshly dated) and the function
 * that turns an error response into a typed error.
 */
import { Agent, type Dispatcher, request } from "undici";
import { parseRetryAfter } from "./backoff";
import { type Clock, type Random, realClock } from "./clock";
import { CloudError, isAbortError, NetworkError, OutcomeUnknownError, ThrottledError } from "./errors";
import { type Logger, silentLogger } from "./log";
import { type CallPriority, type Pacer, statedLimit } from "./pacer";
import { decideRetry, defaultRetryPolicy, processRetryBudget, type RetryBudget, type RetryPolicy } from "./retry";

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD";

export interface HttpTimeouts {
    /** TCP+TLS connect. Set on the shared dispatcher (undici has no per-request connect timeout). */
    connectMs: number;
    /** From request sent to response headers received. */
    headersMs: number;
    /** Maximum idle time between body chunks. */
    bodyMs: number;
}

/** Far below undici's 300 s defaults: a control-plane API that has not answered in 30 s will not. */
export const defaultTimeouts: HttpTimeouts = { connectMs: 5_000, headersMs: 30_000, bodyMs: 30_000 };

let shared: Agent | undefined;

/** One dispatcher (connection pool) per process. */
export function sharedDispatcher(): Dispatcher {
    shared ??= new Agent({
        connect: { timeout: defaultTimeouts.connectMs },
        headersTimeout: defaultTimeouts.headersMs,
        bodyTimeout: defaultTimeouts.bodyMs,
        // Below Node's http server default (5 s) so we close idle sockets before the server does,
        // which avoids writing a POST onto a socket the server is closing.
        keepAliveTimeout: 4_000,
        keepAliveMaxTimeout: 30_000,
        connections: 32,
    });
    return shared;
}

/** Closes the shared dispatcher (tests, and processes that want to exit promptly). */
export async function closeSharedDispatcher(): Promise<void> {
    const d = shared;
    shared = undefined;
    if (d) await d.close();
}

export interface HttpResponse {
    status: number;
    /** Lower-case names; repeated headers joined with ", ". */
    headers: Record<string, string>;
    text: string;
    /** From `X-Request-Id` (or a cloud-specific header the caller reads). */
    requestId: string | undefined;
}

export interface HttpCall {
    api: string;
    operation: string;
    method: HttpMethod;
    /** Full URL including the query string. */
    url: string;
    body?: string;
    /**
     * Whether repeating the call is harmless. A non-idempotent call whose request may have
     * reached the server without an answer coming back fails with OutcomeUnknownError.
     */
    idempotent: boolean;
    signal?: AbortSignal;
    /** Headers for one attempt (1-based). Signing happens here. */
    headers: (attempt: number) => Promise<Record<string, string>> | Record<string, string>;
    /** Turns a non-2xx response into a typed error. */
    classify: (res: HttpResponse, retryAfterMs: number | undefined) => CloudError;
    /**
     * Called at most once per call, on HTTP 401. Resolves true when credentials were refreshed
     * and the call should be tried again (that attempt is not counted as a retry).
     */
    onUnauthorized?: () => Promise<boolean>;
    timeouts?: Partial<Pick<HttpTimeouts, "headersMs" | "bodyMs">>;
    /** Paces the call's attempts to the rate its throttle scope allows (learned from throttles). */
    pacer?: Pacer;
    /** Queue while paced; default: GET and HEAD read, the rest write. */
    priority?: CallPriority;
}

export interface HttpContext {
    policy?: RetryPolicy;
    budget?: RetryBudget;
    clock?: Clock;
    random?: Random;
    logger?: Logger;
    dispatcher?: Dispatcher;
    timeouts?: Partial<Pick<HttpTimeouts, "headersMs" | "bodyMs">>;
}

const CONNECT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);
const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);

function errorCode(e: unknown): string | undefined {
    const err = e as { code?: unknown; cause?: { code?: unknown } } | undefined;
    const code = err?.code ?? err?.cause?.code;
    return typeof code === "string" ? code : undefined;
}

export function toNetworkError(e: unknown, api: string, operation: string): NetworkError {
    const code = errorCode(e) ?? "UNKNOWN";
    const message = e instanceof Error ? e.message : String(e);
    return new NetworkError({
        api,
        operation,
        code: `SDK.Network.${code}`,
        message: `${message} (${code})`,
        phase: CONNECT_CODES.has(code) ? "connect" : "sent",
        timeout: TIMEOUT_CODES.has(code),
        cause: e,
    });
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
    return out;
}

async function sendOnce(call: HttpCall, headers: Record<string, string>, ctx: HttpContext): Promise<HttpResponse> {
    const t = { ...ctx.timeouts, ...call.timeouts };
    const res = await request(call.url, {
        method: call.method,
        headers,
        body: call.body,
        signal: call.signal,
        dispatcher: ctx.dispatcher ?? sharedDispatcher(),
        headersTimeout: t.headersMs ?? defaultTimeouts.headersMs,
        bodyTimeout: t.bodyMs ?? defaultTimeouts.bodyMs,
    });
    // Always consume the body, error bodies included: they carry the cloud's error code, and
    // an unconsumed body keeps the connection from returning to the pool.
    let text: string;
    try {
        text = await res.body.text();
    } catch (e) {
        res.body.destroy();
        throw e;
    }
    const h = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
    return { status: res.statusCode, headers: h, text, requestId: h["x-request-id"] };
}

/** Runs one API call with retries. Resolves with a 2xx response; rejects with a CloudError or the abort reason. */
export async function execute(call: HttpCall, ctx: HttpContext = {}): Promise<HttpResponse> {
    const policy = ctx.policy ?? defaultRetryPolicy;
    const budget = ctx.budget ?? processRetryBudget;
    const clock = ctx.clock ?? realClock;
    const random = ctx.random ?? Math.random;
    const logger = ctx.logger ?? silentLogger;
    const pacer = call.pacer;
    const priority = call.priority ?? (call.method === "GET" || call.method === "HEAD" ? "read" : "write");
    let reauthenticated = false;
    const started = clock.now();

    for (let attempt = 1; ; attempt++) {
        call.signal?.throwIfAborted();
        // A retry had its turn already: it goes to the head of the queue.
        await pacer?.acquire(priority, call.signal, attempt > 1);
        const headers = await call.headers(attempt);
        let err: CloudError;
        try {
            const res = await sendOnce(call, headers, ctx);
            if (res.status >= 200 && res.status < 300) {
                pacer?.onAnswer("ok");
                budget.onSuccess();
                return res;
            }
            err = call.classify(res, parseRetryAfter(res.headers["retry-after"], clock.now()));
            if (pacer && err instanceof ThrottledError) {
                const before = pacer.rate;
                pacer.onAnswer("throttled", statedLimit(err.cloudMessage));
                if (pacer.rate !== before) logger.debug(`${call.api}: throttled (${err.code}); calls now start at most ${pacer.rate!.toFixed(1)} per second`);
            } else pacer?.onAnswer("other");
            if (res.status === 401 && call.onUnauthorized && !reauthenticated) {
                reauthenticated = true;
                if (await call.onUnauthorized()) {
                    logger.debug(`${call.api} ${call.operation}: 401, credentials refreshed, trying again`);
                    attempt--; // a refresh is not a retry
                    continue;
                }
            }
            if (!call.idempotent && res.status === 504) {
                // The gateway gave up waiting for the backend: the create may have happened.
                throw outcomeUnknown(call, err, attempt, res.status);
            }
        } catch (e) {
            if (e instanceof CloudError) throw e;
            if (call.signal?.aborted || isAbortError(e)) throw call.signal?.reason ?? e;
            const net = toNetworkError(e, call.api, call.operation);
            if (!call.idempotent && net.phase === "sent") throw outcomeUnknown(call, net, attempt, 0);
            err = net;
        }
        const elapsedMs = clock.now() - started;
        const decision = decideRetry(err, attempt, policy, budget, random, pacer !== undefined, elapsedMs);
        if (!decision.retry) {
            err.attempts = attempt;
            if (err.retryable) {
                logger.warn(`${call.api} ${call.operation}: ${decision.reason}`, { code: err.code });
                // Say what was tried: a transient fault that outlasted the retries is not a one-off.
                if (attempt > 1) err.message += `; tried ${attempt} times over ${(elapsedMs / 1000).toFixed(1)} s (${decision.reason})`;
            }
            throw err;
        }
        logger.debug(`${call.api} ${call.operation}: ${err.code}, retry ${attempt}/${policy.maxAttempts - 1} in ${Math.round(decision.delayMs)} ms`, {
            requestId: err.requestId,
        });
        await clock.sleep(decision.delayMs, call.signal);
    }
}

function outcomeUnknown(call: HttpCall, cause: CloudError, attempt: number, httpStatus: number): OutcomeUnknownError {
    const e = new OutcomeUnknownError({
        api: call.api,
        operation: call.operation,
        httpStatus,
        requestId: cause.requestId,
        message: `the request was sent but its response was lost (${cause.code}); the cloud may or may not have performed it — look the resource up before trying again`,
        cause,
    });
    e.attempts = attempt;
    return e;
}

/** Parses a JSON body; an empty body is `undefined`. */
export function parseJsonBody(text: string): unknown {
    if (text.trim() === "") return undefined;
    return JSON.parse(text);
}
