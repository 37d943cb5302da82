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
 * The export runs the CLI that runs this deployment (the provider process's ancestor), in the
 * program's directory with the deployment's environment, so it reads the same backend. It runs
 * only when an object with this resource's creation key and an unknown token is found, once per
 * process.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";

/** Pending creations of a stack's checkpoint (the part of `pulumi stack export` used here). */
export interface StackRecord {
    /** The creation tokens of the pending creations of each URN. */
    pendingCreations: Map<string, Set<string>>;
}

/** The pending creations listed in a `pulumi stack export` document. */
export function pendingCreationsOf(exported: unknown, tokenKey: string): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    const ops = (exported as { deployment?: { pending_operations?: unknown[] } })?.deployment?.pending_operations ?? [];
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
        record = new Promise((resolve) => {
            execFile(
                pulumiCli(),
                ["stack", "export", "--stack", stack, "--non-interactive"],
                { maxBuffer: 256 * 1024 * 1024, timeout: 60_000, env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } },
                (err, stdout) => {
                    if (err) return resolve(undefined);
                    try {
                        resolve({ pendingCreations: pendingCreationsOf(JSON.parse(stdout), tokenKey) });
                    } catch {
                        resolve(undefined);
                    }
                },
            );
        });
        cache.set(stack, record);
    }
    return record;
}
