/** Huawei Cloud DNS v2.1 resolver endpoints: one function per API operation, plus waiters. */
export * from "./endpoints";
export * from "./ipaddresses";
export * from "./waiters";
export * from "./schemas";
export { dnsCodes } from "./errors";
export { dnsOp } from "./operation";
