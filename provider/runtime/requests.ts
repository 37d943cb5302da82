/**
 * What the engine says in each gRPC request that Pulumi's Node.js dynamic-provider host does not
 * pass on. The host hands a dynamic provider only the properties of a call: not the resource's
 * URN (which names the project, the stack and the resource), and it answers the engine's
 * `Cancel` (sent when the user presses Ctrl-C) with nothing. Both matter here: the URN is what a
 * creation key is derived from (provider/lifecycle/creation.ts), and a cancellation must stop the
 * waits, which otherwise run until their time limit.
 *
 * So, once loaded in the dynamic-provider process, this module wraps the handler lookup of the
 * process's gRPC server(s): each call runs with its request in an AsyncLocalStorage, and a
 * `Cancel` aborts the process-wide cancellation signal. The hook is installed lazily (the module
 * loads during the first request), covers every later request, and does nothing where the gRPC
 * library is not found or looks different: then there is no URN (creation keys are not used) and
 * no cancellation (waits run until their time limit), as before.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { CANCELLED } from "../lifecycle/context";

interface RequestInfo {
    /** The resource's URN, when the request names one. */
    urn?: string;
}

const current = new AsyncLocalStorage<RequestInfo>();
const cancellation = new AbortController();

/** The URN of the resource whose request is being served, if known. */
export function currentUrn(): string | undefined {
    return current.getStore()?.urn;
}

/** Runs `f` as if serving a request for `urn` (tests, and the in-process provider). */
export function withRequest<T>(info: RequestInfo, f: () => T): T {
    return current.run(info, f);
}

/** Aborted when the engine cancels the deployment (Ctrl-C). */
export function engineCancellation(): AbortSignal {
    return cancellation.signal;
}

/** Aborts every wait of this process (what the engine's Cancel does). */
export function cancelEverything(): void {
    if (!cancellation.signal.aborted) cancellation.abort(new Error(CANCELLED));
}

type Handler = { func?: (call: { request?: { getUrn?: () => string } }, ...rest: unknown[]) => unknown; path?: string };
type ServerPrototype = { _retrieveHandler?: (path: string) => Handler | null; __privatelinkWrapped?: boolean };

let installed = false;

/** Wraps the handler lookup of every loaded gRPC server class (once per process). */
export function watchRequests(cache: Record<string, NodeModule | undefined> = require.cache): void {
    if (installed) return;
    installed = true;
    for (const [file, mod] of Object.entries(cache)) {
        if (!/@grpc[\\/]grpc-js[\\/]build[\\/]src[\\/]server\.js$/.test(file)) continue;
        const proto = (mod?.exports as { Server?: { prototype: ServerPrototype } } | undefined)?.Server?.prototype;
        if (proto) wrapLookup(proto);
    }
}

/** Wraps one server class's `_retrieveHandler` (exported for tests). */
export function wrapLookup(proto: ServerPrototype): void {
    const original = proto._retrieveHandler;
    if (typeof original !== "function" || proto.__privatelinkWrapped) return;
    proto.__privatelinkWrapped = true;
    proto._retrieveHandler = function (this: unknown, path: string) {
        const handler = original.call(this, path);
        if (typeof path === "string" && path.endsWith("/Cancel")) cancelEverything();
        if (!handler || typeof handler.func !== "function") return handler;
        const func = handler.func;
        return {
            ...handler,
            func(call: { request?: { getUrn?: () => string } }, ...rest: unknown[]) {
                let urn: string | undefined;
                try {
                    const u = call?.request?.getUrn?.();
                    urn = typeof u === "string" && u !== "" ? u : undefined;
                } catch {
                    urn = undefined;
                }
                return current.run({ urn }, () => func.call(handler, call, ...rest));
            },
        };
    };
}
