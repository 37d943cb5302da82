/**
 * What a lookup raises besides the cloud's own errors (which keep their classes, codes and request
 * ids): arguments that break a rule, and a lookup of exactly one thing that finds none or several.
 *
 * Every error a lookup raises on purpose prints as one plain message. A program's uncaught error
 * is printed by Pulumi's Node.js run script (`@pulumi/pulumi/cmd/run/run.js`) with
 * `util.inspect(err, { colors: true })` — the stack trace, every enumerable property, and the
 * `promise` that `debuggablePromise` attaches to an error passing through an Output — except a
 * `RunError`, whose message alone is printed. So the error is made to read as a `RunError` and
 * to inspect as its message: see {@link plainMessage}.
 */
import type { SdkError } from "../../sdk/core/errors";

/** An own property that Node's inspect does not print. */
function hide(e: object, key: string, value: unknown): void {
    Object.defineProperty(e, key, { value, writable: true, enumerable: false, configurable: true });
}

/**
 * Makes an error print as `message` alone, wherever it is printed, keeping its class and fields:
 * Pulumi's run script prints a `RunError`'s message without its stack (`RunError.isInstance`
 * reads the `__pulumiRunError` member, `@pulumi/pulumi/errors.js`, so that any copy of the SDK
 * recognises it); for `util.inspect` the stack is the message and no property is enumerable —
 * including `promise`, set by @pulumi/pulumi's `debuggablePromise` (runtime/debuggable.js) on
 * every error that passes through an Output, which assigns to the hidden one defined here.
 */
export function plainMessage<E extends Error>(e: E, message: string = e.message): E {
    for (const key of Object.keys(e)) hide(e, key, (e as unknown as Record<string, unknown>)[key]);
    hide(e, "message", message);
    hide(e, "stack", message);
    if (!("promise" in e)) hide(e, "promise", undefined);
    hide(e, "__pulumiRunError", true);
    return e;
}

/** The base of every lookup failure: names the function that failed. */
export class LookupError extends Error {
    /** The function, such as `huaweicloud.vpcep.getPublicService`. */
    declare readonly fn: string;

    constructor(fn: string, message: string) {
        super(`${fn}: ${message}`);
        hide(this, "name", new.target.name);
        hide(this, "fn", fn);
        plainMessage(this);
    }
}

/** Arguments that break a rule: each failure names the argument, the value and the rule. */
export class LookupArgumentError extends LookupError {
    /** "serviceId: \"x\" is not a valid endpoint service id (a UUID …)", one per problem. */
    declare readonly failures: string[];

    constructor(fn: string, failures: string[]) {
        super(fn, failures.join("; "));
        hide(this, "failures", failures);
    }
}

/** A lookup of exactly one thing found nothing. */
export class LookupNotFoundError extends LookupError {}

/** A lookup of exactly one thing found several: the message lists them and how to narrow it. */
export class LookupAmbiguousError extends LookupError {
    /** How each match is named in the message. */
    declare readonly matches: string[];

    constructor(fn: string, message: string, matches: string[]) {
        super(fn, message);
        hide(this, "matches", matches);
    }
}

/**
 * What a lookup raises when it fails: its own errors as they are, the cloud's (`SdkError`, with
 * their classes, codes and request ids) and a settings error of the cloud's connection (a plain
 * `Error`: missing credentials, a bad endpoints map) prefixed with the function and followed by
 * what to check (`hint`), all as one plain message. Anything else — a fault of this package — keeps
 * its stack trace.
 */
export function lookupFailure(fn: string, e: unknown, hint?: (e: SdkError) => string | undefined): unknown {
    if (e instanceof LookupError) return e;
    // Loaded here, where a lookup has already loaded it: a program without lookups loads no sdk module.
    const { SdkError: CloudError } = require("../../sdk/core/errors") as typeof import("../../sdk/core/errors");
    if (e instanceof CloudError) {
        const check = hint?.(e);
        return plainMessage(e, `${fn}: ${e.message}${check ? `. ${check}` : ""}`);
    }
    if (e instanceof Error && Object.getPrototypeOf(e) === Error.prototype) return plainMessage(e, `${fn}: ${e.message}`);
    return e;
}
