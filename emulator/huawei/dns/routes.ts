import type { Route } from "../../core/api-module";
import type { Dns, DnsHandler } from "./handlers/context";
import { createResolverEndpoint, deleteResolverEndpoint, listResolverEndpoints, showResolverEndpoint, updateResolverEndpoint } from "./handlers/endpoints";
import { addEndpointIpaddress, deleteEndpointIpaddress, listEndpointIpaddresses } from "./handlers/ipaddresses";

const EP = "/v2.1/endpoints";

/** Every DNS resolver endpoint operation: [method, path, SDK operation name, handler]. */
const TABLE: Array<[string, string, string, DnsHandler]> = [
    ["POST", EP, "CreateResolverEndpoint", createResolverEndpoint],
    ["GET", EP, "ListResolverEndpoints", listResolverEndpoints],
    ["GET", `${EP}/{endpoint_id}`, "ShowResolverEndpoint", showResolverEndpoint],
    ["PUT", `${EP}/{endpoint_id}`, "UpdateResolverEndpoint", updateResolverEndpoint],
    ["DELETE", `${EP}/{endpoint_id}`, "DeleteResolverEndpoint", deleteResolverEndpoint],
    ["GET", `${EP}/{endpoint_id}/ipaddresses`, "ListEndpointIpaddresses", listEndpointIpaddresses],
    ["POST", `${EP}/{endpoint_id}/ipaddresses`, "AddEndpointIpaddress", addEndpointIpaddress],
    ["DELETE", `${EP}/{endpoint_id}/ipaddresses/{ipaddress_id}`, "DeleteEndpointIpaddress", deleteEndpointIpaddress],
];

/** The DNS routes bound to one emulator's state. */
export function dnsRoutes(api: Dns): Route[] {
    return TABLE.map(([method, path, operation, handler]) => ({ method, path, operation, handler: (ctx) => handler(api, ctx) }));
}
