/** Huawei Cloud VPC Endpoint (VPCEP) v1: one function per API operation, plus waiters. */

export type { CallOptions, ListOptions } from "../operation";
export * from "./connections";
export * from "./endpoints";
export { vpcepCodes } from "./errors";
export * from "./permissions";
export * from "./quotas";
export * from "./schemas";
export * from "./services";
export * from "./tags";
export * from "./waiters";
