/**
 * The native provider plugin as the Pulumi engine runs it, for tests: the worktree's
 * `bin/pulumi-resource-privatelink` started as a child process (it runs the compiled
 * `dist/provider/native/main.js`: build with `npx tsc -p tsconfig.json` first), its port read from
 * the line it prints, a gRPC client of Pulumi's resource provider protocol connected to it, and the
 * engine's CheckConfig and Configure sent before anything else. native-impl.ts serves resources
 * through it.
 *
 * The client is built from the same gRPC library and generated messages that @pulumi/pulumi ships
 * (and provider/native/server.ts serves with), so both ends speak the release's protocol.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as provrpcTypes from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as provproto from "@pulumi/pulumi/proto/provider_pb";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import { PACKAGE } from "../provider/model/token";
import { SECRET_SIG } from "../provider/native/config";
import * as protocol from "../provider/native/protocol";

// The library and messages the plugin itself speaks through.
const provrpc = protocol.provrpc as typeof provrpcTypes;
const structproto = protocol.structproto as typeof structTypes;
const { grpc, statusproto } = protocol;
/** The protocol's messages (`new proto.CheckRequest()`…). */
export const proto = protocol.proto;

type Props = Record<string, any>;

/** The repository root (this file is in harness/). */
const ROOT = path.join(__dirname, "..");
/** The plugin, as the engine finds it on PATH. */
export const PLUGIN = path.join(ROOT, "bin", "pulumi-resource-privatelink");

/**
 * A value as the engine marshals it for a provider: object properties that are `undefined` are
 * absent (the language SDKs never send them), an `undefined` list entry is null, and a secret is
 * its plain value when the provider's Configure said it does not accept secrets.
 */
export function engineValue(v: unknown, acceptSecrets: boolean): unknown {
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : engineValue(x, acceptSecrets)));
    if (v && typeof v === "object") {
        const o = v as Props;
        if (o[SECRET_SIG.key] === SECRET_SIG.value && !acceptSecrets) return engineValue(o.value, acceptSecrets);
        const out: Props = {};
        for (const [k, x] of Object.entries(o)) if (x !== undefined) out[k] = engineValue(x, acceptSecrets);
        return out;
    }
    return v;
}

/** A property bag as a protobuf Struct (numbers travel as doubles). */
export function toStruct(props: Props | undefined, acceptSecrets: boolean): structTypes.Struct {
    return structproto.Struct.fromJavaScript(engineValue(props ?? {}, acceptSecrets) as Record<string, structTypes.JavaScriptValue>);
}

/** A Struct as a property bag (an absent Struct is an empty bag). */
export function fromStruct(s: structTypes.Struct | undefined): Props {
    return (s?.toJavaScript() as Props | undefined) ?? {};
}

/**
 * A failed call, as the engine reads it: the plugin's message, and — for an object created but not
 * initialized (ErrorResourceInitFailed in the status details) — its id, properties and reasons, the
 * shape the lifecycle engine throws them in (provider/lifecycle/engine.ts `initializationError`).
 */
export class PluginCallError extends Error {
    constructor(
        readonly method: string,
        readonly code: number,
        message: string,
        readonly id?: string,
        readonly properties?: Props,
        readonly reasons?: string[],
    ) {
        super(message);
    }
}

function callError(method: string, err: grpcTypes.ServiceError): PluginCallError {
    for (const bytes of err.metadata?.get("grpc-status-details-bin") ?? []) {
        const status = statusproto.Status.deserializeBinary(bytes as Buffer);
        for (const any of status.getDetailsList()) {
            if (any.getTypeName() !== "pulumirpc.ErrorResourceInitFailed") continue;
            const detail = proto.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
            return new PluginCallError(method, err.code, err.details, detail.getId(), fromStruct(detail.getProperties()), detail.getReasonsList());
        }
    }
    return new PluginCallError(method, err.code, err.details);
}

