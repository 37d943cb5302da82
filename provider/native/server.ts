/**
 * The native host of the lifecycle engine: Pulumi's resource provider protocol (gRPC), served from
 * the same declarations and the same engine as the dynamic resources — for every language and for
 * explicit providers. Each method builds the OperationContext of its request (the URN, the
 * engine's cancellation, the operation's `customTimeouts`, this stack's record of interrupted
 * creations) and calls the engine; nothing of a resource is written twice.
 *
 * Where Pulumi's stock Node server falls short (measured: ../shared design notes), this one does
 * what the engine expects: Configure takes the provider's settings, Diff reports a detailed diff,
 * the time limits reach create/update/delete, and an object created but not ready is reported as
 * such (ErrorResourceInitFailed) so the next `pulumi up` finishes it.
 */

import * as fs from "node:fs";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { SdkError } from "../../sdk/core/errors";
import { CANCELLED, type OperationContext } from "../lifecycle/context";
import type { Engine } from "../lifecycle/engine";
import { LookupArgumentError } from "../lookup/errors";
import { parseAddress, watchAddress } from "../runtime/engine-watch";
import { stackRecord } from "../runtime/stack-record";
import { withoutUndefined } from "../runtime/without-undefined";
import { configFromProvider } from "./config";
import { nativeFunction } from "./functions";
import { anyproto, emptyproto, grpc, pluginproto, proto, provrpc, statusproto, structproto } from "./protocol";
import { EngineLog, engineAddressOf, type StatusLine } from "./status";
import { engineOfToken, PACKAGE } from "./tokens";

type Props = Record<string, any>;
type Callback<T> = (err: unknown, value?: T | null, metadata?: unknown) => void;
type Call<R> = { request: R };

/** This package's name in its package.json. */
const PACKAGE_NAME = "pulumi-privatelink";

/** The text of a file, or undefined when it cannot be read. */
function readText(file: string): string | undefined {
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        return undefined;
    }
}

/**
 * A file at the package root, undefined when it is not there. The root is the nearest folder above
 * the running code whose package.json is this package's: three up from the compiled plugin
 * (dist/provider/native), two from the bundle (dist/plugin) and from the sources.
 */
function packageFile(name: string): string | undefined {
    for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
        const manifest = readText(path.join(dir, "package.json"));
        if (manifest && (JSON.parse(manifest) as { name?: string }).name === PACKAGE_NAME) return readText(path.join(dir, name));
    }
    return undefined;
}

/** The package version (the plugin's), from the package.json the code ships with. */
function packageVersion(): string {
    const text = packageFile("package.json");
    return text ? (JSON.parse(text) as { version: string }).version : "0.0.0";
}

/** The package schema, generated from the declarations (`npm run schema`). */
function schemaText(): string {
    return packageFile("schema.json") ?? "{}";
}

const toStruct = (v: Props | undefined) => structproto.Struct.fromJavaScript(withoutUndefined(v ?? {}));
const fromStruct = (s: { toJavaScript(): Props } | undefined): Props => s?.toJavaScript() ?? {};

/** The error the engine understands: an object created but not initialized travels in the details. */
function grpcError(e: unknown): { code: number; message: string; metadata: unknown } {
    const err = e as Error & { id?: string; properties?: Props; reasons?: string[] };
    if (e instanceof SdkError) e.stack = "";
    const metadata = new grpc.Metadata();
    if (err?.id) {
        const status = new statusproto.Status();
        status.setCode(grpc.status.UNKNOWN);
        status.setMessage(err.message);
        const detail = new proto.ErrorResourceInitFailed();
        detail.setId(err.id);
        detail.setProperties(toStruct(err.properties));
        detail.setReasonsList(err.reasons ?? []);
        const any = new anyproto.Any();
        any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
        status.addDetails(any);
        metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
    }
    return { code: grpc.status.UNKNOWN, message: err?.message ?? String(e), metadata };
}

/**
 * The kind of a detailed diff entry. The engine shows each entry between the old and the new
 * inputs (inputDiff): an input the program adds is an addition and one it removes a deletion, as
 * the engine's own diff shows them for a provider without a detailed diff; any other an update.
 */
function propertyDiffKind(key: string, oldInputs: Props, news: Props, replace: boolean): number {
    const Kind = proto.PropertyDiff.Kind;
    if (!(key in news)) return replace ? Kind.DELETE_REPLACE : Kind.DELETE;
    if (!(key in oldInputs)) return replace ? Kind.ADD_REPLACE : Kind.ADD;
    return replace ? Kind.UPDATE_REPLACE : Kind.UPDATE;
}

