/**
 * `npm run bench [-- --quick] [-- --json FILE] [-- --only 1,2,4]`: the benchmark suite. Runs
 * against emulators it starts on loopback, prints one table per measure, and (full runs only,
 * unless --no-write) writes bench/RESULTS.md and bench/results.svg. It prints figures; it asserts
 * nothing about them (they depend on the machine).
 *
 *   1. readiness overshoot and reads per resource       (lifecycle engine, real tables)
 *   2. coalescing: 1…200 resources waiting at once       (lifecycle engine, real tables)
 *   3. ours / baseline for 1 and 2                        (bench/baselines/terraform-waiter.ts)
 *   4. scale: pulumi up/destroy of 1 service + 100 endpoints, throttled (real CLI)
 *   5. state size per resource kind                       (pulumi stack export after 4)
 *   6. command overhead: no-op preview/refresh/up over an empty program, and where it goes (real CLI)
 *   7. the native plugin's start: to its port line and to a first Check, bundled or not, with and
 *      without Node's compile cache                    (`--only 7` runs it alone)
 *   8. no-op previews side by side: YAML and TypeScript with the native plugin, TypeScript with the
 *      dynamic resources, and the empty program of each language (real CLI; `--only 8` alone)
 *   9. a fleet: examples/fleet, N stacks at most M at once against one account at 10 rps, M = 1
 *      and M = 8 side by side: wall time against its lower bound, 429s, memory of all processes
 *      (`--only 9` runs it alone; FLEET_STACKS, FLEET_PARALLEL and FLEET_BACKEND_URL change it)
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readinessChart } from "./chart";
import { REPO_ROOT } from "./harness";
import { ms, num, ratio } from "./lib/stats";
import { renderTable, type Table } from "./lib/table";
import { type CoalescingRow, coalescingScenario } from "./measures/coalescing";
import type { Kind, Variant } from "./measures/common";
import { type FleetResult, fleetScenario } from "./measures/fleet";
import { type NoopPreviewResult, noopPreviewScenario } from "./measures/noop-preview";
import { type OverheadResult, overheadScenario } from "./measures/overhead";
import { type PluginStartResult, pluginStartScenario } from "./measures/plugin-start";
import { type ReadinessRow, readinessScenario } from "./measures/readiness";
import { type ScaleRow, type StateRow, scaleScenario } from "./measures/scale";

const ALL_MEASURES = [1, 2, 3, 4, 5, 6, 7, 8, 9];

interface Options {
    quick: boolean;
    json?: string;
    only: Set<number>;
    write: boolean;
}

function parseArgs(argv: string[]): Options {
    const o: Options = { quick: false, only: new Set(ALL_MEASURES), write: true };
    const args = [...argv];
    const valueAfter = (flag: string): string => {
        const v = args.shift();
        if (v === undefined) throw new Error(`${flag} needs a value`);
        return v;
    };
    for (let a = args.shift(); a !== undefined; a = args.shift()) {
        if (a === "--quick") o.quick = true;
        else if (a === "--json") o.json = valueAfter(a);
        else if (a.startsWith("--json=")) o.json = a.slice(7);
        else if (a === "--only") o.only = new Set(valueAfter(a).split(",").map(Number));
        else if (a === "--no-write") o.write = false;
        else if (a === "--help" || a === "-h") {
            console.log("usage: npm run bench -- [--quick] [--json FILE] [--only 1,2,4] [--no-write]");
            process.exit(0);
        } else throw new Error(`unknown argument ${a}`);
    }
    if (o.only.has(3)) o.only.add(1).add(2);
    if (o.only.has(5)) o.only.add(4);
    return o;
}

const FULL = {
    provisioning: [1_000, 5_000, 30_000],
    perKind: 20,
    spreadMs: 1_000,
    waiting: [1, 10, 50, 200],
    coalesceMs: 10_000,
    endpoints: 100,
    rps: 10,
    scaleMs: 5_000,
    parallel: 128,
    overheadEndpoints: 100,
    overheadRepeats: 3,
    pluginStarts: 21,
    fleetStacks: 20,
    fleetParallel: 8,
    /** Endpoints per shape (one endpoint service each): the demo's shape and 1 + 100. */
    noopShapes: [1, 100],
    noopRounds: 5,
};
const QUICK = {
    provisioning: [1_000, 2_000],
    perKind: 5,
    spreadMs: 500,
    waiting: [1, 10],
    coalesceMs: 2_000,
    endpoints: 5,
    rps: 10,
    scaleMs: 1_000,
    parallel: 16,
    overheadEndpoints: 10,
    overheadRepeats: 1,
    pluginStarts: 3,
    fleetStacks: 4,
    fleetParallel: 2,
    noopShapes: [1],
    noopRounds: 1,
};

