/** What every VPCEP operation has in common: the service, the error table, paging limits. */
import type { z } from "zod";
import { collectOffsetPages } from "../../core/paging";
import type { HuaweiClient, OperationCall } from "../client";
import type { QueryParams } from "../signer";
import { vpcepCodes } from "./errors";

export interface CallOptions {
  signal?: AbortSignal;
}

export interface ListOptions<T> extends CallOptions {
  /** Page size (the API's maximum by default). */
  pageSize?: number;
  /** Stop paging once this is true for the items collected so far. */
  until?: (items: readonly T[]) => boolean;
}

export function vpcepOp(operation: string, method: OperationCall["method"], path: string, rest: Partial<OperationCall> = {}): OperationCall {
  return { service: "vpcep", api: "vpcep", operation, method, path, errors: vpcepCodes, ...rest };
}

/** Pages a VPCEP list through limit/offset to the end (or until `until`). */
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
