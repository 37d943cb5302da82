/**
 * What every Alibaba Cloud RPC-style API shares once its name, version and error tables are known:
 * the call descriptor each operation function hands to `AlibabaClient.call()`, and the two paging
 * styles the APIs use (`MaxResults`/`NextToken`: PrivateLink; `PageNumber`/`PageSize`: PrivateZone).
 */
import type { z } from "zod";
import type { ListOptions } from "../core/call-options";
import type { CodeTable } from "../core/errors";
import { collectOffsetPages, collectTokenPages } from "../core/paging";
import type { AlibabaClient, AlibabaService, RpcCall } from "./client";
import type { RpcParams } from "./signer";

/** One RPC API: its endpoint key, name, version and error tables. */
export interface RpcApi {
    /** The endpoint key (`privatelink`, `pvtz`): the endpoints override's key and the host's first label. */
    service: AlibabaService;
    /** For errors and logs. */
    api: string;
    /** The API version, such as `2020-04-15`. */
    version: string;
    errors: CodeTable;
    /** Codes this API answers while an object is transitional; retried. */
    busyCodes?: readonly string[];
    /**
     * Whether each action takes the `RegionId` parameter (PrivateLink does; PrivateZone's zones
     * and records belong to the account, and its actions declare no RegionId). Default true.
     */
    regional?: boolean;
}

/** The call descriptor of `action` of `api`; reads and deletes are marked idempotent by the caller. */
export function rpcCall(api: RpcApi, action: string, params: RpcParams, rest: Partial<RpcCall> = {}): RpcCall {
    return {
        service: api.service,
        api: api.api,
        version: api.version,
        action,
        params,
        errors: api.errors,
        busyCodes: api.busyCodes,
        regional: api.regional,
        ...rest,
    };
}

/**
 * Every page of a `MaxResults`/`NextToken` list (pages of `maxPageSize` unless `pageSize` says
 * otherwise); `sizeParam` names the page size where the API calls it otherwise (PrivateZone's
 * ListTagResources: `Size`).
 */
export function listByToken<S extends z.ZodType, T>(
    api: RpcApi,
    client: AlibabaClient,
    action: string,
    params: RpcParams,
    schema: S,
    pick: (page: z.output<S>) => T[],
    opts: ListOptions<T> & { maxPageSize: number; sizeParam?: string },
): Promise<T[]> {
    return collectTokenPages<T>(
        async (token) => {
            const page = await client.call(
                rpcCall(
                    api,
                    action,
                    { ...params, [opts.sizeParam ?? "MaxResults"]: opts.pageSize ?? opts.maxPageSize, NextToken: token },
                    { idempotent: true, signal: opts.signal },
                ),
                schema,
            );
            return { items: pick(page), nextToken: (page as { NextToken?: string }).NextToken };
        },
        { until: opts.until },
    );
}

/** Every page of a `PageNumber` (from 1) / `PageSize` list, until a page ends at `TotalItems` or comes back empty. */
export function listByPageNumber<S extends z.ZodType, T>(
    api: RpcApi,
    client: AlibabaClient,
    action: string,
    params: RpcParams,
    schema: S,
    pick: (page: z.output<S>) => T[],
    opts: ListOptions<T> & { maxPageSize: number },
): Promise<T[]> {
    const size = opts.pageSize ?? opts.maxPageSize;
    return collectOffsetPages<T>(
        async (offset) => {
            const page = await client.call(
                rpcCall(api, action, { ...params, PageNumber: Math.floor(offset / size) + 1, PageSize: size }, { idempotent: true, signal: opts.signal }),
                schema,
            );
            return { items: pick(page), total: (page as { TotalItems?: number }).TotalItems };
        },
        { limit: size, until: opts.until },
    );
}
