/** What every PrivateLink action has in common: the service, version, error tables, paging. */
import type { z } from "zod";
import type { ListOptions } from "../../core/call-options";
import { collectTokenPages } from "../../core/paging";
import type { AlibabaClient, RpcCall } from "../client";
import type { RpcParams } from "../signer";
import { privatelinkBusyCodes, privatelinkCodes } from "./errors";

export type { CallOptions, ListOptions } from "../../core/call-options";

export const PRIVATELINK_VERSION = "2020-04-15";

/** Reads and deletes are idempotent; creates are when they carry a ClientToken. */
export function plCall(action: string, params: RpcParams, rest: Partial<RpcCall> = {}): RpcCall {
    return {
        service: "privatelink",
        api: "privatelink",
        version: PRIVATELINK_VERSION,
        action,
        params,
        errors: privatelinkCodes,
        busyCodes: privatelinkBusyCodes,
        ...rest,
    };
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
    return collectTokenPages<T>(
        async (token) => {
            const page = await client.call(
                plCall(action, { ...params, MaxResults: opts.pageSize ?? 1000, NextToken: token }, { idempotent: true, signal: opts.signal }),
                schema,
            );
            return { items: pick(page), nextToken: (page as { NextToken?: string }).NextToken };
        },
        { until: opts.until },
    );
}
