/** Creating with a ClientToken until the answer is known. */
import { randomUUID } from "node:crypto";
import { type UntilKnown, untilKnown } from "../../lifecycle/outcomes";

/**
 * Runs a create that carries a ClientToken, repeating it with the SAME token while it fails with a
 * retryable error or a lost answer and the time limit allows (provider/lifecycle/outcomes.ts). The
 * client retries a few times on its own; when those run out after an attempt whose answer was lost,
 * the object may exist without the caller knowing its id — an orphan (found by the chaos run,
 * test/chaos). The token makes every repetition return that same object instead of creating another.
 */
export async function createWithClientToken<T>(create: (clientToken: string) => Promise<T>, budget: UntilKnown<T>["budget"]): Promise<T> {
    // New for every create call, the same for its repetitions. Not derived from the creation's key
    // and token: a replacement that keeps every replace-only input (`pulumi up --replace`,
    // `replaceOnChanges`) carries the old object's token, and the cloud's idempotency would hand
    // back the old object, which the engine then deletes. An earlier run's object is found by its
    // tags instead (the engine's take-over, provider/lifecycle/engine.ts).
    const token = randomUUID();
    return untilKnown({ attempt: () => create(token), budget });
}
