/** Alibaba Cloud: V3 signing, credentials, the RPC client, and PrivateLink. */
export * from "./client";
export * from "./credentials";
export { alibabaBusyCodes, alibabaClassifier, alibabaGatewayCodes, isAlibabaThrottleCode, parseAlibabaErrorBody } from "./errors";
export * as privatelink from "./privatelink";
export {
    type Acs3Request,
    acs3Authorization,
    acsPercentEncode,
    canonicalQuery,
    canonicalRequest,
    flattenParams,
    formatAcsDate,
    type RpcParams,
    sha256Hex,
} from "./signer";
