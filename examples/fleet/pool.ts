// Runs one operation on many stacks, at most `parallel` at once, and keeps the fleet's state
// readable while it runs: a line when a stack starts, finishes or fails (with the counts of
// running, waiting, done and failed stacks), a line per cloud object created, updated or deleted,
// and every `tick` ms a line naming the running stacks. A failed stack is reported and the
// others go on.

/** What one stack's operation came to. */
export interface StackResult {
    stack: string;
    ok: boolean;
    /** The engine's change summary (`{ create: 3 }`, `{ same: 3 }`). */
    changes: Record<string, number>;
    seconds: number;
    /** The first lines of the error, when the operation failed. */
    error?: string;
}

export type Task = (stack: string, progress: (line: string) => void) => Promise<Record<string, number>>;

export interface PoolOptions {
    parallel: number;
    /** Where progress lines go (default stdout). */
    print?: (line: string) => void;
    /** Milliseconds between the lines naming the running stacks (default 10 s). */
    tick?: number;
}

/** The error's first lines that say what failed (the CLI's output around it is left out). */
export function errorSummary(e: unknown): string {
    const text = e instanceof Error ? e.message : String(e);
    const lines = text.split("\n").map((l) => l.trim());
    const useful = lines.filter((l) => /^error:|error:|failed|refused/i.test(l) && !/^(stderr|stdout):?$/i.test(l));
    return (useful.length > 0 ? useful : lines.filter(Boolean)).slice(0, 3).join(" | ").slice(0, 600);
}

export async function runPool(operation: string, stacks: string[], task: Task, opts: PoolOptions): Promise<StackResult[]> {
    const print = opts.print ?? ((l: string) => process.stdout.write(`${l}\n`));
    const started = Date.now();
    const at = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
    const waiting = [...stacks];
    const running = new Set<string>();
    const results: StackResult[] = [];
    const counts = () =>
        `(running ${running.size}, waiting ${waiting.length}, done ${results.filter((r) => r.ok).length}, failed ${results.filter((r) => !r.ok).length})`;
    const ticker = setInterval(() => print(`${at()}  ${operation}: running ${[...running].join(", ") || "none"} ${counts()}`), opts.tick ?? 10_000);
    ticker.unref();

    const worker = async () => {
        for (let stack = waiting.shift(); stack !== undefined; stack = waiting.shift()) {
            running.add(stack);
            print(`${at()}  ${stack}: ${operation} started ${counts()}`);
            const t = Date.now();
            try {
                const changes = await task(stack, (line) => print(`${at()}  ${stack}: ${line}`));
                running.delete(stack);
                results.push({ stack, ok: true, changes, seconds: (Date.now() - t) / 1000 });
                print(`${at()}  ${stack}: ${operation} done ${describeChanges(changes)} ${counts()}`);
            } catch (e) {
                running.delete(stack);
                const error = errorSummary(e);
                results.push({ stack, ok: false, changes: {}, seconds: (Date.now() - t) / 1000, error });
                print(`${at()}  ${stack}: ${operation} FAILED: ${error} ${counts()}`);
            }
        }
    };
    try {
        await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.parallel, stacks.length)) }, worker));
    } finally {
        clearInterval(ticker);
    }
    return stacks.map((s) => results.find((r) => r.stack === s)!);
}

/** `create 3` / `same 3` / `no resources`. */
export function describeChanges(changes: Record<string, number>): string {
    const parts = Object.entries(changes)
        .filter(([, n]) => n > 0)
        .map(([op, n]) => `${op} ${n}`);
    return parts.length > 0 ? parts.join(", ") : "no resources";
}
