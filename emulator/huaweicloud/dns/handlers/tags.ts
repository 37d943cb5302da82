import type { HandlerContext } from "../../../core/api-module";
import { dnsError } from "../errors";
import * as v from "../validation";
import * as zv from "../zone-validation";
import { type Dns, type DnsHandler, reply, scopeOf } from "./context";
import { ownZone, publicNotEmulated } from "./zones";

// POST /v2/{project_id}/{resource_type}/{resource_id}/tags/action  BatchCreateTag   204
// GET  /v2/{project_id}/{resource_type}/{resource_id}/tags         ShowResourceTag  200 {tags}
//
// From the API pages "Batch Adding or Deleting Tags for a Specific Instance" and "Querying Tags
// of a Specified Resource" and the SDK's BatchHandTags, Tag and ShowResourceTagResponse models:
// `create` upserts by key (a repeated key in one request is refused), `delete` removes the keys
// named and ignores absent ones, up to 20 tags a resource. The resource types of private zones
// and their record sets are emulated; public zones, public record sets and PTR records are not.

type Tags = Array<{ key: string; value: string }>;

const PRIVATE = ["DNS-private_zone", "DNS-private_recordset"];
const PUBLIC = ["DNS-public_zone", "DNS-public_recordset", "DNS-ptr_record"];

/** The addressed private zone or record set of the caller's project (404 with its own code): what holds its tags. */
function taggable(api: Dns, ctx: HandlerContext, operation: string): { tags?: Tags } {
    const type = ctx.params.resource_type!;
    const id = ctx.params.resource_id!;
    if (PUBLIC.includes(type)) publicNotEmulated(operation, ctx);
    if (!PRIVATE.includes(type)) throw dnsError("DNS.0903", `resource_type must be one of ${[...PRIVATE, ...PUBLIC].join(", ")}, got ${JSON.stringify(type)}.`);
    if (type === "DNS-private_zone") {
        return ownZone(api, ctx, id).zone;
    }
    const set = api.state
        .liveZones(scopeOf(ctx))
        .flatMap((z) => z.recordsets)
        .find((x) => x.recordset.id === id && !x.recordset.isDefault)?.recordset;
    if (!set) throw dnsError("DNS.0401", `recordset_id ${id}.`);
    return set;
}

export const batchCreateTag: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const resource = taggable(api, ctx, "BatchCreateTag");
    if (body.action !== "create" && body.action !== "delete")
        throw dnsError("DNS.0001", `action must be create or delete (case sensitive), got ${JSON.stringify(body.action)}.`);
    // "The tags structure cannot be missing during deletion."
    if (!Array.isArray(body.tags) || body.tags.length === 0) throw dnsError("DNS.0901", "tags must be a non-empty list of {key, value}.");
    if (body.action === "create") resource.tags = zv.upsertTags(resource.tags ?? [], zv.tags(body.tags));
    else {
        // "When tags are being deleted and some tags do not exist, the operation is considered successful. The character set of the tags will not be checked."
        const keys = body.tags.map((t: unknown, i: number) => {
            const k = ((t ?? {}) as Record<string, unknown>).key;
            if (typeof k !== "string" || k === "") throw dnsError("DNS.0901", `tags[${i}].key must not be empty.`);
            return k;
        });
        resource.tags = (resource.tags ?? []).filter((t) => !keys.includes(t.key));
    }
    api.world.markDirty();
    return { status: 204 };
};

export const showResourceTag: DnsHandler = (api, ctx) => reply(200, { tags: taggable(api, ctx, "ShowResourceTag").tags ?? [] });
