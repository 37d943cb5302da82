// PUT /v2/zones/{zone_id}/statuses                  (through the zone's declaration)
// PUT /v2.1/recordsets/{recordset_id}/statuses/set  (through the record set's declaration)
/**
 * Pausing and resuming the resolution of DNS private zones and record sets: the program's
 * `enabled` against the cloud's `status` (ENABLE / DISABLE in requests, DISABLE in reads).
 */
import { z } from "zod";
import { untilKnown } from "../../lifecycle/outcomes";
import type { OperationBudget } from "../../model/resource";

/** `enabled`: a boolean, where Terraform's `status` takes the cloud's words. */
export const enabledInput = z.boolean("must be true or false (true for ENABLE, false for DISABLE)").optional();

/** What the status calls and CreateRecordSetRequestBody.status take for `enabled`. */
export const resolutionStatus = (enabled: boolean): "ENABLE" | "DISABLE" => (enabled ? "ENABLE" : "DISABLE");

/**
 * Whether a read status resolves: all but `DISABLE` (a zone or set being created or updated
 * resolves once settled; terraform-provider-huaweicloud reads `ACTIVE` as its `status` ENABLE).
 */
export const resolves = (status: string | undefined): boolean => status !== "DISABLE";

/** What {@link setResolution} needs: the wanted state, a read of the object, and the status call. */
export interface SetResolution {
    want: boolean;
    read: () => Promise<{ status?: string }>;
    call: (status: "ENABLE" | "DISABLE") => Promise<unknown>;
    budget: OperationBudget;
}

/**
 * Pauses or resumes resolution unless the object already is as wanted. The call is made only then:
 * terraform-provider-huaweicloud's huaweicloud_dns_zone says the zone's status call "cannot be
 * called repeatedly", so after a lost answer the object is read before the call is made again.
 * The caller waits until the object is settled.
 */
export async function setResolution({ want, read, call, budget }: SetResolution): Promise<void> {
    const done = async () => (resolves((await read()).status) === want ? true : undefined);
    if (await done()) return;
    await untilKnown<unknown>({ attempt: () => call(resolutionStatus(want)), find: done, budget });
}
