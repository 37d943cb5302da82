import type { Route } from "../../core/api-module";
import { notEmulatedRoutes } from "../../core/not-emulated";
import { vpcepErrors } from "./errors";
import { acceptOrRejectEndpoint, listServiceConnections, updateEndpointConnection } from "./handlers/connections";
import type { Vpcep, VpcepHandler } from "./handlers/context";
import {
    createEndpoint,
    deleteEndpoint,
    deleteEndpointPolicy,
    getEndpoint,
    listEndpoints,
    updateEndpointPolicy,
    updateEndpointRoutetables,
    updateEndpointWhitelist,
} from "./handlers/endpoints";
import { batchAddOrRemovePermissions, listServicePermissions } from "./handlers/permissions";
import { listQuotaDetails } from "./handlers/quotas";
import {
    createEndpointService,
    deleteEndpointService,
    describeEndpointService,
    getEndpointService,
    listEndpointServices,
    listPublicEndpointServices,
    updateEndpointService,
} from "./handlers/services";
import { batchAddOrDeleteTags, listResourceTags } from "./handlers/tags";
import { NOT_EMULATED } from "./not-emulated";

const P = "/v1/{project_id}";
const SVC = `${P}/vpc-endpoint-services`;
const EP = `${P}/vpc-endpoints`;

/** Every VPCEP operation: [method, path, SDK operation name, handler]. */
const TABLE: Array<[string, string, string, VpcepHandler]> = [
    ["GET", `${P}/quotas`, "ListQuotaDetails", listQuotaDetails],
    ["POST", SVC, "CreateEndpointService", createEndpointService],
    ["GET", SVC, "ListEndpointServices", listEndpointServices],
    ["GET", `${SVC}/describe`, "ListServiceDescribeDetails", describeEndpointService],
    ["GET", `${SVC}/public`, "ListServicePublicDetails", listPublicEndpointServices],
    ["GET", `${SVC}/{vpc_endpoint_service_id}`, "ListServiceDetails", getEndpointService],
    ["PUT", `${SVC}/{vpc_endpoint_service_id}`, "UpdateEndpointService", updateEndpointService],
    ["DELETE", `${SVC}/{vpc_endpoint_service_id}`, "DeleteEndpointService", deleteEndpointService],
    ["GET", `${SVC}/{vpc_endpoint_service_id}/connections`, "ListServiceConnections", listServiceConnections],
    ["POST", `${SVC}/{vpc_endpoint_service_id}/connections/action`, "AcceptOrRejectEndpoint", acceptOrRejectEndpoint],
    ["PUT", `${SVC}/{vpc_endpoint_service_id}/connections/description`, "UpdateEndpointConnection", updateEndpointConnection],
    ["GET", `${SVC}/{vpc_endpoint_service_id}/permissions`, "ListServicePermissionsDetails", listServicePermissions],
    ["POST", `${SVC}/{vpc_endpoint_service_id}/permissions/action`, "BatchAddOrRemoveEndpointServicePermissions", batchAddOrRemovePermissions],
    ["POST", EP, "CreateEndpoint", createEndpoint],
    ["GET", EP, "ListEndpoints", listEndpoints],
    ["GET", `${EP}/{vpc_endpoint_id}`, "ListEndpointInfoDetails", getEndpoint],
    ["PUT", `${EP}/{vpc_endpoint_id}`, "UpdateEndpointWhite", updateEndpointWhitelist],
    ["PUT", `${EP}/{vpc_endpoint_id}/routetables`, "UpdateEndpointRoutetable", updateEndpointRoutetables],
    ["PUT", `${EP}/{vpc_endpoint_id}/policy`, "UpdateEndpointPolicy", updateEndpointPolicy],
    ["DELETE", `${EP}/{vpc_endpoint_id}/policy`, "DeleteEndpointPolicy", deleteEndpointPolicy],
    ["DELETE", `${EP}/{vpc_endpoint_id}`, "DeleteEndpoint", deleteEndpoint],
    ["POST", `${P}/{resource_type}/{resource_id}/tags/action`, "BatchAddOrDeleteResourceTags", batchAddOrDeleteTags],
    ["GET", `${P}/{resource_type}/tags`, "ListResourceTags", listResourceTags],
];

/** The VPCEP routes bound to one emulator's state. */
export function vpcepRoutes(api: Vpcep): Route[] {
    const routes = TABLE.map(([method, path, operation, handler]): Route => ({ method, path, operation, handler: (ctx) => handler(api, ctx) }));
    return [...routes, ...notEmulatedRoutes(NOT_EMULATED, vpcepErrors)];
}
