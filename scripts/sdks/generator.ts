/**
 * The language SDKs: sdks/<language>, written from schema.json by two Go programs on Pulumi's own
 * code generators: scripts/sdkgen (Node.js, Python and Go, on the pkg/v3 the project pins) and
 * scripts/sdkgen-dotnet (.NET, on pkg/v3 v3.228.0, the last release that carried the C# generator;
 * a module of its own since one module holds one pkg/v3). Each is built once per machine into the
 * cache folder, under a hash of its sources, so that a change to them builds a new one;
 * scripts/setup.sh builds them ahead, and anything that needs one before that builds it here.
 * `npm run sdks` writes sdks/; test/docs/sdks.test.ts regenerates into a temporary folder and
 * compares. docs/languages.md says how each SDK is used.
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

/** One generator: a Go module under scripts/ and the SDKs it writes. */
export interface Generator {
    /** Its folder under scripts/, also the executable's name. */
    readonly name: string;
    /** The languages it writes, by their folder under sdks/. */
    readonly languages: readonly string[];
    /** Its arguments, given the folder that receives one folder per language. */
    args(out: string): string[];
}

const schemaFile = () => path.join(ROOT, SCHEMA_FILE);

/** The generators, in the order they run. */
export const GENERATORS: readonly Generator[] = [
    { name: "sdkgen", languages: ["nodejs", "python", "go"], args: (out) => ["-schema", schemaFile(), "-out", out] },
    { name: "sdkgen-dotnet", languages: ["dotnet"], args: (out) => ["-schema", schemaFile(), "-out", path.join(out, "dotnet")] },
];

/** The languages, by their folder under sdks/. */
export const LANGUAGES = GENERATORS.flatMap((g) => g.languages);

/** A generator's Go module. */
export function generatorSources(gen: Generator): string {
    return path.join(ROOT, "scripts", gen.name);
}

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

/** A hash of a generator's sources (names and contents: Go files, go.mod, go.sum): its cache key. */
export function generatorHash(gen: Generator): string {
    const dir = generatorSources(gen);
    const h = crypto.createHash("sha256");
    for (const f of filesUnder(dir).filter((f) => /\.(go|mod|sum)$/.test(f)))
        h.update(`${f}\0`)
            .update(fs.readFileSync(path.join(dir, f)))
            .update("\0");
    return h.digest("hex").slice(0, 16);
}

/**
 * A generator's executable, built first when this machine has none of its current sources (a
 * minute or two the first time: it compiles Pulumi's code generators).
 */
export function generatorBinary(gen: Generator, say: (line: string) => void = (l) => console.error(l)): string {
    const dir = path.join(cacheDir(), `${gen.name}-${generatorHash(gen)}`);
    const bin = path.join(dir, gen.name);
    if (fs.existsSync(bin)) return bin;
    const go = spawnSync("go", ["version"], { encoding: "utf8" });
    if (go.error || go.status !== 0) throw new Error(`Go is needed to build the SDK generator (scripts/${gen.name}): \`go\` is not on PATH`);
    say(`sdks: building the SDK generator from scripts/${gen.name} (once per machine and version of its sources)`);
    const started = Date.now();
    // Built beside its final place, then renamed there: a build running at the same time in another
    // process leaves one complete executable either way.
    fs.mkdirSync(cacheDir(), { recursive: true });
    const tmp = fs.mkdtempSync(`${dir}.tmp-`);
    const r = spawnSync("go", ["build", "-trimpath", "-o", path.join(tmp, gen.name), "."], {
        cwd: generatorSources(gen),
        encoding: "utf8",
        env: { ...process.env, GOFLAGS: "-mod=mod" },
    });
    if (r.status !== 0) {
        fs.rmSync(tmp, { recursive: true, force: true });
        const tail = `${r.stdout}${r.stderr}`.trim().split("\n").slice(-20).join("\n");
        throw new Error(`building the SDK generator (go build in scripts/${gen.name}) failed:\n${tail}`);
    }
    try {
        fs.renameSync(tmp, dir);
    } catch {
        fs.rmSync(tmp, { recursive: true, force: true }); // another process's build got there first
    }
    say(`sdks: built the SDK generator scripts/${gen.name} in ${Math.round((Date.now() - started) / 1000)} s (${dir})`);
    return bin;
}

/** Writes every language's SDK from schema.json into `<out>/<language>`, each folder emptied first; the generators' output. */
export function generateSdks(out: string): string {
    let said = "";
    for (const gen of GENERATORS) {
        const r = spawnSync(generatorBinary(gen), gen.args(out), { encoding: "utf8" });
        if (r.error || r.status !== 0) throw new Error(`the SDK generator scripts/${gen.name} failed: ${r.error?.message ?? ""}${r.stderr}`.trim());
        said += r.stdout;
    }
    return said;
}

if (require.main === module) {
    // `build`: only make sure the generators are built (scripts/setup.sh); otherwise regenerate sdks/.
    if (process.argv[2] === "build") for (const gen of GENERATORS) generatorBinary(gen);
    else process.stdout.write(generateSdks(path.join(ROOT, SDKS_DIR)));
}
