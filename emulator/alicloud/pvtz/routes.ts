import type { Route } from "../../core/api-module";
import { rpcResolver } from "../rpc/resolver";
import { pvtzError, pvtzErrors } from "./errors";
import { type Pvtz, type PvtzHandler, wrap } from "./handlers/context";
import * as rec from "./handlers/records";
import * as tag from "./handlers/tags";
import * as zone from "./handlers/zones";

/** The API version this module implements. */
export const PVTZ_VERSION = "2018-01-01";

/** Every action: name (the request log's operation) → handler. */
const ACTIONS: Record<string, PvtzHandler> = {
    AddZone: zone.addZone,
    DescribeZoneInfo: zone.describeZoneInfo,
    DescribeZones: zone.describeZones,
    UpdateZoneRemark: zone.updateZoneRemark,
    SetProxyPattern: zone.setProxyPattern,
    BindZoneVpc: zone.bindZoneVpc,
    DeleteZone: zone.deleteZone,
    TagResources: tag.tagResources,
    UntagResources: tag.untagResources,
    ListTagResources: tag.listTagResources,
    AddZoneRecord: rec.addZoneRecord,
    DescribeZoneRecord: rec.describeZoneRecord,
    DescribeZoneRecords: rec.describeZoneRecords,
    UpdateZoneRecord: rec.updateZoneRecord,
    UpdateRecordRemark: rec.updateRecordRemark,
    SetZoneRecordStatus: rec.setZoneRecordStatus,
    DeleteZoneRecord: rec.deleteZoneRecord,
};

/**
 * The actions of version 2018-01-01 the official SDK declares (alibabacloud_pvtz20180101 1.5.0,
 * `client.py`) that the emulator does not implement: they answer 501 naming the action.
 */
const NOT_EMULATED = [
    "AddCustomLine",
    "AddResolverEndpoint",
    "AddResolverRule",
    "AddUserVpcAuthorization",
    "BindResolverRuleVpc",
    "ChangeZoneDnsGroup",
    "CheckZoneName",
    "DeleteCustomLine",
    "DeleteResolverEndpoint",
    "DeleteResolverRule",
    "DeleteUserVpcAuthorization",
    "DescribeChangeLogs",
    "DescribeCustomLineInfo",
    "DescribeCustomLines",
    "DescribeIntranetUserCanAnalysisVpcs",
    "DescribePvtzStatisticsGlobalOverview",
    "DescribePvtzStatisticsHistory",
    "DescribePvtzStatisticsSummary",
    "DescribePvtzStatisticsZoneOverview",
    "DescribeRegions",
    "DescribeRequestGraph",
    "DescribeResolverAvailableZones",
    "DescribeResolverEndpoint",
    "DescribeResolverEndpoints",
    "DescribeResolverRule",
    "DescribeResolverRules",
    "DescribeStatisticSummary",
    "DescribeSyncEcsHostTask",
    "DescribeTags",
    "DescribeUserServiceStatus",
    "DescribeUserVpcAuthorizations",
    "DescribeZoneVpcTree",
    "MoveResourceGroup",
    "SearchCustomLines",
    "SetZoneLbaStatus",
    "UpdateCustomLine",
    "UpdateResolverEndpoint",
    "UpdateResolverRule",
    "UpdateSyncEcsHostTask",
    "UpdateZoneRecordWeight",
];

/** The routes, one per action, all at `POST /` (the resolver picks them by Action and Version). */
export function pvtzRoutes(api: Pvtz): Map<string, Route> {
    const m = new Map<string, Route>();
    for (const [action, handler] of Object.entries(ACTIONS)) m.set(action, { method: "POST", path: "/", operation: action, handler: wrap(api, handler) });
    return m;
}

export function resolver(routes: Map<string, Route>) {
    return rpcResolver({
        version: PVTZ_VERSION,
        routes,
        notEmulated: NOT_EMULATED,
        errors: pvtzErrors,
        unknownAction: (action) => pvtzError("InvalidAction.NotFound", `Action ${action} of version ${PVTZ_VERSION}.`),
    });
}
