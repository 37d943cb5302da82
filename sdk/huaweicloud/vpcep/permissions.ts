// GET  /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/permissions          ListServicePermissionsDetails
// POST /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/permissions/action   BatchAddOrRemoveEndpointServicePermissions
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { vpcepOp } from "./operation";
import {
    BatchAddOrRemovePermissionsRequest,
    BatchAddOrRemovePermissionsResponse,
    ListServicePermissionsFilter,
    ListServicePermissionsResponse,
    type Permission,
} from "./schemas";

const base = (serviceId: string): string => `/v1/{project_id}/vpc-endpoint-services/${seg(serviceId)}/permissions`;

/** Who may connect to a service (every page; the owner's own account is implicit and not listed). */
export async function listServicePermissionsDetails(
    client: HuaweiClient,
    serviceId: string,
    filter: ListServicePermissionsFilter = {},
    opts: ListOptions<Permission> = {},
): Promise<Permission[]> {
    const q = parseRequest(ListServicePermissionsFilter, filter, "vpcep", "ListServicePermissionsDetails");
    return listAll(
        client,
        vpcepOp("ListServicePermissionsDetails", "GET", base(serviceId)),
        ListServicePermissionsResponse,
        (p) => ({ items: p.permissions, total: p.total_count }),
        q,
        {
            ...opts,
            maxPageSize: 500,
        },
    );
}

/**
 * Adds or removes permissions. Marked idempotent: adding a present permission or removing an
 * absent one converges on the same set, so a retry after a lost response is safe.
 */
export async function batchAddOrRemoveEndpointServicePermissions(
    client: HuaweiClient,
    serviceId: string,
    input: BatchAddOrRemovePermissionsRequest,
    opts: CallOptions = {},
): Promise<Array<string | Permission>> {
    const body = parseRequest(BatchAddOrRemovePermissionsRequest, input, "vpcep", "BatchAddOrRemoveEndpointServicePermissions");
    const res = await client.call(
        vpcepOp("BatchAddOrRemoveEndpointServicePermissions", "POST", `${base(serviceId)}/action`, { body, idempotent: true, signal: opts.signal }),
        BatchAddOrRemovePermissionsResponse,
    );
    return res.permissions;
}