export interface PluginOptions {
    /** The plugin's environment, over this process's (the engine passes its own on). */
    env?: Record<string, string>;
    /**
     * The provider's configuration by flat key (`huaweicloudRegion`), as a stack's `privatelink:*`
     * config or an explicit provider's inputs. None: the plugin reads the environment, as a
     * default provider without config does.
     */
    config?: Record<string, unknown>;
    /** The stack and project the URNs name (default `test`, `privatelink-tests`). */
    stack?: string;
    project?: string;
}

/** One running plugin process, configured, and the gRPC client talking to it. */
export class NativePlugin {
    /** Whether the plugin takes secrets wrapped (its Configure answer); the engine unwraps them otherwise. */
    acceptSecrets = false;
    readonly #output: string[] = [];

    private constructor(
        private readonly child: ChildProcess,
        private readonly client: provrpcTypes.ResourceProviderClient,
        private readonly backendDir: string,
        readonly stack: string,
        readonly project: string,
    ) {
        for (const stream of [child.stdout, child.stderr]) stream?.on("data", (b: Buffer) => this.#output.push(b.toString()));
    }

    /**
     * Starts the plugin and configures it. The deployment's backend is a local folder whose
     * checkpoint lists no interrupted creation (provider/runtime/stack-record.ts reads it as in a
     * `pulumi up` with a file backend), so creations are keyed by URN without searching the cloud
     * for what an earlier run left.
     */
    static async start(opts: PluginOptions = {}): Promise<NativePlugin> {
        assertBuilt();
        const stack = opts.stack ?? "test";
        const project = opts.project ?? "privatelink-tests";
        const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-native-"));
        const checkpoint = path.join(backendDir, ".pulumi", "stacks", project, `${stack}.json`);
        fs.mkdirSync(path.dirname(checkpoint), { recursive: true });
        fs.writeFileSync(checkpoint, JSON.stringify({ version: 3, checkpoint: { stack, latest: { manifest: {}, resources: [], pending_operations: [] } } }));

        const env = { ...process.env, ...opts.env, PULUMI_BACKEND_URL: `file://${backendDir}` };
        const child = spawn(PLUGIN, [], { env, stdio: ["ignore", "pipe", "pipe"] });
        let port: number;
        try {
            port = await portLine(child);
        } catch (e) {
            child.kill("SIGKILL");
            fs.rmSync(backendDir, { recursive: true, force: true });
            throw e;
        }
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        const plugin = new NativePlugin(child, client, backendDir, stack, project);
        try {
            await plugin.#configure(opts.config ?? {});
        } catch (e) {
            await plugin.close();
            throw e;
        }
        return plugin;
    }

    /** A URN of this plugin's stack. */
    urn(type: string, name: string): string {
        return `urn:pulumi:${this.stack}::${this.project}::${type}::${name}`;
    }

    /** CheckConfig, then Configure with the checked inputs and the config as variables, as the engine sends them. */
    async #configure(config: Record<string, unknown>): Promise<void> {
        const type = `pulumi:providers:${PACKAGE}`;
        const urn = this.urn(type, "default");
        const checked = await this.call<provproto.CheckResponse>(
            "checkConfig",
            new proto.CheckRequest().setUrn(urn).setName("default").setType(type).setOlds(toStruct({}, false)).setNews(toStruct(config, false)),
        );
        const req = new proto.ConfigureRequest()
            .setUrn(urn)
            .setName("default")
            .setType(type)
            .setAcceptsecrets(true)
            .setAcceptresources(true)
            .setSendsOldInputs(true)
            .setSendsOldInputsToDelete(true)
            .setArgs(checked.getInputs() ?? toStruct({}, false));
        const variables = req.getVariablesMap();
        for (const [k, v] of Object.entries(config)) variables.set(`${PACKAGE}:${k}`, typeof v === "string" ? v : JSON.stringify(v));
        const resp = await this.call<provproto.ConfigureResponse>("configure", req);
        this.acceptSecrets = resp.getAcceptsecrets();
    }

    /** One unary call; a failure is a {@link PluginCallError}. */
    call<T>(method: string, request: unknown): Promise<T> {
        const fn = (this.client as unknown as Record<string, (r: unknown, cb: (e: grpcTypes.ServiceError | null, v: T) => void) => void>)[method];
        if (!fn) throw new Error(`the resource provider protocol has no method ${method}`);
        return new Promise<T>((resolve, reject) => fn.call(this.client, request, (e, v) => (e ? reject(callError(method, e)) : resolve(v))));
    }

