// GET  /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/connections               ListServiceConnections
// POST /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/connections/action        AcceptOrRejectEndpoint
// PUT  /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/connections/description   UpdateEndpointConnection
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { vpcepOp } from "./operation";
import {
    AcceptOrRejectEndpointRequest,
    type Connection,
    ConnectionsResponse,
    ListServiceConnectionsFilter,
    ListServiceConnectionsResponse,
    UpdateEndpointConnectionRequest,
} from "./schemas";

const base = (serviceId: string): string => `/v1/{project_id}/vpc-endpoint-services/${seg(serviceId)}/connections`;

/** The endpoints connected to a service, as its owner sees them (every page). */
export async function listServiceConnections(
    client: HuaweiClient,
    serviceId: string,
    filter: ListServiceConnectionsFilter = {},
    opts: ListOptions<Connection> = {},
): Promise<Connection[]> {
    const q = parseRequest(ListServiceConnectionsFilter, filter, "vpcep", "ListServiceConnections");
    return listAll(
        client,
        vpcepOp("ListServiceConnections", "GET", base(serviceId)),
        ListServiceConnectionsResponse,
        (p) => ({ items: p.connections, total: p.total_count }),
        q,
        {
            ...opts,
            maxPageSize: 1000,
        },
    );
}

/**
 * Accepts (`receive`) or rejects one endpoint. Marked idempotent: it sets a state rather than
 * creating anything, so repeating it after a lost response converges on the same result.
 */
export async function acceptOrRejectEndpoint(
    client: HuaweiClient,
    serviceId: string,
    input: AcceptOrRejectEndpointRequest,
    opts: CallOptions = {},
): Promise<Connection[]> {
    const body = parseRequest(AcceptOrRejectEndpointRequest, input, "vpcep", "AcceptOrRejectEndpoint");
    const res = await client.call(
        vpcepOp("AcceptOrRejectEndpoint", "POST", `${base(serviceId)}/action`, { body, idempotent: true, signal: opts.signal }),
        ConnectionsResponse,
    );
    return res.connections;
}

/** Sets the owner's descriptions of connections (`[{id: endpoint id, description}]`). */
export async function updateEndpointConnection(
    client: HuaweiClient,
    serviceId: string,
    input: UpdateEndpointConnectionRequest,
    opts: CallOptions = {},
): Promise<Connection[]> {
    const body = parseRequest(UpdateEndpointConnectionRequest, input, "vpcep", "UpdateEndpointConnection");
    const res = await client.call(
        vpcepOp("UpdateEndpointConnection", "PUT", `${base(serviceId)}/description`, { body, signal: opts.signal }),
        ConnectionsResponse,
    );
    return res.connections;
}
