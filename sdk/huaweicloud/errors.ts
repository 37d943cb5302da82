/**
 * Huawei Cloud error envelopes → typed errors. Three shapes occur and all are accepted:
 *   {"error_code":"EndPoint.0005","error_msg":"..."}                   (services)
 *   {"error":{"code":"...","message":"..."}}                           (some API pages; IAM)
 *   {"error_code":"APIGW.0301","error_msg":"...","request_id":"..."}   (the API gateway)
 * plus `{"code","message"}` used by DNS v2.1. The request id comes from `X-Request-Id` first.
 */
import {
    bareErrorMessage,
    type CloudError,
    type CodeTable,
    classifyCloudError,
    codeTable,
    errorEnvelope,
    type ParsedCloudError,
    envelopeString as str,
} from "../core/errors";
import type { HttpResponse } from "../core/http";

/** Codes of the API gateway and IAM, common to every Huawei service. */
export const gatewayCodes = codeTable({
    "APIGW.0101": { kind: "not_found" }, // the API does not exist / is not published
    "APIGW.0301": { kind: "auth" }, // incorrect IAM authentication information
    "APIGW.0302": { kind: "auth" }, // the IAM user is not authorized to access the API
    "APIGW.0303": { kind: "auth" },
    "APIGW.0305": { kind: "auth" },
    "APIGW.0306": { kind: "auth" },
    "APIGW.0307": { kind: "auth" }, // token expired / must be refreshed
    "APIGW.0308": { kind: "throttled" }, // throttling threshold reached
    "APIGW.0201": { kind: "validation" }, // malformed request
});

/** `{code, message, requestId}` from any of the envelopes above; a body that is none gives its text as the message. */
export function parseHuaweiErrorBody(text: string, headers: Record<string, string> = {}): ParsedCloudError {
    const o = errorEnvelope(text);
    if (!o) return { code: undefined, message: bareErrorMessage(text), requestId: headers["x-request-id"] };
    let code: string | undefined;
    let message: string | undefined;
    if (o.error_code !== undefined || o.error_msg !== undefined) {
        code = str(o.error_code);
        message = str(o.error_msg);
    } else if (o.error && typeof o.error === "object") {
        const e = o.error as Record<string, unknown>;
        code = str(e.code) ?? str(e.error_code);
        message = str(e.message) ?? str(e.error_msg) ?? str(e.title);
    } else if (o.code !== undefined || o.message !== undefined) {
        code = str(o.code);
        message = str(o.message);
    }
    return { code, message, requestId: headers["x-request-id"] ?? str(o.request_id) ?? str(o.requestId) };
}

/** The classify function the HTTP core calls for a Huawei service with its own code table. */
export function huaweiClassifier(api: string, operation: string, serviceTable: CodeTable) {
    const table: CodeTable = { ...gatewayCodes, ...serviceTable };
    return (res: HttpResponse, retryAfterMs: number | undefined): CloudError =>
        classifyCloudError(parseHuaweiErrorBody(res.text, res.headers), { api, operation, httpStatus: res.status, table, retryAfterMs });
}
