import type { Timing } from "./timings";

/**
 * The persisted lifecycle of one asynchronous resource. The status is never stored: it is
 * computed from these fields and the clock whenever the resource is read.
 */
export interface Lifecycle {
    createdAt: number;
    create: Timing;
    /** Reads observed while creating (for `afterReads`). */
    createReads: number;
    /** When the resource settled; set on first observation for `afterReads`. */
    readyAt?: number;
    /** The creation ends in the failed status instead of the success status. */
    fail: boolean;
    deleteRequestedAt?: number;
    delete?: Timing;
    deleteReads: number;
    /** When the resource disappeared (404 from then on). */
    deletedAt?: number;
}

/** Where a resource is in its life. */
export type Phase = "creating" | "ready" | "deleting" | "gone";

/** `read` counts as an API read (advances `afterReads`); `peek` (control routes) does not. */
export type ObserveMode = "read" | "peek";

/** A new lifecycle starting now. */
export function startLifecycle(now: number, create: Timing, fail: boolean): Lifecycle {
    return { createdAt: now, create, createReads: 0, fail, deleteReads: 0 };
}

function completion(t: Timing, start: number, reads: number, now: number): { done: boolean; at?: number } {
    if (t === "immediate") return { done: true, at: start };
    if ("afterMs" in t) return now >= start + t.afterMs ? { done: true, at: start + t.afterMs } : { done: false };
    // afterReads N: the first N reads see the transitional status, read N+1 sees the next one.
    return { done: reads >= t.afterReads };
}

/**
 * Computes the phase, recording transitions it observes. Returns whether the record changed,
 * so the caller can mark state dirty for persistence.
 */
export function observe(lc: Lifecycle, now: number, mode: ObserveMode): { phase: Phase; changed: boolean } {
    if (lc.deleteRequestedAt !== undefined) {
        if (lc.deletedAt !== undefined) return { phase: "gone", changed: false };
        const c = completion(lc.delete ?? "immediate", lc.deleteRequestedAt, lc.deleteReads, now);
        if (c.done) {
            if (c.at !== undefined || mode === "read") {
                lc.deletedAt = c.at ?? now;
                return { phase: "gone", changed: true };
            }
            return { phase: "gone", changed: false };
        }
        if (mode === "read") lc.deleteReads++;
        return { phase: "deleting", changed: mode === "read" };
    }
    if (lc.readyAt !== undefined) return { phase: "ready", changed: false };
    const c = completion(lc.create, lc.createdAt, lc.createReads, now);
    if (c.done) {
        if (c.at !== undefined || mode === "read") {
            lc.readyAt = c.at ?? now;
            return { phase: "ready", changed: true };
        }
        return { phase: "ready", changed: false };
    }
    if (mode === "read") lc.createReads++;
    return { phase: "creating", changed: mode === "read" };
}

/** Starts deletion now with the given timing. */
export function requestDeletion(lc: Lifecycle, now: number, timing: Timing): void {
    lc.deleteRequestedAt = now;
    lc.delete = timing;
    lc.deleteReads = 0;
}
