/** Huawei Cloud VPC Endpoint (VPCEP) resources. */

export { ConnectionApproval, type ConnectionApprovalArgs } from "./connection-approval";
export { Endpoint, type EndpointArgs } from "./endpoint";
export { EndpointService, type EndpointServiceArgs, type PortMapping } from "./endpoint-service";
export { ServicePermission, type ServicePermissionArgs } from "./service-permission";
