/** Backoff arithmetic shared by retries and waiters. Pure functions; randomness is injected. */
import type { Random } from "./clock";

/** The exponential ceiling for attempt n (0-based): min(cap, base·2ⁿ). */
export function exponentialCeiling(attempt: number, baseMs: number, capMs: number): number {
    return Math.min(capMs, baseMs * 2 ** Math.min(attempt, 52));
}

/** "Full jitter" (AWS architecture blog): uniform in [0, min(cap, base·2ⁿ)). */
export function fullJitter(attempt: number, baseMs: number, capMs: number, random: Random): number {
    return random() * exponentialCeiling(attempt, baseMs, capMs);
}

/**
 * Waiters use a floor so a poll is never "immediately again": uniform in [c/2, c] where c is the
 * exponential ceiling. `factor` in [0,1) is the random draw, so one draw can be shared.
 */
export function boundedJitter(attempt: number, baseMs: number, capMs: number, factor: number): number {
    const c = exponentialCeiling(attempt, baseMs, capMs);
    return c / 2 + (factor * c) / 2;
}

/**
 * A waiter's next delay: `boundedJitter` over the exponential ceiling, and — when `elapsedRatio`
 * is given — a ceiling of no more than max(base, elapsedRatio × elapsed). The second bound makes
 * the delay proportional to how long the resource has been waited for, so the time between the
 * resource becoming ready and the poll that sees it stays within about `elapsedRatio` of the
 * provisioning time (short waits are polled finely, long waits coarsely, with O(log) polls).
 */
export function waitDelay(attempt: number, elapsedMs: number, baseMs: number, capMs: number, elapsedRatio: number | undefined, factor: number): number {
    let c = exponentialCeiling(attempt, baseMs, capMs);
    if (elapsedRatio !== undefined && elapsedRatio > 0) c = Math.min(c, Math.max(baseMs, elapsedRatio * Math.max(0, elapsedMs)));
    return c / 2 + (factor * c) / 2;
}

/**
 * After a throttle with `Retry-After`: the header's time, plus uniform jitter over up to 1×, 2×,
 * then 4× it (capped at `capMs`) as attempts go on — never sooner than the cloud asked, and
 * spread so that a burst throttled in one window is not throttled again as one burst.
 */
export function throttleDelayMs(retryAfterMs: number, attempt: number, capMs: number, random: Random): number {
    const spread = Math.min(capMs, retryAfterMs * 2 ** Math.min(Math.max(attempt - 1, 0), 2));
    return retryAfterMs + random() * spread;
}

/** `Retry-After`: delta-seconds or an HTTP-date. Returns milliseconds from `now`, or undefined. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
    const v = Array.isArray(value) ? value[0] : value;
    if (v === undefined || v.trim() === "") return undefined;
    const t = v.trim();
    if (/^\d+(\.\d+)?$/.test(t)) return Math.round(parseFloat(t) * 1000);
    const date = Date.parse(t);
    if (Number.isNaN(date)) return undefined;
    return Math.max(0, date - now);
}
