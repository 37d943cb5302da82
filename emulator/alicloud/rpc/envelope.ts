import { ApiError } from "../../core/api-error";
import type { ApiErrors } from "../../core/api-module";
import type { AlibabaAuthErrors } from "../../core/auth/alicloud-scheme";

/** Where an API's errors say they come from: its host and its product name in the troubleshooting link. */
export interface RpcProduct {
    /** `privatelink.cn-hangzhou.aliyuncs.com`, `pvtz.aliyuncs.com`. */
    host: string;
    /** `Privatelink`, `pvtz`. */
    product: string;
}

/** Alibaba's RPC error envelope `{RequestId, HostId, Code, Message, Recommend}`. */
export function alibabaError(p: RpcProduct, status: number, code: string, message: string): ApiError {
    return new ApiError(status, code, message, (requestId) => ({
        RequestId: requestId,
        HostId: p.host,
        Code: code,
        Message: message,
        Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=${p.product}`,
    }));
}

/** The errors the shared signature check raises, in the API's envelope (the POP gateway's codes, the same for every API). */
export function rpcAuthErrors(p: RpcProduct): AlibabaAuthErrors {
    return {
        invalid: (code, message) => alibabaError(p, 400, code, message),
        unknownAccessKey: (ak) => alibabaError(p, 404, "InvalidAccessKeyId.NotFound", `Specified access key is not found. (AccessKeyId ${ak})`),
        signatureMismatch: (detail) => alibabaError(p, 400, "SignatureDoesNotMatch", detail),
        badTime: (code, message) => alibabaError(p, 400, code, message),
        nonceUsed: (nonce) => alibabaError(p, 400, "SignatureNonceUsed", `Specified signature nonce was used already. (${nonce})`),
    };
}

/**
 * The factory the core uses for errors it raises on the API's requests. Alibaba's gateway answers
 * flow control with HTTP 400 `Throttling.User` and no Retry-After.
 */
export function rpcApiErrors(p: RpcProduct): ApiErrors {
    return {
        unauthorized: (m) => alibabaError(p, 400, "IncompleteSignature", m),
        forbidden: (m) => alibabaError(p, 403, "Forbidden.RAM", m),
        throttled: (limit) => alibabaError(p, 400, "Throttling.User", `Request was denied due to user flow control. (limit ${limit} requests per second)`),
        internal: (m) => alibabaError(p, 500, "InternalError", `The request processing has failed due to some unknown error, exception or failure. ${m}`),
        custom: (status, code, message) => alibabaError(p, status, code, message),
    };
}
