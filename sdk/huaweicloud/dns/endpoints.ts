// POST   /v2.1/endpoints              CreateResolverEndpoint
// GET    /v2.1/endpoints              ListResolverEndpoints
// GET    /v2.1/endpoints/{id}         ShowResolverEndpoint
// PUT    /v2.1/endpoints/{id}         UpdateResolverEndpoint
// DELETE /v2.1/endpoints/{id}         DeleteResolverEndpoint
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { dnsOp } from "./operation";
import {
    CreateResolverEndpointRequest,
    ListResolverEndpointsFilter,
    ListResolverEndpointsResponse,
    type ResolverEndpoint,
    ResolverEndpointResponse,
    UpdateResolverEndpointRequest,
} from "./schemas";

const BASE = "/v2.1/endpoints";

/** Creates an endpoint (202, `PENDING_CREATE`). Not idempotent: a lost response raises OutcomeUnknownError. */
export async function createResolverEndpoint(client: HuaweiClient, input: CreateResolverEndpointRequest, opts: CallOptions = {}): Promise<ResolverEndpoint> {
    const body = parseRequest(CreateResolverEndpointRequest, input, "dns", "CreateResolverEndpoint");
    return (await client.call(dnsOp("CreateResolverEndpoint", "POST", BASE, { body, signal: opts.signal }), ResolverEndpointResponse)).endpoint;
}

/** All endpoints of one direction matching the filter (every page; the API allows 500 a page). */
export async function listResolverEndpoints(
    client: HuaweiClient,
    filter: ListResolverEndpointsFilter,
    opts: ListOptions<ResolverEndpoint> = {},
): Promise<ResolverEndpoint[]> {
    const q = parseRequest(ListResolverEndpointsFilter, filter, "dns", "ListResolverEndpoints");
    return listAll(
        client,
        dnsOp("ListResolverEndpoints", "GET", BASE),
        ListResolverEndpointsResponse,
        (p) => ({ items: p.endpoints, total: p.metadata?.total_count }),
        q,
        { ...opts, maxPageSize: 500 },
    );
}

/** One endpoint. Raises NotFoundError when it does not exist. */
export async function showResolverEndpoint(client: HuaweiClient, endpointId: string, opts: CallOptions = {}): Promise<ResolverEndpoint> {
    return (await client.call(dnsOp("ShowResolverEndpoint", "GET", `${BASE}/${seg(endpointId)}`, { signal: opts.signal }), ResolverEndpointResponse)).endpoint;
}

/** Renames the endpoint (the only attribute the API updates in place). */
export async function updateResolverEndpoint(
    client: HuaweiClient,
    endpointId: string,
    input: UpdateResolverEndpointRequest,
    opts: CallOptions = {},
): Promise<ResolverEndpoint> {
    const body = parseRequest(UpdateResolverEndpointRequest, input, "dns", "UpdateResolverEndpoint");
    return (await client.call(dnsOp("UpdateResolverEndpoint", "PUT", `${BASE}/${seg(endpointId)}`, { body, signal: opts.signal }), ResolverEndpointResponse))
        .endpoint;
}

/** Starts the deletion (202; the endpoint then reads `PENDING_DELETE` until it is gone). */
export async function deleteResolverEndpoint(client: HuaweiClient, endpointId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(dnsOp("DeleteResolverEndpoint", "DELETE", `${BASE}/${seg(endpointId)}`, { signal: opts.signal }));
}
