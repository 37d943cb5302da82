// GET    /v2.1/endpoints/{id}/ipaddresses                  ListEndpointIpaddresses
// POST   /v2.1/endpoints/{id}/ipaddresses                  AddEndpointIpaddress
// DELETE /v2.1/endpoints/{id}/ipaddresses/{ipaddress_id}   DeleteEndpointIpaddress
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import type { CallOptions } from "../operation";
import { dnsOp } from "./operation";
import { type EndpointIpaddress, EndpointIpaddressResponse, IpaddressInfo, ListEndpointIpaddressesResponse } from "./schemas";

const base = (endpointId: string) => `/v2.1/endpoints/${seg(endpointId)}/ipaddresses`;

/** The endpoint's addresses with their own statuses. Raises NotFoundError when the endpoint does not exist. */
export async function listEndpointIpaddresses(client: HuaweiClient, endpointId: string, opts: CallOptions = {}): Promise<EndpointIpaddress[]> {
    return (await client.call(dnsOp("ListEndpointIpaddresses", "GET", base(endpointId), { signal: opts.signal }), ListEndpointIpaddressesResponse)).ipaddresses;
}

/**
 * Adds one address (the endpoint must be ACTIVE and have fewer than 6). Not idempotent: a lost
 * response raises OutcomeUnknownError (list the addresses to see whether it was added).
 */
export async function addEndpointIpaddress(
    client: HuaweiClient,
    endpointId: string,
    input: IpaddressInfo,
    opts: CallOptions = {},
): Promise<EndpointIpaddress | undefined> {
    const ipaddress = parseRequest(IpaddressInfo, input, "dns", "AddEndpointIpaddress");
    return (await client.call(dnsOp("AddEndpointIpaddress", "POST", base(endpointId), { body: { ipaddress }, signal: opts.signal }), EndpointIpaddressResponse))
        .ipaddress;
}

/** Removes one address (the endpoint must be ACTIVE and keep at least 2). */
export async function deleteEndpointIpaddress(client: HuaweiClient, endpointId: string, ipaddressId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(dnsOp("DeleteEndpointIpaddress", "DELETE", `${base(endpointId)}/${seg(ipaddressId)}`, { signal: opts.signal }));
}
