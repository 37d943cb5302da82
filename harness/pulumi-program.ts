/**
 * Runs a Pulumi program through the real `pulumi` CLI in isolation: its own temporary directory
 * with a file backend (or the backend URL a test gives: an S3 server's, harness/s3.ts), its own PULUMI_HOME, a passphrase secrets provider, and the project's
 * node_modules linked in so the program imports `pulumi-privatelink` by name, as users do.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** The project root: the nearest directory above with a package.json (also when compiled into dist/harness). */
export const REPO_ROOT = (() => {
    for (let d = path.resolve(__dirname, ".."); d !== path.dirname(d); d = path.dirname(d)) {
        if (fs.existsSync(path.join(d, "package.json")) && fs.existsSync(path.join(d, "harness"))) return d;
    }
    return path.resolve(__dirname, "..");
})();

/** The longest one CLI run may take before the test stops it and fails with its output. */
export const CLI_RUN_LIMIT_MS = 5 * 60_000;

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * Runs a `pulumi` command that needs no program or stack (`pulumi schema check schema.json`) in
 * the repository, with a PULUMI_HOME of its own so that nothing of the user's is read or written.
 */
export function runPulumi(args: string[]): RunResult {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-cli-"));
    try {
        const r = spawnSync("pulumi", args, {
            cwd: REPO_ROOT,
            env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" },
            encoding: "utf8",
            timeout: CLI_RUN_LIMIT_MS,
        });
        if (r.error) throw r.error;
        return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
}

/**
 * Gives a program the project's node_modules, so that it imports `pulumi-privatelink` from this
 * checkout. The set-up links node_modules/pulumi-privatelink to `..`; in a git worktree whose
 * node_modules is a link to another checkout's, that names the other checkout, so the program gets
 * a folder of links to each package instead, with pulumi-privatelink linked to this checkout.
 */
function linkNodeModules(target: string): void {
    const modules = path.join(REPO_ROOT, "node_modules");
    let own = false;
    try {
        own = fs.realpathSync(path.join(modules, "pulumi-privatelink")) === fs.realpathSync(REPO_ROOT);
    } catch {
        // no link yet: the folder of links below makes one
    }
    if (own) {
        fs.symlinkSync(modules, target);
        return;
    }
    fs.mkdirSync(target);
    for (const name of fs.readdirSync(modules)) {
        if (name !== "pulumi-privatelink") fs.symlinkSync(path.join(modules, name), path.join(target, name));
    }
    fs.symlinkSync(REPO_ROOT, path.join(target, "pulumi-privatelink"));
}

export interface ChangeSummary {
    create?: number;
    update?: number;
    delete?: number;
    replace?: number;
    same?: number;
    [op: string]: number | undefined;
}

export interface ProgramOptions {
    /** Files of the program, by relative path (index.ts, Pulumi.yaml, …). */
    files?: Record<string, string>;
    /** A directory to copy the program from (an example). */
    fromDir?: string;
    /** Stack name (default "test"). */
    stack?: string;
    /** Extra environment for every CLI call (credentials, endpoints). */
    env?: Record<string, string>;
    /** A backend directory shared with other programs (for StackReference); default: a private one. */
    backendDir?: string;
    /**
     * A backend URL instead of a file backend (`S3Server.backendUrl()`, with its credentials in
     * `env`); `backendDir` is then unused.
     */
    backendUrl?: string;
    /**
     * Link the project's node_modules into the program (the default), so that it imports the
     * package from this repository; false leaves the program to install its own dependencies.
     */
    linkNodeModules?: boolean;
}

export class PulumiProgram {
    readonly dir: string;
    readonly programDir: string;
    readonly stack: string;
    private env: Record<string, string>;

    private constructor(dir: string, programDir: string, stack: string, env: Record<string, string>) {
        this.dir = dir;
        this.programDir = programDir;
        this.stack = stack;
        this.env = env;
    }

    /** Creates the program's directory, backend and stack. */
    static async create(opts: ProgramOptions): Promise<PulumiProgram> {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-e2e-"));
        const programDir = path.join(dir, "program");
        fs.mkdirSync(programDir);
        if (opts.fromDir) {
            fs.cpSync(opts.fromDir, programDir, {
                recursive: true,
                filter: (src) => !/node_modules/.test(path.relative(opts.fromDir!, src)),
            });
        }
        for (const [name, text] of Object.entries(opts.files ?? {})) {
            fs.mkdirSync(path.dirname(path.join(programDir, name)), { recursive: true });
            fs.writeFileSync(path.join(programDir, name), text);
        }
        if (opts.linkNodeModules !== false) linkNodeModules(path.join(programDir, "node_modules"));
        let backendUrl = opts.backendUrl;
        if (!backendUrl) {
            const backend = opts.backendDir ?? path.join(dir, "backend");
            fs.mkdirSync(backend, { recursive: true });
            backendUrl = `file://${backend}`;
        }
        fs.mkdirSync(path.join(dir, "home"));
        const env: Record<string, string> = {
            PULUMI_HOME: path.join(dir, "home"),
            PULUMI_BACKEND_URL: backendUrl,
            PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            // Type checking belongs to `tsc`; the engine only needs the program transpiled.
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            ...(opts.env ?? {}),
        };
        const p = new PulumiProgram(dir, programDir, opts.stack ?? "test", env);
        await p.mustRun(["stack", "init", p.stack, "--non-interactive"]);
        return p;
    }

    /**
     * Runs `pulumi ARGS` in the program directory (never throws; see `mustRun`). One CLI run gets
     * CLI_RUN_LIMIT_MS: it takes seconds unloaded, and a loaded machine slows it a few times over,
     * not a hundred.
     */
    run(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
        return new Promise((resolve, reject) => {
            const child = spawn("pulumi", args, {
                cwd: this.programDir,
                env: { ...process.env, ...this.env, ...extraEnv },
                stdio: ["ignore", "pipe", "pipe"],
            });
            let stdout = "";
            let stderr = "";
            const limit = setTimeout(() => {
                stderr += `\n(pulumi ${args.join(" ")} did not finish within ${CLI_RUN_LIMIT_MS / 1000} s and was stopped)`;
                child.kill("SIGINT");
                setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
            }, CLI_RUN_LIMIT_MS);
            child.stdout.on("data", (d) => {
                stdout += d;
            });
            child.stderr.on("data", (d) => {
                stderr += d;
            });
            child.on("error", reject);
            child.on("close", (code) => {
                clearTimeout(limit);
                resolve({ code: code ?? -1, stdout, stderr });
            });
        });
    }

    /** Starts `pulumi ARGS` and returns the process (for a test that stops it itself). */
    start(args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
        return spawn("pulumi", args, { cwd: this.programDir, env: { ...process.env, ...this.env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    }

    /**
     * Starts `pulumi ARGS`, waits until `reached` says the cloud call it waits for has arrived,
     * then after `delayMs` kills the CLI outright (SIGKILL, as a cancelled CI job does). Resolves
     * whether it was killed (false: the run ended first), with the run's output.
     */
    async killDuring(
        args: string[],
        reached: () => Promise<boolean>,
        delayMs: number,
        extraEnv: Record<string, string> = {},
    ): Promise<{ killed: boolean; output: string }> {
        const r = await this.signalDuring(args, reached, delayMs, "SIGKILL", extraEnv);
        return { killed: r.signalled, output: r.output };
    }

    /**
     * Starts `pulumi ARGS`, waits until `reached` says the cloud call it waits for has arrived,
     * then after `delayMs` sends the CLI `signal` (SIGINT: a terminal's Ctrl-C; SIGKILL: a
     * cancelled CI job). Resolves whether it was sent (false: the run ended first), the run's
     * output and exit code, and how long the CLI took to exit after the signal.
     */
    async signalDuring(
        args: string[],
        reached: () => Promise<boolean>,
        delayMs: number,
        signal: NodeJS.Signals,
        extraEnv: Record<string, string> = {},
    ): Promise<{ signalled: boolean; output: string; code: number | null; exitMs: number }> {
        const cli = this.start(args, extraEnv);
        let output = "";
        let ended = false;
        cli.stdout?.on("data", (d) => (output += d));
        cli.stderr?.on("data", (d) => (output += d));
        const exited = new Promise<number | null>((resolve) => cli.on("close", (code) => resolve(code)));
        void exited.then(() => (ended = true));
        const deadline = Date.now() + CLI_RUN_LIMIT_MS;
        while (!ended && Date.now() < deadline && !(await reached())) await new Promise((r) => setTimeout(r, 100));
        if (!ended) await new Promise((r) => setTimeout(r, delayMs));
        const signalled = !ended;
        const sent = Date.now();
        let guard: NodeJS.Timeout | undefined;
        if (signalled) {
            cli.kill(signal);
            // A CLI still running a minute after a gentler signal is killed; the test sees it in exitMs.
            if (signal !== "SIGKILL") guard = setTimeout(() => cli.kill("SIGKILL"), 60_000);
        }
        const code = await exited;
        clearTimeout(guard);
        return { signalled, output, code, exitMs: signalled ? Date.now() - sent : 0 };
    }

    /** `pulumi cancel`: releases the lock a killed run left (no error when there is none). */
    async cancel(): Promise<void> {
        await this.run(["cancel", "--yes", "--stack", this.stack]);
    }

    async mustRun(args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
        const r = await this.run(args, extraEnv);
        if (r.code !== 0) {
            throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
        }
        return r;
    }

    /**
     * `pulumi preview|refresh --expect-no-changes --diff`; throws with the CLI's output (which
     * shows what changed) when the engine found changes.
     */
    async expectNoChanges(op: "preview" | "refresh"): Promise<void> {
        const args = op === "preview" ? ["preview"] : ["refresh", "--yes"];
        const r = await this.run([...args, "--expect-no-changes", "--diff", "--non-interactive", "--stack", this.stack]);
        if (r.code !== 0) throw new Error(`pulumi ${op} found changes (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
    }

    async setConfig(key: string, value: string, opts: { secret?: boolean } = {}): Promise<void> {
        await this.mustRun(["config", "set", key, value, ...(opts.secret ? ["--secret"] : ["--plaintext"]), "--stack", this.stack]);
    }

    /** `pulumi preview --json`: the change summary and the steps. */
    async preview(extra: string[] = []): Promise<{
        changeSummary: ChangeSummary;
        steps: Array<{ op: string; urn: string }>;
        /** Error diagnostics' messages. */
        errors: string[];
        result: RunResult;
    }> {
        const result = await this.run(["preview", "--json", "--non-interactive", "--stack", this.stack, ...extra]);
        const json = parseJson(result);
        const errors = (json.diagnostics ?? []).filter((d: any) => d.severity === "error").map((d: any) => String(d.message));
        return { changeSummary: json.changeSummary ?? {}, steps: json.steps ?? [], errors, result };
    }

    /** `pulumi up`; the change summary comes from the engine's closing summary event. */
    async up(extra: string[] = []): Promise<{ changeSummary: ChangeSummary; result: RunResult }> {
        return this.operation("up", extra);
    }

    async refresh(extra: string[] = []): Promise<{ changeSummary: ChangeSummary; result: RunResult }> {
        return this.operation("refresh", extra);
    }

    async destroy(extra: string[] = []): Promise<{ changeSummary: ChangeSummary; result: RunResult }> {
        return this.operation("destroy", extra);
    }

    /**
     * Runs up/refresh/destroy (plain output, so failures show the engine's diagnostics) and reads
     * the change summary from the stack's history.
     */
    async operation(op: "up" | "refresh" | "destroy", extra: string[] = []): Promise<{ changeSummary: ChangeSummary; result: RunResult }> {
        const result = await this.mustRun([op, "--yes", "--skip-preview", "--non-interactive", "--stack", this.stack, ...extra]);
        const history = await this.mustRun(["stack", "history", "--json", "--stack", this.stack]);
        const [latest] = JSON.parse(history.stdout) as Array<{ kind: string; resourceChanges?: ChangeSummary }>;
        return { changeSummary: latest?.resourceChanges ?? {}, result };
    }

    /** The stack's state (`pulumi stack export`). */
    async exportState(): Promise<StackState> {
        const r = await this.mustRun(["stack", "export", "--stack", this.stack]);
        return JSON.parse(r.stdout) as StackState;
    }

    async outputs(): Promise<Record<string, unknown>> {
        const r = await this.mustRun(["stack", "output", "--json", "--stack", this.stack]);
        return JSON.parse(r.stdout);
    }

    writeFile(name: string, text: string): void {
        fs.writeFileSync(path.join(this.programDir, name), text);
    }

    dispose(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

export interface StateResource {
    urn: string;
    type: string;
    id?: string;
    inputs?: Record<string, unknown>;
    outputs?: Record<string, unknown>;
}

export interface StackState {
    version: number;
    deployment: { resources?: StateResource[] };
}

/** The CLI's --json output, which follows any diagnostics it printed first. */
function parseJson(r: RunResult): any {
    const start = r.stdout.indexOf("{");
    if (start < 0) throw new Error(`no JSON in pulumi output (exit ${r.code})\n${r.stdout}\n${r.stderr}`);
    try {
        return JSON.parse(r.stdout.slice(start));
    } catch (e) {
        throw new Error(`unparseable JSON from pulumi (exit ${r.code}): ${(e as Error).message}\n${r.stdout}\n${r.stderr}`);
    }
}

/** The resource changes of the engine's summary event in a --json event stream. */
export function summaryOf(r: RunResult): ChangeSummary {
    for (const line of r.stdout.split("\n").reverse()) {
        if (!line.startsWith("{")) continue;
        try {
            const ev = JSON.parse(line);
            if (ev.summaryEvent) return ev.summaryEvent.resourceChanges ?? {};
        } catch {
            // not an event line
        }
    }
    throw new Error(`no summary event in pulumi output (exit ${r.code})\n${r.stdout}\n${r.stderr}`);
}

/**
 * The objects a run's errors say to take over with the `adopt` input (docs/troubleshooting.md): a
 * DNS object renamed (or a PrivateZone record given its remark) in the instant before a killed run
 * recorded it carries no creation key, so the next run names it and asks for the input instead of
 * guessing.
 */
export function adoptionAdvice(output: string): Array<{ urn: string; id: string }> {
    // One run can stop several resources so (a kill in the instant after each was renamed); the
    // output repeats each resource's error, so each URN is taken once.
    const told = new Map<string, string>();
    for (const m of output.matchAll(/take it over by giving (\S+) the input adopt: "([^"]+)"/g)) told.set(m[1]!, m[2]!);
    return [...told].map(([urn, id]) => ({ urn, id }));
}

/** The resources of a given type token in a state. */
export function resourcesOfType(state: StackState, type: string): StateResource[] {
    return (state.deployment.resources ?? []).filter((r) => r.type === type);
}
