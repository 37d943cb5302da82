// TagResources, UntagResources, ListTagResources
import { plError } from "../errors";
import type { Tag } from "../models";
import { type Params, page } from "../params";
import { type Caller, type PrivateLink, type PrivateLinkHandler, tagsParam } from "./context";

/** ResourceType values as the API spells them (matched case-insensitively). */
const TYPES: Record<string, "endpoint" | "service"> = { vpcendpoint: "endpoint", vpcendpointservice: "service" };
const SPELLING = { endpoint: "vpcendpoint", service: "vpcendpointservice" } as const;

function resourceType(p: Params): "endpoint" | "service" {
    const t = p.required("ResourceType");
    const kind = TYPES[t.toLowerCase()];
    if (!kind) throw plError("IllegalParam.ResourceType", `ResourceType "${t}" (vpcendpoint or vpcendpointservice).`);
    return kind;
}

/** The tag lists of the named resources, which must all be the caller's. */
function targets(
    api: PrivateLink,
    p: Params,
    caller: Caller,
    kind: "endpoint" | "service",
    required: boolean,
): Array<{ id: string; tags: Tag[]; set(t: Tag[]): void }> {
    const ids = p.list("ResourceId");
    if (required && ids.length === 0) throw plError("MissingParameter", "ResourceId.N is mandatory.");
    if (ids.length > 50) throw plError("InvalidParameter", "At most 50 ResourceId.N.");
    const scope = api.state.scope(caller.scope);
    const pick = ids.length ? ids : kind === "endpoint" ? Object.keys(scope.endpoints) : Object.keys(scope.services);
    const out: Array<{ id: string; tags: Tag[]; set(t: Tag[]): void }> = [];
    for (const id of pick) {
        if (kind === "endpoint") {
            const e = scope.endpoints[id];
            if (!e || api.state.endpointStatus(e, "peek") === "gone") {
                if (ids.length) throw plError("EndpointNotFound", `EndpointId ${id}.`);
                continue;
            }
            out.push({ id, tags: e.tags, set: (t) => (e.tags = t) });
        } else {
            const s = scope.services[id];
            if (!s || api.state.serviceStatus(s, "peek") === "gone") {
                if (ids.length) throw plError("EndpointServiceNotFound", `ServiceId ${id}.`);
                continue;
            }
            out.push({ id, tags: s.tags, set: (t) => (s.tags = t) });
        }
    }
    return out;
}

export const tagResources: PrivateLinkHandler = (api, p, caller) => {
    const kind = resourceType(p);
    const tags = tagsParam(p);
    if (tags.length === 0) throw plError("MissingParameter", "Tag.N is mandatory.");
    for (const t of targets(api, p, caller, kind, true)) {
        const next = [...t.tags];
        for (const tag of tags) {
            const i = next.findIndex((x) => x.Key === tag.Key);
            if (i >= 0) next[i] = tag;
            else next.push(tag);
        }
        if (next.length > 20) throw plError("QuotaExceeded.TagsPerResource", `${t.id} would have ${next.length} tags (at most 20).`);
        t.set(next);
    }
    api.world.markDirty();
    return {};
};

export const untagResources: PrivateLinkHandler = (api, p, caller) => {
    const kind = resourceType(p);
    const keys = p.list("TagKey");
    const all = p.bool("All") ?? false;
    for (const t of targets(api, p, caller, kind, true)) t.set(all && keys.length === 0 ? [] : t.tags.filter((x) => !keys.includes(x.Key)));
    api.world.markDirty();
    return {};
};

export const listTagResources: PrivateLinkHandler = (api, p, caller) => {
    const kind = resourceType(p);
    const want = tagsParam(p);
    const rows: Array<{ ResourceId: string; ResourceType: string; TagKey: string; TagValue: string }> = [];
    for (const t of targets(api, p, caller, kind, false)) {
        if (!want.every((w) => t.tags.some((x) => x.Key === w.Key && (w.Value === "" || x.Value === w.Value)))) continue;
        for (const tag of t.tags) rows.push({ ResourceId: t.id, ResourceType: SPELLING[kind], TagKey: tag.Key, TagValue: tag.Value });
    }
    const pg = page(p, rows);
    return { TagResources: pg.items, NextToken: pg.NextToken };
};
