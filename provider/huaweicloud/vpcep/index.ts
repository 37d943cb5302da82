/** Huawei Cloud VPC Endpoint (VPCEP) resources. */
export { EndpointService, type EndpointServiceArgs, type PortMapping } from "./endpoint-service";
export { Endpoint, type EndpointArgs } from "./endpoint";
export { ConnectionApproval, type ConnectionApprovalArgs } from "./connection-approval";
export { ServicePermission, type ServicePermissionArgs } from "./service-permission";
