// POST   /v2/{project_id}/{resource_type}/{resource_id}/tags/action   BatchCreateTag
// GET    /v2/{project_id}/{resource_type}/{resource_id}/tags          ShowResourceTag
// (paths and methods: huaweicloudsdkdns/v2/dns_client.py; the project in the path, unlike the zone paths)
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import type { CallOptions } from "../operation";
import { dnsOp } from "./operation";
import { BatchCreateTagRequest, type DnsTag, DnsTagResourceType, ShowResourceTagResponse } from "./zone-schemas";

const path = (type: DnsTagResourceType, id: string) => `/v2/{project_id}/${DnsTagResourceType.parse(type)}/${seg(id)}/tags`;

/**
 * Creates (upserts by key) or deletes tags on one private zone or record set — 204. Marked
 * idempotent: the API page says it is ("Adding or Deleting Resource Tags in Batches").
 */
export async function batchCreateTag(
    client: HuaweiClient,
    resourceType: DnsTagResourceType,
    resourceId: string,
    input: BatchCreateTagRequest,
    opts: CallOptions = {},
): Promise<void> {
    const body = parseRequest(BatchCreateTagRequest, input, "dns", "BatchCreateTag");
    await client.call(dnsOp("BatchCreateTag", "POST", `${path(resourceType, resourceId)}/action`, { body, idempotent: true, signal: opts.signal }));
}

/** The tags of one private zone or record set. Raises NotFoundError when it does not exist. */
export async function showResourceTag(client: HuaweiClient, resourceType: DnsTagResourceType, resourceId: string, opts: CallOptions = {}): Promise<DnsTag[]> {
    const res = await client.call(dnsOp("ShowResourceTag", "GET", path(resourceType, resourceId), { signal: opts.signal }), ShowResourceTagResponse);
    return res.tags;
}
