/**
 * Retry policy: which failures are retried, how long to wait, and a per-process budget so a
 * struggling cloud is not hammered by every caller at once.
 */
import { fullJitter, throttleDelayMs } from "./backoff";
import type { Random } from "./clock";
import { type CloudError, NetworkError, ThrottledError } from "./errors";
import { statedLimit } from "./pacer";

export interface RetryPolicy {
    /** Total attempts including the first. */
    maxAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** A `Retry-After` longer than this is not waited out: the error is raised instead. */
    maxRetryAfterMs: number;
    /**
     * Total attempts when the cloud throttles and says when to come back (`Retry-After`): a burst
     * larger than the account's rate needs several rounds to drain, each one honouring the header.
     */
    maxThrottledAttempts: number;
    /**
     * How long a transient fault (5xx, a dropped connection, a "busy" code, a throttle) is retried,
     * from the first attempt: a cloud's short outages last tens of seconds, longer than maxAttempts
     * quick retries. While a call is within it, an exhausted retry budget slows its retries rather
     * than failing it. The caller's abort signal (the operation's time limit) still ends it sooner.
     */
    retryForMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 250,
    maxDelayMs: 20_000,
    maxRetryAfterMs: 120_000,
    maxThrottledAttempts: 30,
    retryForMs: 45_000,
};

export interface RetryBudgetOptions {
    capacity: number;
    /** Tokens a retry of a throttled/5xx answer costs. */
    retryCost: number;
    /** Tokens a retry after a network error or timeout costs (those are more expensive to the cloud and to us). */
    networkRetryCost: number;
    /** Tokens a successful call gives back (up to capacity). */
    successRefund: number;
    /**
     * Tokens a retry of a throttle that carried `Retry-After` costs: the cloud is answering and says
     * when to come back, so a burst over the rate limit must not drain the bucket and fail calls.
     */
    throttledRetryCost: number;
}

/**
 * Token bucket in the style of the AWS SDKs' standard retry mode: retries draw from it,
 * successes slowly refill it, so a sustained outage turns into fast failures instead of
 * every call sleeping through its full retry schedule.
 */
export class RetryBudget {
    #tokens: number;
    readonly options: RetryBudgetOptions;
    constructor(options: Partial<RetryBudgetOptions> = {}) {
        this.options = { capacity: 500, retryCost: 5, networkRetryCost: 10, successRefund: 1, throttledRetryCost: 1, ...options };
        this.#tokens = this.options.capacity;
    }
    get available(): number {
        return this.#tokens;
    }
    /** `paced`: the call goes through a pacer, which slows down on throttles by itself. */
    tryAcquire(err: CloudError, paced = false): boolean {
        const cost =
            err instanceof NetworkError
                ? this.options.networkRetryCost
                : orderlyThrottle(err, paced)
                  ? this.options.throttledRetryCost
                  : this.options.retryCost;
        if (this.#tokens < cost) return false;
        this.#tokens -= cost;
        return true;
    }
    onSuccess(): void {
        this.#tokens = Math.min(this.options.capacity, this.#tokens + this.options.successRefund);
    }
}

/** The bucket all clients of this process share unless given their own. */
export const processRetryBudget = new RetryBudget();

/** A throttle that told us when to come back. */
function throttledWithRetryAfter(err: CloudError): boolean {
    return err instanceof ThrottledError && err.retryAfterMs !== undefined;
}

/**
 * A throttle the client knows how to ride out: the cloud said when to come back, or the call is
 * paced (its pacer has slowed down and the retry waits for its turn at the new pace).
 */
function orderlyThrottle(err: CloudError, paced: boolean): boolean {
    return throttledWithRetryAfter(err) || (paced && err instanceof ThrottledError);
}

/**
 * Delay before the next attempt after `attempt` (1-based) failed with `err`: full-jitter
 * exponential backoff, but never shorter than the cloud's `Retry-After`. A throttle with
 * `Retry-After` waits the header's time plus a random share of up to 1×, 2×, then 4× it, so the
 * callers throttled in one window spread over the next few instead of all coming back at once.
 * A paced call waits only what the cloud asked for, else the throttle's stated window (up to
 * `maxDelayMs`) or one second, the usual window, so the retry falls in a fresh one: its pacer
 * spreads the retries.
 */
export function retryDelayMs(err: CloudError, attempt: number, policy: RetryPolicy, random: Random, paced = false): number {
    if (paced && err instanceof ThrottledError)
        return err.retryAfterMs ?? Math.min(policy.maxDelayMs, statedLimit(err.cloudMessage)?.windowMs ?? PACED_THROTTLE_DELAY_MS);
    if (throttledWithRetryAfter(err)) return throttleDelayMs(err.retryAfterMs!, attempt, policy.maxDelayMs, random);
    const jitter = fullJitter(attempt - 1, policy.baseDelayMs, policy.maxDelayMs, random);
    return Math.max(jitter, err.retryAfterMs ?? 0);
}

/** A paced throttle without Retry-After or a stated window waits out one usual window before its turn. */
export const PACED_THROTTLE_DELAY_MS = 1000;

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * Whether to try again after `attempt` failed with `err`, `elapsedMs` after the first attempt
 * started (unknown: only the attempt count limits).
 */
export function decideRetry(
    err: CloudError,
    attempt: number,
    policy: RetryPolicy,
    budget: RetryBudget,
    random: Random,
    paced = false,
    elapsedMs = Number.POSITIVE_INFINITY,
): RetryDecision {
    if (!err.retryable) return { retry: false, reason: "not retryable" };
    // More attempts only when the cloud says when to come back: a throttle without Retry-After
    // that persists through the pacer's slowing down is given up on like any other fault.
    const limit = throttledWithRetryAfter(err) ? Math.max(policy.maxAttempts, policy.maxThrottledAttempts ?? 0) : policy.maxAttempts;
    // A transient fault (a throttle too: a mix of 5xx and throttles is common in an outage) is
    // retried for a time, past the attempt count, while the next try still falls within it.
    const window = policy.retryForMs ?? 0;
    const withinWindow = elapsedMs + retryDelayMs(err, attempt, policy, () => 1, paced) <= window;
    if (attempt >= limit && !withinWindow) return { retry: false, reason: `gave up after ${attempt} attempts` };
    if (err instanceof ThrottledError && (err.retryAfterMs ?? 0) > policy.maxRetryAfterMs)
        return { retry: false, reason: `Retry-After ${err.retryAfterMs} ms exceeds ${policy.maxRetryAfterMs} ms` };
    if (!budget.tryAcquire(err, paced)) {
        // An empty bucket slows the retries of a call still within its window instead of failing
        // it: the cloud sees few retries during a wide outage, and a deployment still completes.
        const slowed = Math.max(retryDelayMs(err, attempt, policy, random, paced), policy.maxDelayMs / 4);
        if (!withinWindow || elapsedMs + slowed > window) return { retry: false, reason: "retry budget exhausted" };
        return { retry: true, delayMs: slowed };
    }
    return { retry: true, delayMs: retryDelayMs(err, attempt, policy, random, paced) };
}
