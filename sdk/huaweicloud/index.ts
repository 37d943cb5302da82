/** Huawei Cloud: credentials, signing, endpoints, IAM tokens, the client, VPCEP and DNS. */
export * from "./client";
export * from "./credentials";
export * from "./endpoints";
export type { CallOptions, ListOptions } from "./operation";
export { parseHuaweiErrorBody, huaweiClassifier, gatewayCodes } from "./errors";
export { signRequest, canonicalQuery, canonicalUri, rfc3986Encode, formatSdkDate, type SignableRequest, type QueryParams } from "./signer";
export { TokenProvider, IssuedToken, clearTokenCache, TOKEN_REFRESH_MARGIN_MS } from "./token";
export * as vpcep from "./vpcep";
export * as dns from "./dns";
