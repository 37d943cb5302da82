/**
 * Measure 9: a fleet of stacks against one throttled account — examples/fleet (Automation API,
 * inline programs, the native plugin) brings up N environments at most M at a time against an
 * emulator limited to `rps` requests per second, runs `up` again, and destroys them, once with
 * M = 1 and once with M = `parallel`. Per run: the `up` phase's wall time against its lower bound
 * (the larger of its API calls ÷ the limit and ⌈N/M⌉ × one stack's `up` alone, the median stack
 * time of the M = 1 run), the calls and 429s the emulator logged, whether the second `up` changed
 * anything, what destroy left, when the first call came and how many calls a second followed, and the resident memory of the fleet's whole process tree (the
 * fleet's Node process, each stack's engine, each engine's plugin), sampled every 200 ms from /proc.
 *
 * The backend is the set-up's S3-compatible server (versitygw, started for the run), or
 * FLEET_BACKEND_URL when set (an `s3://…` URL with its AWS_* settings in the environment), or a
 * file backend in a temporary folder with FLEET_BACKEND=file.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ControlClient, startEmulator } from "../../emulator";
import { S3Server } from "../../harness/s3";
import { sharedPaceEnabled } from "../../sdk/core/shared-pace";
import { REPO_ROOT } from "../harness";
import { median } from "../lib/stats";

const FLEET = path.join(REPO_ROOT, "examples", "fleet", "fleet.ts");

export interface FleetRow {
    stacks: number;
    parallel: number;
    failedStacks: number;
    /** The `up` phase. */
    upMs: number;
    upCalls: number;
    up429: number;
    /** From the `up` phase's start to its first API call (the stacks' CLI, engines and plugins starting). */
    firstCallMs: number;
    /** Calls per second from the `up` phase's first call to its last: how much of the rate limit the fleet kept busy. */
    callRate: number;
    /** ⌈N/M⌉ × one stack's `up` alone, and calls ÷ rate: the lower bound is the larger. */
    waveBoundMs: number;
    rateBoundMs: number;
    /** The second `up`: stacks that changed anything, and its wall time. */
    changedOnSecondUp: number;
    secondUpMs: number;
    destroyMs: number;
    /** Calls and 429s of the whole run (up, up again, destroy). */
    calls: number;
    throttled: number;
    /** Cloud objects and stacks left after destroy. */
    objectsLeft: number;
    stacksLeft: number;
    /** Resident memory: the largest sum over the tree at one instant, its mean, and the largest process. */
    peakTotalMb: number;
    meanTotalMb: number;
    peakProcessMb: number;
    peakProcesses: number;
    wallMs: number;
}

export interface FleetResult {
    rows: FleetRow[];
    /** One stack's `up` alone (median of the M = 1 run's stacks). */
    stackUpMs: number;
    rps: number;
    backend: string;
    sharedPace: boolean;
    loadavg: number[];
}

/** The process tree under `pid`: every descendant's pid (from /proc/<pid>/task/<pid>/children). */
function tree(pid: number): number[] {
    const out = [pid];
    for (let i = 0; i < out.length; i++) {
        try {
            const kids = fs.readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, "utf8").trim();
            if (kids) out.push(...kids.split(/\s+/).map(Number));
        } catch {
            // exited meanwhile
        }
    }
    return out;
}

function rssMb(pid: number): number {
    try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return m ? Number(m[1]) / 1024 : 0;
    } catch {
        return 0;
    }
}

interface Run {
    code: number | null;
    output: string;
    report: {
        phases: Array<{
            operation: string;
            startedAt: number;
            seconds: number;
            results: Array<{ stack: string; ok: boolean; seconds: number; changes: Record<string, number> }>;
        }>;
    };
    peakTotalMb: number;
    meanTotalMb: number;
    peakProcessMb: number;
    peakProcesses: number;
    wallMs: number;
}

function runFleet(args: string[], env: NodeJS.ProcessEnv, json: string): Promise<Run> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", FLEET, ...args, "--json", json], {
            cwd: path.dirname(FLEET),
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (d) => {
            output += d;
        });
        child.stderr.on("data", (d) => (output += d));
        let peakTotalMb = 0;
        let peakProcessMb = 0;
        let peakProcesses = 0;
        const totals: number[] = [];
        const sampler = setInterval(() => {
            const pids = tree(child.pid!);
            const each = pids.map(rssMb);
            const total = each.reduce((a, b) => a + b, 0);
            totals.push(total);
            peakTotalMb = Math.max(peakTotalMb, total);
            peakProcessMb = Math.max(peakProcessMb, ...each);
            peakProcesses = Math.max(peakProcesses, pids.length);
        }, 200);
        child.on("error", reject);
        child.on("close", (code) => {
            clearInterval(sampler);
            if (!fs.existsSync(json)) return reject(new Error(`the fleet wrote no report (exit ${code}):\n${output.slice(-3000)}`));
            resolve({
                code,
                output,
                report: JSON.parse(fs.readFileSync(json, "utf8")),
                peakTotalMb,
                meanTotalMb: totals.length ? totals.reduce((a, b) => a + b, 0) / totals.length : 0,
                peakProcessMb,
                peakProcesses,
                wallMs: Date.now() - started,
            });
        });
    });
}

