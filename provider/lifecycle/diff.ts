/** The pure diff of recorded outputs against desired inputs, driven by the field table. */
import { sameValue } from "./compare";
import type { FieldSpec } from "./spec";
import { UNKNOWN } from "./unknown";

export interface DiffResult {
    changes: boolean;
    /** Inputs that differ. */
    changed: string[];
    /** Inputs that differ and force a replacement. */
    replaces: string[];
    deleteBeforeReplace: boolean;
}

/** What `olds` (the recorded outputs) says the input `key` is. */
export function recorded(field: FieldSpec, olds: Record<string, unknown>, key: string): unknown {
    return field.observe ? field.observe(olds) : olds[key];
}

export function computeDiff(fields: Record<string, FieldSpec>, olds: Record<string, unknown>, news: Record<string, unknown>): DiffResult {
    const changed: string[] = [];
    const replaces: string[] = [];
    for (const [key, field] of Object.entries(fields)) {
        const desired = news[key];
        // An unknown value (preview) may or may not differ: report it as a possible change.
        const differs = desired === UNKNOWN || !sameValue(field, recorded(field, olds, key), desired);
        if (!differs) continue;
        changed.push(key);
        if (field.change === "replace" && !field.local) replaces.push(key);
    }
    const deleteBeforeReplace = replaces.length > 0 && Object.entries(fields).some(([k, f]) => f.unique && news[k] !== undefined && !changed.includes(k));
    return { changes: changed.length > 0, changed, replaces, deleteBeforeReplace };
}
