/**
 * The `tags` input of a Huawei Cloud resource whose API has a batch tag action (VPCEP's
 * BatchAddOrDeleteResourceTags, DNS's BatchCreateTag: one body `{action: create|delete, tags}`):
 * sent with the create request, read back without the creation tags, changed through that action.
 */
import { syncTags as sync } from "../../sdk/core/tags";
import type { HuaweiClient } from "../../sdk/huaweicloud/client";
import { withoutCreationTags } from "../lifecycle/creation";
import type { tagMap } from "../lifecycle/tags";
import type { OperationBudget } from "../model/field";
import { fieldsOf } from "../model/resource";
import { tagsFromWire, tagsToWire } from "./inputs";

/** One call of the API's batch tag action on the resource `id`. */
export type TagAction = (
    c: HuaweiClient,
    id: string,
    request: { action: "create" | "delete"; tags: Array<{ key: string; value?: string }> },
    budget: OperationBudget,
) => Promise<void>;

/**
 * Upserts the new values first, then deletes the removed keys (sdk/core/tags.ts), so that there is
 * never a window with neither. Only keys of the program's last value are ever deleted: the
 * creation tags, which no `tags` input may hold, stay.
 */
export async function syncTags(
    c: HuaweiClient,
    id: string,
    have: Record<string, string>,
    want: Record<string, string>,
    action: TagAction,
    budget: OperationBudget,
): Promise<void> {
    await sync(have, want, {
        tag: (upsert) => action(c, id, { action: "create", tags: tagsToWire(upsert) }, budget),
        untag: (removed) => action(c, id, { action: "delete", tags: removed.map((key) => ({ key })) }, budget),
    });
}

/** The `tags` input, of the API's `schema` (a {@link tagMap}), read from `of(w)`, changed through `action`. */
export function tagsField<W>(schema: ReturnType<typeof tagMap>, of: (w: W) => Array<{ key: string; value?: string }> | undefined, action: TagAction) {
    return fieldsOf<W, HuaweiClient>().input(schema.optional(), {
        change: "update",
        default: {},
        wire: "tags",
        toWire: tagsToWire,
        read: (w) => withoutCreationTags(tagsFromWire(of(w))),
        apply: ({ c, id, old, new: want, budget }) => syncTags(c, id, old ?? {}, want ?? {}, action, budget),
    });
}
