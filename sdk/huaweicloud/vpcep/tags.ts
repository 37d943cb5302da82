// POST /v1/{project_id}/{resource_type}/{resource_id}/tags/action   BatchAddOrDeleteResourceTags
// GET  /v1/{project_id}/{resource_type}/tags                         ListResourceTags
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import type { CallOptions } from "../operation";
import { vpcepOp } from "./operation";
import { BatchAddOrDeleteResourceTagsRequest, ListResourceTagsResponse, type ResourceTagKeyValues, TagResourceType } from "./schemas";

/**
 * Creates (upserts by key) or deletes tags on one resource — 204. Callers change tags by
 * creating the new values first and deleting only the keys that went away, so there is never a
 * window without tags. Marked idempotent: both actions converge on repetition.
 */
export async function batchAddOrDeleteResourceTags(
    client: HuaweiClient,
    resourceType: TagResourceType,
    resourceId: string,
    input: BatchAddOrDeleteResourceTagsRequest,
    opts: CallOptions = {},
): Promise<void> {
    const type = TagResourceType.parse(resourceType);
    const body = parseRequest(BatchAddOrDeleteResourceTagsRequest, input, "vpcep", "BatchAddOrDeleteResourceTags");
    await client.call(
        vpcepOp("BatchAddOrDeleteResourceTags", "POST", `/v1/{project_id}/${type}/${seg(resourceId)}/tags/action`, {
            body,
            idempotent: true,
            signal: opts.signal,
        }),
    );
}

/** Every tag key with its values used on resources of this type in the project. */
export async function listResourceTags(client: HuaweiClient, resourceType: TagResourceType, opts: CallOptions = {}): Promise<ResourceTagKeyValues[]> {
    const type = TagResourceType.parse(resourceType);
    const res = await client.call(vpcepOp("ListResourceTags", "GET", `/v1/{project_id}/${type}/tags`, { signal: opts.signal }), ListResourceTagsResponse);
    return res.tags;
}
