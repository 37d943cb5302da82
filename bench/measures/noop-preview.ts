/**
 * Measure 8: no-op `pulumi preview`, side by side. The demo's shape (one endpoint service and one
 * endpoint) and one service with N endpoints, each as a YAML program with the native plugin, a
 * TypeScript program with the native plugin (resources by token) and a TypeScript program with the
 * dynamic resources (measure 6's program), beside the empty program of each language; and the YAML
 * program once more with the plugin installed (`pulumi plugin install`, a version of its own) instead
 * of on PATH, where the YAML host reads the plugin's schema from the engine's cache instead of
 * starting the plugin for it. Every
 * program is deployed once against one emulator (timings `fast`); then the previews run in rounds,
 * one of each program per round and a different one first each round, so that other work on the
 * machine weighs on every program alike. Each preview runs with `--expect-no-changes`: a preview
 * that found something to do fails the measure instead of being timed.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Program, REPO_ROOT } from "../harness";
import { coresBusy, cpuMark } from "../lib/cpu";
import { Emu } from "../lib/emu";
import { median } from "../lib/stats";
import { EMPTY_YAML, type ShapeNetwork, tsPluginProgram, yamlPluginProgram } from "./noop-programs";
import { EMPTY as EMPTY_TS } from "./overhead";
import { programFiles as dynamicProgram } from "./scale";

export type Language = "YAML" | "TypeScript";

export interface NoopPreviewRow {
    /** "YAML, native plugin", "TypeScript, dynamic resources", "YAML, empty" … */
    program: string;
    language: Language;
    /** "empty", "demo shape (1 + 1)" or "1 + N". */
    shape: string;
    resources: number;
    runs: number;
    medianMs: number;
    minMs: number;
    maxMs: number;
    /** The median over the median of the same language's empty program (0 for that program). */
    overEmptyMs: number;
}

export interface NoopPreviewResult {
    rows: NoopPreviewRow[];
    /** The 1-minute load average before each timed preview: lowest, median, highest. */
    load1: { min: number; median: number; max: number };
    /** The load averages (1, 5, 15 min) when the timed previews began and when they ended. */
    loadavgStart: number[];
    loadavgEnd: number[];
    /** Cores busy on average while the previews ran: with other work, and with the previews themselves. */
    cores: { others: number; own: number };
}

interface Variant {
    program: string;
    language: Language;
    endpoints: number | undefined;
    files: Record<string, string>;
    env: Record<string, string>;
    /** A plugin archive to install into the program's PULUMI_HOME before it is deployed. */
    install?: string;
}

/** The native plugin as the engine finds it: the shim in bin/ (it runs the bundle in dist/plugin). */
const WITH_PLUGIN = { PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}` };

/** The package's version: the installed plugin's. */
const VERSION: string = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).version;

/**
 * A plugin archive for `pulumi plugin install --file`: a script that runs the bundle where it is
 * (the shim in bin/ finds the bundle beside itself, which an installed copy would not).
 */
function pluginArchive(dir: string): string {
    const bundle = path.join(REPO_ROOT, "dist", "plugin", "pulumi-resource-privatelink.mjs");
    if (!fs.existsSync(bundle)) throw new Error(`${path.relative(REPO_ROOT, bundle)} is missing: npm run build writes it`);
    const staging = path.join(dir, "plugin");
    fs.mkdirSync(staging);
    fs.writeFileSync(path.join(staging, "pulumi-resource-privatelink"), `#!/bin/sh\nexec node ${JSON.stringify(bundle)} "$@"\n`, { mode: 0o755 });
    const archive = path.join(dir, "plugin.tar.gz");
    execFileSync("tar", ["-czf", archive, "-C", staging, "pulumi-resource-privatelink"]);
    return archive;
}

/**
 * PATH less the folders that hold a plugin of that name, so that the engine runs the installed copy
 * (PULUMI_IGNORE_AMBIENT_PLUGINS would also hide the YAML language host on PATH).
 */
function withoutPlugin(PATH: string): string {
    return PATH.split(":")
        .filter((d) => d && !fs.existsSync(path.join(d, "pulumi-resource-privatelink")))
        .join(":");
}

const shapeOf = (endpoints: number | undefined) => (endpoints === undefined ? "empty" : endpoints === 1 ? "demo shape (1 + 1)" : `1 + ${endpoints}`);

