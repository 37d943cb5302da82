/**
 * Runs a Pulumi program with the real CLI in isolation (own temporary directory, file backend,
 * PULUMI_HOME and passphrase; the project's node_modules linked in so the program imports
 * `pulumi-privatelink` as users do), and samples the peak memory of the processes it starts.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
    wallMs: number;
    /** Epoch ms when the CLI was started and when it exited. */
    startedAt: number;
    endedAt: number;
    /** Peak resident set (VmHWM, kB) of the dynamic-provider process(es) started by this run. */
    providerPeakKb: number;
    /** The same for the program's language host (the Node process running index.ts). */
    programPeakKb: number;
}

/** Every descendant of `root`, from /proc (ppid links). */
function descendants(root: number): number[] {
    const children = new Map<number, number[]>();
    for (const name of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(name)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            const list = children.get(ppid) ?? [];
            list.push(Number(name));
            children.set(ppid, list);
        } catch {
            // gone already
        }
    }
    const out: number[] = [];
    const todo = [root];
    while (todo.length) {
        const p = todo.pop()!;
        for (const c of children.get(p) ?? []) {
            out.push(c);
            todo.push(c);
        }
    }
    return out;
}

function sampleInto(root: number, peaks: { provider: number; program: number }): void {
    for (const pid of descendants(root)) {
        try {
            const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
            const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
            if (!m) continue;
            const kb = Number(m[1]);
            if (/dynamic-provider/.test(cmd) && /\bnode\b/.test(cmd)) peaks.provider = Math.max(peaks.provider, kb);
            else if (/\bnode\b/.test(cmd) && /run/.test(cmd) && !/dynamic-provider/.test(cmd)) peaks.program = Math.max(peaks.program, kb);
        } catch {
            // exited between listing and reading
        }
    }
}

export class Program {
    private constructor(
        readonly dir: string,
        readonly programDir: string,
        private readonly env: Record<string, string>,
        readonly stack = "bench",
    ) {}

    static async create(files: Record<string, string>, env: Record<string, string>): Promise<Program> {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-bench-"));
        const programDir = path.join(dir, "program");
        fs.mkdirSync(programDir);
        for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(programDir, name), text);
        fs.symlinkSync(path.join(REPO_ROOT, "node_modules"), path.join(programDir, "node_modules"));
        fs.mkdirSync(path.join(dir, "backend"));
        fs.mkdirSync(path.join(dir, "home"));
        const p = new Program(dir, programDir, {
            PULUMI_HOME: path.join(dir, "home"),
            PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
            PULUMI_CONFIG_PASSPHRASE: "bench-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            ...env,
        });
        await p.mustRun(["stack", "init", p.stack, "--non-interactive"]);
        return p;
    }

    run(args: string[], sampleMemory = false): Promise<RunResult> {
        return new Promise((resolve, reject) => {
            const started = Date.now();
            const child = spawn("pulumi", args, { cwd: this.programDir, env: { ...process.env, ...this.env }, stdio: ["ignore", "pipe", "pipe"] });
            const peaks = { provider: 0, program: 0 };
            const timer = sampleMemory ? setInterval(() => child.pid && sampleInto(child.pid, peaks), 100) : undefined;
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d) => (stdout += d));
            child.stderr.on("data", (d) => (stderr += d));
            child.on("error", (e) => {
                if (timer) clearInterval(timer);
                reject(e);
            });
            child.on("close", (code) => {
                if (timer) clearInterval(timer);
                const endedAt = Date.now();
                resolve({
                    code: code ?? -1,
                    stdout,
                    stderr,
                    wallMs: endedAt - started,
                    startedAt: started,
                    endedAt,
                    providerPeakKb: peaks.provider,
                    programPeakKb: peaks.program,
                });
            });
        });
    }

    async mustRun(args: string[]): Promise<RunResult> {
        const r = await this.run(args);
        if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
        return r;
    }

    async exportState(): Promise<{
        deployment: { resources?: Array<{ urn: string; type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }> };
    }> {
        return JSON.parse((await this.mustRun(["stack", "export", "--stack", this.stack])).stdout);
    }

    dispose(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/** The engine's closing summary (resource changes) from a `--json` event stream, if any. */
export function summaryOf(stdout: string): Record<string, number> | undefined {
    for (const line of stdout.split("\n").reverse()) {
        if (!line.startsWith("{")) continue;
        try {
            const ev = JSON.parse(line);
            if (ev.summaryEvent) return ev.summaryEvent.resourceChanges ?? {};
        } catch {
            // not an event line
        }
    }
    return undefined;
}

/** Failed resource operations in a `--json` event stream (resOpFailedEvent). */
export function failedOps(stdout: string): string[] {
    const out: string[] = [];
    for (const line of stdout.split("\n")) {
        if (!line.includes("resOpFailedEvent")) continue;
        try {
            const ev = JSON.parse(line);
            if (ev.resOpFailedEvent) out.push(ev.resOpFailedEvent.metadata?.urn ?? "?");
        } catch {
            // not an event line
        }
    }
    return out;
}

/** Error diagnostics in a `--json` event stream. */
export function errorDiagnostics(stdout: string): string[] {
    const out: string[] = [];
    for (const line of stdout.split("\n")) {
        if (!line.includes("diagnosticEvent")) continue;
        try {
            const ev = JSON.parse(line);
            if (ev.diagnosticEvent?.severity === "error") out.push(String(ev.diagnosticEvent.message).trim());
        } catch {
            // not an event line
        }
    }
    return out;
}
