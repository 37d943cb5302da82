/** Value comparison for diffs: deep, key-order-insensitive, optionally order-insensitive for arrays. */
import type { FieldSpec } from "./spec";

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

/** The comparable form of a field's value under its spec. */
export function comparable(spec: FieldSpec, v: unknown): string {
    const value = v === undefined || v === null ? spec.default : v;
    if (spec.compare === "set" && Array.isArray(value)) {
        return `[${[...new Set(value.map(canonical))].sort().join(",")}]`;
    }
    return canonical(value);
}

export function sameValue(spec: FieldSpec, a: unknown, b: unknown): boolean {
    return comparable(spec, a) === comparable(spec, b);
}