const VARIANT_LABEL: Record<Variant, string> = { ours: "ours", "ours-alone": "ours, alone", baseline: "baseline" };
const KIND_LABEL: Record<Kind, string> = { endpoint_service: "EndpointService", endpoint: "Endpoint" };
const target = (provisioningMs: number) => Math.max(200, 0.1 * provisioningMs);

function readinessTable(rows: ReadinessRow[]): Table {
    return {
        title: "1. Readiness overshoot (ready → create returned) and reads while waiting",
        columns: ["kind", "provisioning", "variant", "n", "failed", "median", "p95", "max", "target median / p95", "reads per resource", "total calls"],
        rows: rows.map((r) => [
            KIND_LABEL[r.kind],
            ms(r.provisioningMs),
            VARIANT_LABEL[r.variant],
            String(r.resources),
            String(r.failures),
            ms(r.overshootMs.median),
            ms(r.overshootMs.p95),
            ms(r.overshootMs.max),
            r.variant === "baseline" ? "" : `≤ ${ms(target(r.provisioningMs))} / ≤ ${ms(2 * target(r.provisioningMs))}`,
            num(r.callsPerResource, 2),
            String(r.totalCalls),
        ]),
        notes: [
            ...rows.flatMap((r) => r.failureMessages.map((m) => `failure (${KIND_LABEL[r.kind]} ${VARIANT_LABEL[r.variant]}): ${m.slice(0, 300)}`)),
            "ours: one provider process (one shared client and watcher per kind), resources started 0–1 s apart as the engine issues them;",
            "ours, alone: the same tables with a client (so a watcher) per resource — one resource waiting on its own, no coalescing;",
            "baseline: the same create calls, then Terraform's StateChangeConf (first read after 5 s, then every 3 s, one loop per resource).",
        ],
    };
}

function coalescingTable(rows: CoalescingRow[]): Table {
    return {
        title: "2. Coalescing: endpoints waiting at once",
        columns: ["waiting", "provisioning", "variant", "failed", "reads total", "reads / s", "busiest second", "watcher ticks", "reads per tick", "waited"],
        rows: rows.map((r) => [
            String(r.waiting),
            ms(r.provisioningMs),
            VARIANT_LABEL[r.variant],
            String(r.failures),
            String(r.totalCalls),
            num(r.callsPerSecond, 2),
            String(r.peakCallsPerSecond),
            r.ticks === undefined ? "" : String(r.ticks),
            r.callsPerTick === undefined ? "" : num(r.callsPerTick, 2),
            ms(r.waitedMs),
        ]),
    };
}

function ratioTable(readiness: ReadinessRow[], coalescing: CoalescingRow[]): Table {
    const rows: string[][] = [];
    for (const r of readiness.filter((x) => x.variant !== "baseline")) {
        const b = readiness.find((x) => x.kind === r.kind && x.provisioningMs === r.provisioningMs && x.variant === "baseline");
        if (!b) continue;
        rows.push([
            `readiness ${KIND_LABEL[r.kind]} ${ms(r.provisioningMs)}`,
            VARIANT_LABEL[r.variant],
            ratio(r.overshootMs.median, b.overshootMs.median),
            ratio(r.overshootMs.p95, b.overshootMs.p95),
            ratio(r.overshootMs.max, b.overshootMs.max),
            ratio(r.callsPerResource, b.callsPerResource),
            "",
        ]);
    }
    for (const r of coalescing.filter((x) => x.variant === "ours")) {
        const b = coalescing.find((x) => x.waiting === r.waiting && x.variant === "baseline");
        if (!b) continue;
        rows.push([
            `coalescing ${r.waiting} waiting`,
            "ours",
            "",
            "",
            "",
            ratio(r.totalCalls / r.waiting, b.totalCalls / b.waiting),
            ratio(r.callsPerSecond, b.callsPerSecond),
        ]);
    }
    return {
        title: "3. Ours / baseline (below 1× = ours is faster or makes fewer calls)",
        columns: ["figure", "variant", "overshoot median", "overshoot p95", "overshoot max", "reads per resource", "reads / s"],
        rows,
    };
}

