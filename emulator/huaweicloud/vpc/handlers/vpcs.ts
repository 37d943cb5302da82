import type { Scope } from "../../../core/scoped-store";
import { NetworkError } from "../../../network/store";
import { vpcError } from "../errors";
import { vpcToWire } from "../models";
import { markerPage, parseLimit, V1_DEFAULT_LIMIT } from "../paging";
import * as v from "../validation";
import { ownVpc, reply, scopeOf, type VpcApi, type VpcHandler } from "./context";

// GET    /v1/{project_id}/vpcs            ListVpcs    ?id, enterprise_project_id, limit, marker
// POST   /v1/{project_id}/vpcs            CreateVpc   → 200 {"vpc":{…,"status":"CREATING"}}
// GET    /v1/{project_id}/vpcs/{vpc_id}   ShowVpc
// PUT    /v1/{project_id}/vpcs/{vpc_id}   UpdateVpc   → 200 {"vpc":{…}}
// DELETE /v1/{project_id}/vpcs/{vpc_id}   DeleteVpc   → 204
// (paths, status codes and fields: "Querying VPCs", "Creating a VPC", "Querying VPC Details",
// "Updating VPC Information", "Deleting a VPC" of the VPC API reference; the Python SDK's
// ListVpcsRequest/CreateVpcOption; terraform-provider-huaweicloud's resource_huaweicloud_vpc.go
// waits for `OK` after create and for 404 after delete.)

/** Refuses a name another VPC of the project has (`VPC.0115`); an empty name never clashes. */
function uniqueName(api: VpcApi, scope: Scope, name: string | undefined, self?: string): void {
    if (!name) return;
    const other = Object.values(api.world.network.scope(scope).vpcs).find((x) => x.name === name && x.id !== self);
    if (other) throw vpcError("VPC.0115", `VPC ${other.id} is named ${JSON.stringify(name)}.`);
}

/** ListVpcs: the project's VPCs in creation order, filtered by `id` and `enterprise_project_id`, marker-paged. */
export const listVpcs: VpcHandler = (api, ctx) => {
    const scope = scopeOf(ctx);
    const q = ctx.req.query;
    const limit = parseLimit(q.get("limit"));
    if (Number.isNaN(limit)) throw vpcError("VPC.0101", `limit must be an integer from 0 to 2147483647, got ${JSON.stringify(q.get("limit"))}.`);
    const id = q.get("id");
    const ep = q.get("enterprise_project_id");
    const all = Object.values(api.world.network.scope(scope).vpcs);
    const page = markerPage(
        all,
        (x) => (id === null || x.id === id) && (ep === null || ep === "all_granted_eps" || (x.enterpriseProjectId ?? "0") === ep),
        q.get("marker") ?? undefined,
        limit ?? V1_DEFAULT_LIMIT,
    );
    if (!page) throw vpcError("VPC.0101", `marker ${q.get("marker")} is not a VPC of the project.`);
    return reply(200, { vpcs: page.items.map((x) => vpcToWire(x, scope.projectId)) });
};

/** ShowVpc: one VPC of the project. */
export const showVpc: VpcHandler = (api, ctx) => reply(200, { vpc: vpcToWire(ownVpc(api, ctx), scopeOf(ctx).projectId) });

/** CreateVpc: a VPC with its default route table; the answer says `CREATING`, reads say `OK`. */
export const createVpc: VpcHandler = (api, ctx) => {
    const body = v.wrapped(ctx.req, "vpc", "VPC.0101");
    const scope = scopeOf(ctx);
    const name = body.name === undefined || body.name === null ? "" : v.name(body.name, 0, "VPC.0101");
    const cidr = v.vpcCidr(body.cidr);
    const description = v.description(body, "VPC.0101");
    const enterpriseProjectId = v.enterpriseProject(body);
    uniqueName(api, scope, name);
    const now = api.world.now();
    const vpc = api.world.network.addVpc(scope, { name, cidr, description, enterpriseProjectId, createdAt: now, updatedAt: now });
    // Every VPC has a default route table (what gateway endpoints use when they name none).
    api.world.network.addRouteTable(scope, { vpcId: vpc.id, name: `rtb-${name || vpc.id.slice(0, 8)}` });
    return reply(200, { vpc: vpcToWire(vpc, scope.projectId, "CREATING") });
};

/** UpdateVpc: name, description and CIDR (which must still hold every subnet). */
export const updateVpc: VpcHandler = (api, ctx) => {
    const vpc = ownVpc(api, ctx);
    const body = v.wrapped(ctx.req, "vpc", "VPC.0101");
    const scope = scopeOf(ctx);
    const name = body.name === undefined || body.name === null ? undefined : v.name(body.name, 0, "VPC.0101");
    const cidr = body.cidr === undefined || body.cidr === null ? undefined : v.vpcCidr(body.cidr);
    const description = v.description(body, "VPC.0101");
    uniqueName(api, scope, name, vpc.id);
    try {
        api.world.network.updateVpc(scope, vpc.id, { name, cidr, description, updatedAt: api.world.now() });
    } catch (e) {
        if (e instanceof NetworkError && e.reason === "outside_vpc") throw vpcError("VPC.0117", `${e.message}.`);
        throw e;
    }
    return reply(200, { vpc: vpcToWire(vpc, scope.projectId) });
};

/** DeleteVpc: a VPC without subnets, with its route tables. */
export const deleteVpc: VpcHandler = (api, ctx) => {
    const vpc = ownVpc(api, ctx);
    try {
        api.world.network.removeVpc(scopeOf(ctx), vpc.id);
    } catch (e) {
        if (e instanceof NetworkError && e.reason === "in_use") throw vpcError("VPC.0104", `${e.message}.`);
        throw e;
    }
    return reply(204);
};
