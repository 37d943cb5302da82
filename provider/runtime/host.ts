/**
 * The dynamic-resource host of the lifecycle engine: Pulumi's Node.js dynamic-provider protocol
 * (check/diff/create/read/update/delete with only the properties) served by an Engine, with the
 * context each call needs built from what this process knows — the URN and the Cancel that
 * provider/runtime/requests.ts recovers from the gRPC layer, the stack's checkpoint read by
 * provider/runtime/stack-record.ts, and the engine's log service for status messages.
 *
 * Status messages: @pulumi/pulumi's `log.info(…, ephemeral)` does not reach the engine from the
 * dynamic-provider process — it finds the engine through PULUMI_NODEJS_ENGINE, which the language
 * host sets for the program, not for plugins, and without it prints to stdout. But the engine
 * starts this process as it starts every resource plugin, with its address as the argument
 * (`pulumi-resource-pulumi-nodejs` runs `node …/cmd/dynamic-provider <args>`), so the same
 * engine log the native plugin uses serves here too.
 */
import type { OperationContext } from "../lifecycle/context";
import { type Engine, lifecycle } from "../lifecycle/engine";
import type { AnyModel } from "../model/resource";
import { EngineLog, engineAddressOf, type StatusLine } from "../native/status";
import type { ResourceImpl } from "./impl";
import { currentUrn, engineCancellation } from "./requests";
import { stackRecord } from "./stack-record";

/**
 * The engine's address when this process is Pulumi's Node.js dynamic-provider plugin (its script
 * is `@pulumi/pulumi/cmd/dynamic-provider`); undefined anywhere else (a program, a test).
 */
export function dynamicProviderEngineAddress(argv: readonly string[] = process.argv): string | undefined {
    if (!/[\\/]cmd[\\/]dynamic-provider([\\/]index\.js)?$/.test(argv[1] ?? "")) return undefined;
    const address = engineAddressOf(argv.slice(2));
    return address && /^(\[[0-9a-fA-F:]+\]|[\w.-]+):\d+$/.test(address) ? address : undefined;
}

let engineLog: EngineLog | undefined | null = null;

/** The engine's log service of this process, made on first use. */
function processEngineLog(): EngineLog | undefined {
    if (engineLog === null) {
        const address = dynamicProviderEngineAddress();
        engineLog = address ? new EngineLog(address) : undefined;
    }
    return engineLog;
}

/** The context of the request being served; `status` is where its waits report progress. */
export function requestContext(status?: StatusLine): OperationContext {
    return { urn: currentUrn(), cancelled: engineCancellation(), stackRecord, progress: status ? (m) => status.set(m) : undefined };
}

/** Runs an operation that may wait with a status line for its resource, cleared when it ends. */
async function showingStatus<T>(run: (ctx: OperationContext) => Promise<T>): Promise<T> {
    const urn = currentUrn();
    const status = urn ? processEngineLog()?.statusOf(urn) : undefined;
    try {
        return await run(requestContext(status));
    } finally {
        status?.clear();
    }
}

/** An engine as a dynamic provider: each call gets the context of its request. */
export function dynamicImpl(engine: Engine): ResourceImpl {
    return {
        check: (olds, news) => engine.check(requestContext(), olds, news),
        diff: (id, olds, news) => engine.diff(requestContext(), id, olds, news),
        create: (inputs) => showingStatus((ctx) => engine.create(ctx, inputs)),
        read: (id, props) => engine.read(requestContext(), id, props ?? {}),
        update: (id, olds, news) => showingStatus((ctx) => engine.update(ctx, id, olds, news)),
        delete: (id, props) => showingStatus((ctx) => engine.delete(ctx, id, props)),
    };
}

/** A resource model served as a dynamic provider. */
export function dynamicImplOf(model: AnyModel): ResourceImpl {
    return dynamicImpl(lifecycle(model));
}
