/** Huawei Cloud DNS resources. */
export { ResolverEndpoint, type ResolverEndpointArgs, type ResolverEndpointIpAddressArgs, type ResolverEndpointIpAddress } from "./resolver-endpoint";
