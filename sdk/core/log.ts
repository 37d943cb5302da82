/** A minimal logger seam. Every line passes through `redact()` before it reaches the sink. */
import { redact } from "./redact";

export interface Logger {
    debug(message: string, fields?: Record<string, unknown>): void;
    warn(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, warn() {} };

/** Wraps a sink so that messages and string fields are redacted. */
export function redactingLogger(sink: Logger): Logger {
    const clean = (fields?: Record<string, unknown>): Record<string, unknown> | undefined => {
        if (!fields) return fields;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(fields)) out[k] = typeof v === "string" ? redact(v) : v;
        return out;
    };
    return {
        debug: (m, f) => sink.debug(redact(m), clean(f)),
        warn: (m, f) => sink.warn(redact(m), clean(f)),
    };
}
