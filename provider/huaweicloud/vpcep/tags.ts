/** VPCEP tags: the field every VPCEP resource declares, and changes without a window with no tags. */
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { withoutCreationTags } from "../../lifecycle/creation";
import { fieldsOf } from "../../model/resource";
import { tags, tagsFromWire, tagsToWire } from "../inputs";

/** Upserts the new values first, then deletes removed keys. */
export async function syncTags(
    c: HuaweiClient,
    type: vpcep.TagResourceType,
    id: string,
    have: Record<string, string>,
    want: Record<string, string>,
): Promise<void> {
    const upsert = Object.fromEntries(Object.entries(want).filter(([k, v]) => have[k] !== v));
    const removed = Object.keys(have).filter((k) => !(k in want));
    if (Object.keys(upsert).length) await vpcep.batchAddOrDeleteResourceTags(c, type, id, { action: "create", tags: tagsToWire(upsert) });
    if (removed.length) await vpcep.batchAddOrDeleteResourceTags(c, type, id, { action: "delete", tags: removed.map((key) => ({ key })) });
}

/**
 * The `tags` input of a VPCEP resource: sent with the create request, read back without the
 * creation marker, changed through the tag API.
 */
export function tagsField<W>(type: vpcep.TagResourceType, of: (w: W) => vpcep.Tag[] | undefined) {
    return fieldsOf<W, HuaweiClient>().input(tags.optional(), {
        change: "update",
        default: {},
        wire: "tags",
        toWire: tagsToWire,
        read: (w) => withoutCreationTags(tagsFromWire(of(w))),
        apply: ({ c, id, old, new: want }) => syncTags(c, type, id, old ?? {}, want ?? {}),
    });
}
