/**
 * Measure 7: the native provider plugin's start, as the engine waits for it. From spawning Node on
 * the plugin to its port line (the engine connects then), and to the answer of a first Check of a
 * resource (what a preview of one resource waits for: the kind's declaration and cloud client
 * loaded); the median of N runs each, for the bundle (dist/plugin) and the compiled sources
 * (dist/provider/native/main.js), with Node's compile cache and without it, and through the shim
 * the engine runs. The variants take turns run by run, so that other work on the machine weighs on
 * each alike. Nothing here talks to a cloud: the Check is refused before any call.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
// The client speaks through the library and messages the plugin itself uses.
import { grpc, proto, provrpc, structproto } from "../../provider/native/protocol";
import { REPO_ROOT } from "../harness";
import { median, percentile } from "../lib/stats";

export const BUNDLE = path.join(REPO_ROOT, "dist", "plugin", "pulumi-resource-privatelink.mjs");
export const UNBUNDLED = path.join(REPO_ROOT, "dist", "provider", "native", "main.js");
const SHIM = path.join(REPO_ROOT, "bin", "pulumi-resource-privatelink");

export interface PluginStartRow {
    /** What was started: "bundle", "compiled sources", "shim (bundle)", or "node alone" (the floor). */
    plugin: string;
    compileCache: boolean;
    runs: number;
    portMedianMs: number;
    portP90Ms: number;
    /** Start to the answer of the first Check; NaN for the floor. */
    checkMedianMs: number;
}

export interface PluginStartResult {
    rows: PluginStartRow[];
    /** The load average when the measure began (1, 5, 15 min). */
    loadavg: number[];
}

interface Variant {
    plugin: string;
    compileCache: boolean;
    command: string[];
    check: boolean;
}

const TOKEN = "privatelink:huaweicloud/vpcep:EndpointService";

/** One start: ms to the port line, and to the first Check's answer when asked. */
async function startOnce(v: Variant, env: NodeJS.ProcessEnv): Promise<{ portMs: number; checkMs: number }> {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(v.command[0]!, v.command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    try {
        const { port, portMs } = await new Promise<{ port: number; portMs: number }>((resolve, reject) => {
            let out = "";
            child.stdout.on("data", (d) => {
                out += d;
                if (out.includes("\n")) resolve({ port: Number(out.split("\n")[0]), portMs: since() });
            });
            child.on("error", reject);
            child.on("exit", (code) => reject(new Error(`${v.command.join(" ")} exited ${code} before its port line: ${stderr}`)));
        });
        if (!v.check) return { portMs, checkMs: NaN };
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
        try {
            const req = new proto.CheckRequest().setType(TOKEN).setNews(structproto.Struct.fromJavaScript({ serverType: "VM" }));
            await new Promise<void>((resolve, reject) => client.check(req, (err: Error | null) => (err ? reject(err) : resolve())));
        } finally {
            client.close();
        }
        return { portMs, checkMs: since() };
    } finally {
        child.kill();
    }
}

export async function pluginStartScenario(runs: number): Promise<PluginStartResult> {
    for (const file of [BUNDLE, UNBUNDLED]) {
        if (!fs.existsSync(file)) throw new Error(`${path.relative(REPO_ROOT, file)} is missing: npm run build writes it`);
    }
    const loadavg = os.loadavg();
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compile-cache-"));
    // With the cache: a folder of the measure's own, filled by a first start that is not counted.
    // Without: NODE_DISABLE_COMPILE_CACHE, which also overrides the plugin's own enableCompileCache().
    const withCache = { ...process.env, NODE_COMPILE_CACHE: cacheDir, NODE_DISABLE_COMPILE_CACHE: undefined };
    const noCache = { ...process.env, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: "1" };
    const node = process.execPath;
    const variants: Variant[] = [];
    for (const compileCache of [true, false]) {
        variants.push({ plugin: "bundle", compileCache, command: [node, BUNDLE], check: true });
        variants.push({ plugin: "compiled sources", compileCache, command: [node, UNBUNDLED], check: true });
    }
    variants.push({ plugin: "shim (bundle)", compileCache: true, command: [SHIM], check: true });
    variants.push({ plugin: "node alone", compileCache: false, command: [node, "-e", 'process.stdout.write("0\\n")'], check: false });
    // the shim finds node on PATH: the same one as the others
    const envOf = (v: Variant) => ({ ...(v.compileCache ? withCache : noCache), PATH: `${path.dirname(node)}:${process.env.PATH}` });
    const times = variants.map(() => ({ port: [] as number[], check: [] as number[] }));
    try {
        for (const v of variants) await startOnce(v, envOf(v)); // warm the cache (and the file system's)
        for (let i = 0; i < runs; i++) {
            // a different variant goes first each round
            for (let k = 0; k < variants.length; k++) {
                const j = (i + k) % variants.length;
                const r = await startOnce(variants[j]!, envOf(variants[j]!));
                times[j]!.port.push(r.portMs);
                times[j]!.check.push(r.checkMs);
            }
        }
    } finally {
        fs.rmSync(cacheDir, { recursive: true, force: true });
    }
    const rows = variants.map((v, j) => ({
        plugin: v.plugin,
        compileCache: v.compileCache,
        runs,
        portMedianMs: median(times[j]!.port),
        portP90Ms: percentile(times[j]!.port, 90),
        checkMedianMs: v.check ? median(times[j]!.check) : NaN,
    }));
    return { rows, loadavg };
}