function scaleTable(rows: ScaleRow[]): Table {
    return {
        title: "4. Scale: pulumi up / destroy with the real CLI, throttled",
        columns: [
            "op",
            "resources",
            "throttle",
            "provisioning",
            "--parallel",
            "exit",
            "wall",
            "before first call",
            "API phase",
            "lower bound",
            "wall / bound",
            "API phase / bound",
            "calls",
            "429s",
            "failed",
            "provider peak RSS",
            "program peak RSS",
        ],
        rows: rows.map((r) => [
            r.op,
            `1 + ${r.endpoints}`,
            `${r.requestsPerSecond} rps`,
            ms(r.provisioningMs),
            String(r.parallel),
            String(r.exitCode),
            ms(r.wallMs),
            ms(r.leadMs),
            ms(r.cloudPhaseMs),
            ms(r.lowerBoundMs),
            ratio(r.wallMs, r.lowerBoundMs),
            ratio(r.cloudPhaseMs, r.lowerBoundMs),
            String(r.calls),
            String(r.throttled),
            String(r.failedResources),
            r.providerPeakKb ? `${(r.providerPeakKb / 1024).toFixed(0)} MB` : "—",
            r.programPeakKb ? `${(r.programPeakKb / 1024).toFixed(0)} MB` : "—",
        ]),
        notes: [
            "lower bound = service provisioning + (1 create + 1 read + N creates + 1 read) / throttle + endpoint provisioning (destroy: the same with deletes);",
            "wall = the whole CLI command (engine start, program, plugin start included); before first call = CLI start to the first API call (engine, language host, program and provider start-up); API phase = first to last API call;",
            "peak RSS = VmHWM from /proc of the dynamic-provider Node process (and of the program's Node process) under this pulumi process.",
            // each error's first line (split always gives one)
            ...rows.flatMap((r) => r.errors.map((e) => `${r.op} error: ${e.split("\n")[0]!.slice(0, 300)}`)),
        ],
    };
}

function overheadTable(o: OverheadResult): Table {
    return {
        title: "6. Command overhead: no-op commands with the real CLI, over an empty program",
        columns: ["program", "resources", "command", "median wall", "over the empty program", "program peak RSS", "provider peak RSS"],
        rows: o.rows.map((r) => [
            r.program,
            String(r.resources),
            r.op === "preview" ? "preview" : `${r.op} --yes --skip-preview`,
            ms(r.medianMs),
            r.program === "empty" ? "—" : `+${ms(r.overMs)}`,
            r.programPeakKb ? `${(r.programPeakKb / 1024).toFixed(0)} MB` : "—",
            r.providerPeakKb ? `${(r.providerPeakKb / 1024).toFixed(0)} MB` : "—",
        ]),
        notes: [
            `CLI start to the first API call of the demo shape's first up: ${ms(o.leadMs)} (the empty program's preview: ${ms(o.emptyPreviewMs)}).`,
            `per additional resource: preview +${ms(o.perResourceMs.preview ?? 0)}, refresh +${ms(o.perResourceMs.refresh ?? 0)}, up +${ms(o.perResourceMs.up ?? 0)}.`,
            "the empty program runs no provider, so everything over it is the dynamic-provider process (Node and @pulumi/pulumi's provider host), this package, and the engine's per-resource work.",
        ],
    };
}

function loadTable(o: OverheadResult): Table {
    return {
        title: "6b. Where the overhead goes: loading code in a fresh Node process",
        columns: ["what", "time"],
        rows: o.load.map((l) => [l.what, ms(l.ms)]),
        notes: ["the provider process's own start (Node and @pulumi/pulumi's dynamic-provider host) is Pulumi's, paid by every dynamic provider."],
    };
}

