import type { HandlerContext } from "../../../core/api-module";
import { vpcepError } from "../errors";
import type { Tag } from "../models";
import * as v from "../validation";
import { noContent, ok, ownEndpoint, ownService, scopeOf, type Vpcep, type VpcepHandler } from "./context";

// POST /v1/{project_id}/{resource_type}/{resource_id}/tags/action   BatchAddOrDeleteResourceTags
// GET  /v1/{project_id}/{resource_type}/tags                        ListResourceTags

const RESOURCE_TYPES = ["endpoint_service", "endpoint"];

function resourceType(ctx: HandlerContext): "endpoint_service" | "endpoint" {
    const t = ctx.params.resource_type!;
    if (!RESOURCE_TYPES.includes(t)) throw vpcepError("EndPoint.3070", `resource_type must be endpoint_service or endpoint, got ${JSON.stringify(t)}.`);
    return t as "endpoint_service" | "endpoint";
}

/** The tag list of the addressed resource (404 with the resource's own not-found code). */
function taggable(api: Vpcep, ctx: HandlerContext): { tags: Tag[] } {
    const id = ctx.params.resource_id!;
    return resourceType(ctx) === "endpoint_service" ? ownService(api, ctx, id).service : ownEndpoint(api, ctx, id).endpoint;
}

export const batchAddOrDeleteTags: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const resource = taggable(api, ctx);
    if (body.action !== "create" && body.action !== "delete")
        throw vpcepError("EndPoint.0007", `action must be create or delete, got ${JSON.stringify(body.action)}.`);
    if (!Array.isArray(body.tags) || body.tags.length === 0) throw vpcepError("EndPoint.3066", "tags must be a non-empty array.");
    if (body.action === "create") {
        const incoming = v.tags(body.tags);
        const merged = [...resource.tags];
        for (const t of incoming) {
            const i = merged.findIndex((x) => x.key === t.key);
            if (i >= 0) merged[i] = t;
            else merged.push(t);
        }
        if (merged.length > v.MAX_TAGS) throw vpcepError("EndPoint.3069", `a resource can carry at most ${v.MAX_TAGS} tags; this would make ${merged.length}.`);
        resource.tags = merged;
    } else {
        const removals = body.tags.map((t: unknown, i: number) => {
            const o = (t ?? {}) as Record<string, unknown>;
            if (typeof o.key !== "string" || o.key === "") throw vpcepError("EndPoint.3066", `tags[${i}].key must not be empty.`);
            return { key: o.key, value: typeof o.value === "string" && o.value !== "" ? o.value : undefined };
        });
        // A delete names the key, and optionally the value it must still have.
        resource.tags = resource.tags.filter((t) => !removals.some((r) => r.key === t.key && (r.value === undefined || r.value === t.value)));
    }
    api.world.markDirty();
    return noContent();
};

export const listResourceTags: VpcepHandler = (api, ctx) => {
    const type = resourceType(ctx);
    const own = api.state.scope(scopeOf(ctx));
    const lists: Tag[][] =
        type === "endpoint_service"
            ? Object.values(own.services)
                  .filter((s) => api.state.serviceStatus(s, "peek") !== "gone")
                  .map((s) => s.tags)
            : Object.values(own.endpoints)
                  .filter((e) => api.state.endpointStatus(e, "peek") !== "gone")
                  .map((e) => e.tags);
    const byKey = new Map<string, Set<string>>();
    for (const t of lists.flat()) {
        if (!byKey.has(t.key)) byKey.set(t.key, new Set());
        byKey.get(t.key)!.add(t.value);
    }
    return ok({ tags: [...byKey.entries()].map(([key, values]) => ({ key, values: [...values] })) });
};
