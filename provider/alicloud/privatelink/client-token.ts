/** Creating with a ClientToken until the answer is known. */
import { createHash, randomUUID } from "node:crypto";
import { type UntilKnown, untilKnown } from "../../lifecycle/outcomes";
import type { Creation } from "../../model/resource";

/**
 * The ClientToken of a creation: derived from its key and token, so the cloud's idempotency never
 * hands one stack the object of another stack with the same names (their tokens differ), and a
 * repetition of the same creation gets the same object. Random without a creation key.
 */
export function clientTokenOf(creation: Creation | undefined): string {
    if (!creation) return randomUUID();
    return createHash("sha256").update(`${creation.key}.${creation.token}`).digest("hex").slice(0, 64);
}

/**
 * Runs a create that carries a ClientToken, repeating it with the SAME token while it fails with a
 * retryable error or a lost answer and the time limit allows (provider/lifecycle/outcomes.ts). The
 * client retries a few times on its own; when those run out after an attempt whose answer was lost,
 * the object may exist without the caller knowing its id — an orphan (found by the chaos run,
 * test/chaos). The token makes every repetition return that same object instead of creating another.
 */
export async function createWithClientToken<T>(create: (clientToken: string) => Promise<T>, budget: UntilKnown<T>["budget"], creation?: Creation): Promise<T> {
    const token = clientTokenOf(creation);
    return untilKnown({ attempt: () => create(token), budget });
}
