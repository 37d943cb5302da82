/**
 * Alibaba Cloud RPC error envelopes `{RequestId, HostId, Code, Message, Recommend}` → typed
 * errors. Throttling codes (anything containing `Throttling`, and `ServiceUnavailable`) are
 * retried like HTTP 429; the "busy" codes a resource in a transitional state answers are
 * retried as conflicts (`retryable`), with the shared backoff and budget.
 */
import {
    bareErrorMessage,
    type CloudError,
    type CodeTable,
    ConflictError,
    classifyCloudError,
    codeTable,
    errorEnvelope,
    type ParsedCloudError,
    envelopeString as str,
} from "../core/errors";
import type { HttpResponse } from "../core/http";

/** Codes every Alibaba Cloud API shares (the POP gateway's). */
export const alibabaGatewayCodes = codeTable({
    "InvalidAccessKeyId.NotFound": { kind: "auth" },
    "InvalidAccessKeyId.Inactive": { kind: "auth" },
    SignatureDoesNotMatch: { kind: "auth" },
    IncompleteSignature: { kind: "auth" },
    "InvalidTimeStamp.Expired": { kind: "auth" },
    SignatureNonceUsed: { kind: "auth" },
    "InvalidSecurityToken.Expired": { kind: "auth" },
    "InvalidSecurityToken.Malformed": { kind: "auth" },
    Forbidden: { kind: "auth" },
    "Forbidden.RAM": { kind: "auth" },
    "InvalidAction.NotFound": { kind: "validation" },
    MissingParameter: { kind: "validation" },
    InvalidParameter: { kind: "validation" },
    ServiceUnavailable: { kind: "throttled" },
    InternalError: { kind: "server" },
    UnknownError: { kind: "server" },
});

/** True for a throttling code: `Throttling`, `Throttling.User`, `Throttling.Api`, … */
export function isAlibabaThrottleCode(code: string): boolean {
    return /throttling/i.test(code);
}

/** Busy codes a settled-soon resource answers; retried. A service adds its own set. */
export const alibabaBusyCodes: readonly string[] = [
    "ConcurrentCallNotSupported",
    "LastTokenProcessing",
    "SystemBusy",
    "ServiceBusy",
    "OperationConflict",
    "IdempotenceProcessing",
];

/** `{code, message, requestId}` from an RPC error envelope; a body that is none gives its text as the message. */
export function parseAlibabaErrorBody(text: string, headers: Record<string, string> = {}): ParsedCloudError {
    const requestId = headers["x-acs-request-id"] ?? headers["x-request-id"];
    const o = errorEnvelope(text);
    if (!o) return { code: undefined, message: bareErrorMessage(text), requestId };
    return { code: str(o.Code) ?? str(o.code), message: str(o.Message) ?? str(o.message), requestId: str(o.RequestId) ?? requestId };
}

/** The classify function the HTTP core calls for an Alibaba API with its own tables. */
export function alibabaClassifier(api: string, operation: string, table: CodeTable, busyCodes: readonly string[]) {
    const all: CodeTable = { ...alibabaGatewayCodes, ...table };
    const busy = new Set([...alibabaBusyCodes, ...busyCodes].map((c) => c.toLowerCase()));
    return (res: HttpResponse, retryAfterMs: number | undefined): CloudError => {
        const parsed = parseAlibabaErrorBody(res.text, res.headers);
        if (parsed.code && busy.has(parsed.code.toLowerCase())) {
            return new ConflictError({
                api,
                operation,
                code: parsed.code,
                message: parsed.message ?? parsed.code,
                httpStatus: res.status,
                requestId: parsed.requestId,
                retryAfterMs,
                reason: "state",
                retryable: true,
            });
        }
        return classifyCloudError(parsed, { api, operation, httpStatus: res.status, table: all, retryAfterMs, isThrottleCode: isAlibabaThrottleCode });
    };
}
