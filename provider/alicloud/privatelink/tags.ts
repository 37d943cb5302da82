/** PrivateLink tags: the field every PrivateLink resource declares. */
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { fieldsOf } from "../../model/resource";
import { privateLinkTags } from "../inputs";
import { tagsOptions } from "../tags";

/** The `tags` input: sent with the create request as `Tag.N`, read through ListTagResources, changed through Tag/UntagResources. */
export function tagsField<W>(type: pl.TaggableType, of: (w: W) => Record<string, string>) {
    return fieldsOf<W, AlibabaClient>().input(privateLinkTags.optional(), {
        ...tagsOptions<W>(of, (c, id, have, want, opts) => pl.syncTags(c, type, id, have, want, opts)),
        wire: "Tag",
        toWire: (t) => Object.entries(t).map(([Key, Value]) => ({ Key, Value })),
    });
}