function pluginStartTable(p: PluginStartResult): Table {
    return {
        title: "7. Native plugin start: to the port line and to a first Check",
        columns: ["plugin", "compile cache", "runs", "port line, median", "port line, p90", "first Check answered, median"],
        rows: p.rows.map((r) => [
            r.plugin,
            r.plugin === "node alone" ? "—" : r.compileCache ? "yes" : "no",
            String(r.runs),
            ms(r.portMedianMs),
            ms(r.portP90Ms),
            ms(r.checkMedianMs),
        ]),
        notes: [
            "from spawning the process; the variants take turns run by run; the Check (EndpointService) loads one kind's declaration and cloud client and is refused before any call.",
            "bundle: dist/plugin (scripts/bundle.ts); compiled sources: dist/provider/native/main.js; shim: bin/pulumi-resource-privatelink, what the engine runs; node alone: Node printing a line, the floor.",
            `load average when it began: ${p.loadavg.map((x) => x.toFixed(2)).join(" ")}.`,
        ],
    };
}

function fleetTable(f: FleetResult): Table {
    const mb = (x: number) => `${Math.round(x)} MB`;
    return {
        title: "9. A fleet of stacks against one throttled account (examples/fleet)",
        columns: [
            "stacks × at once",
            "failed stacks",
            "up",
            "lower bound",
            "up / bound",
            "up calls",
            "up 429s",
            "first call, then calls/s",
            "all calls / 429s",
            "2nd up: changed, time",
            "destroy",
            "left: objects, stacks",
            "memory: peak sum, mean sum",
            "largest process",
            "processes at peak",
        ],
        rows: f.rows.map((r) => {
            const bound = Math.max(r.waveBoundMs, r.rateBoundMs);
            return [
                `${r.stacks} × ${r.parallel}`,
                String(r.failedStacks),
                ms(r.upMs),
                `${ms(bound)} (${r.waveBoundMs >= r.rateBoundMs ? `${Math.ceil(r.stacks / r.parallel)} × one stack` : `calls ÷ ${f.rps}/s`})`,
                ratio(r.upMs, bound),
                String(r.upCalls),
                `${r.up429} (${num((100 * r.up429) / Math.max(1, r.upCalls), 1)} %)`,
                `${ms(r.firstCallMs)}, ${num(r.callRate, 1)}/s`,
                `${r.calls} / ${r.throttled}`,
                `${r.changedOnSecondUp}, ${ms(r.secondUpMs)}`,
                ms(r.destroyMs),
                `${r.objectsLeft}, ${Number.isNaN(r.stacksLeft) ? "—" : r.stacksLeft}`,
                `${mb(r.peakTotalMb)}, ${mb(r.meanTotalMb)}`,
                mb(r.peakProcessMb),
                String(r.peakProcesses),
            ];
        }),
        notes: [
            `one stack's up alone: ${ms(f.stackUpMs)} (median of the M = 1 run); account limit ${f.rps} requests/s; backend ${f.backend}; shared pace ${f.sharedPace ? "on" : "off"}.`,
            "each environment: a VPC endpoint to the shared service, a DNS resolver rule, its VPC association (3 objects); the shared stack (2 objects) is up before and destroyed after.",
            "memory: VmRSS of the fleet's process tree (its Node process, each stack's engine, each engine's plugin) every 200 ms; sum over the processes at one instant.",
            `load average when it began: ${f.loadavg.map((x) => x.toFixed(2)).join(" ")}.`,
        ],
    };
}

