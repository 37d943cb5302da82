/** Tag changes without a window with no tags: upsert the new values first, then delete removed keys. */
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { tagsToWire } from "../inputs";

export async function syncTags(c: HuaweiClient, type: "endpoint_service" | "endpoint", id: string, have: Record<string, string>, want: Record<string, string>): Promise<void> {
    const upsert = Object.fromEntries(Object.entries(want).filter(([k, v]) => have[k] !== v));
    const removed = Object.keys(have).filter((k) => !(k in want));
    if (Object.keys(upsert).length) await vpcep.batchAddOrDeleteResourceTags(c, type, id, { action: "create", tags: tagsToWire(upsert) });
    if (removed.length) await vpcep.batchAddOrDeleteResourceTags(c, type, id, { action: "delete", tags: removed.map((key) => ({ key })) });
}
