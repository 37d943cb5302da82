/** PrivateLink tags: the field every PrivateLink resource declares. */
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { withoutCreationTags } from "../../lifecycle/creation";
import { fieldsOf } from "../../model/resource";
import { tags } from "../inputs";

/** The `tags` input: sent with the create request as `Tag.N`, read through ListTagResources, changed through Tag/UntagResources. */
export function tagsField<W>(type: pl.TaggableType, of: (w: W) => Record<string, string>) {
    return fieldsOf<W, AlibabaClient>().input(tags.optional(), {
        change: "update",
        default: {},
        wire: "Tag",
        toWire: (t) => Object.entries(t).map(([Key, Value]) => ({ Key, Value })),
        read: (w) => withoutCreationTags(of(w)),
        apply: ({ c, id, old, new: want, budget }) => pl.syncTags(c, type, id, old ?? {}, want ?? {}, { signal: budget.signal }),
    });
}
