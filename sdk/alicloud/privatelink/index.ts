/** Alibaba Cloud PrivateLink 2020-04-15: one function per action, plus waiters. */
export * from "./endpoints";
export * from "./services";
export * from "./tags";
export * from "./waiters";
export * from "./schemas";
export { privatelinkCodes, privatelinkBusyCodes, DRY_RUN_OK } from "./errors";
export { PRIVATELINK_VERSION, type CallOptions, type ListOptions } from "./operation";