function noopPreviewTable(n: NoopPreviewResult): Table {
    const load = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" ");
    return {
        title: "8. No-op preview side by side: native plugin (YAML, TypeScript), dynamic resources, empty programs",
        columns: ["shape", "program", "runs", "median", "min", "max", "over the empty program of its language"],
        rows: n.rows.map((r) => [
            r.shape,
            r.program,
            String(r.runs),
            ms(r.medianMs),
            ms(r.minMs),
            ms(r.maxMs),
            r.shape === "empty" ? "—" : `${r.overEmptyMs < 0 ? "−" : "+"}${ms(Math.abs(r.overEmptyMs))}`,
        ]),
        notes: [
            "`pulumi preview --expect-no-changes` of a deployed stack (emulator timings fast), every program once per round, a different one first each round;",
            "native plugin: bin/pulumi-resource-privatelink on PATH (the bundle in dist/plugin), resources by type token (TypeScript: pulumi.CustomResource); dynamic: the package's classes (measure 6's program);",
            "installed: the same bundle installed with `pulumi plugin install resource privatelink <version> --file`, so the YAML host reads its schema from the engine's cache instead of starting it.",
            `load average: ${load(n.loadavgStart)} when the previews began, ${load(n.loadavgEnd)} when they ended; 1-minute figure before each preview ${n.load1.min.toFixed(2)}–${n.load1.max.toFixed(2)} (median ${n.load1.median.toFixed(2)}).`,
            `cores busy on average while the previews ran (of ${os.cpus().length}): ${n.cores.others.toFixed(2)} with other work, ${n.cores.own.toFixed(2)} with the previews (the load average lags by a minute; this does not).`,
        ],
    };
}

function stateTable(rows: StateRow[]): Table {
    return {
        title: "5. State size per resource (pulumi stack export)",
        columns: ["type", "resources", "__provider bytes", "whole resource bytes", "__provider target"],
        rows: rows.map((r) => [
            r.type,
            String(r.resources),
            num(r.providerBytes, 0),
            num(r.resourceBytes, 0),
            r.providerBytes <= 2048 ? "≤ 2 KB: met" : "> 2 KB: NOT met",
        ]),
    };
}

/** The Terraform provider's `plan` of the demo's two objects, when last measured (issue 29); Terraform is not run by the bench. */
const TERRAFORM_PLAN_MS = 1000;

interface Verdict {
    target: string;
    figure: string;
    /** "info": printed beside the targets, outside the issue's measured scenario. */
    met: boolean | "info";
}

