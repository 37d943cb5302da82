// TagResources, UntagResources, ListTagResources
import { syncTags as sync } from "../../core/tags";
import type { AlibabaClient } from "../client";
import { type CallOptions, listAll, plCall } from "./operation";
import { Empty, ListTagResourcesResponse } from "./schemas";

/** The tag API's resource types (lower case, as the API documents them). */
export type TaggableType = "vpcendpoint" | "vpcendpointservice";

export async function tagResources(
    client: AlibabaClient,
    type: TaggableType,
    ids: string[],
    tags: Record<string, string>,
    opts: CallOptions = {},
): Promise<void> {
    const Tag = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    await client.call(plCall("TagResources", { ResourceType: type, ResourceId: ids, Tag }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function untagResources(client: AlibabaClient, type: TaggableType, ids: string[], keys: string[], opts: CallOptions = {}): Promise<void> {
    await client.call(plCall("UntagResources", { ResourceType: type, ResourceId: ids, TagKey: keys }, { idempotent: true, signal: opts.signal }), Empty);
}

/** The tags of one resource as a map. */
export async function listTags(client: AlibabaClient, type: TaggableType, id: string, opts: CallOptions = {}): Promise<Record<string, string>> {
    const rows = await listAll(client, "ListTagResources", { ResourceType: type, ResourceId: [id] }, ListTagResourcesResponse, (p) => p.TagResources, opts);
    const out: Record<string, string> = {};
    for (const r of rows) if (r.ResourceId === id) out[r.TagKey] = r.TagValue ?? "";
    return out;
}

/** Tag changes without a window with no tags: set the new values first, then remove dropped keys (sdk/core/tags.ts). */
export async function syncTags(
    client: AlibabaClient,
    type: TaggableType,
    id: string,
    have: Record<string, string>,
    want: Record<string, string>,
    opts: CallOptions = {},
): Promise<void> {
    await sync(have, want, {
        tag: (t) => tagResources(client, type, [id], t, opts),
        untag: (keys) => untagResources(client, type, [id], keys, opts),
    });
}
