import type { ApiRequest, Route } from "../../core/api-module";
import { rpcParams } from "../../core/auth/alicloud-scheme";
import { NOT_EMULATED_CODE, notEmulatedMessage } from "../../core/not-emulated";
import { plError, privatelinkErrors } from "./errors";
import * as conn from "./handlers/connections";
import { type PrivateLink, type PrivateLinkHandler, wrap } from "./handlers/context";
import * as ep from "./handlers/endpoints";
import * as res from "./handlers/resources";
import * as svc from "./handlers/services";
import * as tags from "./handlers/tags";
import * as users from "./handlers/users";

/** The API version this module implements. */
export const PRIVATELINK_VERSION = "2020-04-15";

/** Every action: name (the request log's operation) → handler. */
const ACTIONS: Record<string, PrivateLinkHandler> = {
    CreateVpcEndpoint: ep.createVpcEndpoint,
    GetVpcEndpointAttribute: ep.getVpcEndpointAttribute,
    ListVpcEndpoints: ep.listVpcEndpoints,
    UpdateVpcEndpointAttribute: ep.updateVpcEndpointAttribute,
    DeleteVpcEndpoint: ep.deleteVpcEndpoint,
    AddZoneToVpcEndpoint: ep.addZoneToVpcEndpoint,
    RemoveZoneFromVpcEndpoint: ep.removeZoneFromVpcEndpoint,
    ListVpcEndpointZones: ep.listVpcEndpointZones,
    AttachSecurityGroupToVpcEndpoint: ep.attachSecurityGroupToVpcEndpoint,
    DetachSecurityGroupFromVpcEndpoint: ep.detachSecurityGroupFromVpcEndpoint,
    ListVpcEndpointSecurityGroups: ep.listVpcEndpointSecurityGroups,
    CreateVpcEndpointService: svc.createVpcEndpointService,
    GetVpcEndpointServiceAttribute: svc.getVpcEndpointServiceAttribute,
    ListVpcEndpointServices: svc.listVpcEndpointServices,
    ListVpcEndpointServicesByEndUser: svc.listVpcEndpointServicesByEndUser,
    UpdateVpcEndpointServiceAttribute: svc.updateVpcEndpointServiceAttribute,
    DeleteVpcEndpointService: svc.deleteVpcEndpointService,
    AttachResourceToVpcEndpointService: res.attachResourceToVpcEndpointService,
    DetachResourceFromVpcEndpointService: res.detachResourceFromVpcEndpointService,
    ListVpcEndpointServiceResources: res.listVpcEndpointServiceResources,
    AddUserToVpcEndpointService: users.addUserToVpcEndpointService,
    RemoveUserFromVpcEndpointService: users.removeUserFromVpcEndpointService,
    ListVpcEndpointServiceUsers: users.listVpcEndpointServiceUsers,
    EnableVpcEndpointConnection: conn.enableVpcEndpointConnection,
    DisableVpcEndpointConnection: conn.disableVpcEndpointConnection,
    UpdateVpcEndpointConnectionAttribute: conn.updateVpcEndpointConnectionAttribute,
    ListVpcEndpointConnections: conn.listVpcEndpointConnections,
    TagResources: tags.tagResources,
    UntagResources: tags.untagResources,
    ListTagResources: tags.listTagResources,
};

/**
 * The actions of version 2020-04-15 the official SDK declares (alibabacloud_privatelink20200415
 * 4.0.9, `client.py`) that the emulator does not implement: they answer 501 naming the action.
 */
const NOT_EMULATED = [
    "ChangeResourceGroup",
    "CheckProductOpen",
    "DescribeRegions",
    "DescribeZones",
    "DisableVpcEndpointZoneConnection",
    "EnableVpcEndpointZoneConnection",
    "OpenPrivateLinkService",
    "UpdateVpcEndpointServiceResourceAttribute",
    "UpdateVpcEndpointZoneConnectionResourceAttribute",
];

/** The routes, one per action, all at `POST /` (the resolver picks them by Action). */
export function privatelinkRoutes(api: PrivateLink): Map<string, Route> {
    const m = new Map<string, Route>();
    for (const [action, handler] of Object.entries(ACTIONS)) m.set(action, { method: "POST", path: "/", operation: action, handler: wrap(api, handler) });
    return m;
}

function header(req: ApiRequest, name: string): string | undefined {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}

/**
 * RPC routing: `POST /` (or GET) whose action — the `Action` parameter (V1) or the
 * `x-acs-action` header (V3) — is a PrivateLink action of version 2020-04-15. Every RPC
 * parameter becomes a route param. An unknown action of this version answers
 * `InvalidAction.NotFound` after authentication.
 */
export function resolver(routes: Map<string, Route>) {
    return (req: ApiRequest): { route: Route; params: Record<string, string> } | undefined => {
        if (req.path !== "/" || (req.method !== "POST" && req.method !== "GET")) return undefined;
        const pairs = rpcParams(req);
        const params: Record<string, string> = {};
        for (const [k, v] of pairs) params[k] = v;
        const action = header(req, "x-acs-action") ?? params.Action;
        const version = header(req, "x-acs-version") ?? params.Version;
        if (!action || version !== PRIVATELINK_VERSION) return undefined;
        const route = routes.get(action) ?? {
            method: req.method,
            path: "/",
            operation: action,
            handler: () => {
                // An action the cloud has says so (501, named); one it does not have gets the cloud's own answer.
                if (NOT_EMULATED.includes(action)) throw privatelinkErrors.custom(501, NOT_EMULATED_CODE, notEmulatedMessage(action, `Action=${action}`));
                throw plError("InvalidAction.NotFound", `Action ${action} of version ${PRIVATELINK_VERSION}.`);
            },
        };
        return { route, params };
    };
}
