/** Alibaba Cloud PrivateLink resources. */
export { VpcEndpoint, type VpcEndpointArgs, type VpcEndpointZone } from "./vpc-endpoint";
export { VpcEndpointService, type VpcEndpointServiceArgs, type VpcEndpointServiceResource } from "./vpc-endpoint-service";
