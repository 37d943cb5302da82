/** Alibaba Cloud: V3 signing, credentials, the RPC client, and PrivateLink. */
export * from "./client";
export * from "./credentials";
export { acs3Authorization, canonicalRequest, canonicalQuery, flattenParams, acsPercentEncode, formatAcsDate, sha256Hex, type RpcParams, type Acs3Request } from "./signer";
export { parseAlibabaErrorBody, alibabaClassifier, alibabaGatewayCodes, isAlibabaThrottleCode, alibabaBusyCodes } from "./errors";
export * as privatelink from "./privatelink";
