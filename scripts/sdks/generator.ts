/**
 * The language SDKs: sdks/<language>, written from schema.json by the SDK generator
 * (scripts/sdkgen, a Go program on the Pulumi CLI's own code generators). The generator is built
 * once per machine into the cache folder, under a hash of its sources, so that a change to them
 * builds a new one; scripts/setup.sh builds it ahead, and anything that needs it before that builds
 * it here. `npm run sdks` writes sdks/; test/docs/sdks.test.ts regenerates into a temporary folder
 * and compares. docs/languages.md says how each SDK is used.
 */
import { spawnSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT } from "../docs/declarations";
import { SCHEMA_FILE } from "../schema/schema";

/** Where the SDKs are committed, relative to the repository: one folder per language. */
export const SDKS_DIR = "sdks";

/** The languages, by their folder under sdks/. */
export const LANGUAGES = ["nodejs", "python", "go", "dotnet"] as const;

/** The generator's Go module. */
export const GENERATOR_SOURCES = path.join(ROOT, "scripts", "sdkgen");

/** The cache folder of scripts/setup.sh (PULUMI_PRIVATELINK_CACHE, else the user's cache). */
export function cacheDir(): string {
    const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
    return process.env.PULUMI_PRIVATELINK_CACHE || path.join(base, "pulumi-privatelink");
}

/** Every file under a folder, as paths relative to it with `/`, sorted. */
export function filesUnder(dir: string, prefix = ""): string[] {
    return fs
        .readdirSync(path.join(dir, prefix), { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? filesUnder(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)]))
        .sort();
}

/** A hash of the generator's sources (names and contents: Go files, go.mod, go.sum, the embedded logo): its cache key. */
export function generatorHash(): string {
    const h = crypto.createHash("sha256");
    const sources = filesUnder(GENERATOR_SOURCES).filter((f) => /\.(go|mod|sum|png)$/.test(f));
    for (const f of sources)
        h.update(`${f}\0`)
            .update(fs.readFileSync(path.join(GENERATOR_SOURCES, f)))
            .update("\0");
    return h.digest("hex").slice(0, 16);
}

/**
 * The generator's executable, built first when this machine has none of the current sources
 * (a minute or two the first time: it compiles the Pulumi code generators).
 */
export function generatorBinary(say: (line: string) => void = (l) => console.error(l)): string {
    const dir = path.join(cacheDir(), `sdkgen-${generatorHash()}`);
    const bin = path.join(dir, "sdkgen");
    if (fs.existsSync(bin)) return bin;
    const go = spawnSync("go", ["version"], { encoding: "utf8" });
    if (go.error || go.status !== 0) throw new Error("Go is needed to build the SDK generator (scripts/sdkgen): `go` is not on PATH");
    say("sdks: building the SDK generator from scripts/sdkgen (once per machine and version of its sources)");
    const started = Date.now();
    // Built beside its final place, then renamed there: a build running at the same time in another
    // process leaves one complete executable either way.
    fs.mkdirSync(cacheDir(), { recursive: true });
    const tmp = fs.mkdtempSync(`${dir}.tmp-`);
    const r = spawnSync("go", ["build", "-trimpath", "-o", path.join(tmp, "sdkgen"), "."], {
        cwd: GENERATOR_SOURCES,
        encoding: "utf8",
        env: { ...process.env, GOFLAGS: "-mod=mod" },
    });
    if (r.status !== 0) {
        fs.rmSync(tmp, { recursive: true, force: true });
        const tail = `${r.stdout}${r.stderr}`.trim().split("\n").slice(-20).join("\n");
        throw new Error(`building the SDK generator (go build in scripts/sdkgen) failed:\n${tail}`);
    }
    try {
        fs.renameSync(tmp, dir);
    } catch {
        fs.rmSync(tmp, { recursive: true, force: true }); // another process's build got there first
    }
    say(`sdks: built the SDK generator in ${Math.round((Date.now() - started) / 1000)} s (${dir})`);
    return bin;
}

/** Writes every language's SDK from schema.json into `<out>/<language>`, each folder emptied first. */
export function generateSdks(out: string, bin = generatorBinary()): string {
    const r = spawnSync(bin, ["-schema", path.join(ROOT, SCHEMA_FILE), "-out", out], { encoding: "utf8" });
    if (r.error || r.status !== 0) throw new Error(`the SDK generator failed: ${r.error?.message ?? ""}${r.stderr}`.trim());
    return r.stdout;
}

if (require.main === module) {
    // `build`: only make sure the generator is built (scripts/setup.sh); otherwise regenerate sdks/.
    if (process.argv[2] === "build") generatorBinary();
    else process.stdout.write(generateSdks(path.join(ROOT, SDKS_DIR)));
}
