import type { ApiModule } from "../../core/api-module";
import { alibabaAuthScheme } from "../../core/auth/alicloud-scheme";
import type { World } from "../../core/world";
import { pvtzAuthErrors, pvtzErrors } from "./errors";
import { pvtzRoutes, resolver } from "./routes";
import { PvtzState } from "./state";

/** Alibaba Cloud PrivateZone 2018-01-01 (RPC style: `POST /` with an Action), signed like every Alibaba RPC API. */
export function createPvtzApi(world: World): ApiModule {
    const state = new PvtzState();
    return {
        name: "pvtz",
        routes: [],
        resolve: resolver(pvtzRoutes({ world, state })),
        auth: alibabaAuthScheme(world, pvtzAuthErrors),
        errors: pvtzErrors,
        state,
    };
}
