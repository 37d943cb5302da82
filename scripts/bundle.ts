/**
 * Bundles the native provider plugin (`pulumi-resource-privatelink`) into dist/plugin/, which the
 * shim (bin/) runs when it is there. Measured (bench measure 7, bench/OVERHEAD.md): the plugin's
 * start is Node's own plus loading about a hundred small files — @grpc/grpc-js alone is 65 — and
 * resolving and reading each costs more than the code they hold.
 *
 * The bundle is ES modules split into chunks, so that what the start needs is one file and the rest
 * stays lazy: each resource kind's declaration and cloud client, and each lookup, is a chunk of its
 * own, loaded on first use as in the unbundled plugin (one file holding everything was measured
 * slower than no bundle: Node then reads and parses 2.5–4 MB of code it mostly never runs).
 *
 * The gRPC library and the protocol's generated messages are @pulumi/pulumi's, as the unbundled
 * plugin takes them (provider/native/protocol.ts): that file's `fromPulumi("…")` calls become
 * plain requires here, resolved from @pulumi/pulumi's folder at build time.
 *
 * Run by scripts/build.sh (set-up and `npm run build`) after tsc: `node dist/scripts/bundle.js`.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import * as esbuild from "esbuild";

const ROOT = path.resolve(__dirname, "..", "..");
/** Where the bundle goes; the shim's path names its entry. */
export const PLUGIN_DIR = path.join(ROOT, "dist", "plugin");
export const PLUGIN_ENTRY = "pulumi-resource-privatelink.mjs";

const PROTOCOL = path.join(ROOT, "provider", "native", "protocol.ts");
const FROM_PULUMI = /fromPulumi\(("[^"]+")\)/g;

/** protocol.ts as the bundle reads it: each `fromPulumi("x")` a `require("x")` that esbuild follows. */
function protocolForBundle(): string {
    const text = fs.readFileSync(PROTOCOL, "utf8");
    const calls = text.split("fromPulumi(").length - 1;
    const literal = [...text.matchAll(FROM_PULUMI)].length;
    if (literal === 0 || literal !== calls) {
        throw new Error(`${path.relative(ROOT, PROTOCOL)}: ${calls} fromPulumi calls, ${literal} with one string literal; the bundle needs every one literal`);
    }
    return text.replace(/^const fromPulumi = .*$/m, "").replace(FROM_PULUMI, "require($1)");
}

/** Node's names for CommonJS code inside an ES module: the bundled gRPC library requires Node's modules by name. */
const BANNER = [
    'import { createRequire as __createRequire } from "node:module";',
    'import { fileURLToPath as __fileURLToPath } from "node:url";',
    'import { dirname as __pathDirname } from "node:path";',
    "const require = __createRequire(import.meta.url);",
    "const __filename = __fileURLToPath(import.meta.url);",
    "const __dirname = __pathDirname(__filename);",
].join(" ");

export async function bundle(): Promise<void> {
    const fromPulumi = createRequire(createRequire(path.join(ROOT, "package.json")).resolve("@pulumi/pulumi"));
    fs.rmSync(PLUGIN_DIR, { recursive: true, force: true });
    await esbuild.build({
        absWorkingDir: ROOT,
        entryPoints: { [PLUGIN_ENTRY.replace(/\.mjs$/, "")]: "provider/native/main.ts" },
        outdir: PLUGIN_DIR,
        outExtension: { ".js": ".mjs" },
        chunkNames: "chunks/[name]-[hash]",
        bundle: true,
        splitting: true,
        format: "esm",
        platform: "node",
        target: "node22",
        banner: { js: BANNER },
        // @pulumi/pulumi as a whole is a program's library (only the test-only kind imports it);
        // @grpc/grpc-js loads the proto loader only for services this plugin does not serve.
        external: ["@pulumi/pulumi", "@grpc/proto-loader"],
        logLevel: "warning",
        plugins: [
            {
                name: "pulumi-protocol",
                setup(build) {
                    build.onLoad({ filter: /[\\/]provider[\\/]native[\\/]protocol\.ts$/ }, () => ({ contents: protocolForBundle(), loader: "ts" }));
                    build.onResolve({ filter: /^(@grpc\/grpc-js|google-protobuf|@pulumi\/pulumi\/proto)(\/|$)/ }, (args) =>
                        args.importer === PROTOCOL ? { path: fromPulumi.resolve(args.path) } : undefined,
                    );
                },
            },
        ],
    });
}

if (require.main === module) {
    bundle().catch((e) => {
        console.error(e instanceof Error ? e.message : e);
        process.exit(1);
    });
}