/** Runs one method: its answer, or its error in the form the engine reads. */
function serve<R, T>(f: (req: R) => Promise<T>) {
    return (call: Call<R>, callback: Callback<T>) => {
        f(call.request).then(
            (v) => callback(null, v),
            (e) => {
                const r = grpcError(e);
                callback(r, null, r.metadata);
            },
        );
    };
}

/** The type token a URN names (its last type, after any parent's). */
const tokenOfUrn = (urn: string) => urn.split("::")[2]?.split("$").pop() ?? "";

/** The resource provider service: one per plugin process (one process per provider instance). */
export class NativeProvider {
    readonly #cancellation = new AbortController();
    readonly #log: EngineLog | undefined;

    /** `log`: the engine's log service, where waits report what they wait for (none: they report nothing). */
    constructor(log?: EngineLog) {
        this.#log = log;
    }

    /** The context of one request; `status` is where its waits report progress. */
    #context(urn: string, timeoutSeconds?: number, status?: StatusLine): OperationContext {
        return {
            urn: urn || undefined,
            cancelled: this.#cancellation.signal,
            timeoutMs: timeoutSeconds ? timeoutSeconds * 1000 : undefined,
            stackRecord,
            progress: status ? (message) => status.set(message) : undefined,
        };
    }

    /** Runs an operation that may wait, with a status line for its resource, cleared when it ends. */
    async #showingStatus<T>(urn: string, run: (status: StatusLine | undefined) => Promise<T>): Promise<T> {
        const status = urn && this.#log ? this.#log.statusOf(urn) : undefined;
        try {
            return await run(status);
        } finally {
            status?.clear();
        }
    }

    async #engine(urn: string, type?: string): Promise<Engine> {
        const token = type || tokenOfUrn(urn);
        const engine = await engineOfToken(token);
        if (!engine) throw new Error(`${PACKAGE}: this version of the package does not know the resource type "${token}"`);
        return engine;
    }

    /** The service's handlers, as grpc-js takes them. */
    handlers(): Record<string, unknown> {
        return {
            getPluginInfo: serve(async () => new pluginproto.PluginInfo().setVersion(packageVersion())),
            getSchema: serve(async () => new proto.GetSchemaResponse().setSchema(schemaText())),
            checkConfig: serve(async (req: provproto.CheckRequest) => new proto.CheckResponse().setInputs(req.getNews())),
            diffConfig: serve(async () => new proto.DiffResponse().setChanges(proto.DiffResponse.DiffChanges.DIFF_UNKNOWN)),
            configure: serve(async (req: provproto.ConfigureRequest) => {
                configFromProvider(fromStruct(req.getArgs()), Object.fromEntries(req.getVariablesMap().toArray()));
                return new proto.ConfigureResponse().setAcceptsecrets(false).setAcceptresources(false).setSupportspreview(true);
            }),
            check: serve(async (req: provproto.CheckRequest) => {
                const engine = await this.#engine(req.getUrn(), req.getType());
                const olds = fromStruct(req.getOlds());
                const result = await engine.check(this.#context(req.getUrn()), Object.keys(olds).length ? olds : undefined, fromStruct(req.getNews()));
                const resp = new proto.CheckResponse().setInputs(toStruct(result.inputs));
                resp.setFailuresList((result.failures ?? []).map((f) => new proto.CheckFailure().setProperty(f.property).setReason(f.reason)));
                return resp;
            }),
            diff: serve(async (req: provproto.DiffRequest) => {
                const engine = await this.#engine(req.getUrn(), req.getType());
                const olds = fromStruct(req.getOlds());
                const news = fromStruct(req.getNews());
                const d = await engine.diff(this.#context(req.getUrn()), req.getId(), olds, news);
                const resp = new proto.DiffResponse()
                    .setChanges(d.changes ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE)
                    .setReplacesList(d.replaces ?? [])
                    .setDeletebeforereplace(d.deleteBeforeReplace ?? false)
                    .setDiffsList(d.changed)
                    .setHasdetaileddiff(true);
                // The old inputs come with the request (Configure is told sendsOldInputs); without
                // them, the recorded outputs hold them.
                const oldInputs = req.getOldInputs() ? fromStruct(req.getOldInputs()) : olds;
                const detailed = resp.getDetaileddiffMap();
                for (const key of d.changed) {
                    const kind = propertyDiffKind(key, oldInputs, news, (d.replaces ?? []).includes(key));
                    detailed.set(key, new proto.PropertyDiff().setKind(kind).setInputdiff(true));
                }
                return resp;
            }),
            create: serve(async (req: provproto.CreateRequest) => {
                const engine = await this.#engine(req.getUrn(), req.getType());
                const props = fromStruct(req.getProperties());
                if (req.getPreview()) return new proto.CreateResponse().setProperties(toStruct(props));
                const made = await this.#showingStatus(req.getUrn(), (status) => engine.create(this.#context(req.getUrn(), req.getTimeout(), status), props));
                return new proto.CreateResponse().setId(made.id).setProperties(toStruct(made.outs));
            }),
            read: serve(async (req: provproto.ReadRequest) => {
                const engine = await this.#engine(req.getUrn(), req.getType());
                const props = fromStruct(req.getProperties());
                const inputs = fromStruct(req.getInputs());
                const result = await engine.read(this.#context(req.getUrn()), req.getId(), { ...inputs, ...props });
                const resp = new proto.ReadResponse().setId(result.id ?? "");
                if (result.id) resp.setProperties(toStruct(result.props)).setInputs(toStruct(result.inputs ?? inputs));
                return resp;
            }),
            update: serve(async (req: provproto.UpdateRequest) => {
                const engine = await this.#engine(req.getUrn(), req.getType());
                const news = fromStruct(req.getNews());
                if (req.getPreview()) return new proto.UpdateResponse().setProperties(toStruct({ ...fromStruct(req.getOlds()), ...news }));
                const result = await this.#showingStatus(req.getUrn(), (status) =>
                    engine.update(this.#context(req.getUrn(), req.getTimeout(), status), req.getId(), fromStruct(req.getOlds()), news),
                );
                return new proto.UpdateResponse().setProperties(toStruct(result.outs));
            }),
            delete: serve(async (req: provproto.DeleteRequest) => {
                const engine = await this.#engine(req.getUrn(), req.getType());
                await this.#showingStatus(req.getUrn(), (status) =>
                    engine.delete(this.#context(req.getUrn(), req.getTimeout(), status), req.getId(), fromStruct(req.getProperties())),
                );
                return new emptyproto.Empty();
            }),
            invoke: serve(async (req: provproto.InvokeRequest) => {
                const fn = await nativeFunction(req.getTok());
                if (!fn) throw new Error(`${PACKAGE}: this version of the package has no function "${req.getTok()}"`);
                const resp = new proto.InvokeResponse();
                try {
                    const result = await fn.lookup[fn.form](fromStruct(req.getArgs()) as never);
                    return resp.setReturn(toStruct(result as Props));
                } catch (e) {
                    // Bad arguments are the program's to fix: failures, as a check reports them.
                    if (!(e instanceof LookupArgumentError)) throw e;
                    return resp.setFailuresList(e.failures.map((reason) => new proto.CheckFailure().setProperty("").setReason(reason)));
                }
            }),
            cancel: serve(async () => {
                if (!this.#cancellation.signal.aborted) this.#cancellation.abort(new Error(CANCELLED));
                return new emptyproto.Empty();
            }),
            getMapping: serve(async () => new proto.GetMappingResponse().setProvider("").setData("")),
            getMappings: serve(async () => new proto.GetMappingsResponse()),
        };
    }
}

/** A running plugin: its port, and how to stop it. */
export interface ServedProvider {
    port: number;
    close(): void;
}

/**
 * Serves the provider on a loopback port. `args` are the plugin's command-line arguments: the
 * engine's address among them is where status messages go.
 */
export async function startProvider(args: readonly string[]): Promise<ServedProvider> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    const address = engineAddressOf(args);
    const log = address ? new EngineLog(address) : undefined;
    const impl = new NativeProvider(log);
    const handlers = impl.handlers();
    // Methods this provider does not serve answer Unimplemented (the engine then does without).
    const service = provrpc.ResourceProviderService as Record<string, unknown>;
    const full: Record<string, unknown> = {};
    for (const name of Object.keys(service)) {
        const method = name.charAt(0).toLowerCase() + name.slice(1);
        full[method] =
            handlers[method] ??
            ((_call: unknown, callback: Callback<unknown>) => callback({ code: grpc.status.UNIMPLEMENTED, details: `${PACKAGE} does not implement ${name}` }));
    }
    server.addService(provrpc.ResourceProviderService, full as grpcTypes.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
    );
    return {
        port,
        close() {
            server.forceShutdown();
            log?.close();
        },
    };
}

/** Serves the provider and prints the port, as the engine expects of a plugin. */
export async function main(): Promise<void> {
    const args = process.argv.slice(2);
    const { port } = await startProvider(args);
    process.stdout.write(`${port}\n`);
    // A CLI killed outright never stops its plugins: the plugin ends itself once its engine is gone.
    const engine = parseAddress(engineAddressOf(args) ?? "");
    if (engine)
        watchAddress(engine, () => {
            process.stderr.write(`${PACKAGE}: the Pulumi engine is gone; stopping\n`);
            process.exit(1);
        });
}
