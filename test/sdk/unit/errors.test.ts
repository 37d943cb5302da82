import { parseAlibabaErrorBody } from "../../../sdk/alicloud/errors";
import {
    AuthError,
    bareErrorMessage,
    CloudError,
    ConflictError,
    envelopeString,
    errorEnvelope,
    NotFoundError,
    QuotaExceededError,
    ServerError,
    ThrottledError,
    ValidationError,
} from "../../../sdk/core/errors";
import type { HttpResponse } from "../../../sdk/core/http";
import { huaweiClassifier, parseHuaweiErrorBody } from "../../../sdk/huaweicloud/errors";
import { vpcepCodes } from "../../../sdk/huaweicloud/vpcep/errors";

const classify = huaweiClassifier("vpcep", "ListServiceDetails", vpcepCodes);
const res = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers,
    text: typeof body === "string" ? body : JSON.stringify(body),
    requestId: headers["x-request-id"],
});
const hw = (code: string, msg = "m") => ({ error_code: code, error_msg: msg });

describe("Huawei error envelopes", () => {
    it.each([
        [
            "error_code/error_msg",
            { error_code: "EndPoint.0005", error_msg: "The requested resource does not exist." },
            "EndPoint.0005",
            "The requested resource does not exist.",
            undefined,
        ],
        ["{error:{code,message}}", { error: { code: "EndPoint.0002", message: "Parameter error." } }, "EndPoint.0002", "Parameter error.", undefined],
        [
            "API gateway with request_id",
            { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information", request_id: "rid-body" },
            "APIGW.0301",
            "Incorrect IAM authentication information",
            "rid-body",
        ],
        ["DNS {code,message}", { code: "DNS.1504", message: "Endpoint name exists" }, "DNS.1504", "Endpoint name exists", undefined],
        [
            "IAM {error:{code:401,title}}",
            { error: { code: 401, title: "Unauthorized", message: "The request you have made requires authentication." } },
            undefined,
            "The request you have made requires authentication.",
            undefined,
        ],
    ])("parses the %s envelope", (_name, body, code, message, requestId) => {
        expect(parseHuaweiErrorBody(JSON.stringify(body))).toEqual({ code, message, requestId });
    });

    it("prefers X-Request-Id over the body's request_id", () => {
        expect(parseHuaweiErrorBody(JSON.stringify({ error_code: "APIGW.0301", request_id: "body" }), { "x-request-id": "header" }).requestId).toBe("header");
    });

    it("keeps a non-JSON body as the message", () => {
        expect(parseHuaweiErrorBody("<html>Bad Gateway</html>")).toEqual({ code: undefined, message: "<html>Bad Gateway</html>", requestId: undefined });
    });
});

describe("error envelopes, whatever the cloud", () => {
    it.each([
        ["an object", '{"a":1}', { a: 1 }],
        ["empty", "  ", undefined],
        ["not JSON", "<html>Bad Gateway</html>", undefined],
        ["an array", "[1]", undefined],
        ["a JSON string", '"oops"', undefined],
        ["null", "null", undefined],
    ])("reads %s body", (_n, text, want) => {
        expect(errorEnvelope(text)).toEqual(want);
    });

    it("takes only non-empty strings from fields, and shortens a bare body", () => {
        expect([envelopeString("x"), envelopeString(""), envelopeString(3), envelopeString(undefined)]).toEqual(["x", undefined, undefined, undefined]);
        expect(bareErrorMessage("  ")).toBeUndefined();
        expect(bareErrorMessage(` ${"x".repeat(400)} `)).toBe("x".repeat(300));
    });

    it.each([
        ["Huawei", parseHuaweiErrorBody],
        ["Alibaba", parseAlibabaErrorBody],
    ])("%s: a body that is no envelope is the message, the request id comes from the headers", (_n, parse) => {
        expect(parse('["not", "an", "envelope"]', { "x-request-id": "rid" })).toEqual({
            code: undefined,
            message: '["not", "an", "envelope"]',
            requestId: "rid",
        });
        expect(parse("", {})).toEqual({ code: undefined, message: undefined, requestId: undefined });
    });
});

describe("error classification", () => {
    it.each([
        // status, body, class, retryable
        [404, hw("EndPoint.0005"), NotFoundError, false],
        [404, hw("EndPoint.2006"), NotFoundError, false],
        [404, hw("EndPoint.2008"), NotFoundError, false],
        [400, hw("EndPoint.0022", "The number of requests exceeded the limit."), ThrottledError, true], // HTTP 400, yet a throttle
        [429, hw("APIGW.0308", "throttling threshold has been reached"), ThrottledError, true],
        [429, "", ThrottledError, true],
        [400, hw("EndPoint.3006"), ConflictError, false],
        [400, hw("EndPoint.3045"), ConflictError, false],
        [400, hw("EndPoint.2018"), ConflictError, false],
        [409, hw("EndPoint.9999"), ConflictError, false],
        [400, hw("EndPoint.0002"), ValidationError, false],
        [400, hw("EndPoint.3068"), ValidationError, false],
        [400, hw("Endpoint.1018", "Quota exceeded."), QuotaExceededError, false],
        [400, hw("ENDPOINT.1018"), QuotaExceededError, false], // prefix case varies
        [401, hw("APIGW.0301"), AuthError, false],
        [403, hw("EndPoint.0004"), AuthError, false],
        [400, hw("EndPoint.2012"), AuthError, false],
        [500, hw("EndPoint.0001", "System error. Please retry."), ServerError, true],
        [502, "", ServerError, true],
        [503, { error: { code: "SYS.0503", message: "unavailable" } }, ServerError, true],
        [501, hw("Emulator.0501", "not implemented by the emulator: GET /x"), ServerError, false],
        [418, hw("X.1"), CloudError, false],
    ] as const)("HTTP %i %j → %p", (status, body, cls, retryable) => {
        const err = classify(res(status, body, { "x-request-id": "req-1" }), undefined);
        expect(err).toBeInstanceOf(cls);
        expect(err.retryable).toBe(retryable);
        expect(err.httpStatus).toBe(status);
        expect(err.requestId).toBe("req-1");
        expect(err.api).toBe("vpcep");
        expect(err.operation).toBe("ListServiceDetails");
    });

    it.each([
        ["EndPoint.3006", "in_use"],
        ["EndPoint.2019", "state"],
        ["EndPoint.2014", "exists"],
    ] as const)("tells why %s conflicts (%s)", (code, reason) => {
        const err = classify(res(400, hw(code)), undefined) as ConflictError;
        expect(err.reason).toBe(reason);
    });

    it("carries Retry-After on a throttle", () => {
        const err = classify(res(429, hw("APIGW.0308")), 3000);
        expect(err.retryAfterMs).toBe(3000);
    });

    it("names the operation, code, status and request id in the message", () => {
        const err = classify(res(404, hw("EndPoint.0005", "The requested resource does not exist."), { "x-request-id": "abc" }), undefined);
        expect(err.message).toBe("vpcep ListServiceDetails failed: EndPoint.0005: The requested resource does not exist. (HTTP 404, request id abc)");
        expect(err.code).toBe("EndPoint.0005");
        expect(err.cloudMessage).toBe("The requested resource does not exist.");
    });
});
