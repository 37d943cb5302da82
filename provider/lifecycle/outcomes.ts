/** Telling outcomes apart by the sdk's typed errors (any cloud), and calls repeated until their outcome is known. */
import { realClock } from "../../sdk/core/clock";
import { CloudError, NetworkError, NotFoundError, OutcomeUnknownError } from "../../sdk/core/errors";
import type { OperationBudget } from "../model/field";

/** Runs `f`, mapping "not found" to undefined. */
export async function orUndefined<T>(f: () => Promise<T>): Promise<T | undefined> {
    try {
        return await f();
    } catch (e) {
        if (e instanceof NotFoundError) return undefined;
        throw e;
    }
}

/** Runs `f`, treating "not found" as done (deleting what is already gone). */
export async function ignoreNotFound(f: () => Promise<unknown>): Promise<void> {
    await orUndefined(f);
}

export function isOutcomeUnknown(e: unknown): e is OutcomeUnknownError {
    return e instanceof OutcomeUnknownError;
}

/**
 * Whether a failed call may still have been performed: its answer was lost after the request was
 * sent, or the cloud failed on its side (a 5xx). A throttle or a refused connection was not.
 */
export function mayHaveActed(e: unknown): boolean {
    if (isOutcomeUnknown(e)) return true;
    if (e instanceof NetworkError) return e.phase === "sent";
    return e instanceof CloudError && e.httpStatus >= 500;
}

/** A failure worth another try later in the operation's time limit. */
function transient(e: unknown): e is CloudError {
    return e instanceof CloudError && (e.retryable || isOutcomeUnknown(e));
}

/** What {@link untilKnown} needs. */
export interface UntilKnown<T> {
    /** The call: a create, an association, an address added… */
    attempt(): Promise<T>;
    /**
     * What an earlier attempt made, when its answer was lost (by a creation token, a unique name,
     * the association itself…); undefined when it made nothing. Without it, the call must be safe
     * to repeat as it is (a ClientToken makes the cloud answer a repetition with the first result).
     */
    find?(): Promise<T | undefined>;
    /**
     * The operation's time limit and the signal that stops its waits; `cancelled` stops the
     * repetitions (not a call under way) when `signal` is held back until an object's id is known.
     */
    budget: OperationBudget & { cancelled?: AbortSignal };
}

/**
 * Performs a call that must happen once, until its outcome is known or the time limit runs out.
 * The client retries a few times by itself; when those run out, or a non-idempotent call's answer
 * is lost (OutcomeUnknownError), this goes on: after a lost answer it first looks for what the
 * call made, and only when nothing is there makes the call again — as many times as it takes.
 * A fault of the cloud's (throttling, 5xx, a dropped connection) is waited out the same way.
 *
 * When the time limit (or a cancellation) ends it while an attempt may have acted and nothing was
 * found, it throws an OutcomeUnknownError: the caller records that (provider/lifecycle/engine.ts),
 * so the next run looks again instead of making a second object.
 */
export async function untilKnown<T>({ attempt, find, budget }: UntilKnown<T>): Promise<T> {
    /** The last failure after which something may exist that no find has yet ruled out. */
    let unknown: CloudError | undefined;
    for (let round = 1; ; round++) {
        try {
            if (unknown && find) {
                const found = await find();
                if (found !== undefined) return found;
                unknown = undefined;
            }
            return await attempt();
        } catch (e) {
            // A look-up that fails for good leaves the doubt unresolved: that is what is raised.
            if (!transient(e)) throw unknown ? stillUnknown(unknown, e) : e;
            // A failed look-up leaves the earlier doubt as it was.
            if (mayHaveActed(e)) unknown = e;
            const pause = Math.min(5_000, 500 * round);
            if (Date.now() + pause >= budget.deadline || budget.cancelled?.aborted || budget.signal?.aborted) throw stillUnknown(unknown, e);
            await realClock.sleep(pause, budget.signal);
        }
    }
}

/** The error a give-up raises: an OutcomeUnknownError when an attempt may have acted. */
function stillUnknown(unknown: CloudError | undefined, last: unknown): unknown {
    if (!unknown || isOutcomeUnknown(last)) return last;
    const lastWords = last instanceof CloudError ? `${last.code}: ${last.cloudMessage}` : String((last as Error)?.message ?? last);
    return new OutcomeUnknownError({
        api: unknown.api,
        operation: unknown.operation,
        requestId: unknown.requestId,
        message: `an attempt may have been performed (${unknown.code}: ${unknown.cloudMessage}) and no look-up could tell; the last try failed with ${lastWords}`,
        cause: last,
    });
}
