import type { Route } from "../../core/api-module";
import { notEmulatedRoutes } from "../../core/not-emulated";
import { dnsErrors } from "./errors";
import type { Dns, DnsHandler } from "./handlers/context";
import { createResolverEndpoint, deleteResolverEndpoint, listResolverEndpoints, showResolverEndpoint, updateResolverEndpoint } from "./handlers/endpoints";
import { addEndpointIpaddress, deleteEndpointIpaddress, listEndpointIpaddresses } from "./handlers/ipaddresses";
import { createRecordSet, deleteRecordSet, listRecordSetsByZone, setRecordSetsStatus, showRecordSet, updateRecordSet } from "./handlers/recordsets";
import { associateResolverRuleRouter, disassociateResolverRuleRouter } from "./handlers/rule-routers";
import { createResolverRule, deleteResolverRule, listResolverRules, showResolverRule, updateResolverRule } from "./handlers/rules";
import { batchCreateTag, showResourceTag } from "./handlers/tags";
import { associateRouter, disassociateRouter } from "./handlers/zone-routers";
import {
    createPrivateZone,
    deletePrivateZone,
    listPrivateZones,
    setPrivateZoneProxyPattern,
    showPrivateZone,
    updatePrivateZone,
    updatePrivateZoneStatus,
} from "./handlers/zones";
import { NOT_EMULATED } from "./not-emulated";

const EP = "/v2.1/endpoints";
const RR = "/v2.1/resolverrules";
const ZN = "/v2/zones";

/** Every DNS resolver endpoint, resolver rule, private zone and record set operation: [method, path, SDK operation name, handler]. */
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
    // DNS v2 private zones (the public-zone operations on the same paths answer 501 from the handlers).
    ["POST", ZN, "CreatePrivateZone", createPrivateZone],
    ["GET", ZN, "ListPrivateZones", listPrivateZones],
    ["GET", `${ZN}/{zone_id}`, "ShowPrivateZone", showPrivateZone],
    ["PATCH", `${ZN}/{zone_id}`, "UpdatePrivateZone", updatePrivateZone],
    ["DELETE", `${ZN}/{zone_id}`, "DeletePrivateZone", deletePrivateZone],
    ["POST", `${ZN}/{zone_id}/associaterouter`, "AssociateRouter", associateRouter],
    ["POST", `${ZN}/{zone_id}/disassociaterouter`, "DisassociateRouter", disassociateRouter],
    ["POST", `${ZN}/{zone_id}/actions/set-proxy-pattern`, "SetPrivateZoneProxyPattern", setPrivateZoneProxyPattern],
    ["PUT", `${ZN}/{zone_id}/statuses`, "UpdatePrivateZoneStatus", updatePrivateZoneStatus],
    ["POST", `${ZN}/{zone_id}/recordsets`, "CreateRecordSet", createRecordSet],
    ["GET", `${ZN}/{zone_id}/recordsets`, "ListRecordSetsByZone", listRecordSetsByZone],
    ["GET", `${ZN}/{zone_id}/recordsets/{recordset_id}`, "ShowRecordSet", showRecordSet],
    ["PUT", `${ZN}/{zone_id}/recordsets/{recordset_id}`, "UpdateRecordSet", updateRecordSet],
    ["DELETE", `${ZN}/{zone_id}/recordsets/{recordset_id}`, "DeleteRecordSet", deleteRecordSet],
    // The one v2.1 record set operation served: its path names the set alone.
    ["PUT", "/v2.1/recordsets/{recordset_id}/statuses/set", "SetRecordSetsStatus", setRecordSetsStatus],
    // Tags of private zones and record sets (the project in the path; `/v2/zones/…` wins by its literal segment).
    ["POST", "/v2/{project_id}/{resource_type}/{resource_id}/tags/action", "BatchCreateTag", batchCreateTag],
    ["GET", "/v2/{project_id}/{resource_type}/{resource_id}/tags", "ShowResourceTag", showResourceTag],
];

/** The DNS routes bound to one emulator's state. */
export function dnsRoutes(api: Dns): Route[] {
    const routes = TABLE.map(([method, path, operation, handler]): Route => ({ method, path, operation, handler: (ctx) => handler(api, ctx) }));
    return [...routes, ...notEmulatedRoutes(NOT_EMULATED, dnsErrors)];
}
