// POST   /v1/{project_id}/vpc-endpoint-services                      CreateEndpointService
// GET    /v1/{project_id}/vpc-endpoint-services                      ListEndpointServices
// GET    /v1/{project_id}/vpc-endpoint-services/describe             ListServiceDescribeDetails
// GET    /v1/{project_id}/vpc-endpoint-services/public               ListServicePublicDetails
// GET    /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}   ListServiceDetails
// PUT    /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}   UpdateEndpointService
// DELETE /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}   DeleteEndpointService
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { vpcepOp } from "./operation";
import {
    CreateEndpointServiceRequest,
    EndpointService,
    ListEndpointServicesFilter,
    ListEndpointServicesResponse,
    ListServicePublicDetailsResponse,
    type PublicEndpointService,
    ServiceDescribeDetails,
    UpdateEndpointServiceRequest,
} from "./schemas";

const BASE = "/v1/{project_id}/vpc-endpoint-services";

/**
 * Creates an endpoint service (answers at once in status `creating`). Not idempotent: a lost
 * response raises OutcomeUnknownError and is never retried blindly.
 */
export async function createEndpointService(client: HuaweiClient, input: CreateEndpointServiceRequest, opts: CallOptions = {}): Promise<EndpointService> {
    const body = parseRequest(CreateEndpointServiceRequest, input, "vpcep", "CreateEndpointService");
    return client.call(vpcepOp("CreateEndpointService", "POST", BASE, { body, signal: opts.signal }), EndpointService);
}

/** All endpoint services matching the filter (every page). */
export async function listEndpointServices(
    client: HuaweiClient,
    filter: ListEndpointServicesFilter = {},
    opts: ListOptions<EndpointService> = {},
): Promise<EndpointService[]> {
    const q = parseRequest(ListEndpointServicesFilter, filter, "vpcep", "ListEndpointServices");
    return listAll(
        client,
        vpcepOp("ListEndpointServices", "GET", BASE),
        ListEndpointServicesResponse,
        (p) => ({ items: p.endpoint_services, total: p.total_count }),
        q,
        {
            ...opts,
            maxPageSize: 1000,
        },
    );
}

/** Looks a service up by name or id (also services of other accounts the caller may connect to). */
export async function listServiceDescribeDetails(
    client: HuaweiClient,
    by: { endpoint_service_name?: string; id?: string },
    opts: CallOptions = {},
): Promise<ServiceDescribeDetails> {
    if (!by.endpoint_service_name && !by.id) throw new Error("listServiceDescribeDetails needs endpoint_service_name or id");
    return client.call(vpcepOp("ListServiceDescribeDetails", "GET", `${BASE}/describe`, { query: { ...by }, signal: opts.signal }), ServiceDescribeDetails);
}

/** Public (cloud-provided) endpoint services, every page. */
export async function listServicePublicDetails(
    client: HuaweiClient,
    filter: { endpoint_service_name?: string; id?: string } = {},
    opts: ListOptions<PublicEndpointService> = {},
): Promise<PublicEndpointService[]> {
    return listAll(
        client,
        vpcepOp("ListServicePublicDetails", "GET", `${BASE}/public`),
        ListServicePublicDetailsResponse,
        (p) => ({ items: p.endpoint_services, total: p.total_count }),
        { ...filter },
        {
            ...opts,
            maxPageSize: 1000,
        },
    );
}

/** One endpoint service. Raises NotFoundError when it does not exist. */
export async function listServiceDetails(client: HuaweiClient, serviceId: string, opts: CallOptions = {}): Promise<EndpointService> {
    return client.call(vpcepOp("ListServiceDetails", "GET", `${BASE}/${seg(serviceId)}`, { signal: opts.signal }), EndpointService);
}

export async function updateEndpointService(
    client: HuaweiClient,
    serviceId: string,
    input: UpdateEndpointServiceRequest,
    opts: CallOptions = {},
): Promise<EndpointService> {
    const body = parseRequest(UpdateEndpointServiceRequest, input, "vpcep", "UpdateEndpointService");
    return client.call(vpcepOp("UpdateEndpointService", "PUT", `${BASE}/${seg(serviceId)}`, { body, signal: opts.signal }), EndpointService);
}

/** Starts the deletion (204; the service then reads `deleting` until it is gone). */
export async function deleteEndpointService(client: HuaweiClient, serviceId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(vpcepOp("DeleteEndpointService", "DELETE", `${BASE}/${seg(serviceId)}`, { signal: opts.signal }));
}
