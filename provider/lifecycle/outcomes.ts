/** Telling outcomes apart by the sdk's typed errors (any cloud). */
import { NotFoundError, OutcomeUnknownError } from "../../sdk/core/errors";

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
 * A create call that never makes two objects: when its response is lost (the outcome is unknown),
 * `find` looks for what the call made (by a marker, a unique name…) and that is adopted; only when
 * nothing is found is the call made again.
 */
export async function createOnce<T>(create: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> {
    try {
        return await create();
    } catch (e) {
        if (!isOutcomeUnknown(e)) throw e;
        return (await find()) ?? (await create());
    }
}
