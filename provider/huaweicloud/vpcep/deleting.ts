/** Deleting VPCEP objects when a DELETE may already have been performed. */
import { CloudError } from "../../../sdk/core/errors";
import { ignoreNotFound } from "../../lifecycle/outcomes";

/**
 * Runs a VPCEP DELETE, treating "not found" and "already being deleted" (`EndPoint.2018`) as done.
 * A DELETE whose answer was lost (the connection reset after the cloud performed it) is retried
 * by the client, and the retry meets an object that is already `deleting`: that is the outcome
 * asked for, not a failure (found by the chaos run, test/chaos). The caller then waits until the
 * object is gone.
 */
export async function deleteOrAlreadyDeleting(f: () => Promise<unknown>): Promise<void> {
    try {
        await ignoreNotFound(f);
    } catch (e) {
        if (e instanceof CloudError && e.code === "EndPoint.2018") return;
        throw e;
    }
}
