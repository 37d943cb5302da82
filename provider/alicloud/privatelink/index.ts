/** Alibaba Cloud PrivateLink resources. */

// Types only from the models: a program loads the classes, not the schemas or the cloud clients.
export { VpcEndpoint, VpcEndpointConnection, VpcEndpointService, VpcEndpointServiceResource, VpcEndpointServiceUser, VpcEndpointZone } from "./classes";
// Lookups: functions that find existing objects (generated from lookups/*.ts).
export * from "./functions";
export type { VpcEndpointArgs, VpcEndpointZoneEntry } from "./vpc-endpoint";
export type { VpcEndpointConnectionArgs } from "./vpc-endpoint-connection";
export type { VpcEndpointServiceArgs, VpcEndpointServiceResourceEntry } from "./vpc-endpoint-service";
export type { VpcEndpointServiceResourceArgs } from "./vpc-endpoint-service-resource";
export type { VpcEndpointServiceUserArgs } from "./vpc-endpoint-service-user";
export type { VpcEndpointZoneArgs } from "./vpc-endpoint-zone";
