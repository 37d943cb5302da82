/**
 * The language SDKs in sdks/ are generated from schema.json (scripts/sdkgen and
 * scripts/sdkgen-dotnet, `npm run sdks`): a stale one fails here. Each is then checked as far as
 * this machine's toolchains go: the Go SDK builds and passes go vet, the Node.js SDK type-checks
 * against the @pulumi/pulumi the package uses, the Python SDK byte-compiles, and the .NET SDK (no
 * .NET toolchain here) has its project and a class per resource. docs/languages.md keeps the same
 * account.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SCHEMA_FILE } from "../../scripts/schema/schema";
import { filesUnder, generateSdks, LANGUAGES, SDKS_DIR } from "../../scripts/sdks/generator";

const REPO_ROOT = path.join(__dirname, "..", "..");
/**
 * Warm, the whole file takes seconds. The first run on a machine may build the two generators
 * (about 2 minutes each with an empty Go build cache, when scripts/setup.sh has not) and download
 * and compile the modules the Go SDK's go.mod selects (about 90 s): more than the unit tests' 2
 * minutes.
 */
const FIRST_RUN = 10 * 60_000;
const SDKS = path.join(REPO_ROOT, SDKS_DIR);

/** Runs a command; its exit code and output, for one `toEqual` that shows both when it fails. */
function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    const r = spawnSync(command, args, { ...options, encoding: "utf8", env: { ...process.env, ...options.env } });
    return { command: `${command} ${args.join(" ")}`, code: r.error ? r.error.message : r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}`.trim() };
}

describe("the language SDKs (sdks/)", () => {
    let tmp: string;
    beforeAll(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-sdks-"));
        generateSdks(path.join(tmp, "sdks"));
    }, FIRST_RUN);
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    test.each(LANGUAGES)("sdks/%s is what the generator writes from schema.json (regenerate: npm run sdks)", (lang) => {
        const want = path.join(tmp, "sdks", lang);
        const have = path.join(SDKS, lang);
        const wanted = filesUnder(want);
        const had = fs.existsSync(have) ? filesUnder(have) : [];
        const differ = wanted.filter((f) => had.includes(f) && !fs.readFileSync(path.join(want, f)).equals(fs.readFileSync(path.join(have, f))));
        const stale = {
            missing: wanted.filter((f) => !had.includes(f)),
            notGenerated: had.filter((f) => !wanted.includes(f)),
            differ,
        };
        expect({ sdk: `${SDKS_DIR}/${lang}`, ...stale, fix: "npm run sdks" }).toEqual({
            sdk: `${SDKS_DIR}/${lang}`,
            missing: [],
            notGenerated: [],
            differ: [],
            fix: "npm run sdks",
        });
        expect(wanted.length).toBeGreaterThan(10);
    });

    test(
        "the Go SDK builds and passes go vet",
        () => {
            // A copy: resolving the module writes go.sum, which the generated SDK does not carry.
            const dir = path.join(tmp, "go-build");
            fs.cpSync(path.join(SDKS, "go"), dir, { recursive: true });
            // -trimpath keeps the folder out of the build cache's keys: the next run's copy, in another
            // temporary folder, compiles nothing again (1-2 s instead of 7-12 s).
            const env = { GOFLAGS: "-mod=mod -trimpath" };
            for (const args of [
                ["build", "./..."],
                ["vet", "./..."],
            ]) {
                expect(run("go", args, { cwd: dir, env })).toEqual({ command: `go ${args.join(" ")}`, code: 0, output: expect.any(String) });
            }
            // It is the package's SDK: the resources' packages are there to import.
            expect(fs.existsSync(path.join(dir, "privatelink", "huaweicloud", "vpcep", "endpoint.go"))).toBe(true);
        },
        FIRST_RUN,
    );

    test("the Node.js SDK type-checks against @pulumi/pulumi", () => {
        const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
        const r = run(process.execPath, [tsc, "-p", path.join(SDKS, "nodejs", "tsconfig.json"), "--noEmit"], { cwd: REPO_ROOT });
        expect({ code: r.code, output: r.output }).toEqual({ code: 0, output: "" });
    });

    test("the Python SDK byte-compiles", () => {
        // The bytecode goes to the temporary folder, not beside the sources.
        const r = run("python3", ["-m", "compileall", "-q", path.join(SDKS, "python")], {
            cwd: REPO_ROOT,
            env: { PYTHONPYCACHEPREFIX: path.join(tmp, "pycache") },
        });
        expect({ code: r.code, output: r.output }).toEqual({ code: 0, output: "" });
        expect(fs.existsSync(path.join(SDKS, "python", "pulumi_privatelink", "huaweicloud", "vpcep", "endpoint.py"))).toBe(true);
    });

    test("the .NET SDK has its project file and a resource class per resource token (generated only: no .NET toolchain here)", () => {
        const dotnet = path.join(SDKS, "dotnet");
        expect(fs.readdirSync(dotnet).filter((f) => f.endsWith(".csproj"))).toEqual(["PulumiPrivateLink.Sdk.csproj"]);
        const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, SCHEMA_FILE), "utf8")) as { resources: Record<string, unknown> };
        // Each resource class, by the token it registers: the class named as the token names the
        // resource, in a file of its name.
        const classes: Array<{ token: string; cls: string; file: string }> = [];
        for (const f of filesUnder(dotnet).filter((f) => f.endsWith(".cs"))) {
            const text = fs.readFileSync(path.join(dotnet, f), "utf8");
            const cls = /public partial class (\w+) : global::Pulumi\.CustomResource/.exec(text)?.[1];
            const token = /: base\("([^"]+)"/.exec(text)?.[1];
            if (cls && token) classes.push({ token, cls, file: path.posix.basename(f) });
        }
        const want = Object.keys(schema.resources).map((token) => ({ token, cls: token.split(":")[2]!, file: `${token.split(":")[2]}.cs` }));
        const byToken = (a: { token: string }, b: { token: string }) => a.token.localeCompare(b.token);
        expect(classes.sort(byToken)).toEqual(want.sort(byToken));
    });
});
