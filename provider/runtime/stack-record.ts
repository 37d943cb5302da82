/**
 * This stack's own record of interrupted creations, read the way a user would: `pulumi stack
 * export` of the stack the running deployment belongs to.
 *
 * Measured with the CLI 3.259 (docs/troubleshooting.md): when `pulumi up` is killed during a
 * creation, the checkpoint keeps a pending operation `{type: "creating", resource: {urn, inputs}}`
 * with the checked inputs — the creation token `check` added among them — and keeps it through
 * later runs until a `pulumi refresh` settles it. The next `up` hands the provider nothing of it
 * (`check` gets no olds, `create` only the new inputs). The checkpoint lives in the stack's backend
 * only, so a token listed there was made by this stack's runs: no other stack, not even one with
 * the same project and stack names in another backend, can have it.
 *
 * With a local (file) backend the checkpoint is read straight from its file (milliseconds; the
 * deployment waits for it before its first create); with an S3 backend whose credentials are in the
 * environment, with one signed GET of its object (milliseconds; provider/runtime/s3-checkpoint.ts).
 * Otherwise, or when that read fails, the CLI that runs this deployment (the provider process's
 * ancestor) exports it, in the program's directory with the deployment's environment, so it reads
 * the same backend (0.2 s unloaded, seconds on a loaded machine). Once per process.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

import type { StackRecord } from "../lifecycle/context";
import { s3BackendOf, s3Request } from "./s3-checkpoint";

export type { StackRecord };

/** The pending creations listed in a `pulumi stack export` document. */
export function pendingCreationsOf(exported: unknown, tokenKey: string): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    // `pulumi stack export` gives {deployment}; a file backend's checkpoint holds {checkpoint: {latest}}.
    const doc = exported as { deployment?: { pending_operations?: unknown[] }; checkpoint?: { latest?: { pending_operations?: unknown[] } } };
    const ops = (doc?.deployment ?? doc?.checkpoint?.latest)?.pending_operations ?? [];
    for (const op of ops as Array<{ type?: string; resource?: { urn?: string; inputs?: Record<string, unknown> } }>) {
        const urn = op?.resource?.urn;
        const token = op?.resource?.inputs?.[tokenKey];
        if (op?.type !== "creating" || typeof urn !== "string" || typeof token !== "string") continue;
        if (!out.has(urn)) out.set(urn, new Set());
        out.get(urn)!.add(token);
    }
    return out;
}

/** The stack name inside a URN (`urn:pulumi:<stack>::<project>::…`). */
export function stackOfUrn(urn: string): string | undefined {
    return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1];
}

/** The project name inside a URN. */
function projectOfUrn(urn: string): string | undefined {
    return /^urn:pulumi:[^:]+::([^:]+)::/.exec(urn)?.[1];
}

/** The backend the CLI uses: PULUMI_BACKEND_URL, else the one `pulumi login` made current. */
function backendUrl(env: NodeJS.ProcessEnv): string | undefined {
    if (env.PULUMI_BACKEND_URL) return env.PULUMI_BACKEND_URL;
    try {
        const home = env.PULUMI_HOME || path.join(os.homedir(), ".pulumi");
        return (JSON.parse(fs.readFileSync(path.join(home, "credentials.json"), "utf8")) as { current?: string }).current;
    } catch {
        return undefined;
    }
}

/**
 * The checkpoint of a stack in a file backend, as the CLI keeps it: `<root>/.pulumi/stacks/<project>/<stack>.json`
 * (or the older `<root>/.pulumi/stacks/<stack>.json`), gzipped when it ends in `.gz`. With the
 * backend named by PULUMI_BACKEND_URL (which the CLI puts before a project's `backend.url` and the
 * login), a stack with none of these files has no checkpoint for the CLI to find either: an empty
 * one. Undefined for other backends, when a file is there but cannot be read whole, or when the
 * backend is only the login's (a project's `backend.url` may name another): the CLI then reads it.
 */
