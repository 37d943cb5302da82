/** Alibaba Cloud PrivateLink 2020-04-15: one function per action, plus waiters. */
export * from "./endpoints";
export { DRY_RUN_OK, privatelinkBusyCodes, privatelinkCodes } from "./errors";
export { type CallOptions, type ListOptions, PRIVATELINK_VERSION } from "./operation";
export * from "./schemas";
export * from "./services";
export * from "./tags";
export * from "./waiters";
