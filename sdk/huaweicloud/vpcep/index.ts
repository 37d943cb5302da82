/** Huawei Cloud VPC Endpoint (VPCEP) v1: one function per API operation, plus waiters. */
export * from "./services";
export * from "./endpoints";
export * from "./connections";
export * from "./permissions";
export * from "./tags";
export * from "./quotas";
export * from "./waiters";
export * from "./schemas";
export { vpcepCodes } from "./errors";
export type { CallOptions, ListOptions } from "../operation";
