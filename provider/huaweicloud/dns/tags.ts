// POST   /v2/{project_id}/{resource_type}/{resource_id}/tags/action   tags in place (upsert first, then delete removed keys)
// GET    /v2/{project_id}/{resource_type}/{resource_id}/tags          tags read back (ShowPrivateZone and ShowRecordSet answer none)
/** Tags of DNS private zones and record sets. */
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { tagMap } from "../../lifecycle/tags";
import { tagsField } from "../tags";

// The SDK's Tag model (huaweicloudsdkdns v2): a key of letters (any script), digits, spaces and
// `_ . : = + - @`, 1–128 characters, no space at either end, not starting with `_sys_`; a value
// of those and `/`, at most 255. The API page "Adding or Deleting Resource Tags in Batches": "You
// can add up to 20 tags to a resource."
const KEY = /^[\p{L}\p{N} _.:=+\-@]*$/u;
const VALUE = /^[\p{L}\p{N} _.:/=+\-@]*$/u;

/** DNS tags as a map; `ours` of the 20 a resource takes are this package's creation tags. */
export const dnsTags = (ours: number) =>
    tagMap({
        keyMax: 128,
        valueMax: 255,
        perResource: 20,
        ours,
        key: [
            [(k) => KEY.test(k), "contains a character tag keys cannot contain (letters, digits, spaces and _ . : = + - @ only)"],
            [(k) => k.trim() === k, "starts or ends with a space"],
            [(k) => !k.startsWith("_sys_"), "starts with _sys_, which tag keys cannot"],
        ],
        value: [[(v) => VALUE.test(v), "contains a character tag values cannot contain (letters, digits, spaces and _ . : / = + - @ only)"]],
    });

/** The tags of a zone or record set (`id`: the API's id of it). */
export const readTags = (c: HuaweiClient, type: dns.DnsTagResourceType, id: string, signal?: AbortSignal) => dns.showResourceTag(c, type, id, { signal });

/**
 * The `tags` input of a DNS resource of `type`, whose read result `of` holds the tags; `apiId`
 * turns the resource's id into the API's id of the object.
 */
export function dnsTagsField<W>(
    type: dns.DnsTagResourceType,
    ours: number,
    of: (w: W) => dns.DnsTag[] | undefined,
    apiId: (id: string) => string = (id) => id,
) {
    return tagsField<W>(dnsTags(ours), of, (c, id, request, budget) => dns.batchCreateTag(c, type, apiId(id), request, { signal: budget.signal }));
}
