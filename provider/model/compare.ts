/**
 * What changed between the recorded inputs and the desired ones, under each field's rules: the one
 * comparison that diff, update and adoption all use.
 */

import type { Field } from "./field";
import { UNKNOWN } from "./unknown";

/** A canonical JSON text: object keys sorted, so equal values give equal texts. */
export function canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (v && typeof v === "object") {
        const entries = Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
    }
    return JSON.stringify(v ?? null);
}

/**
 * The comparable form of a field's value: absent is the default; an unordered list compares as a
 * multiset (order ignored, repeats counted: two addresses in one subnet are not one).
 */
export function comparable(field: Pick<Field, "default" | "unordered">, v: unknown): string {
    const value = v === undefined || v === null ? field.default : v;
    if (field.unordered && Array.isArray(value)) return `[${value.map(canonical).sort().join(",")}]`;
    return canonical(value);
}

export function sameValue(field: Pick<Field, "default" | "unordered">, a: unknown, b: unknown): boolean {
    return comparable(field, a) === comparable(field, b);
}

/** What the recorded outputs (or an observed object) say input `key` is. */
export function recordedValue(field: Field, recorded: Record<string, unknown>, key: string): unknown {
    return field.recorded ? field.recorded(recorded) : recorded[key];
}

export interface Changes {
    /** Every input that differs. */
    changed: string[];
    /** Those that need a cloud call in place. */
    updates: string[];
    /** Those that force a replacement. */
    replaces: string[];
    deleteBeforeReplace: boolean;
}

/**
 * The inputs whose desired value differs from the recorded one. With `onlySet`, inputs the program
 * leaves unset and values the cloud does not report are not compared (adopting an object).
 */
export function changes(
    fields: Record<string, Field>,
    recorded: Record<string, unknown>,
    desired: Record<string, unknown>,
    opts: { onlySet?: boolean } = {},
): Changes {
    const out: Changes = { changed: [], updates: [], replaces: [], deleteBeforeReplace: false };
    for (const [key, field] of Object.entries(fields)) {
        const want = desired[key];
        const have = recordedValue(field, recorded, key);
        if (opts.onlySet && (want === undefined || have === undefined)) continue;
        // The cloud keeps its own value when the input is absent: nothing to change.
        if (field.computed && want === undefined) continue;
        // An unknown value (preview) may or may not differ: report it as a possible change.
        if (want !== UNKNOWN && sameValue(field, have, want)) continue;
        out.changed.push(key);
        const change = field.removal === "state" && want === undefined ? "state" : field.change;
        if (change === "replace") out.replaces.push(key);
        if (change === "update") out.updates.push(key);
    }
    out.deleteBeforeReplace =
        out.replaces.length > 0 && Object.entries(fields).some(([k, f]) => f.unique && desired[k] !== undefined && !out.changed.includes(k));
    return out;
}
