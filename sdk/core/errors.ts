/**
 * Typed errors shared by every cloud client. Every error the sdk raises on purpose is an
 * `SdkError`: a failed API call is a `CloudError` (below), a wait that did not end as wanted a
 * `WaitError` (wait-errors.ts). A cloud's error envelope is parsed by that cloud's module into
 * `{code, message, requestId}`; the classification below turns it into one of these classes
 * using a per-API code table first and the HTTP status second.
 */
import { redact } from "./redact";

export type ErrorKind =
    | "not_found"
    | "conflict"
    | "throttled"
    | "validation"
    | "auth"
    | "quota"
    | "server"
    | "network"
    | "outcome_unknown"
    | "wait_timeout"
    | "wait_failed"
    | "unknown";

/** Why a conflict happened: the resource is used by another, is in the wrong state, or already exists. */
export type ConflictReason = "in_use" | "state" | "exists";

export interface CloudErrorInit {
    api: string;
    operation: string;
    code: string;
    message: string;
    httpStatus: number;
    requestId?: string;
    retryable?: boolean;
    /** From `Retry-After`, when the cloud sent one. */
    retryAfterMs?: number;
    cause?: unknown;
}

/**
 * The root of the hierarchy: what every error the sdk raises on purpose has (a kind, a code, and
 * whether trying again may help). `name` is the concrete class's name.
 */
export class SdkError extends Error {
    readonly kind: ErrorKind = "unknown";
    /** The cloud's own error code (`EndPoint.0005`, `APIGW.0308`, …), or an `SDK.*` code for client-side faults and waits (`SDK.WaitTimeout`). */
    readonly code: string;
    readonly retryable: boolean;

    constructor(message: string, init: { code: string; retryable?: boolean; cause?: unknown }) {
        super(message, init.cause !== undefined ? { cause: init.cause } : undefined);
        this.name = new.target.name;
        this.code = init.code;
        this.retryable = init.retryable ?? false;
    }
}

/** A failed API call: which one, the cloud's answer, and whether the retry loop may try it again. */
export class CloudError extends SdkError {
    readonly api: string;
    readonly operation: string;
    /** The cloud's message, unformatted (redacted). */
    readonly cloudMessage: string;
    readonly httpStatus: number;
    readonly requestId: string | undefined;
    readonly retryAfterMs: number | undefined;
    /** How many attempts were made before this error was given up on (set by the retry loop). */
    attempts = 1;

    constructor(init: CloudErrorInit) {
        const msg = redact(init.message);
        const where = [init.httpStatus ? `HTTP ${init.httpStatus}` : undefined, init.requestId ? `request id ${init.requestId}` : undefined]
            .filter(Boolean)
            .join(", ");
        super(`${init.api} ${init.operation} failed: ${init.code}: ${msg}${where ? ` (${where})` : ""}`, init);
        this.api = init.api;
        this.operation = init.operation;
        this.cloudMessage = msg;
        this.httpStatus = init.httpStatus;
        this.requestId = init.requestId;
        this.retryAfterMs = init.retryAfterMs;
    }
}

export class NotFoundError extends CloudError {
    override readonly kind = "not_found" as const;
}

export class ConflictError extends CloudError {
    override readonly kind = "conflict" as const;
    readonly reason: ConflictReason;
    constructor(init: CloudErrorInit & { reason?: ConflictReason }) {
        super(init);
        this.reason = init.reason ?? "state";
    }
}

export class ThrottledError extends CloudError {
    override readonly kind = "throttled" as const;
    constructor(init: CloudErrorInit) {
        super({ ...init, retryable: true });
    }
}

export class ValidationError extends CloudError {
    override readonly kind = "validation" as const;
}

export class AuthError extends CloudError {
    override readonly kind = "auth" as const;
}

export class QuotaExceededError extends CloudError {
    override readonly kind = "quota" as const;
}

/** 5xx: retryable, except 501 (not implemented — asking again will not help). */
export class ServerError extends CloudError {
    override readonly kind = "server" as const;
    constructor(init: CloudErrorInit) {
        super({ ...init, retryable: init.retryable ?? init.httpStatus !== 501 });
    }
}

/**
 * The request never got an HTTP answer. `phase` says whether the request may have reached the
 * server: "connect" (refused, DNS, connect timeout: certainly not performed) or "sent" (reset,
 * closed or timed out after the request was written: it may have been performed).
 */
