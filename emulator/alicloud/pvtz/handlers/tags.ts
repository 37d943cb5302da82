// TagResources, UntagResources, ListTagResources (ResourceType ZONE)
/**
 * Zone tags. What the official SDK's models say (alibabacloud_pvtz20180101 1.5.0): ResourceType
 * "must be ZONE"; ResourceId.N up to 50 zones a call (all three actions); UntagResources takes up
 * to 20 TagKey.N, and `All=true` removes every tag of the zones; ListTagResources pages with `Size`
 * (1–200, default 20: the API page "Query the list of resource tag relationships") and NextToken.
 * A zone takes 20 tags, whoever wrote them (UntagResources' 20 keys; the tags a program gives
 * and the package's creation tags count alike). Keys 1–128 and values 0–128 characters, neither
 * starting with aliyun or acs: nor containing http:// or https:// (Alibaba Cloud's tag rules as
 * PrivateLink's TagResourcesRequest states them; PrivateZone's models state none of their own).
 */
import { pvtzError } from "../errors";
import type { ZoneRec } from "../models";
import type { Caller, Params, PvtzHandler } from "./context";

const MAX_TAGS = 20;
const MAX_IDS = 50;

function resourceType(p: Params): void {
    const type = p.required("ResourceType");
    if (type !== "ZONE") throw pvtzError("InvalidParameter", `ResourceType "${type}" must be ZONE.`);
}

/** The caller's zones of `ResourceId.N` (required: at least one), each of which must exist. */
function zonesOf(p: Params, caller: Caller): ZoneRec[] {
    const ids = p.list("ResourceId");
    if (ids.length === 0)
        throw pvtzError("MissingParameter", "The input parameter ResourceId.1 that is mandatory for processing this request is not supplied.");
    if (ids.length > MAX_IDS) throw pvtzError("InvalidParameter", `ResourceId lists ${ids.length} zones; at most ${MAX_IDS}.`);
    return ids.map((id) => {
        const z = caller.pvtz.zones[id];
        if (!z) throw pvtzError("Zone.Invalid.Id", `ZoneId ${id}.`);
        return z;
    });
}

/** `Tag.N.Key` / `Tag.N.Value`, each checked against the tag rules; a key given twice keeps its last value. */
function tagsParam(p: Params): Array<{ key: string; value: string }> {
    const tags: Array<{ key: string; value: string }> = [];
    for (const [i, o] of p.objects("Tag").entries()) {
        const key = o.Key ?? "";
        const value = o.Value ?? "";
        const n = i + 1;
        if (key === "" || key.length > 128) throw pvtzError("InvalidParameter", `Tag.${n}.Key must be 1 to 128 characters.`);
        if (/^(aliyun|acs:)/i.test(key)) throw pvtzError("InvalidParameter", `Tag.${n}.Key "${key}" must not start with aliyun or acs:.`);
        if (/https?:\/\//i.test(key)) throw pvtzError("InvalidParameter", `Tag.${n}.Key "${key}" must not contain http:// or https://.`);
        if (value.length > 128) throw pvtzError("InvalidParameter", `Tag.${n}.Value must be at most 128 characters.`);
        if (/^(aliyun|acs:)/i.test(value)) throw pvtzError("InvalidParameter", `Tag.${n}.Value "${value}" must not start with aliyun or acs:.`);
        if (/https?:\/\//i.test(value)) throw pvtzError("InvalidParameter", `Tag.${n}.Value "${value}" must not contain http:// or https://.`);
        const at = tags.findIndex((t) => t.key === key);
        if (at >= 0) tags[at] = { key, value };
        else tags.push({ key, value });
    }
    return tags;
}

/**
 * Adds the tags to the zones; a tag of the same key takes the new value, `OverWrite=true` replaces
 * the zones' tags. A zone that would have more than 20 is refused, and then no zone changes.
 * Repeating the call changes nothing.
 */
export const tagResources: PvtzHandler = (api, p, caller) => {
    resourceType(p);
    const zones = zonesOf(p, caller);
    const tags = tagsParam(p);
    if (tags.length === 0) throw pvtzError("MissingParameter", "The input parameter Tag.1.Key that is mandatory for processing this request is not supplied.");
    const overwrite = p.bool("OverWrite") ?? false;
    const next = (z: ZoneRec) => [...(overwrite ? [] : (z.tags ?? []).filter((t) => !tags.some((n) => n.key === t.key))), ...tags];
    for (const z of zones) {
        const count = next(z).length;
        if (count > MAX_TAGS) throw pvtzError("InvalidParameter", `Zone ${z.id} would have ${count} tags; a zone takes at most ${MAX_TAGS}.`);
    }
    for (const z of zones) z.tags = next(z);
    api.world.markDirty();
    return {};
};

/** Removes the tags of `TagKey.N` (up to 20) from the zones, or all of them with `All=true`; keys a zone lacks are no error. */
export const untagResources: PvtzHandler = (api, p, caller) => {
    resourceType(p);
    const zones = zonesOf(p, caller);
    const keys = p.list("TagKey");
    if (keys.length > MAX_TAGS) throw pvtzError("InvalidParameter", `TagKey lists ${keys.length} keys; at most ${MAX_TAGS}.`);
    const all = p.bool("All") ?? false;
    for (const z of zones) z.tags = all ? [] : (z.tags ?? []).filter((t) => !keys.includes(t.key));
    api.world.markDirty();
    return {};
};

/**
 * One row per tag of the zones of `ResourceId.N` (ids the caller has no zone of list nothing), or
 * of every zone of the caller; `Tag.N` keeps the zones carrying all of those tags (a tag without a
 * value matches any value). Oldest zone first, in each zone's tag order.
 */
export const listTagResources: PvtzHandler = (_api, p, caller) => {
    resourceType(p);
    const ids = p.list("ResourceId");
    if (ids.length > MAX_IDS) throw pvtzError("InvalidParameter", `ResourceId lists ${ids.length} zones; at most ${MAX_IDS}.`);
    const want = p.objects("Tag").map((o, i) => {
        if (!o.Key) throw pvtzError("MissingParameter", `The input parameter Tag.${i + 1}.Key that is mandatory for processing this request is not supplied.`);
        return { key: o.Key, value: o.Value };
    });
    const size = p.int("Size", 1, 200) ?? 20;
    const token = p.str("NextToken");
    const offset = token === undefined || token === "" ? 0 : /^\d+$/.test(token) ? Number(token) : Number.NaN;
    if (Number.isNaN(offset)) throw pvtzError("InvalidParameter", `NextToken "${token}" was not returned by a previous call.`);
    const rows = Object.values(caller.pvtz.zones)
        .filter((z) => ids.length === 0 || ids.includes(z.id))
        .filter((z) => want.every((w) => (z.tags ?? []).some((t) => t.key === w.key && (w.value === undefined || t.value === w.value))))
        .sort((a, b) => a.createdAt - b.createdAt)
        .flatMap((z) => (z.tags ?? []).map((t) => ({ ResourceId: z.id, ResourceType: "ZONE", TagKey: t.key, TagValue: t.value })));
    const items = rows.slice(offset, offset + size);
    return { TagResources: items, NextToken: offset + size < rows.length ? String(offset + size) : "" };
};
