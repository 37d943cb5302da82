/**
 * The `tags` input every taggable Alibaba Cloud resource declares: the program's tags, read back
 * without the package's creation tags (which it never shows, compares or removes), changed in place
 * by the API's own tag calls.
 */
import type { AlibabaClient } from "../../sdk/alicloud/client";
import type { CallOptions } from "../../sdk/core/call-options";
import { withoutCreationTags } from "../lifecycle/creation";
import type { ApplyContext } from "../model/field";

type Tags = Record<string, string>;

/** One API's tag change of a resource from `have` to `want` (new values first: sdk/core/tags.ts). */
export type SyncTags = (c: AlibabaClient, id: string, have: Tags, want: Tags, opts: CallOptions) => Promise<void>;

/**
 * The options of a `tags` input other than its place in the create request: changed in place from
 * the program's last tags to its new ones, so only keys the program held are ever removed (the
 * creation tags, which the input refuses as keys, stay); read from `of(w)` without the creation
 * tags, so a tag changed out of band shows in `pulumi refresh` and in `pulumi import`.
 */
export function tagsOptions<W>(of: (w: W) => Tags, sync: SyncTags) {
    return {
        change: "update" as const,
        default: {},
        read: (w: W) => withoutCreationTags(of(w)),
        apply: ({ c, id, old, new: want, budget }: ApplyContext<Tags, AlibabaClient>) => sync(c, id, old ?? {}, want ?? {}, { signal: budget.signal }),
    };
}
