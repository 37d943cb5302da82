import type { ApiResponse, HandlerContext } from "../../../core/api-module";
import type { World } from "../../../core/world";
import type { Subnet, Vpc } from "../../../network/model";
import { scopeOf } from "../../scope";
import { subnetNotFound, vpcError } from "../errors";

/** What every VPC handler works with: the VPC API keeps no state of its own, only the shared network model. */
export interface VpcApi {
    world: World;
}

/** A VPC API handler: the module binds it to its world. */
export type VpcHandler = (api: VpcApi, ctx: HandlerContext) => ApiResponse;

export { scopeOf };

/** A VPC of the caller's project; 404 `VPC.0003` otherwise (another project's VPC answers the same). */
export function ownVpc(api: VpcApi, ctx: HandlerContext, id = ctx.params.vpc_id!): Vpc {
    const vpc = api.world.network.vpc(scopeOf(ctx), id);
    if (!vpc) throw vpcError("VPC.0003", `vpc_id ${id}.`);
    return vpc;
}

/** A subnet of the caller's project; 404 `VPC.0202` otherwise. */
export function ownSubnet(api: VpcApi, ctx: HandlerContext, id = ctx.params.subnet_id!): Subnet {
    const subnet = api.world.network.subnet(scopeOf(ctx), id);
    if (!subnet) throw subnetNotFound(id);
    return subnet;
}

/** A handler's answer: status and JSON body (none for 204). */
export function reply(status: number, body?: unknown): ApiResponse {
    return { status, body };
}
