/**
 * What a resource is waiting for, as a line the deployment's display shows while it waits (Pulumi's
 * status messages, which pulumi-kubernetes gives for its await steps): "waiting for VPC endpoint
 * 5e0c… to become accepted or pendingAcceptance (creating, 40 s)". The words come from the wait
 * itself — what it waits on and the statuses that end it, declared once in the sdk's wait helpers —
 * so no resource writes its own.
 *
 * Throttled: nothing while a wait is younger than {@link QUIET_MS} (a wait that ends at once
 * prints nothing), then at most one line every {@link EVERY_MS} for the operation.
 */
import { formatDuration } from "../../sdk/core/clock";
import type { WaitProgress } from "../../sdk/core/waiter";
import type { OperationContext } from "./context";

/** A wait says nothing before it has lasted this long. */
export const QUIET_MS = 2_000;
/** Lines of one operation are at least this far apart. */
export const EVERY_MS = 2_000;

/** The line for a wait that goes on. */
export function progressMessage(p: WaitProgress): string {
    const goal = p.target.length === 0 ? "be deleted" : `become ${p.target.join(" or ")}`;
    return `waiting for ${p.description} to ${goal} (${p.status}, ${formatDuration(p.elapsedMs)})`;
}

/**
 * The `onPoll` of one operation's waits, reporting through the context's `progress`; undefined
 * when the host shows no progress. `now` is the clock the throttle reads (tests give their own).
 */
export function pollReporter(ctx: OperationContext | undefined, now: () => number = Date.now): ((p: WaitProgress) => void) | undefined {
    const report = ctx?.progress;
    if (!report) return undefined;
    let last = -Infinity;
    return (p) => {
        if (p.elapsedMs < QUIET_MS) return;
        const t = now();
        if (t - last < EVERY_MS) return;
        last = t;
        report(progressMessage(p));
    };
}
