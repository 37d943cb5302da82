/** Alibaba Cloud PrivateLink resources. */

// Types only from the models: a program loads the classes, not the schemas or the cloud clients.
export { VpcEndpoint, VpcEndpointService } from "./classes";
export type { VpcEndpointArgs, VpcEndpointZone } from "./vpc-endpoint";
export type { VpcEndpointServiceArgs, VpcEndpointServiceResource } from "./vpc-endpoint-service";
