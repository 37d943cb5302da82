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
