import { newUuid } from "../../../core/ids";
import { vpcepError } from "../errors";
import { permissionToWire } from "../models";
import * as v from "../validation";
import { ok, ownService, type VpcepHandler } from "./context";

// GET  /v1/{project_id}/vpc-endpoint-services/{id}/permissions          ListServicePermissionsDetails
// POST /v1/{project_id}/vpc-endpoint-services/{id}/permissions/action   BatchAddOrRemoveEndpointServicePermissions

const DOMAIN_PERMISSION = /^(\*|iam:domain::[0-9a-f]{32})$/;
/**
 * An organization path: letters, digits and `/ - * ?`, at most 1024 characters, `*` standing for
 * every account below (the SDK's AddOrRemoveServicePermissionsRequestBody: "org_path类型支持
 * a~z、A~Z、0~9、/-*?或者*，最大长度可以传1024", e.g. `o-…/r-…/ou-…/*`).
 */
const ORG_PERMISSION = /^organizations:orgPath::[A-Za-z0-9/*?-]{1,1024}$/;
/** The most permissions one action may carry. */
export const MAX_PERMISSIONS_PER_ACTION = 50;

export const listServicePermissions: VpcepHandler = (api, ctx) => {
    const { service } = ownService(api, ctx);
    const q = ctx.req.query;
    const filter = q.get("permission");
    const rows = service.permissions.filter((p) => filter === null || p.permission.includes(filter));
    const { items, total } = v.page(rows, (p) => ({ created: p.createdAt, updated: p.createdAt, id: p.id }), q, 500);
    return ok({ permissions: items.map(permissionToWire), total_count: total });
};

export const batchAddOrRemovePermissions: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { service } = ownService(api, ctx);
    if (body.action !== "add" && body.action !== "remove")
        throw vpcepError("EndPoint.3035", `action must be add or remove, got ${JSON.stringify(body.action)}.`);
    const type = v.enumField(body, "permission_type", ["domainId", "orgPath"] as const, "domainId", "EndPoint.3036")!;
    if (!Array.isArray(body.permissions) || body.permissions.length === 0) throw vpcepError("EndPoint.3036", "permissions must be a non-empty array.");
    if (body.permissions.length > MAX_PERMISSIONS_PER_ACTION)
        throw vpcepError("EndPoint.0016", `at most ${MAX_PERMISSIONS_PER_ACTION} permissions per request.`);
    const pattern = type === "domainId" ? DOMAIN_PERMISSION : ORG_PERMISSION;
    const wanted = body.permissions.map((p: unknown, i: number) => {
        if (typeof p !== "string" || !pattern.test(p)) {
            throw vpcepError(
                "EndPoint.3002",
                `permissions[${i}] ${JSON.stringify(p)} must be ${type === "domainId" ? '"*" or "iam:domain::<32-hex domain id>"' : '"organizations:orgPath::<path>"'}.`,
            );
        }
        return p;
    });
    const now = api.world.now();
    if (body.action === "add") {
        for (const p of wanted) {
            if (!service.permissions.some((x) => x.permission === p))
                service.permissions.push({ id: newUuid(), permission: p, permissionType: type, description: "", createdAt: now });
        }
    } else {
        service.permissions = service.permissions.filter((x) => !wanted.includes(x.permission));
    }
    api.world.markDirty();
    return ok({ permissions: service.permissions.map((p) => p.permission) });
};
