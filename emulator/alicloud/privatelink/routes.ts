import type { Route } from "../../core/api-module";
import { rpcResolver } from "../rpc/resolver";
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

/**
 * RPC routing (`POST /` whose action is a PrivateLink action of version 2020-04-15): the resolver
 * every Alibaba RPC API shares.
 */
export function resolver(routes: Map<string, Route>) {
    return rpcResolver({
        version: PRIVATELINK_VERSION,
        routes,
        notEmulated: NOT_EMULATED,
        errors: privatelinkErrors,
        unknownAction: (action) => plError("InvalidAction.NotFound", `Action ${action} of version ${PRIVATELINK_VERSION}.`),
    });
}
