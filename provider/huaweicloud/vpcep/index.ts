/** Huawei Cloud VPC Endpoint (VPCEP) resources. */

// Types only from the models: a program loads the classes, not the schemas or the cloud clients.
export { ConnectionApproval, Endpoint, EndpointService, ServicePermission } from "./classes";
export type { ConnectionApprovalArgs } from "./connection-approval";
export type { EndpointArgs } from "./endpoint";
export type { EndpointServiceArgs, PortMapping } from "./endpoint-service";
// Lookups: functions that find existing objects (generated from lookups/*.ts).
export * from "./functions";
export type { ServicePermissionArgs } from "./service-permission";
