/** Creating with a ClientToken until the answer is known. */
import { randomUUID } from "node:crypto";
import { CloudError } from "../../../sdk/core/errors";

/**
 * Runs a create that carries a ClientToken, repeating it with the SAME token while it fails with a
 * retryable error (throttling, 5xx, lost connection) and the deadline allows. The client retries
 * a few times on its own; when those run out after an attempt whose answer was lost, the object
 * may exist without the caller knowing its id — an orphan (found by the chaos run, test/chaos).
 * The token makes every repetition return that same object instead of creating another.
 */
export async function createWithClientToken<T>(create: (clientToken: string) => Promise<T>, deadline: number, signal?: AbortSignal): Promise<T> {
    const token = randomUUID();
    for (let round = 1; ; round++) {
        try {
            return await create(token);
        } catch (e) {
            const pause = Math.min(5_000, 500 * round);
            if (!(e instanceof CloudError) || !e.retryable || Date.now() + pause >= deadline || signal?.aborted) throw e;
            await new Promise((r) => setTimeout(r, pause));
        }
    }
}
