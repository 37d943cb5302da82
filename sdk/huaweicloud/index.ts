/** Huawei Cloud: credentials, signing, endpoints, IAM tokens, the client, VPCEP and DNS. */
export * from "./client";
export * from "./credentials";
export * as dns from "./dns";
export * from "./endpoints";
export { gatewayCodes, huaweiClassifier, parseHuaweiErrorBody } from "./errors";
export type { CallOptions, ListOptions } from "./operation";
export { canonicalQuery, canonicalUri, formatSdkDate, type QueryParams, rfc3986Encode, type SignableRequest, signRequest } from "./signer";
export { clearTokenCache, IssuedToken, TOKEN_REFRESH_MARGIN_MS, TokenProvider } from "./token";
export * as vpcep from "./vpcep";
