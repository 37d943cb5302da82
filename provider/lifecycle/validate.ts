/**
 * Turns schema issues into the messages users see at `pulumi preview`: the field path, the value
 * given, and the rule — "ports[2].clientPort: 70000 is out of range 1–65535".
 */
import type { z } from "zod";

export interface CheckFailure {
    property: string;
    reason: string;
}

/** `ports[2].clientPort` for the path ["ports", 2, "clientPort"]. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
    let out = "";
    for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
    return out;
}

/** The value at `path` inside `root`. */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
    let v: unknown = root;
    for (const p of path) v = v == null ? undefined : (v as Record<PropertyKey, unknown>)[p];
    return v;
}

/** A short, readable rendering of a value for an error message. */
export function show(v: unknown): string {
    if (v === undefined) return "(missing)";
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * `unknownKey` completes "<key>: … (check the spelling)" for a key the schema does not know: a
 * resource's input, or a lookup's argument.
 */
export function failuresFromIssues(
    issues: ReadonlyArray<z.core.$ZodIssue>,
    input: unknown,
    prefix: ReadonlyArray<PropertyKey> = [],
    unknownKey = "is not an input of this resource",
): CheckFailure[] {
    const out: CheckFailure[] = [];
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
            for (const key of issue.keys) {
                const path = [...prefix, ...issue.path, key];
                out.push({ property: String(path[0]), reason: `${formatPath(path)}: ${unknownKey} (check the spelling)` });
            }
            continue;
        }
        if (issue.code === "invalid_key") {
            // A map key that breaks a rule: name the key, and the rule it breaks.
            const path = [...prefix, ...issue.path];
            const inner = issue.issues?.[0]?.message ?? issue.message;
            out.push({ property: String(path[0] ?? ""), reason: `${formatPath(path.slice(0, -1))}: key ${show(path[path.length - 1])} ${inner}` });
            continue;
        }
        const path = [...prefix, ...issue.path];
        const value = valueAt(input, issue.path);
        const field = formatPath(path) || "(inputs)";
        // A missing value reads as what it is, not as a type mismatch with `undefined`.
        const rule = value === undefined && issue.code === "invalid_type" ? "is required" : issue.message;
        out.push({ property: String(path[0] ?? ""), reason: `${field}: ${show(value)} ${rule}` });
    }
    return out;
}
