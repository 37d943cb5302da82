/**
 * The errors a wait ends with when the resource does not settle as wanted: it timed out, or it
 * reached a failed (or unexpected) status, or it disappeared. They are `SdkError`s like the API
 * call errors (errors.ts), never retryable: waiting again would see the same thing.
 */
import { formatDuration } from "./clock";
import { type ErrorKind, SdkError } from "./errors";

/** A run of polls that saw the same status. */
export interface StatusRun {
    status: string;
    count: number;
}

function describeRuns(runs: readonly StatusRun[], waitedMs: number): string {
    if (runs.length === 0) return `no status seen in ${formatDuration(waitedMs)}`;
    return `${runs.map((r) => `${r.status} ×${r.count}`).join(", ")} over ${formatDuration(waitedMs)}`;
}

/** A wait that did not end as wanted: which resource, and the statuses it went through. */
export abstract class WaitError extends SdkError {
    abstract override readonly kind: Extract<ErrorKind, "wait_timeout" | "wait_failed">;
    readonly resourceId: string;
    readonly statusesSeen: readonly StatusRun[];
    constructor(message: string, init: { code: string; resourceId: string; runs: readonly StatusRun[] }) {
        super(message, { code: init.code, retryable: false });
        this.resourceId = init.resourceId;
        this.statusesSeen = init.runs;
    }
}

/** The deadline passed before the resource reached a target status. Code `SDK.WaitTimeout`. */
export class WaitTimeoutError extends WaitError {
    override readonly kind = "wait_timeout" as const;
    readonly waitedMs: number;
    constructor(description: string, resourceId: string, target: readonly string[], runs: readonly StatusRun[], waitedMs: number) {
        super(`timed out waiting for ${description} to become ${target.join(" or ")}: seen ${describeRuns(runs, waitedMs)}`, {
            code: "SDK.WaitTimeout",
            resourceId,
            runs,
        });
        this.waitedMs = waitedMs;
    }
}

/** The resource failed, reached a status it should not have, or disappeared. Code `SDK.WaitFailed`. */
export class WaitFailedError extends WaitError {
    override readonly kind = "wait_failed" as const;
    /** The status that ended the wait ("gone" when the resource disappeared). */
    readonly status: string;
    readonly cloudMessage: string | undefined;
    readonly unexpected: boolean;
    readonly gone: boolean;
    constructor(init: {
        description: string;
        resourceId: string;
        status: string;
        cloudMessage?: string;
        unexpected?: boolean;
        gone?: boolean;
        runs: readonly StatusRun[];
    }) {
        const why = init.gone
            ? "disappeared while being waited for"
            : init.unexpected
              ? `reached the unexpected status ${init.status}`
              : `failed (status ${init.status})`;
        super(`${init.description} ${why}${init.cloudMessage ? `: ${init.cloudMessage}` : ""}`, {
            code: "SDK.WaitFailed",
            resourceId: init.resourceId,
            runs: init.runs,
        });
        this.status = init.status;
        this.cloudMessage = init.cloudMessage;
        this.unexpected = init.unexpected ?? false;
        this.gone = init.gone ?? false;
    }
}
