// A fleet of environments from one Automation API program: a shared stack (the service and the
// DNS resolver endpoint every environment uses) and one stack per environment, brought up at most
// `--parallel` at a time, each stack's result and the totals reported, a second `up` that must
// change nothing, and a destroy of them all.
//
//   npx ts-node --transpile-only fleet.ts [all|up|preview|destroy] [--stacks 20] [--parallel 8]
//       [--environments environments.json] [--network network.json] [--json results.json]
//       [--refresh] [--expect-no-changes]
//
// `preview` is the check a pull request or a nightly job runs: what `up` would change in each
// environment (with `--refresh`, against what the cloud holds now: drift), and with
// `--expect-no-changes` a stack that would change counts as failed (exit code 1).
//
// The backend is PULUMI_BACKEND_URL (file://, s3://…, or Pulumi Cloud), else a folder
// `.fleet-state` here; the cloud's credentials come from the environment as for any program
// (HW_ACCESS_KEY, HW_SECRET_KEY, HW_REGION_NAME, HW_PROJECT_ID, HW_ENDPOINTS). The resources are
// served by the package's native provider plugin (`pulumi-resource-privatelink`, found on PATH or
// in the package's bin folder), the programs run inside this process: per running stack, the
// engine and one plugin process, and no program process of its own.
import * as fs from "node:fs";
import * as path from "node:path";
import { type EngineEvent, LocalWorkspace, type OpType, PulumiCommand, type PulumiFn, Stack, StackAlreadyExistsError } from "@pulumi/pulumi/automation";
import { describeChanges, runPool, type StackResult } from "./pool";
import { type Environment, environmentProgram, type Network, type Shared, sharedProgram } from "./programs";

interface Options {
    command: "all" | "up" | "preview" | "destroy";
    stacks: number;
    parallel: number;
    environments?: string;
    network?: string;
    json?: string;
    prefix: string;
    /** preview: read the cloud first, so drift shows as changes. */
    refresh: boolean;
    /** preview: a stack that would change fails. */
    expectNoChanges: boolean;
}

function parseArgs(argv: string[]): Options {
    const o: Options = { command: "all", stacks: 20, parallel: 8, prefix: "team", refresh: false, expectNoChanges: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i]!;
        const value = () => {
            const v = argv[++i];
            if (v === undefined) throw new Error(`${a}: a value is missing`);
            return v;
        };
        const count = (v: string) => {
            const n = Number(v);
            if (!Number.isInteger(n) || n < 1) throw new Error(`${a}: ${v} is not a whole number of at least 1`);
            return n;
        };
        if (a === "all" || a === "up" || a === "preview" || a === "destroy") o.command = a;
        else if (a === "--stacks") o.stacks = count(value());
        else if (a === "--parallel") o.parallel = count(value());
        else if (a === "--environments") o.environments = value();
        else if (a === "--network") o.network = value();
        else if (a === "--json") o.json = value();
        else if (a === "--prefix") o.prefix = value();
        else if (a === "--refresh") o.refresh = true;
        else if (a === "--expect-no-changes") o.expectNoChanges = true;
        else
            throw new Error(
                `${a}: unknown argument (all|up|preview|destroy, --stacks, --parallel, --environments, --network, --json, --prefix, --refresh, --expect-no-changes)`,
            );
    }
    return o;
}

/** The emulator's demo account's seeded network (privatelink-emulator): the default, for trying the fleet offline. */
const DEMO_NETWORK: Network = {
    backendVpcId: "11111111-1111-4111-8111-000000000001",
    backendPortId: "11111111-1111-4111-8111-000000000003",
    clientVpcId: "11111111-1111-4111-8111-000000000004",
    clientSubnetId: "11111111-1111-4111-8111-000000000005",
    onPremisesResolvers: ["10.1.0.53", "10.1.0.54"],
};

function environments(o: Options): Environment[] {
    if (o.environments) return (JSON.parse(fs.readFileSync(o.environments, "utf8")) as { environments: Environment[] }).environments;
    // Addresses from .100 up in the client subnet, one per environment.
    return Array.from({ length: o.stacks }, (_, i) => ({ name: `${o.prefix}-${String(i + 1).padStart(2, "0")}`, endpointIp: `10.0.0.${100 + i}` }));
}

/** The stacks' environment: the backend, the passphrase (empty unless set) and the plugin on PATH. */
function workspaceEnv(): { backend: string; envVars: Record<string, string> } {
    const backend = process.env.PULUMI_BACKEND_URL || `file://${path.join(__dirname, ".fleet-state")}`;
    if (backend.startsWith("file://")) fs.mkdirSync(backend.slice("file://".length), { recursive: true });
    const envVars: Record<string, string> = { PULUMI_BACKEND_URL: backend, PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "" };
    const onPath = (process.env.PATH ?? "").split(path.delimiter).some((d) => fs.existsSync(path.join(d, "pulumi-resource-privatelink")));
    if (!onPath) {
        const bin = path.join(path.dirname(require.resolve("pulumi-privatelink/package.json")), "bin");
        envVars.PATH = `${bin}${path.delimiter}${process.env.PATH ?? ""}`;
    }
    return { backend, envVars };
}