export class NetworkError extends CloudError {
    override readonly kind = "network" as const;
    readonly phase: "connect" | "sent";
    readonly timeout: boolean;
    constructor(init: Omit<CloudErrorInit, "httpStatus"> & { phase: "connect" | "sent"; timeout: boolean }) {
        super({ ...init, httpStatus: 0, retryable: true });
        this.phase = init.phase;
        this.timeout = init.timeout;
    }
}

/**
 * A non-idempotent call (a create) was sent but its answer was lost: the cloud may or may not
 * have performed it. It is never retried blindly; the caller must look for what it may have made.
 */
export class OutcomeUnknownError extends CloudError {
    override readonly kind = "outcome_unknown" as const;
    constructor(init: Omit<CloudErrorInit, "code" | "httpStatus" | "retryable"> & { httpStatus?: number }) {
        super({ ...init, code: "SDK.OutcomeUnknown", httpStatus: init.httpStatus ?? 0, retryable: false });
    }
}

export interface CodeRule {
    kind: Exclude<ErrorKind, "network" | "outcome_unknown" | "wait_timeout" | "wait_failed" | "unknown">;
    reason?: ConflictReason;
}

/** Per-API table: error code (compared case-insensitively) → kind. */
export type CodeTable = Readonly<Record<string, CodeRule>>;

export function normalizeCode(code: string): string {
    return code.toLowerCase();
}

/** Merges tables, normalising keys, so lookups can be case-insensitive (`EndPoint.` vs `Endpoint.`). */
export function codeTable(...tables: Array<Record<string, CodeRule>>): CodeTable {
    const out: Record<string, CodeRule> = {};
    for (const t of tables) for (const [k, v] of Object.entries(t)) out[normalizeCode(k)] = v;
    return out;
}

export interface ParsedCloudError {
    code: string | undefined;
    message: string | undefined;
    requestId: string | undefined;
}

/**
 * The JSON object of an error body, or undefined when the body is empty, not JSON, or not an
 * object (the clouds' envelopes are objects; a proxy's HTML page is not).
 */
export function errorEnvelope(text: string): Record<string, unknown> | undefined {
    let body: unknown;
    try {
        body = text.trim() ? JSON.parse(text) : undefined;
    } catch {
        return undefined;
    }
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
}

/** A field of an error envelope when it is a non-empty string. */
export function envelopeString(v: unknown): string | undefined {
    return typeof v === "string" && v !== "" ? v : undefined;
}

/** What a body that is not an envelope says, shortened, as the error message (undefined when empty). */
export function bareErrorMessage(text: string): string | undefined {
    const t = text.trim();
    return t ? t.slice(0, 300) : undefined;
}

export function classifyCloudError(
    parsed: ParsedCloudError,
    ctx: { api: string; operation: string; httpStatus: number; table: CodeTable; retryAfterMs?: number; isThrottleCode?: (code: string) => boolean },
): CloudError {
    const code = parsed.code ?? `HTTP.${ctx.httpStatus}`;
    const init: CloudErrorInit = {
        api: ctx.api,
        operation: ctx.operation,
        code,
        message: parsed.message ?? `HTTP ${ctx.httpStatus} without an error body`,
        httpStatus: ctx.httpStatus,
        requestId: parsed.requestId,
        retryAfterMs: ctx.retryAfterMs,
    };
    const rule = parsed.code ? ctx.table[normalizeCode(parsed.code)] : undefined;
    if (ctx.httpStatus === 429 || (parsed.code && ctx.isThrottleCode?.(parsed.code)) || rule?.kind === "throttled") return new ThrottledError(init);
    if (rule) return fromKind(rule, init);
    const s = ctx.httpStatus;
    if (s === 401 || s === 403) return new AuthError(init);
    if (s === 404) return new NotFoundError(init);
    if (s === 409) return new ConflictError(init);
    if (s >= 500) return new ServerError(init);
    if (s === 400 || s === 422) return new ValidationError(init);
    return new CloudError(init);
}

function fromKind(rule: CodeRule, init: CloudErrorInit): CloudError {
    switch (rule.kind) {
        case "not_found":
            return new NotFoundError(init);
        case "conflict":
            return new ConflictError({ ...init, reason: rule.reason });
        case "throttled":
            return new ThrottledError(init);
        case "validation":
            return new ValidationError(init);
        case "auth":
            return new AuthError(init);
        case "quota":
            return new QuotaExceededError(init);
        case "server":
            return new ServerError(init);
    }
}

export function isAbortError(err: unknown): boolean {
    return err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError") && !(err instanceof SdkError);
}
