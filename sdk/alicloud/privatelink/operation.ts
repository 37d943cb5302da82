/** What every PrivateLink action has in common: the service, version, error tables, paging. */
import type { z } from "zod";
import type { ListOptions } from "../../core/call-options";
import type { AlibabaClient, RpcCall } from "../client";
import { listByToken, type RpcApi, rpcCall } from "../rpc";
import type { RpcParams } from "../signer";
import { privatelinkBusyCodes, privatelinkCodes } from "./errors";

export type { CallOptions, ListOptions } from "../../core/call-options";

export const PRIVATELINK_VERSION = "2020-04-15";

/** PrivateLink 2020-04-15: regional endpoints `privatelink.<region>.aliyuncs.com`, RegionId on every action. */
export const PRIVATELINK: RpcApi = {
    service: "privatelink",
    api: "privatelink",
    version: PRIVATELINK_VERSION,
    errors: privatelinkCodes,
    busyCodes: privatelinkBusyCodes,
};

/** Reads and deletes are idempotent; creates are when they carry a ClientToken. */
export function plCall(action: string, params: RpcParams, rest: Partial<RpcCall> = {}): RpcCall {
    return rpcCall(PRIVATELINK, action, params, rest);
}

/** Every page of a `MaxResults`/`NextToken` list (pages of 1000, the API's maximum, unless `pageSize` says otherwise). */
export function listAll<S extends z.ZodType, T>(
    client: AlibabaClient,
    action: string,
    params: RpcParams,
    schema: S,
    pick: (page: z.output<S>) => T[],
    opts: ListOptions<T> = {},
): Promise<T[]> {
    return listByToken(PRIVATELINK, client, action, params, schema, pick, { ...opts, maxPageSize: 1000 });
}