    /** What the plugin printed (stdout after the port line, and stderr), for a failing test's message. */
    output(): string {
        return this.#output.join("");
    }

    /** Stops the plugin, as the engine does at the end of a deployment, and removes its backend folder. */
    async close(): Promise<void> {
        this.client.close();
        if (this.child.exitCode === null && this.child.signalCode === null) {
            const exited = new Promise((resolve) => this.child.once("exit", resolve));
            this.child.kill("SIGTERM");
            await exited;
        }
        fs.rmSync(this.backendDir, { recursive: true, force: true });
    }
}

/** The port the plugin prints on its first line; its output and exit status when it dies first. */
function portLine(child: ChildProcess): Promise<number> {
    return new Promise((resolve, reject) => {
        let out = "";
        let err = "";
        const timer = setTimeout(() => fail(new Error(`${PLUGIN} printed no port within 30 s: ${out}${err}`)), 30_000);
        const fail = (e: Error) => {
            clearTimeout(timer);
            child.stdout?.off("data", onOut);
            reject(e);
        };
        const onOut = (b: Buffer) => {
            out += b.toString();
            const nl = out.indexOf("\n");
            if (nl < 0) return;
            clearTimeout(timer);
            child.stdout?.off("data", onOut);
            const port = Number(out.slice(0, nl).trim());
            if (Number.isInteger(port) && port > 0) resolve(port);
            else reject(new Error(`${PLUGIN} printed "${out.slice(0, nl)}" where its port was expected; stderr: ${err}`));
        };
        child.stdout?.on("data", onOut);
        child.stderr?.on("data", (b: Buffer) => {
            err += b.toString();
        });
        child.once("error", fail);
        child.once("exit", (code, signal) => fail(new Error(`${PLUGIN} exited (${code ?? signal}) before printing its port: ${out}${err}`)));
    });
}

/**
 * The plugin runs the compiled code: a missing or stale `dist/` would test something else than
 * the sources. Stale: a source of provider/ or sdk/ newer than its compiled file (tsc writes a
 * file again only when its source changed, so a source touched without a change counts too).
 */
function assertBuilt(): void {
    const build = "build with `bash scripts/build.sh` (npm run build) first";
    if (!fs.existsSync(path.join(ROOT, "dist", "provider", "native", "main.js"))) throw new Error(`dist/provider/native/main.js is missing: ${build}`);
    const stale = (dir: string): string | undefined => {
        for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const source = path.join(dir, e.name);
            if (e.isDirectory()) {
                const found = stale(source);
                if (found) return found;
                continue;
            }
            if (!e.name.endsWith(".ts") || e.name.endsWith(".d.ts")) continue;
            const compiled = path.join(ROOT, "dist", source.replace(/\.ts$/, ".js"));
            if (!fs.existsSync(compiled) || fs.statSync(path.join(ROOT, source)).mtimeMs > fs.statSync(compiled).mtimeMs) return source;
        }
        return undefined;
    };
    const found = stale("provider") ?? stale("sdk");
    if (found) throw new Error(`${found} is newer than its build in dist/: ${build}`);
    // The shim runs the bundle when there is one (scripts/build.sh makes it after tsc): it must be
    // newer than every compiled file of the plugin's.
    const bundle = path.join(ROOT, "dist", "plugin", "pulumi-resource-privatelink.mjs");
    if (!fs.existsSync(bundle)) return;
    const newest = (dir: string): number =>
        fs
            .readdirSync(dir, { withFileTypes: true })
            .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : e.name.endsWith(".js") ? fs.statSync(path.join(dir, e.name)).mtimeMs : 0))
            .reduce((a, b) => Math.max(a, b), 0);
    const compiled = Math.max(newest(path.join(ROOT, "dist", "provider")), newest(path.join(ROOT, "dist", "sdk")));
    if (compiled > fs.statSync(bundle).mtimeMs)
        throw new Error("dist/plugin/ is older than the compiled files: bundle with `bash scripts/build.sh` (npm run build)");
}
