/**
 * What users install and run: the packed tarball holds the library, its types, the emulator, the
 * docs and the language SDKs (the Node.js one compiled) — no tests, benchmarks, scripts or source
 * maps; a program in a folder of its own installs that tarball (not a link to this repository) and
 * deploys with it, and the Python and Node.js SDKs install from it offline; and the project's own
 * commands neither redo set-up when nothing changed nor leave the clone dirty.
 */
import { execFile, execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";

const npm = (args: string[], cwd: string) => execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

describe("the package", () => {
    test("npm pack holds the library, its types, the emulator and the docs, and nothing else", () => {
        const [pack] = JSON.parse(npm(["pack", "--dry-run", "--json"], REPO_ROOT)) as Array<{ files: Array<{ path: string }> }>;
        if (!pack) throw new Error("npm pack --dry-run --json described no package");
        const files = pack.files.map((f) => f.path);
        for (const wanted of [
            "dist/index.js",
            "dist/index.d.ts",
            "dist/provider/runtime/v1.js",
            "dist/emulator/cli.js",
            "dist/sdk/index.js",
            "README.md",
            "LICENSE",
            "CHANGELOG.md",
            "package.json",
            "bin/pulumi-resource-privatelink",
            "dist/provider/native/main.js",
            "dist/plugin/pulumi-resource-privatelink.mjs",
            "schema.json",
            // The SDKs (docs/languages.md): Python's pyproject.toml and the README it names, the
            // Node.js SDK compiled at pack time (scripts/sdks/pack-nodejs.ts), the Go module, the .NET project.
            "sdks/python/pyproject.toml",
            "sdks/python/README.md",
            "sdks/python/pulumi_privatelink/huaweicloud/vpcep/endpoint.py",
            "sdks/nodejs/bin/package.json",
            "sdks/nodejs/bin/index.js",
            "sdks/nodejs/bin/index.d.ts",
            "sdks/go/go.mod",
            "sdks/dotnet/PulumiPrivateLink.Sdk.csproj",
        ]) {
            expect({ wanted, shipped: files.includes(wanted) }).toEqual({ wanted, shipped: true });
        }
        const unwanted = files.filter((f) =>
            /^dist\/(test|bench|scripts)\/|^dist\/provider\/testing\/|\.map$|\.test\.|tsbuildinfo|__pycache__|\.egg-info\/|^sdks\/python\/build\//.test(f),
        );
        expect(unwanted).toEqual([]);
    });

    describe("installed from the packed tarball", () => {
        let cloud: TestCloud;
        let p: PulumiProgram;
        const packDir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-pack-"));

        beforeAll(async () => {
            cloud = await TestCloud.start({ timings: "fast" });
            p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc"), env: cloud.huaweiEnv(), linkNodeModules: false });
            const tarball = npm(["pack", "--pack-destination", packDir], REPO_ROOT).trim().split("\n").pop()!;
            const manifest = JSON.parse(fs.readFileSync(path.join(p.programDir, "package.json"), "utf8"));
            manifest.dependencies["pulumi-privatelink"] = `file:${path.join(packDir, tarball)}`;
            fs.writeFileSync(path.join(p.programDir, "package.json"), JSON.stringify(manifest, null, 2));
            npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], p.programDir);
            const net = cloud.account().network;
            for (const [k, v] of Object.entries({
                backendVpcId: net.backendVpcId,
                backendPortId: net.backendPortId,
                clientVpcId: net.clientVpcId,
                clientSubnetId: net.clientSubnetId,
            })) {
                await p.setConfig(k, v);
            }
        });
        afterAll(async () => {
            p?.dispose();
            fs.rmSync(packDir, { recursive: true, force: true });
            await cloud?.close();
        });

        test("deploys, shows no change afterwards, and destroys", async () => {
            const installed = path.join(p.programDir, "node_modules", "pulumi-privatelink");
            expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
            expect(fs.existsSync(path.join(installed, "dist", "provider", "runtime", "v1.js"))).toBe(true);

            await p.up();
            expect((await cloud.resources("vpcep:endpoint_service")).length).toBe(1);
            expect((await cloud.resources("vpcep:endpoint")).length).toBe(1);
            await p.expectNoChanges("preview");
            await p.destroy();
            expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
            expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        });

        test("its lookups load and answer from the installed package, with the errors the docs name", async () => {
            // Outside a Pulumi program, as a script would call them: settings from the environment.
            const script = `
const { huaweicloud, LookupAmbiguousError } = require("pulumi-privatelink");
(async () => {
    const dns = await huaweicloud.vpcep.getPublicService({ serviceName: "dns" });
    const err = await huaweicloud.vpcep.getPublicService({ serviceName: "com.myhuaweicloud" }).then(() => undefined, (e) => e);
    console.log(JSON.stringify({ name: dns.serviceName, ambiguous: err instanceof LookupAmbiguousError }));
})().catch((e) => { console.error(e); process.exit(1); });`;
            // Not execFileSync: the emulator answers from this process's event loop.
            const { stdout: out } = await promisify(execFile)(process.execPath, ["-e", script], {
                cwd: p.programDir,
                env: { ...process.env, ...cloud.huaweiEnv() },
                encoding: "utf8",
            });
            expect(JSON.parse(out.trim().split("\n").pop()!)).toEqual({ name: "com.myhuaweicloud.cn-north-4.dns", ambiguous: true });
        });

        test("its native provider plugin, linked as node_modules/.bin/pulumi-resource-privatelink, serves a YAML program", async () => {
            const net = cloud.account().network;
            const yaml = await PulumiProgram.create({
                env: { ...cloud.huaweiEnv(), PATH: `${path.join(p.programDir, "node_modules", ".bin")}:${process.env.PATH}` },
                linkNodeModules: false,
                files: {
                    "Pulumi.yaml": [
                        "name: installed-plugin",
                        "runtime: yaml",
                        "resources:",
                        "  svc:",
                        "    type: privatelink:huaweicloud/vpcep:EndpointService",
                        "    properties:",
                        `      vpcId: ${net.backendVpcId}`,
                        `      portId: ${net.backendPortId}`,
                        "      serverType: VM",
                        "      ports: [{ clientPort: 97, serverPort: 97 }]",
                        "outputs:",
                        "  status: ${svc.status}",
                        "",
                    ].join("\n"),
                },
            });
            try {
                const up = await yaml.up();
                expect(up.result.stdout + up.result.stderr).toContain(path.join(p.programDir, "node_modules", ".bin", "pulumi-resource-privatelink"));
                expect(await yaml.outputs()).toEqual({ status: "available" });
                await yaml.destroy();
                expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
            } finally {
                yaml.dispose();
            }
        });

        test("its Python and Node.js SDKs install from it offline, as docs/languages.md says", () => {
            const installed = path.join(p.programDir, "node_modules", "pulumi-privatelink", "sdks");
            // Python: pip from the folder, with the virtualenv set-up made (scripts/python-requirements.txt
            // puts the build backend there, so nothing is downloaded); the SDK's dependencies are
            // the user's to install, so --no-deps. About 2 s.
            const venv = process.env.PULUMI_PRIVATELINK_PYTHON_VENV;
            if (!venv) throw new Error("PULUMI_PRIVATELINK_PYTHON_VENV is not set: source scripts/env.sh after bash scripts/setup.sh");
            const site = path.join(packDir, "python-site");
            const pip = ["install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--target", site, path.join(installed, "python")];
            execFileSync(path.join(venv, "bin", "pip"), pip, { stdio: ["ignore", "pipe", "pipe"] });
            const py = execFileSync(
                path.join(venv, "bin", "python"),
                ["-c", "import pulumi_privatelink as p; print(p.huaweicloud.vpcep.EndpointService.__name__, p._utilities.get_version())"],
                { env: { ...process.env, PYTHONPATH: site }, encoding: "utf8" },
            );
            const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
            expect(py.trim()).toBe(`EndpointService ${version}`);
            // Node.js: the compiled folder, copied in (--install-links) so that it shares the
            // program's @pulumi/pulumi.
            npm(
                ["install", "--install-links", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", path.join(installed, "nodejs", "bin")],
                p.programDir,
            );
            const sdk = path.join(p.programDir, "node_modules", "@pulumi-privatelink", "sdk");
            expect(fs.lstatSync(sdk).isSymbolicLink()).toBe(false);
            const js = `const s = require("@pulumi-privatelink/sdk"); console.log(typeof s.huaweicloud.vpcep.Endpoint, typeof s.Provider, require.resolve("@pulumi/pulumi", { paths: [require.resolve("@pulumi-privatelink/sdk")] }));`;
            const out = execFileSync(process.execPath, ["-e", js], { cwd: p.programDir, encoding: "utf8" }).trim();
            expect(out).toBe(`function function ${path.join(fs.realpathSync(p.programDir), "node_modules", "@pulumi", "pulumi", "index.js")}`);
        });

        test("installs the emulator as a command: privatelink-emulator", async () => {
            const bin = path.join(p.programDir, "node_modules", ".bin", "privatelink-emulator");
            const child = spawn(bin, ["--port", "0", "--timings", "fast"], { stdio: ["ignore", "pipe", "pipe"] });
            try {
                const first = await new Promise<string>((resolve, reject) => {
                    let out = "";
                    child.stdout.on("data", (d) => {
                        out += d;
                        if (out.includes("\n")) resolve(out.split("\n")[0]!);
                    });
                    child.on("exit", (code) => reject(new Error(`privatelink-emulator exited ${code}`)));
                });
                const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(first)?.[1];
                expect(url).toBeDefined();
                const info = (await (await fetch(`${url}/_emulator/info`)).json()) as { accounts: unknown[] };
                expect(info.accounts.length).toBeGreaterThan(0);
            } finally {
                child.kill();
            }
        });
    });
});

describe("the project's commands", () => {
    test("a command run through scripts/run.sh skips set-up when nothing changed", () => {
        const done = path.join(REPO_ROOT, "dist", ".setup-done");
        expect(fs.existsSync(done)).toBe(true);
        const before = fs.statSync(done).mtimeMs;
        const r = spawnSync("bash", [path.join(REPO_ROOT, "scripts", "run.sh"), "node", "-e", "process.stdout.write('ran')"], {
            cwd: REPO_ROOT,
            encoding: "utf8",
        });
        expect(r.status).toBe(0);
        expect(r.stdout).toBe("ran");
        expect(r.stderr).toBe("");
        expect(fs.statSync(done).mtimeMs).toBe(before);
    });

    test("set-up leaves the committed lock file as it is", () => {
        const r = spawnSync("git", ["status", "--porcelain", "--", "package-lock.json", "package.json"], { cwd: REPO_ROOT, encoding: "utf8" });
        // Outside a git checkout (an unpacked copy) there is nothing to compare.
        if (r.status !== 0) return;
        expect(r.stdout).toBe("");
    });
});