function verdicts(
    readiness: ReadinessRow[],
    coalescing: CoalescingRow[],
    scale: ScaleRow[],
    state: StateRow[],
    overhead?: OverheadResult,
    pluginStart?: PluginStartResult,
    fleet?: FleetResult,
    noopPreview?: NoopPreviewResult,
): Verdict[] {
    const out: Verdict[] = [];
    for (const r of fleet?.rows ?? []) {
        const bound = Math.max(r.waveBoundMs, r.rateBoundMs);
        const label = `fleet ${r.stacks} × ${r.parallel}`;
        out.push({
            target: `${label}: 0 failed stacks, 2nd up changes nothing, destroy leaves nothing`,
            figure: `${r.failedStacks}, ${r.changedOnSecondUp}, ${r.objectsLeft}`,
            met: r.failedStacks === 0 && r.changedOnSecondUp === 0 && r.objectsLeft === 0,
        });
        out.push({ target: `${label}: up ≤ 1.3 × lower bound`, figure: ratio(r.upMs, bound), met: r.upMs <= 1.3 * bound });
        out.push({
            target: `${label}: 429s < 5 % of calls`,
            figure: `${num((100 * r.throttled) / Math.max(1, r.calls), 1)} %`,
            met: r.throttled < 0.05 * r.calls,
        });
    }
    const shim = pluginStart?.rows.find((r) => r.plugin === "shim (bundle)");
    if (shim)
        out.push({
            target: "native plugin: start to its port line ≤ 150 ms (through the shim, median)",
            figure: ms(shim.portMedianMs),
            met: shim.portMedianMs <= 150,
        });
    const yamlDemo = noopPreview?.rows.find((r) => r.program === "YAML, native plugin" && r.resources === 2);
    const installedDemo = noopPreview?.rows.find((r) => r.program === "YAML, native plugin installed" && r.resources === 2);
    if (yamlDemo && installedDemo) {
        out.push({
            target: "no-op preview of the demo shape, YAML program with the native plugin < 1 s (median)",
            figure: ms(yamlDemo.medianMs),
            met: yamlDemo.medianMs < 1000,
        });
        out.push({
            target: `… and below the Terraform provider's plan of the same two objects (${ms(TERRAFORM_PLAN_MS)}, measured before, not re-run here)`,
            figure: ms(yamlDemo.medianMs),
            met: yamlDemo.medianMs < TERRAFORM_PLAN_MS,
        });
        out.push({
            target: "the same, the plugin installed (pulumi plugin install) < 1 s (median)",
            figure: ms(installedDemo.medianMs),
            met: installedDemo.medianMs < 1000,
        });
    }
    if (overhead) {
        const row = (program: string, op: string) => overhead.rows.find((r) => r.program === program && r.op === op);
        const demo = row("demo shape (1 + 1)", "preview");
        const big = overhead.rows.find((r) => r.program.startsWith("1 + ") && r.op === "preview");
        if (demo) out.push({ target: "no-op preview of the demo shape ≤ empty program + 0.3 s", figure: `+${ms(demo.overMs)}`, met: demo.overMs <= 300 });
        if (big) out.push({ target: `no-op preview of ${big.program} ≤ empty program + 1.0 s`, figure: `+${ms(big.overMs)}`, met: big.overMs <= 1000 });
        out.push({
            target: "CLI start to first API call (demo up) ≤ empty preview + 0.3 s",
            figure: `${ms(overhead.leadMs)} (empty preview ${ms(overhead.emptyPreviewMs)})`,
            met: overhead.leadMs <= overhead.emptyPreviewMs + 300,
        });
    }
    for (const r of readiness.filter((x) => x.variant !== "baseline")) {
        const t = target(r.provisioningMs);
        out.push({
            target: `overshoot ${KIND_LABEL[r.kind]} ${ms(r.provisioningMs)} (${VARIANT_LABEL[r.variant]}): median ≤ ${ms(t)}, p95 ≤ ${ms(2 * t)}`,
            figure: `${ms(r.overshootMs.median)} / ${ms(r.overshootMs.p95)}`,
            met: r.overshootMs.median <= t && r.overshootMs.p95 <= 2 * t && r.failures === 0,
        });
    }
    for (const r of readiness.filter((x) => x.variant !== "baseline" && x.provisioningMs >= 30_000)) {
        // The issue's measure is 20 resources through the provider's create path ("ours"); a
        // resource waiting alone is shown for what it costs, not held to the per-resource figure
        // that sharing a poll among 20 gives.
        const alone = r.variant !== "ours";
        out.push({
            target: `reads while waiting ≤ 12 per resource, 30 s wait, ${KIND_LABEL[r.kind]} (${VARIANT_LABEL[r.variant]})`,
            figure: num(r.callsPerResource, 2),
            met: alone ? "info" : r.callsPerResource <= 12,
        });
    }
    const ours = coalescing.filter((x) => x.variant === "ours" && x.waiting > 1);
    if (ours.length) {
        const perTick = ours.map((r) => r.callsPerTick ?? NaN);
        out.push({
            target: "reads per tick independent of the number waiting",
            figure: ours.map((r) => `${r.waiting}: ${num(r.callsPerTick ?? NaN, 2)}`).join(", "),
            met: perTick.every((x) => x <= 1.0001),
        });
    }
    for (const r of scale) {
        out.push({ target: `scale ${r.op}: 0 failed resources`, figure: String(r.failedResources), met: r.failedResources === 0 && r.exitCode === 0 });
        out.push({
            target: `scale ${r.op}: wall ≤ 1.3 × lower bound`,
            figure: `${ratio(r.wallMs, r.lowerBoundMs)} (API phase ${ratio(r.cloudPhaseMs, r.lowerBoundMs)})`,
            met: r.wallMs <= 1.3 * r.lowerBoundMs,
        });
    }
    for (const r of state) out.push({ target: `__provider ≤ 2 KB (${r.type})`, figure: `${num(r.providerBytes, 0)} B`, met: r.providerBytes <= 2048 });
    return out;
}

