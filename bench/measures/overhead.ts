/**
 * Measure 6: command overhead. With the real CLI, the no-op `pulumi preview`, `pulumi refresh` and
 * `pulumi up` of (a) an empty program (the engine's floor), (b) the demo's shape (one endpoint
 * service and one endpoint) and (c) one service and N endpoints, each as its overhead over (a);
 * the time from CLI start to the first API call of the demo's first `up`; and where the time goes:
 * what loading the package costs the program and the provider process, and the cost per resource.
 */
import { execFileSync } from "node:child_process";
import { Program, REPO_ROOT } from "../harness";
import { Emu } from "../lib/emu";
import { programFiles } from "./scale";

export interface OverheadRow {
    program: string;
    resources: number;
    op: "preview" | "refresh" | "up";
    medianMs: number;
    /** Over the empty program's same operation. */
    overMs: number;
    programPeakKb: number;
    providerPeakKb: number;
}

export interface LoadRow {
    what: string;
    ms: number;
}

export interface OverheadResult {
    rows: OverheadRow[];
    load: LoadRow[];
    /** CLI start to the first API call of the demo's first `up`, and the empty program's preview. */
    leadMs: number;
    emptyPreviewMs: number;
    perResourceMs: Record<string, number>;
}

/** An empty TypeScript program: Pulumi's floor (no provider at all). */
export const EMPTY = {
    "Pulumi.yaml": "name: bench-empty\nruntime: nodejs\n",
    "package.json": JSON.stringify({ name: "bench-empty", private: true, main: "index.ts", dependencies: { "@pulumi/pulumi": "3.259.0" } }),
    "index.ts": 'import * as pulumi from "@pulumi/pulumi";\nexport const project = pulumi.getProject();\n',
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Milliseconds a fresh Node process takes to run `code` (awaited; its own clock, after start-up). */
function loadMs(code: string): number {
    const script = `const t=process.hrtime.bigint();(async()=>{${code}})().then(()=>process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6)))`;
    return Number(execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" }));
}

async function timeOps(p: Program, reps: number): Promise<Record<OverheadRow["op"], { ms: number; programPeakKb: number; providerPeakKb: number }>> {
    const common = ["--non-interactive", "--stack", p.stack];
    const ops: Array<[OverheadRow["op"], string[]]> = [
        ["preview", ["preview", ...common]],
        ["refresh", ["refresh", "--yes", "--skip-preview", ...common]],
        ["up", ["up", "--yes", "--skip-preview", ...common]],
    ];
    const out = {} as Record<OverheadRow["op"], { ms: number; programPeakKb: number; providerPeakKb: number }>;
    for (const [op, args] of ops) {
        const walls: number[] = [];
        let programPeakKb = 0;
        let providerPeakKb = 0;
        for (let i = 0; i < reps; i++) {
            const r = await p.run(args, true);
            if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
            walls.push(r.wallMs);
            programPeakKb = Math.max(programPeakKb, r.programPeakKb);
            providerPeakKb = Math.max(providerPeakKb, r.providerPeakKb);
        }
        out[op] = { ms: median(walls), programPeakKb, providerPeakKb };
    }
    return out;
}

export async function overheadScenario(endpoints: number, reps: number): Promise<OverheadResult> {
    const emu = await Emu.start("fast");
    const programs: Program[] = [];
    try {
        const env = { ...emu.huaweiEnv("demo"), BENCH_NETWORK: JSON.stringify(emu.account("demo").network) };
        const empty = await Program.create(EMPTY, env);
        programs.push(empty);
        await empty.mustRun(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", empty.stack]);
        const floor = await timeOps(empty, reps);
        const rows: OverheadRow[] = (["preview", "refresh", "up"] as const).map((op) => ({
            program: "empty",
            resources: 0,
            op,
            medianMs: floor[op].ms,
            overMs: 0,
            ...peaks(floor[op]),
        }));

        let leadMs = 0;
        const perResourceMs: Record<string, number> = {};
        let demo: Awaited<ReturnType<typeof timeOps>> | undefined;
        for (const n of [1, endpoints]) {
            const p = await Program.create(programFiles(n), env);
            programs.push(p);
            const mark = await emu.mark();
            const first = await p.run(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
            if (first.code !== 0) throw new Error(`pulumi up exited ${first.code}\n${first.stdout}\n${first.stderr}`);
            if (n === 1) {
                const reqs = await emu.requests(mark);
                leadMs = reqs.length ? Math.min(...reqs.map((q) => q.time)) - first.startedAt : 0;
            }
            const t = await timeOps(p, reps);
            if (n === 1) demo = t;
            const label = n === 1 ? "demo shape (1 + 1)" : `1 + ${n}`;
            for (const op of ["preview", "refresh", "up"] as const) {
                rows.push({ program: label, resources: n + 1, op, medianMs: t[op].ms, overMs: t[op].ms - floor[op].ms, ...peaks(t[op]) });
                if (n !== 1 && demo) perResourceMs[op] = (t[op].ms - demo[op].ms) / (n - 1);
            }
            await p.mustRun(["destroy", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
        }

        const load: LoadRow[] = [
            { what: "program: require @pulumi/pulumi", ms: loadMs('require("@pulumi/pulumi")') },
            { what: "program: require @pulumi/pulumi and pulumi-privatelink", ms: loadMs('require("@pulumi/pulumi");require("pulumi-privatelink")') },
            { what: "provider: require the runtime entry", ms: loadMs('require("pulumi-privatelink/runtime/v1")') },
            {
                what: "provider: the runtime entry and one kind's lifecycle",
                ms: loadMs(
                    'require("pulumi-privatelink/runtime/v1");const k=require("./dist/provider/runtime/kinds");await (k.implOf ? k.implOf("huaweicloud:vpcep:Endpoint") : k.kinds["huaweicloud:vpcep:Endpoint"]())',
                ),
            },
        ];
        return { rows, load, leadMs, emptyPreviewMs: floor.preview.ms, perResourceMs };
    } finally {
        for (const p of programs) p.dispose();
        await emu.close();
    }
}

function peaks(x: { programPeakKb: number; providerPeakKb: number }) {
    return { programPeakKb: x.programPeakKb, providerPeakKb: x.providerPeakKb };
}
