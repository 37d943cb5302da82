/** Huawei Cloud DNS v2.1 resolver endpoints and rules: one function per API operation, plus waiters. */
export * from "./endpoints";
export { dnsCodes } from "./errors";
export * from "./ipaddresses";
export { dnsOp } from "./operation";
// DNS v2 private zones and their record sets.
export * from "./recordsets";
export * from "./rules";
export * from "./schemas";
export * from "./tags";
export * from "./waiters";
export * from "./zone-schemas";
export * from "./zone-waiters";
export * from "./zones";