const PROJECT = "privatelink-fleet";
const PROJECT_SETTINGS = { name: PROJECT, runtime: "nodejs" as const, description: "Environments of the privatelink fleet" };

/**
 * What every stack's workspace shares. Each CLI run costs a process start (≈0.15 s of CPU alone,
 * four times that with eight stacks at once on two cores), so the fleet runs no more of them
 * than a stack needs: the CLI is asked its version once (not by each stack's workspace), and the
 * stacks that exist are listed once, so a new stack is created with one `stack init` instead of a
 * failed `stack select` first.
 */
interface Workspaces {
    envVars: Record<string, string>;
    cli: PulumiCommand;
    /** The project's stacks in the backend, kept up to date as the fleet creates and removes them. */
    existing: Set<string>;
}

async function workspaces(envVars: Record<string, string>): Promise<Workspaces> {
    const cli = await PulumiCommand.get();
    const ws = await LocalWorkspace.create({ envVars, pulumiCommand: cli, projectSettings: PROJECT_SETTINGS });
    const existing = new Set((await ws.listStacks()).map((s) => s.name));
    return { envVars, cli, existing };
}

async function openStack(name: string, program: PulumiFn, w: Workspaces): Promise<Stack> {
    const ws = await LocalWorkspace.create({ program, envVars: w.envVars, pulumiCommand: w.cli, projectSettings: PROJECT_SETTINGS });
    // Made meanwhile by another run of the fleet: then it is selected.
    const create = () => Stack.create(name, ws).catch((e) => (e instanceof StackAlreadyExistsError ? Stack.select(name, ws) : Promise.reject(e)));
    const stack = w.existing.has(name) ? await Stack.select(name, ws) : await create();
    w.existing.add(name);
    return stack;
}

/**
 * The stack, without the read-back the Automation API's `up` and `destroy` end with: three more
 * CLI runs (the stack's outputs, twice, and its last history entry) for a result the fleet takes
 * from the engine's events instead. An environment's slot is free for the next stack that much
 * sooner. Not for a stack whose outputs are read (the shared one).
 */
function withoutReadBack(stack: Stack): Stack {
    return Object.assign(stack, { outputs: async () => ({}), info: async () => undefined });
}

/**
 * Counts the cloud objects an operation touched (or, in a preview, would touch), by what it did to
 * each, and tells `progress` about each change.
 */
function objectCounter(progress: (line: string) => void, preview = false) {
    const changes: Record<string, number> = {};
    const onEvent = (e: EngineEvent) => {
        // A preview's outputs event is not sent for every step; its pre-event is.
        const m = preview ? e.resourcePreEvent?.metadata : e.resOutputsEvent?.metadata;
        // A refreshed preview's reads of the cloud are not changes: what they find shows in the steps after.
        if (!m?.type.startsWith("privatelink:") || m.op === "refresh") return;
        const op: OpType = m.op;
        changes[op] = (changes[op] ?? 0) + 1;
        if (op !== "same") progress(`${preview ? "would " : ""}${op} ${m.type.split(":").pop()} ${m.urn.split("::").pop()}`);
    };
    return { changes, onEvent };
}

/** Whether an operation's counts hold anything but unchanged objects. */
const changesAnything = (changes: Record<string, number>) => Object.entries(changes).some(([op, n]) => op !== "same" && n > 0);

interface Phase {
    operation: string;
    /** Epoch ms. */
    startedAt: number;
    seconds: number;
    results: StackResult[];
}

function report(phase: Phase): void {
    const ok = phase.results.filter((r) => r.ok);
    const failed = phase.results.filter((r) => !r.ok);
    const totals: Record<string, number> = {};
    for (const r of ok) for (const [op, n] of Object.entries(r.changes)) totals[op] = (totals[op] ?? 0) + n;
    console.log(
        `\n${phase.operation}: ${phase.results.length} stacks in ${phase.seconds.toFixed(1)} s — ${ok.length} ok, ${failed.length} failed; objects: ${describeChanges(totals)}`,
    );
    for (const r of phase.results)
        console.log(
            `  ${r.stack.padEnd(16)} ${r.ok ? "ok    " : "FAILED"} ${r.seconds.toFixed(1).padStart(6)} s  ${r.ok ? describeChanges(r.changes) : r.error}`,
        );
    console.log("");
}