function verdictTable(v: Verdict[]): Table {
    return {
        title: "Targets",
        columns: ["target", "figure", "met"],
        rows: v.map((x) => [x.target, x.figure, x.met === "info" ? "— (see note)" : x.met ? "yes" : "NO"]),
        notes: v.some((x) => x.met === "info")
            ? [
                  "— : a resource waiting alone (its own client) is outside the issue's measure (20 resources through one provider's create path) and is shown for what it costs:",
                  "with polls spaced in proportion to the time waited, seeing a 1 s provisioning within 200 ms and a 30 s one within 3 s takes about 20 polls of a lone resource at least; ours makes ~45 and sees it sooner.",
              ]
            : undefined,
    };
}

function tryRun(cmd: string, args: string[]): string {
    try {
        return execFileSync(cmd, args, { encoding: "utf8" }).trim();
    } catch {
        return "unknown";
    }
}

function machine() {
    return {
        date: new Date().toISOString(),
        node: process.version,
        pulumi: tryRun("pulumi", ["version"]),
        cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`,
        nproc: tryRun("nproc", []),
        memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
        os: `${os.type()} ${os.release()}`,
        loadavg: os
            .loadavg()
            .map((x) => x.toFixed(2))
            .join(" "),
    };
}

async function main(): Promise<void> {
    const o = parseArgs(process.argv.slice(2));
    const cfg = o.quick ? QUICK : FULL;
    const started = Date.now();
    const info = machine();
    console.log(
        `pulumi-privatelink benchmarks (${o.quick ? "quick" : "full"}) — ${info.date}, Node ${info.node}, Pulumi ${info.pulumi}, nproc ${info.nproc}, ${info.memory}`,
    );
    const tables: Table[] = [];
    const show = (t: Table) => {
        tables.push(t);
        console.log(`\n${renderTable(t)}`);
    };

    const readiness: ReadinessRow[] = [];
    if (o.only.has(1)) {
        for (const t of cfg.provisioning) {
            console.error(`… readiness, provisioning ${t} ms`);
            readiness.push(...(await readinessScenario(t, cfg.perKind, cfg.spreadMs)));
        }
        readiness.sort((a, b) => a.kind.localeCompare(b.kind) * -1 || a.provisioningMs - b.provisioningMs);
        show(readinessTable(readiness));
    }
    const coalescing: CoalescingRow[] = [];
    if (o.only.has(2)) {
        for (const n of cfg.waiting) {
            console.error(`… coalescing, ${n} waiting`);
            coalescing.push(...(await coalescingScenario(n, cfg.coalesceMs)));
        }
        show(coalescingTable(coalescing));
    }
    if (o.only.has(3) && readiness.length && coalescing.length) show(ratioTable(readiness, coalescing));
    let scale: ScaleRow[] = [];
    let state: StateRow[] = [];
    if (o.only.has(4)) {
        console.error(`… scale: 1 service + ${cfg.endpoints} endpoints, ${cfg.rps} rps`);
        ({ rows: scale, state } = await scaleScenario(cfg.endpoints, cfg.rps, cfg.scaleMs, cfg.parallel));
        show(scaleTable(scale));
        if (o.only.has(5)) show(stateTable(state));
    }
    let overhead: OverheadResult | undefined;
    if (o.only.has(6)) {
        console.error(`… command overhead: empty program, demo shape, 1 + ${cfg.overheadEndpoints}`);
        overhead = await overheadScenario(cfg.overheadEndpoints, cfg.overheadRepeats);
        show(overheadTable(overhead));
        show(loadTable(overhead));
    }
    let pluginStart: PluginStartResult | undefined;
    if (o.only.has(7)) {
        console.error(`… native plugin start, ${cfg.pluginStarts} runs of each variant`);
        pluginStart = await pluginStartScenario(cfg.pluginStarts);
        show(pluginStartTable(pluginStart));
    }
    let noopPreview: NoopPreviewResult | undefined;
    if (o.only.has(8)) {
        console.error(`… no-op previews side by side: empty, 1 + ${cfg.noopShapes.join(", 1 + ")}; ${cfg.noopRounds} rounds`);
        noopPreview = await noopPreviewScenario(cfg.noopShapes, cfg.noopRounds);
        show(noopPreviewTable(noopPreview));
    }
    let fleet: FleetResult | undefined;
    if (o.only.has(9)) {
        const stacks = Number(process.env.FLEET_STACKS ?? cfg.fleetStacks);
        const parallel = Number(process.env.FLEET_PARALLEL ?? cfg.fleetParallel);
        console.error(`… fleet: ${stacks} stacks, at most 1 and ${parallel} at once, ${cfg.rps} rps`);
        fleet = await fleetScenario(stacks, parallel, cfg.rps);
        show(fleetTable(fleet));
    }
    const v = verdicts(readiness, coalescing, scale, state, overhead, pluginStart, fleet, noopPreview);
    show(verdictTable(v));
    const elapsed = Date.now() - started;
    console.log(`\nfinished in ${ms(elapsed)}`);

    const figures = {
        mode: o.quick ? "quick" : "full",
        machine: info,
        config: cfg,
        elapsedMs: elapsed,
        readiness,
        coalescing,
        scale,
        state,
        overhead,
        pluginStart,
        fleet,
        noopPreview,
        targets: v,
    };
    if (o.json) fs.writeFileSync(o.json, `${JSON.stringify(figures, null, 2)}\n`);
    if (!o.quick && o.write && o.only.size === ALL_MEASURES.length) {
        const dir = path.join(REPO_ROOT, "bench");
        const caption = `pulumi-privatelink bench, ${info.date.slice(0, 10)}, Node ${info.node}, Pulumi ${info.pulumi}, nproc ${info.nproc}`;
        fs.writeFileSync(path.join(dir, "results.svg"), readinessChart(readiness, caption));
        fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(figures, null, 2)}\n`);
        fs.writeFileSync(path.join(dir, "RESULTS.md"), resultsMarkdown(info, tables, elapsed));
        console.log(`wrote bench/RESULTS.md, bench/results.svg and bench/results.json`);
    }
}