export function readFileCheckpoint(urn: string, env: NodeJS.ProcessEnv = process.env): unknown {
    const url = backendUrl(env);
    const stack = stackOfUrn(urn);
    const project = projectOfUrn(urn);
    if (!url?.startsWith("file://") || !stack || !project) return undefined;
    let root = url.slice("file://".length);
    if (root === "~" || root.startsWith("~/")) root = path.join(os.homedir(), root.slice(1));
    const dir = path.join(root, ".pulumi", "stacks");
    let unreadable = false;
    for (const file of [path.join(dir, project, `${stack}.json`), path.join(dir, `${stack}.json`)]) {
        for (const name of [file, `${file}.gz`]) {
            try {
                const bytes = fs.readFileSync(name);
                return JSON.parse((name.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8"));
            } catch (e) {
                // absent: try the next form; caught mid-write or unreadable: the CLI reads it
                if ((e as NodeJS.ErrnoException).code !== "ENOENT") unreadable = true;
            }
        }
    }
    return unreadable || !env.PULUMI_BACKEND_URL ? undefined : EMPTY_CHECKPOINT;
}

/** What a stack that was never updated holds: no resources, no pending operation. */
const EMPTY_CHECKPOINT = { checkpoint: { latest: { resources: [], pending_operations: [] } } };

/** The keys a stack's checkpoint may have in a backend, in the order the CLI's layouts are tried. */
function checkpointKeys(project: string, stack: string): string[] {
    return [`.pulumi/stacks/${project}/${stack}.json`, `.pulumi/stacks/${stack}.json`].flatMap((k) => [k, `${k}.gz`]);
}

/**
 * The checkpoint of a stack in an S3 backend, read with signed GETs (provider/runtime/s3-checkpoint.ts).
 * Undefined for other backends, without credentials in the environment, or on any answer but the
 * object or "no such key" — the CLI then reads it.
 */
export async function readS3Checkpoint(urn: string, env: NodeJS.ProcessEnv = process.env): Promise<unknown> {
    const backend = s3BackendOf(backendUrl(env), env);
    const stack = stackOfUrn(urn);
    const project = projectOfUrn(urn);
    if (!backend || !stack || !project) return undefined;
    try {
        for (const key of checkpointKeys(project, stack)) {
            const r = await s3Request(backend, "GET", key);
            if (r.status === 404) continue;
            if (r.status !== 200) return undefined;
            return JSON.parse((key.endsWith(".gz") ? zlib.gunzipSync(r.body) : r.body).toString("utf8"));
        }
    } catch {
        // unreachable, refused or unreadable: the CLI says why, if it fails too
    }
    return undefined;
}

/** `pulumi stack export` of a stack, by the CLI running this deployment; undefined when it fails. */
function exportByCli(stack: string): Promise<unknown> {
    return new Promise((resolve) => {
        execFile(
            pulumiCli(),
            ["stack", "export", "--stack", stack, "--non-interactive"],
            { maxBuffer: 256 * 1024 * 1024, timeout: 60_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } },
            (err, stdout) => {
                if (err) return resolve(undefined);
                try {
                    resolve(JSON.parse(stdout));
                } catch {
                    resolve(undefined);
                }
            },
        );
    });
}

/** The Pulumi CLI running this process: the nearest ancestor whose executable is `pulumi`, else `pulumi` on PATH. */
export function pulumiCli(): string {
    let pid = process.ppid;
    for (let i = 0; i < 6 && pid > 1; i++) {
        try {
            const exe = fs.readlinkSync(`/proc/${pid}/exe`);
            if (/[\\/]pulumi(\.exe)?$/.test(exe)) return exe;
            const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
            pid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        } catch {
            break;
        }
    }
    return "pulumi";
}

const cache = new Map<string, Promise<StackRecord | undefined>>();

/**
 * This stack's record, or undefined when it cannot be read (no CLI found, an error). `tokenKey`
 * names the input that holds a creation token.
 */
export function stackRecord(urn: string, tokenKey: string): Promise<StackRecord | undefined> {
    const stack = stackOfUrn(urn);
    if (!stack) return Promise.resolve(undefined);
    let record = cache.get(stack);
    if (!record) {
        const local = readFileCheckpoint(urn);
        if (local !== undefined) {
            record = Promise.resolve({ pendingCreations: pendingCreationsOf(local, tokenKey) });
        } else {
            record = (async () => {
                const doc = (await readS3Checkpoint(urn)) ?? (await exportByCli(stack));
                return doc === undefined ? undefined : { pendingCreations: pendingCreationsOf(doc, tokenKey) };
            })();
        }
        cache.set(stack, record);
    }
    return record;
}
