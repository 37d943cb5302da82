import type { Route } from "../../core/api-module";
import type { World } from "../../core/world";
import { createTokenByPassword, listProjects } from "./handlers";

/** IAM routes: token issue (unauthenticated; the body carries the password) and project listing. */
export function iamRoutes(world: World): Route[] {
    return [
        { method: "POST", path: "/v3/auth/tokens", operation: "KeystoneCreateUserTokenByPassword", handler: createTokenByPassword(world) },
        { method: "GET", path: "/v3/projects", operation: "KeystoneListProjects", handler: listProjects },
    ];
}
