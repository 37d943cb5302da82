/** Alibaba Cloud PrivateZone 2018-01-01: one function per action. */
export { pvtzBusyCodes, pvtzCodes } from "./errors";
export { type CallOptions, type ListOptions, PVTZ, PVTZ_VERSION } from "./operation";
export * from "./records";
export * from "./schemas";
export * from "./tags";
export * from "./zones";