export async function fleetScenario(stacks: number, parallel: number, rps: number): Promise<FleetResult> {
    const emu = await startEmulator({ port: 0, timings: "fast" });
    const control = new ControlClient(emu.url);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-fleet-"));
    // State where fleets keep it: the S3-compatible server of the set-up (harness/s3.ts), unless
    // FLEET_BACKEND_URL names another backend or FLEET_BACKEND=file asks for a local folder.
    const s3 = !process.env.FLEET_BACKEND_URL && process.env.FLEET_BACKEND !== "file" ? await S3Server.start() : undefined;
    const backend = process.env.FLEET_BACKEND_URL || s3?.backendUrl() || `file://${path.join(work, "backend")}`;
    const loadavg = os.loadavg();
    try {
        const info = await control.info();
        const demo = info.accounts.find((a) => a.name === "demo")!;
        const project = demo.projects[0]!;
        fs.mkdirSync(path.join(work, "home"));
        const env: NodeJS.ProcessEnv = {
            ...process.env,
            HW_ACCESS_KEY: demo.accessKey,
            HW_SECRET_KEY: demo.secretKey,
            HW_REGION_NAME: project.region,
            HW_PROJECT_ID: project.id,
            HW_ENDPOINTS: JSON.stringify({ vpcep: emu.url, iam: emu.url, dns: emu.url }),
            PATH: `${path.join(REPO_ROOT, "bin")}${path.delimiter}${process.env.PATH}`,
            PULUMI_HOME: path.join(work, "home"),
            ...s3?.env(),
            PULUMI_BACKEND_URL: backend,
            PULUMI_CONFIG_PASSPHRASE: "bench",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PRIVATELINK_SHARED_PACE_DIR: path.join(work, "pace"),
            TS_NODE_SWC: "true",
        };
        const rows: FleetRow[] = [];
        let stackUpMs = NaN;
        for (const m of [1, parallel]) {
            await control.reset();
            await control.setTimings("fast");
            await control.setLimits({ requestsPerSecond: rps });
            const since = await control.mark();
            const r = await runFleet(["all", "--stacks", String(stacks), "--parallel", String(m), "--prefix", `m${m}`], env, path.join(work, `m${m}.json`));
            const log = await control.requests(since);
            const phase = (op: string) => r.report.phases.find((p) => p.operation === op)!;
            const inPhase = (op: string) => {
                const p = phase(op);
                return log.filter((x) => x.time >= p.startedAt && x.time <= p.startedAt + p.seconds * 1000);
            };
            const up = phase("up");
            if (m === 1) stackUpMs = median(up.results.filter((x) => x.ok).map((x) => x.seconds * 1000));
            const upLog = inPhase("up");
            const objects = (await control.resources()).filter(
                (x) => (x.api === "vpcep" || x.api === "dns") && (x.account === demo.name || x.account === demo.domainId),
            );
            const stackDir = backend.startsWith("file://") ? path.join(backend.slice(7), ".pulumi", "stacks", "privatelink-fleet") : undefined;
            rows.push({
                stacks,
                parallel: m,
                failedStacks: new Set(r.report.phases.flatMap((p) => p.results.filter((x) => !x.ok).map((x) => x.stack))).size,
                upMs: up.seconds * 1000,
                upCalls: upLog.length,
                up429: upLog.filter((x) => x.status === 429).length,
                firstCallMs: upLog.length ? upLog[0]!.time - up.startedAt : NaN,
                callRate: upLog.length > 1 ? ((upLog.length - 1) * 1000) / (upLog[upLog.length - 1]!.time - upLog[0]!.time) : NaN,
                waveBoundMs: Math.ceil(stacks / m) * stackUpMs,
                rateBoundMs: (upLog.length / rps) * 1000,
                changedOnSecondUp: phase("up again").results.filter((x) => Object.keys(x.changes).some((op) => op !== "same")).length,
                secondUpMs: phase("up again").seconds * 1000,
                destroyMs: phase("destroy").seconds * 1000 + phase("destroy shared").seconds * 1000,
                calls: log.length,
                throttled: log.filter((x) => x.status === 429).length,
                objectsLeft: objects.length,
                stacksLeft: s3
                    ? s3.objects(".pulumi/stacks/privatelink-fleet").filter((k) => k.endsWith(".json")).length
                    : stackDir && fs.existsSync(stackDir)
                      ? fs.readdirSync(stackDir).filter((f) => f.endsWith(".json")).length
                      : NaN,
                peakTotalMb: r.peakTotalMb,
                meanTotalMb: r.meanTotalMb,
                peakProcessMb: r.peakProcessMb,
                peakProcesses: r.peakProcesses,
                wallMs: r.wallMs,
            });
        }
        return { rows, stackUpMs, rps, backend: backend.replace(/\/\/[^@/]*@/, "//…@"), sharedPace: sharedPaceEnabled(), loadavg };
    } finally {
        await emu.close();
        await s3?.close();
        fs.rmSync(work, { recursive: true, force: true });
    }
}
