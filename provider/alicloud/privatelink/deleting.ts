/**
 * Deleting a PrivateLink object: a transitional one (Creating, Pending) refuses deletion, so it is
 * waited out first; a delete whose answer was lost is retried by the client and meets the object
 * already Deleting (EndpointLocked / EndpointServiceLocked until its retries run out) — the outcome
 * asked for, not a failure (found by the chaos run, test/chaos); then wait until it is gone.
 */
import { ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";

export interface DeleteSteps {
    /** The object's status now, or undefined when it no longer exists. */
    status(): Promise<string | undefined>;
    /** Waits until the object leaves its transitional status. */
    settle(): Promise<unknown>;
    remove(): Promise<unknown>;
    waitGone(): Promise<unknown>;
}

export async function deleteWhenSettled(steps: DeleteSteps): Promise<void> {
    const status = await steps.status();
    if (status === undefined) return;
    if (status === "Creating" || status === "Pending") await orUndefined(() => steps.settle());
    if (status !== "Deleting") {
        try {
            await ignoreNotFound(() => steps.remove());
        } catch (err) {
            const now = await steps.status();
            if (now !== undefined && now !== "Deleting") throw err;
        }
    }
    await steps.waitGone();
}
