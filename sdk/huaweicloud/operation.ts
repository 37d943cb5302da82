/** What the operation functions of every Huawei service (VPCEP, DNS) share: call options and limit/offset paging. */
import type { z } from "zod";
import type { ListOptions } from "../core/call-options";
import { collectOffsetPages } from "../core/paging";
import type { HuaweiClient, OperationCall } from "./client";
import type { QueryParams } from "./signer";

export type { CallOptions, ListOptions } from "../core/call-options";

/** Pages a Huawei list through limit/offset to the end (or until `until`). */
export async function listAll<S extends z.ZodType, T>(
    client: HuaweiClient,
    call: OperationCall,
    schema: S,
    pick: (page: z.output<S>) => { items: T[]; total?: number },
    filter: QueryParams,
    opts: ListOptions<T> & { maxPageSize: number },
): Promise<T[]> {
    return collectOffsetPages<T>(
        async (offset, limit) => pick(await client.call({ ...call, query: { ...filter, limit, offset }, signal: opts.signal }, schema)),
        { limit: Math.min(opts.pageSize ?? opts.maxPageSize, opts.maxPageSize), until: opts.until },
    );
}
