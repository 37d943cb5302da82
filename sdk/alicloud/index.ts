/** Alibaba Cloud: V3 signing, credentials, the RPC client, PrivateLink and PrivateZone. */
export * from "./client";
export * from "./credentials";
export { alibabaBusyCodes, alibabaClassifier, alibabaGatewayCodes, isAlibabaThrottleCode, parseAlibabaErrorBody } from "./errors";
export * as privatelink from "./privatelink";
export * as pvtz from "./pvtz";
export { listByPageNumber, listByToken, type RpcApi, rpcCall } from "./rpc";
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