function resultsMarkdown(info: Record<string, string>, tables: Table[], elapsedMs: number): string {
    return `# Benchmark results

Latest full run of \`npm run bench\` (bench/run.ts; figures also in \`results.json\`). Benchmarks
print figures; no test asserts them. Re-run with \`npm run build && npm run bench\` (about
${Math.ceil(elapsedMs / 60_000)} minutes) — this file and the chart are rewritten by full runs.

| | |
|---|---|
| date | ${info.date} |
| Node | ${info.node} |
| Pulumi CLI | ${info.pulumi} |
| machine | ${info.cpus}; nproc ${info.nproc}; ${info.memory} RAM; ${info.os} |
| load average at start | ${info.loadavg} (the machine was shared with other test runs) |

![overshoot and API calls, ours vs baseline](results.svg)

Measure 6 (command overhead) before and after the changes that cut it, with where the time and the
memory go, the 1 + 100 / 1 + 1,000 scale rows, and measures 7 and 8 (the native plugin's start and
no-op previews with it) read against their targets: [OVERHEAD.md](OVERHEAD.md).

${tables.map(renderTable).join("\n\n")}

## How the figures are made

- Every scenario starts its own emulator on 127.0.0.1 (\`startEmulator\`); nothing leaves loopback.
- Measures 1–3 call the resource tables' \`check\` and \`create\` through the lifecycle engine
  (\`dynamicImplOf(spec)\`), with the stack config pointed at the emulator (\`setStackConfig\`). *ours*
  shares one client as a provider process does; *ours, alone* gives each resource its own client;
  *baseline* replaces only the wait by Terraform's StateChangeConf (5 s delay, 3 s interval).
  The three run at the same time in three emulator accounts; the request log separates them.
- Overshoot = the moment \`create\` returned − \`readyAt\` reported by \`GET /_emulator/resources\`.
- Measure 4 runs the real \`pulumi\` CLI (file backend, isolated PULUMI_HOME) against an emulator
  throttled per account with \`PUT /_emulator/limits\`; measure 5 reads \`pulumi stack export\`.
  The 429s of the scale run are the first burst's, before the provider learns the limit the
  gateway states; after that its calls are paced at 95 % of it, creates and deletes before status
  polls (\`sdk/core/pacer.ts\`).
`;
}

main().catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
});
