import type { Route } from "../../core/api-module";
import { notEmulatedRoutes } from "../../core/not-emulated";
import { dnsErrors } from "./errors";
import type { Dns, DnsHandler } from "./handlers/context";
import { createResolverEndpoint, deleteResolverEndpoint, listResolverEndpoints, showResolverEndpoint, updateResolverEndpoint } from "./handlers/endpoints";
import { addEndpointIpaddress, deleteEndpointIpaddress, listEndpointIpaddresses } from "./handlers/ipaddresses";
import { associateResolverRuleRouter, disassociateResolverRuleRouter } from "./handlers/rule-routers";
import { createResolverRule, deleteResolverRule, listResolverRules, showResolverRule, updateResolverRule } from "./handlers/rules";
import { NOT_EMULATED } from "./not-emulated";

const EP = "/v2.1/endpoints";
const RR = "/v2.1/resolverrules";

/** Every DNS resolver endpoint and resolver rule operation: [method, path, SDK operation name, handler]. */
const TABLE: Array<[string, string, string, DnsHandler]> = [
    ["POST", EP, "CreateResolverEndpoint", createResolverEndpoint],
    ["GET", EP, "ListResolverEndpoints", listResolverEndpoints],
    ["GET", `${EP}/{endpoint_id}`, "ShowResolverEndpoint", showResolverEndpoint],
    ["PUT", `${EP}/{endpoint_id}`, "UpdateResolverEndpoint", updateResolverEndpoint],
    ["DELETE", `${EP}/{endpoint_id}`, "DeleteResolverEndpoint", deleteResolverEndpoint],
    ["GET", `${EP}/{endpoint_id}/ipaddresses`, "ListEndpointIpaddresses", listEndpointIpaddresses],
    ["POST", `${EP}/{endpoint_id}/ipaddresses`, "AddEndpointIpaddress", addEndpointIpaddress],
    ["DELETE", `${EP}/{endpoint_id}/ipaddresses/{ipaddress_id}`, "DeleteEndpointIpaddress", deleteEndpointIpaddress],
    ["POST", RR, "CreateResolverRule", createResolverRule],
    ["GET", RR, "ListResolverRules", listResolverRules],
    ["GET", `${RR}/{resolverrule_id}`, "ShowResolverRule", showResolverRule],
    ["PUT", `${RR}/{resolverrule_id}`, "UpdateResolverRule", updateResolverRule],
    ["DELETE", `${RR}/{resolverrule_id}`, "DeleteResolverRule", deleteResolverRule],
    ["POST", `${RR}/{resolverrule_id}/associaterouter`, "AssociateResolverRuleRouter", associateResolverRuleRouter],
    ["POST", `${RR}/{resolverrule_id}/disassociaterouter`, "DisassociateResolverRuleRouter", disassociateResolverRuleRouter],
];

/** The DNS routes bound to one emulator's state. */
export function dnsRoutes(api: Dns): Route[] {
    const routes = TABLE.map(([method, path, operation, handler]): Route => ({ method, path, operation, handler: (ctx) => handler(api, ctx) }));
    return [...routes, ...notEmulatedRoutes(NOT_EMULATED, dnsErrors)];
}
