import { randomBytes } from "node:crypto";
import type { Account } from "../../../core/accounts";
import type { ApiResponse, HandlerContext } from "../../../core/api-module";
import type { Scope } from "../../../core/scoped-store";
import type { World } from "../../../core/world";
import { plError } from "../errors";
import type { EndpointRecord, EndpointStatus, ServiceRecord, ServiceStatus, Tag } from "../models";
import { Params } from "../params";
import type { PrivateLinkState } from "../state";

/** What every PrivateLink handler works with. */
export interface PrivateLink {
    world: World;
    state: PrivateLinkState;
}

/** The authenticated caller and the region the request addresses. */
export interface Caller {
    account: Account;
    uid: string;
    region: string;
    scope: Scope;
}

/** A handler returns the body without RequestId; the route wrapper adds it. */
export type PrivateLinkHandler = (api: PrivateLink, p: Params, caller: Caller, ctx: HandlerContext) => Record<string, unknown>;

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** Whether a text has the shape of a region id (cn-hangzhou, ap-southeast-1). */
export const isRegionId = (s: string) => REGION.test(s);

export function callerOf(ctx: HandlerContext, p: Params): Caller {
    const account = ctx.principal.account!;
    const region = p.required("RegionId");
    if (!REGION.test(region)) throw plError("InvalidRegionId.NotFound", `RegionId ${region}.`);
    const uid = account.alicloud.accountId;
    return { account, uid, region, scope: { projectId: `alicloud:${uid}`, region } };
}

export function wrap(api: PrivateLink, handler: PrivateLinkHandler): (ctx: HandlerContext) => ApiResponse {
    return (ctx) => {
        const p = Params.fromRecord(ctx.params);
        const body = handler(api, p, callerOf(ctx, p), ctx);
        return { status: 200, body: { RequestId: ctx.req.requestId, ...body } };
    };
}

/** A new id with Alibaba's shape: prefix + 20 lowercase alphanumerics. */
export function newId(prefix: string): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    return `${prefix}-${[...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

/** DryRun: everything was validated; answer DryRunOperation instead of acting. */
export function dryRun(p: Params): void {
    if (p.bool("DryRun")) throw plError("DryRunOperation");
}

/**
 * ClientToken: a repeated token returns the first answer (the create is not repeated). Checked
 * before validation, as the API does; a DryRun never records a token.
 */
export function idempotent(api: PrivateLink, p: Params, caller: Caller, action: string, run: () => Record<string, unknown>): Record<string, unknown> {
    const token = p.str("ClientToken");
    if (token === undefined) return run();
    if (token.length > 64 || !/^[\x20-\x7e]+$/.test(token)) throw plError("IllegalParam.ClientToken", "ClientToken must be at most 64 ASCII characters.");
    const tokens = api.state.scope(caller.scope).tokens;
    const key = `${action}/${token}`;
    if (tokens[key] !== undefined) return tokens[key] as Record<string, unknown>;
    const result = run();
    tokens[key] = result;
    api.world.markDirty();
    return result;
}

/** The caller's endpoint with its status (a read); `EndpointNotFound` otherwise. */
export function ownEndpoint(api: PrivateLink, p: Params, caller: Caller): { endpoint: EndpointRecord; status: EndpointStatus } {
    const id = p.required("EndpointId");
    const e = api.state.scope(caller.scope).endpoints[id];
    const status = e && api.state.endpointStatus(e);
    if (!e || !status || status === "gone") throw plError("EndpointNotFound", `EndpointId ${id}.`);
    return { endpoint: e, status };
}

/** The caller's service with its status (a read); `EndpointServiceNotFound` otherwise. */
export function ownService(api: PrivateLink, p: Params, caller: Caller): { service: ServiceRecord; status: ServiceStatus } {
    const id = p.required("ServiceId");
    const s = api.state.scope(caller.scope).services[id];
    const status = s && api.state.serviceStatus(s);
    if (!s || !status || status === "gone") throw plError("EndpointServiceNotFound", `ServiceId ${id}.`);
    return { service: s, status };
}

/** Modifications need a settled endpoint: transitional states answer codes clients retry. */
export function endpointModifiable(
    e: EndpointRecord,
    status: EndpointStatus,
    code: "EndpointOperationDenied" | "ConcurrentCallNotSupported" = "EndpointOperationDenied",
): void {
    if (status === "Deleting") throw plError("EndpointLocked", `Endpoint ${e.id} is being deleted.`);
    if (status !== "Active") throw plError(code, `Endpoint ${e.id} is ${status}.`);
}

export function serviceModifiable(s: ServiceRecord, status: ServiceStatus): void {
    if (status === "Deleting") throw plError("EndpointServiceLocked", `Endpoint service ${s.id} is being deleted.`);
    if (status !== "Active") throw plError("EndpointServiceOperationDenied", `Endpoint service ${s.id} is ${status}.`);
}

const RESERVED_TAG = /^(aliyun|acs:)/i;

/**
 * `Tag.N.Key` / `Tag.N.Value`: up to 20 tags, keys 1–64 and values 0–128 characters, neither starting
 * with aliyun or acs: nor containing http:// or https:// (TagResourcesRequest and
 * CreateVpcEndpointServiceRequest's Tag, official SDK 4.0.9).
 */
export function tagsParam(p: Params, name = "Tag"): Tag[] {
    const tags: Tag[] = [];
    for (const o of p.objects(name)) {
        const key = o.Key ?? "";
        const value = o.Value ?? "";
        if (key === "" || key.length > 64 || RESERVED_TAG.test(key) || /https?:\/\//.test(key))
            throw plError(
                "IllegalParam.TagKey",
                `Tag key "${key}" must have 1–64 characters, not start with aliyun or acs: and not contain http:// or https://.`,
            );
        if (value.length > 128 || RESERVED_TAG.test(value) || /https?:\/\//.test(value))
            throw plError(
                "IllegalParam.TagValue",
                `Tag value "${value}" must have at most 128 characters, not start with aliyun or acs: and not contain http:// or https://.`,
            );
        const i = tags.findIndex((t) => t.Key === key);
        if (i >= 0) tags[i] = { Key: key, Value: value };
        else tags.push({ Key: key, Value: value });
    }
    if (tags.length > 20) throw plError("QuotaExceeded.TagsPerResource", "At most 20 tags per resource.");
    return tags;
}

/** Description rule shared by endpoints and services: 2–256 characters, not a URL. */
export function descriptionParam(p: Params, name: string, code: "IllegalParam.EndpointDescription" | "IllegalParam.ServiceDescription"): string | undefined {
    const v = p.raw(name);
    if (v === undefined) return undefined;
    if (v !== "" && (v.length < 2 || v.length > 256 || /^https?:\/\//.test(v)))
        throw plError(code, `${name} must have 2–256 characters and not start with http:// or https://.`);
    return v;
}
