import { ApiError } from "../core/api-error";

/**
 * Errors raised by Huawei's API gateway in front of every service (VPCEP, DNS): they carry the
 * gateway's `APIGW.*` codes and the request id in the body.
 */
export const huaweiGateway = {
    /** 401 APIGW.0301: wrong, missing, expired or mis-signed credentials. */
    unauthorized(reason: string): ApiError {
        const msg = `Incorrect IAM authentication information: ${reason}`;
        return new ApiError(401, "APIGW.0301", msg, (requestId) => ({ error_code: "APIGW.0301", error_msg: msg, request_id: requestId }));
    },
    /** 429 APIGW.0308 with `Retry-After` in seconds. */
    throttled(limit: number, retryAfterSeconds: number): ApiError {
        const msg = `The throttling threshold has been reached: policy user over ratelimit,limit:${limit},time:1 second`;
        return new ApiError(429, "APIGW.0308", msg, (requestId) => ({ error_code: "APIGW.0308", error_msg: msg, request_id: requestId }), {
            "Retry-After": String(retryAfterSeconds),
        });
    },
};

/** A Huawei service error in the common `{error_code, error_msg}` envelope. */
export function huaweiServiceError(status: number, code: string, message: string): ApiError {
    return new ApiError(status, code, message, () => ({ error_code: code, error_msg: message }));
}
