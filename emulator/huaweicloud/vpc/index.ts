import type { ApiModule } from "../../core/api-module";
import { huaweiAuthScheme } from "../../core/auth/huawei-scheme";
import type { World } from "../../core/world";
import { vpcErrors } from "./errors";
import { vpcRoutes } from "./routes";

/**
 * Huawei Cloud VPC: v1 VPCs and subnets (`/v1/{project_id}/vpcs|subnets`) and neutron ports
 * (`/v2.0/ports`), over the shared network model (which the core persists and resets, so the
 * module has no state of its own). Clients point their `vpc` endpoint (`vpc.{region}.myhuaweicloud.com`)
 * at the emulator's base URL; routing is by path, as for the other Huawei APIs.
 */
export function createVpcApi(world: World): ApiModule {
    return { name: "vpc", routes: vpcRoutes({ world }), auth: huaweiAuthScheme(world, vpcErrors), errors: vpcErrors };
}
