import type { ApiError } from "../../core/api-error";
import type { ApiErrors, ApiRequest, Route } from "../../core/api-module";
import { rpcParams } from "../../core/auth/alicloud-scheme";
import { NOT_EMULATED_CODE, notEmulatedMessage } from "../../core/not-emulated";

function header(req: ApiRequest, name: string): string | undefined {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}

/** What one RPC API's routing needs: its version, its actions, and the official SDK's actions it lacks. */
export interface RpcRouting {
    version: string;
    routes: Map<string, Route>;
    /** Actions of this version the official SDK declares and the emulator does not implement (501, named). */
    notEmulated: readonly string[];
    errors: ApiErrors;
    /** The API's `InvalidAction.NotFound` for an action the version does not have. */
    unknownAction(action: string): ApiError;
}

/**
 * RPC routing: `POST /` (or GET) whose action — the `Action` parameter (V1) or the `x-acs-action`
 * header (V3) — belongs to the API's version. Every RPC parameter becomes a route param; the
 * version tells APIs apart, since they all answer at `/`. An unknown action of this version
 * answers `InvalidAction.NotFound` after authentication.
 */
export function rpcResolver(r: RpcRouting) {
    return (req: ApiRequest): { route: Route; params: Record<string, string> } | undefined => {
        if (req.path !== "/" || (req.method !== "POST" && req.method !== "GET")) return undefined;
        const params: Record<string, string> = {};
        for (const [k, v] of rpcParams(req)) params[k] = v;
        const action = header(req, "x-acs-action") ?? params.Action;
        const version = header(req, "x-acs-version") ?? params.Version;
        if (!action || version !== r.version) return undefined;
        const route = r.routes.get(action) ?? {
            method: req.method,
            path: "/",
            operation: action,
            handler: () => {
                // An action the cloud has says so (501, named); one it does not have gets the cloud's own answer.
                if (r.notEmulated.includes(action)) throw r.errors.custom(501, NOT_EMULATED_CODE, notEmulatedMessage(action, `Action=${action}`));
                throw r.unknownAction(action);
            },
        };
        return { route, params };
    };
}
