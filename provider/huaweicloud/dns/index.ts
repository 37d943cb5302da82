/** Huawei Cloud DNS resources. */
export { ResolverEndpoint, type ResolverEndpointArgs, type ResolverEndpointIpAddress, type ResolverEndpointIpAddressArgs } from "./resolver-endpoint";
