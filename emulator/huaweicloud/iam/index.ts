import type { ApiModule, AuthScheme } from "../../core/api-module";
import { anonymousAuth, huaweiAuthScheme } from "../../core/auth/huawei-scheme";
import type { World } from "../../core/world";
import { iamErrors } from "./errors";
import { iamRoutes } from "./routes";

/**
 * Huawei Cloud IAM, the part clients need: password tokens and project lookup. Token issue is
 * the one operation without gateway authentication; project listing takes a token or AK/SK.
 */
export function createIamApi(world: World): ApiModule {
    const signed = huaweiAuthScheme(world, iamErrors);
    const auth: AuthScheme = {
        authenticate: (req, params) =>
            req.method === "POST" && req.path.replace(/\/+$/, "") === "/v3/auth/tokens"
                ? anonymousAuth.authenticate(req, params)
                : signed.authenticate(req, params),
    };
    return { name: "iam", routes: iamRoutes(world), auth, errors: iamErrors };
}
