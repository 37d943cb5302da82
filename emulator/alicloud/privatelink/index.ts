import type { ApiModule } from "../../core/api-module";
import { alibabaAuthScheme } from "../../core/auth/alicloud-scheme";
import type { World } from "../../core/world";
import { privatelinkAuthErrors, privatelinkErrors } from "./errors";
import { privatelinkRoutes, resolver } from "./routes";
import { PrivateLinkState } from "./state";

/** Alibaba Cloud PrivateLink 2020-04-15 (RPC style: `POST /` with an Action). */
export function createPrivateLinkApi(world: World): ApiModule {
    const state = new PrivateLinkState(world);
    const routes = privatelinkRoutes({ world, state });
    return {
        name: "privatelink",
        routes: [],
        resolve: resolver(routes),
        auth: alibabaAuthScheme(world, privatelinkAuthErrors),
        errors: privatelinkErrors,
        state,
    };
}
