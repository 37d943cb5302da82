import type { ApiModule } from "../../core/api-module";
import { huaweiAuthScheme } from "../../core/auth/huawei-scheme";
import type { World } from "../../core/world";
import { vpcepErrors } from "./errors";
import { vpcepRoutes } from "./routes";
import { VpcepState } from "./state";

/** Huawei Cloud VPC Endpoint v1 (`/v1/{project_id}/...`). */
export function createVpcepApi(world: World): ApiModule {
    const state = new VpcepState(world);
    return { name: "vpcep", routes: vpcepRoutes({ world, state }), auth: huaweiAuthScheme(world, vpcepErrors), errors: vpcepErrors, state };
}
