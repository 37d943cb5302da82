/**
 * Runtime entry v1: the stable contract between the serialized provider stub (in every resource's
 * state) and this package's code. Never change the meaning of `configure` or `call`; add a new
 * versioned entry instead.
 */

import { SdkError } from "../../sdk/core/errors";
import { type StackConfig, setStackConfig } from "../config/stack-config";
import { watchEngine } from "./engine-watch";
import type { ResourceImpl } from "./impl";
import { implOf } from "./kinds";
import { watchRequests } from "./requests";
import { withoutUndefined } from "./without-undefined";

export { withoutUndefined };

export const RUNTIME_VERSION = 1;

watchEngine();
watchRequests();

// The provider process loads a kind's schemas and cloud client on first use: from Node's on-disk
// compile cache (Node >= 22.1), each later command loads them from cached bytecode. A cache only:
// where it cannot be written, nothing changes.
try {
    (require("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
} catch {
    // no compile cache on this Node
}

export function configure(req: { config?: StackConfig } | undefined): void {
    setStackConfig(req?.config);
}

/**
 * Runs `method` of resource `kind` with the arguments the engine passed to the stub (an
 * `arguments` object or an array).
 */
export function call(kind: string, method: keyof ResourceImpl | "configure", args: ArrayLike<unknown>): Promise<unknown> {
    const list = Array.from(args);
    if (method === "configure") {
        configure(list[0] as { config?: StackConfig });
        return Promise.resolve();
    }
    const impl = implOf(kind);
    if (!impl) {
        return Promise.reject(
            new Error(
                `pulumi-privatelink: this version of the package does not know the resource kind "${kind}"; ` +
                    `install the version that created the resource (or a newer one)`,
            ),
        );
    }
    // The engine's host cannot serialize `undefined` inside outputs ("Unexpected struct type"):
    // absent values are dropped here, once, for every resource kind.
    return impl
        .then((i) => (i[method] as (...a: unknown[]) => Promise<unknown>).apply(i, list))
        .then(withoutUndefined, (e: unknown) => {
            throw withoutStack(e);
        });
}

/**
 * An expected cloud error (one the cloud answered, or a wait that timed out) reads as its message:
 * the engine's host prints `error: stack` for some operations, and a JavaScript stack trace with
 * this package's source paths says nothing to the user.
 */
export function withoutStack(e: unknown): unknown {
    if (e instanceof SdkError) e.stack = "";
    return e;
}
