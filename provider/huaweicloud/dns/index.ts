/** Huawei Cloud DNS resources. */

// Types only from the models: a program loads the classes, not the schemas or the cloud clients.
export { ResolverEndpoint, ResolverRule, ResolverRuleAssociation } from "./classes";
// Lookups: functions that find existing objects (generated from lookups/*.ts).
export * from "./functions";
export type { ResolverEndpointArgs, ResolverEndpointIpAddress, ResolverEndpointIpAddressArgs } from "./resolver-endpoint";
export type { ResolverRuleArgs } from "./resolver-rule";
export type { ResolverRuleAssociationArgs } from "./resolver-rule-association";
