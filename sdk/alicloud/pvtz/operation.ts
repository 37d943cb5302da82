/** What every PrivateZone action has in common: the service, version, error tables, paging. */
import type { z } from "zod";
import type { ListOptions } from "../../core/call-options";
import type { AlibabaClient, RpcCall } from "../client";
import { listByPageNumber, listByToken, type RpcApi, rpcCall } from "../rpc";
import type { RpcParams } from "../signer";
import { pvtzBusyCodes, pvtzCodes } from "./errors";

export type { CallOptions, ListOptions } from "../../core/call-options";

export const PVTZ_VERSION = "2018-01-01";

/**
 * PrivateZone 2018-01-01: one endpoint, `pvtz.aliyuncs.com`; zones and records belong to the
 * account (no action of the official SDK's models takes a RegionId of the caller's own).
 */
export const PVTZ: RpcApi = { service: "pvtz", api: "pvtz", version: PVTZ_VERSION, errors: pvtzCodes, busyCodes: pvtzBusyCodes, regional: false };

export function pvtzCall(action: string, params: RpcParams, rest: Partial<RpcCall> = {}): RpcCall {
    return rpcCall(PVTZ, action, params, rest);
}

/** Every page of a `PageNumber`/`PageSize` list (pages of 100, the API's maximum: DescribeZonesRequest, DescribeZoneRecordsRequest). */
export function listAll<S extends z.ZodType, T>(
    client: AlibabaClient,
    action: string,
    params: RpcParams,
    schema: S,
    pick: (page: z.output<S>) => T[],
    opts: ListOptions<T> = {},
): Promise<T[]> {
    return listByPageNumber(PVTZ, client, action, params, schema, pick, { ...opts, maxPageSize: 100 });
}

/** Every page of a `Size`/`NextToken` list (pages of 200, the maximum: ListTagResourcesRequest, "Valid values: [1,200]"). */
export function listAllByToken<S extends z.ZodType, T>(
    client: AlibabaClient,
    action: string,
    params: RpcParams,
    schema: S,
    pick: (page: z.output<S>) => T[],
    opts: ListOptions<T> = {},
): Promise<T[]> {
    return listByToken(PVTZ, client, action, params, schema, pick, { ...opts, maxPageSize: 200, sizeParam: "Size" });
}
