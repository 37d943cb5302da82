// POST   /v1/{project_id}/vpc-endpoints                          CreateEndpoint
// GET    /v1/{project_id}/vpc-endpoints                          ListEndpoints
// GET    /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}        ListEndpointInfoDetails
// PUT    /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}        UpdateEndpointWhite
// PUT    /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/routetables   UpdateEndpointRoutetable
// PUT    /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/policy        UpdateEndpointPolicy
// DELETE /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}/policy        DeleteEndpointPolicy
// DELETE /v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}        DeleteEndpoint
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { vpcepOp } from "./operation";
import {
    CreateEndpointRequest,
    Endpoint,
    ListEndpointsFilter,
    ListEndpointsResponse,
    UpdateEndpointPolicyRequest,
    UpdateEndpointRoutetableRequest,
    UpdateEndpointWhiteRequest,
} from "./schemas";

const BASE = "/v1/{project_id}/vpc-endpoints";

/** Creates an endpoint. Not idempotent: a lost response raises OutcomeUnknownError. */
export async function createEndpoint(client: HuaweiClient, input: CreateEndpointRequest, opts: CallOptions = {}): Promise<Endpoint> {
    const body = parseRequest(CreateEndpointRequest, input, "vpcep", "CreateEndpoint");
    return client.call(vpcepOp("CreateEndpoint", "POST", BASE, { body, signal: opts.signal }), Endpoint);
}

/** All endpoints matching the filter (every page). */
export async function listEndpoints(client: HuaweiClient, filter: ListEndpointsFilter = {}, opts: ListOptions<Endpoint> = {}): Promise<Endpoint[]> {
    const q = parseRequest(ListEndpointsFilter, filter, "vpcep", "ListEndpoints");
    return listAll(client, vpcepOp("ListEndpoints", "GET", BASE), ListEndpointsResponse, (p) => ({ items: p.endpoints, total: p.total_count }), q, {
        ...opts,
        maxPageSize: 1000,
    });
}

/** One endpoint. Raises NotFoundError when it does not exist. */
export async function listEndpointInfoDetails(client: HuaweiClient, endpointId: string, opts: CallOptions = {}): Promise<Endpoint> {
    return client.call(vpcepOp("ListEndpointInfoDetails", "GET", `${BASE}/${seg(endpointId)}`, { signal: opts.signal }), Endpoint);
}

/** Replaces the endpoint's whitelist and/or switches access control. */
export async function updateEndpointWhite(
    client: HuaweiClient,
    endpointId: string,
    input: UpdateEndpointWhiteRequest,
    opts: CallOptions = {},
): Promise<Endpoint> {
    const body = parseRequest(UpdateEndpointWhiteRequest, input, "vpcep", "UpdateEndpointWhite");
    return client.call(vpcepOp("UpdateEndpointWhite", "PUT", `${BASE}/${seg(endpointId)}`, { body, signal: opts.signal }), Endpoint);
}

/** Gateway endpoints: replaces the route tables. */
export async function updateEndpointRoutetable(
    client: HuaweiClient,
    endpointId: string,
    input: UpdateEndpointRoutetableRequest,
    opts: CallOptions = {},
): Promise<Endpoint> {
    const body = parseRequest(UpdateEndpointRoutetableRequest, input, "vpcep", "UpdateEndpointRoutetable");
    return client.call(vpcepOp("UpdateEndpointRoutetable", "PUT", `${BASE}/${seg(endpointId)}/routetables`, { body, signal: opts.signal }), Endpoint);
}

/** Sets the endpoint's policy: `policy_statement` (gateway endpoints) or `policy_document` (interface endpoints). */
export async function updateEndpointPolicy(
    client: HuaweiClient,
    endpointId: string,
    input: UpdateEndpointPolicyRequest,
    opts: CallOptions = {},
): Promise<Endpoint> {
    const body = parseRequest(UpdateEndpointPolicyRequest, input, "vpcep", "UpdateEndpointPolicy");
    return client.call(vpcepOp("UpdateEndpointPolicy", "PUT", `${BASE}/${seg(endpointId)}/policy`, { body, signal: opts.signal }), Endpoint);
}

/** Removes the endpoint's policy (the cloud's default, full access, applies again). */
export async function deleteEndpointPolicy(client: HuaweiClient, endpointId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(vpcepOp("DeleteEndpointPolicy", "DELETE", `${BASE}/${seg(endpointId)}/policy`, { signal: opts.signal }));
}

/** Starts the deletion (204; the endpoint then reads `deleting` until it is gone). */
export async function deleteEndpoint(client: HuaweiClient, endpointId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(vpcepOp("DeleteEndpoint", "DELETE", `${BASE}/${seg(endpointId)}`, { signal: opts.signal }));
}
