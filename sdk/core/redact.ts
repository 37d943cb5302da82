/**
 * Keeping secrets out of errors, logs and `util.inspect`.
 *
 * Two layers: objects that hold a secret keep it in a `#private` field (invisible to inspect,
 * JSON and enumeration) and define a custom inspect; and every string that leaves the SDK as an
 * error message or log line passes through `redact()`, which replaces any secret value this
 * process has registered (a safety net for a cloud that echoes a token back in a message).
 */
import { inspect } from "node:util";

const known = new Set<string>();
const MIN_SECRET_LENGTH = 6; // shorter values would redact ordinary words

export const REDACTED = "[redacted]";

export function registerSecret(value: string | undefined): void {
    if (value && value.length >= MIN_SECRET_LENGTH) known.add(value);
}

export function redact(text: string): string {
    let out = text;
    for (const s of known) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
}

/** Header names whose values are credentials. */
const SECRET_HEADERS = new Set(["authorization", "x-auth-token", "x-subject-token", "x-security-token", "x-acs-security-token"]);

export function redactHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
        if (v === undefined) continue;
        out[k] = SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : redact(Array.isArray(v) ? v.join(", ") : v);
    }
    return out;
}

/** "EMUD…0001": enough to recognise an access key id in a message, not enough to use it. */
export function maskId(value: string): string {
    return value.length <= 8 ? "****" : `${value.slice(0, 4)}…${value.slice(-4)}`;
}

/** A string that never prints itself. */
export class Secret {
    readonly #value: string;
    constructor(value: string) {
        this.#value = value;
        registerSecret(value);
    }
    reveal(): string {
        return this.#value;
    }
    toString(): string {
        return REDACTED;
    }
    toJSON(): string {
        return REDACTED;
    }
    [inspect.custom](): string {
        return `Secret(${REDACTED})`;
    }
}
