/** What every VPCEP operation has in common: the service and the error table (paging is ../operation.ts). */
import type { OperationCall } from "../client";
import { vpcepCodes } from "./errors";

export { type CallOptions, type ListOptions, listAll } from "../operation";

/** An operation of VPCEP v1: its project is in the path. */
export function vpcepOp(operation: string, method: OperationCall["method"], path: string, rest: Partial<OperationCall> = {}): OperationCall {
    return { service: "vpcep", api: "vpcep", operation, method, path, errors: vpcepCodes, ...rest };
}
