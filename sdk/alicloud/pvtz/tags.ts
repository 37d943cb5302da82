// TagResources, UntagResources, ListTagResources (ResourceType ZONE: the only type these take)
import { parseRequest } from "../../core/schema";
import { syncTags } from "../../core/tags";
import type { AlibabaClient } from "../client";
import { type CallOptions, type ListOptions, listAllByToken, pvtzCall } from "./operation";
import { Empty, ListTagResourcesRequest, ListTagResourcesResponse, TagResourcesRequest, UntagResourcesRequest } from "./schemas";

/**
 * Adds tags to a zone; a key it has already takes the new value (TagResourcesRequest, OverWrite
 * false). Repeating it is harmless. DescribeZones and ListTagResources show a zone's tags.
 */
export async function tagZone(client: AlibabaClient, zoneId: string, tags: Record<string, string>, opts: CallOptions = {}): Promise<void> {
    const Tag = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    const params = parseRequest(TagResourcesRequest, { ResourceType: "ZONE", ResourceId: [zoneId], Tag }, "pvtz", "TagResources");
    await client.call(pvtzCall("TagResources", params, { idempotent: true, signal: opts.signal }), Empty);
}

/**
 * Removes the tags of these keys from a zone (UntagResourcesRequest: up to 20 keys a call). Never
 * `All`, which would take the creation tags too. Repeating it is harmless.
 */
export async function untagZone(client: AlibabaClient, zoneId: string, keys: string[], opts: CallOptions = {}): Promise<void> {
    for (let i = 0; i < keys.length; i += 20) {
        const params = parseRequest(
            UntagResourcesRequest,
            { ResourceType: "ZONE", ResourceId: [zoneId], TagKey: keys.slice(i, i + 20) },
            "pvtz",
            "UntagResources",
        );
        await client.call(pvtzCall("UntagResources", params, { idempotent: true, signal: opts.signal }), Empty);
    }
}

/** The tags of one zone as a map (ListTagResources with its id; DescribeZoneInfo shows none). */
export async function listZoneTags(
    client: AlibabaClient,
    zoneId: string,
    opts: Pick<ListOptions<unknown>, "signal" | "pageSize"> = {},
): Promise<Record<string, string>> {
    const params = parseRequest(ListTagResourcesRequest, { ResourceType: "ZONE", ResourceId: [zoneId] }, "pvtz", "ListTagResources");
    const rows = await listAllByToken(client, "ListTagResources", params, ListTagResourcesResponse, (p) => p.TagResources, opts);
    const out: Record<string, string> = {};
    for (const r of rows) if (r.ResourceId === zoneId) out[r.TagKey] = r.TagValue ?? "";
    return out;
}

/** A zone's tags changed from `have` to `want`, the new values first (sdk/core/tags.ts). */
export async function syncZoneTags(
    client: AlibabaClient,
    zoneId: string,
    have: Record<string, string>,
    want: Record<string, string>,
    opts: CallOptions = {},
): Promise<void> {
    await syncTags(have, want, { tag: (t) => tagZone(client, zoneId, t, opts), untag: (keys) => untagZone(client, zoneId, keys, opts) });
}