export async function noopPreviewScenario(shapes: readonly number[], rounds: number): Promise<NoopPreviewResult> {
    const emu = await Emu.start("fast");
    const programs: Program[] = [];
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "bench-noop-"));
    try {
        const archive = pluginArchive(scratch);
        const base = emu.account("demo").network;
        const env = emu.huaweiEnv("demo");
        const variants: Variant[] = [
            { program: "YAML, empty", language: "YAML", endpoints: undefined, files: EMPTY_YAML, env },
            { program: "TypeScript, empty", language: "TypeScript", endpoints: undefined, files: EMPTY_TS, env },
        ];
        let subnets = 0;
        for (const n of shapes) {
            // Per program, a backend port of its own (a server port serves one endpoint service)
            // and a /20 of the client VPC (10.0.0.0/16; an address serves one endpoint): the
            // programs' objects exist side by side.
            const network = async (): Promise<ShapeNetwork> => {
                const third = 16 * ++subnets;
                const cidr = `10.0.${third}.0/20`;
                const subnet = await emu.emulator.addSubnet({ account: "demo", vpcId: base.clientVpcId, cidr, name: `bench-noop-${third}` });
                const port = await emu.emulator.addPort({ account: "demo", subnetId: base.backendSubnetId });
                return { ...base, backendPortId: port.id, benchSubnetId: subnet.id, benchThirdOctet: third };
            };
            const yamlNet = await network();
            variants.push({
                program: "YAML, native plugin",
                language: "YAML",
                endpoints: n,
                files: yamlPluginProgram(n, yamlNet),
                env: { ...env, ...WITH_PLUGIN },
            });
            variants.push({
                program: "YAML, native plugin installed",
                language: "YAML",
                endpoints: n,
                files: yamlPluginProgram(n, await network()),
                env: { ...env, PATH: withoutPlugin(process.env.PATH ?? "") },
                install: archive,
            });
            const tsNet = await network();
            variants.push({
                program: "TypeScript, native plugin",
                language: "TypeScript",
                endpoints: n,
                files: tsPluginProgram(n),
                env: { ...env, ...WITH_PLUGIN, BENCH_NETWORK: JSON.stringify(tsNet) },
            });
            const dynNet = await network();
            variants.push({
                program: "TypeScript, dynamic resources",
                language: "TypeScript",
                endpoints: n,
                files: dynamicProgram(n),
                env: { ...env, BENCH_NETWORK: JSON.stringify(dynNet) },
            });
        }

        for (const v of variants) {
            const p = await Program.create(v.files, v.env);
            programs.push(p);
            if (v.install) await p.mustRun(["plugin", "install", "resource", "privatelink", VERSION, "--file", v.install]);
            await p.mustRun(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
        }

        const walls = variants.map(() => [] as number[]);
        const load1: number[] = [];
        const loadavgStart = os.loadavg();
        const cpuStart = cpuMark();
        for (let i = 0; i < rounds; i++) {
            for (let k = 0; k < variants.length; k++) {
                const j = (i + k) % variants.length;
                const p = programs[j]!;
                load1.push(os.loadavg()[0]!);
                const r = await p.mustRun(["preview", "--expect-no-changes", "--non-interactive", "--stack", p.stack]);
                walls[j]!.push(r.wallMs);
            }
        }
        const loadavgEnd = os.loadavg();
        const cores = coresBusy(cpuStart, cpuMark());

        const medians = walls.map((w) => median(w));
        const emptyOf = (language: Language) => medians[variants.findIndex((v) => v.language === language && v.endpoints === undefined)]!;
        const rows = variants.map((v, j) => ({
            program: v.program,
            language: v.language,
            shape: shapeOf(v.endpoints),
            resources: v.endpoints === undefined ? 0 : v.endpoints + 1,
            runs: walls[j]!.length,
            medianMs: medians[j]!,
            minMs: Math.min(...walls[j]!),
            maxMs: Math.max(...walls[j]!),
            overEmptyMs: medians[j]! - emptyOf(v.language),
        }));
        return {
            rows,
            load1: { min: Math.min(...load1), median: median(load1), max: Math.max(...load1) },
            loadavgStart,
            loadavgEnd,
            cores,
        };
    } finally {
        for (const p of programs) p.dispose();
        fs.rmSync(scratch, { recursive: true, force: true });
        await emu.close();
    }
}
