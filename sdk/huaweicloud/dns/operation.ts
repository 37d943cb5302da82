/** What every DNS operation has in common: the service, the error table. */
import type { OperationCall } from "../client";
import { dnsCodes } from "./errors";

export type { CallOptions, ListOptions } from "../operation";

/** DNS has no project in the path: the client sends it in the signed `X-Project-Id` (AK/SK) or the token carries it. */
export function dnsOp(operation: string, method: OperationCall["method"], path: string, rest: Partial<OperationCall> = {}): OperationCall {
    return { service: "dns", api: "dns", operation, method, path, errors: dnsCodes, ...rest };
}
