import { ApiError } from "../../core/api-error";
import type { ApiErrors } from "../../core/api-module";
import { huaweiGateway } from "../gateway-errors";

const TITLES: Record<number, string> = { 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 500: "Internal Server Error" };

/** IAM (Keystone) errors: `{"error": {"code": <http status>, "message", "title"}}`. */
export function iamError(status: number, message: string, code = `IAM.${status}`): ApiError {
    return new ApiError(status, code, message, () => ({ error: { code: status, message, title: TITLES[status] ?? "Error" } }));
}

export const iamErrors: ApiErrors = {
    unauthorized: (m) => huaweiGateway.unauthorized(m),
    forbidden: (m) => iamError(403, m),
    throttled: (limit, retry) => huaweiGateway.throttled(limit, retry),
    internal: (m) => iamError(500, m ?? "Internal error."),
    custom: (status, code, message) =>
        new ApiError(status, code, message, () => ({
            error: { code: status, message, title: TITLES[status] ?? "Error" },
            error_code: code,
            error_msg: message,
        })),
};
