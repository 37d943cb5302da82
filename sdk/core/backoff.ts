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
