import { type Account, accounts } from "../accounts";
import type { ApiErrors, AuthScheme, Principal } from "../api-module";
import type { World } from "../world";
import { verifySignature } from "./huawei-signature";

function header(h: Record<string, string | string[] | undefined>, name: string): string | undefined {
    const v = h[name];
    return Array.isArray(v) ? v[0] : v;
}

/**
 * Huawei Cloud authentication as the API gateway does it, shared by every Huawei API module:
 * `X-Auth-Token` (issued by the emulated IAM) or AK/SK `SDK-HMAC-SHA256`. The project in the
 * path (`{project_id}`) or in `X-Project-Id` must belong to the caller's account, and a token
 * must be scoped to that very project.
 */
export function huaweiAuthScheme(world: World, errors: ApiErrors): AuthScheme {
    return {
        authenticate(req, params): Principal {
            const now = world.now();
            let account: Account | undefined;
            let tokenProject: string | undefined;
            let method: Principal["method"];
            const token = header(req.headers, "x-auth-token");
            if (token !== undefined) {
                const rec = world.tokens.lookup(token);
                if (!rec) throw errors.unauthorized("The token is invalid.");
                if (rec.expiresAt <= now) throw errors.unauthorized("The token has expired.");
                account = accounts.byName(rec.account);
                tokenProject = rec.projectId;
                method = "token";
            } else {
                const v = verifySignature(req, now, (ak) => accounts.byAccessKey(ak)?.secretKey);
                if (!v.ok) throw errors.unauthorized(v.reason);
                account = accounts.byAccessKey(v.accessKey);
                method = "aksk";
            }
            if (!account) throw errors.unauthorized("The account does not exist.");
            const headerProject = header(req.headers, "x-project-id");
            const pathProject = params.project_id;
            if (pathProject !== undefined && headerProject !== undefined && pathProject !== headerProject) {
                throw errors.forbidden(`X-Project-Id ${headerProject} does not match the project ${pathProject} in the path.`);
            }
            const projectId = pathProject ?? headerProject ?? tokenProject;
            let region: string | undefined;
            if (projectId !== undefined) {
                const project = account.projects.find((p) => p.id === projectId);
                if (!project) throw errors.forbidden(`Project ${projectId} does not belong to the caller's account.`);
                if (method === "token" && tokenProject !== projectId) throw errors.forbidden(`The token is not scoped to project ${projectId}.`);
                region = project.region;
            }
            return { account, projectId, region, method };
        },
    };
}

/** For operations that authenticate through their body (IAM token issue). */
export const anonymousAuth: AuthScheme = {
    authenticate: () => ({ method: "none" }),
};