async function main(): Promise<void> {
    const o = parseArgs(process.argv.slice(2));
    const net: Network = o.network ? { ...DEMO_NETWORK, ...JSON.parse(fs.readFileSync(o.network, "utf8")) } : DEMO_NETWORK;
    const envs = environments(o);
    const byName = new Map(envs.map((e) => [e.name, e]));
    const { backend, envVars } = workspaceEnv();
    const w = await workspaces(envVars);
    console.log(`fleet: ${envs.length} environments, at most ${o.parallel} at once, backend ${backend.replace(/\/\/[^@/]*@/, "//…@")}`);
    const phases: Phase[] = [];
    const run = async (operation: string, stacks: string[], parallel: number, task: Parameters<typeof runPool>[2]) => {
        const t = Date.now();
        const results = await runPool(operation, stacks, task, { parallel });
        const phase = { operation, startedAt: t, seconds: (Date.now() - t) / 1000, results };
        phases.push(phase);
        report(phase);
        return phase;
    };

    let shared: Shared | undefined;
    const upShared = async () => {
        const p = await run("up shared", ["shared"], 1, async (name, progress) => {
            const stack = await openStack(name, sharedProgram(net), w);
            const c = objectCounter(progress);
            const r = await stack.up({ onEvent: c.onEvent, color: "never" });
            shared = { serviceId: r.outputs.serviceId!.value, resolverEndpointId: r.outputs.resolverEndpointId!.value };
            return c.changes;
        });
        if (!shared) throw new Error(`the shared stack failed, so no environment can connect: ${p.results[0]?.error}`);
    };
    const upEnvironments = (operation: string) =>
        run(operation, [...byName.keys()], o.parallel, async (name, progress) => {
            const stack = withoutReadBack(await openStack(name, environmentProgram(byName.get(name)!, shared!, net), w));
            const c = objectCounter(progress);
            await stack.up({ onEvent: c.onEvent, color: "never" });
            return c.changes;
        });
    /** The shared stack's outputs, for previews: it must be up already. */
    const readShared = async () => {
        if (!w.existing.has("shared")) throw new Error("the shared stack is not up, so there is nothing to preview against: run `fleet.ts up` first");
        const outputs = await (await openStack("shared", sharedProgram(net), w)).outputs();
        shared = { serviceId: outputs.serviceId!.value, resolverEndpointId: outputs.resolverEndpointId!.value };
    };
    const previewEnvironments = () =>
        run(o.refresh ? "preview (refreshed)" : "preview", [...byName.keys()], o.parallel, async (name, progress) => {
            // A new environment is previewed in a stack made for it and removed after: what its first `up` would make.
            const fresh = !w.existing.has(name);
            const stack = await openStack(name, environmentProgram(byName.get(name)!, shared!, net), w);
            try {
                const c = objectCounter(progress, true);
                await stack.preview({ onEvent: c.onEvent, color: "never", refresh: o.refresh && !fresh });
                if (o.expectNoChanges && changesAnything(c.changes)) {
                    const { same: _, ...changed } = c.changes;
                    throw new Error(`would change: ${describeChanges(changed)}`);
                }
                return c.changes;
            } finally {
                if (fresh) {
                    await stack.workspace.removeStack(name);
                    w.existing.delete(name);
                }
            }
        });
    const destroy = (operation: string, names: string[], parallel: number) =>
        run(operation, names, parallel, async (name, progress) => {
            // Destroy needs no program: the state says what to delete.
            const stack = withoutReadBack(await openStack(name, async () => {}, w));
            const c = objectCounter(progress);
            await stack.destroy({ onEvent: c.onEvent, color: "never", remove: true });
            w.existing.delete(name);
            return c.changes;
        });

    const started = Date.now();
    if (o.command === "all" || o.command === "up") {
        await upShared();
        await upEnvironments("up");
        if (o.command === "all") {
            const again = await upEnvironments("up again");
            const changed = again.results.filter((r) => r.ok && changesAnything(r.changes));
            console.log(changed.length === 0 ? "up again: no changes in any stack\n" : `up again: CHANGES in ${changed.map((r) => r.stack).join(", ")}\n`);
        }
    }
    if (o.command === "preview") {
        await readShared();
        const p = await previewEnvironments();
        const changing = p.results.filter((r) => r.ok && changesAnything(r.changes));
        console.log(changing.length === 0 ? "preview: no stack would change\n" : `preview: ${changing.map((r) => r.stack).join(", ")} would change\n`);
    }
    if (o.command === "all" || o.command === "destroy") {
        await destroy("destroy", [...byName.keys()], o.parallel);
        await destroy("destroy shared", ["shared"], 1);
    }
    const failed = new Set(phases.flatMap((p) => p.results.filter((r) => !r.ok).map((r) => r.stack)));
    console.log(
        `fleet: ${((Date.now() - started) / 1000).toFixed(1)} s in all; ${failed.size} failed stack(s)${failed.size ? `: ${[...failed].join(", ")}` : ""}`,
    );
    if (o.json)
        fs.writeFileSync(o.json, JSON.stringify({ stacks: envs.length, parallel: o.parallel, seconds: (Date.now() - started) / 1000, phases }, null, 2));
    process.exitCode = failed.size > 0 ? 1 : 0;
}

main().catch((e) => {
    console.error(`fleet: ${e instanceof Error ? e.message : e}`);
    process.exitCode = 2;
});
