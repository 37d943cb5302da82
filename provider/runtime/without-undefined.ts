/**
 * Values as both hosts hand them to the engine: Pulumi's property structs have no `undefined`, so
 * an absent property is left out and an absent list entry is `null`. Its own file so that the
 * native plugin uses it without loading the dynamic-provider entry (runtime/v1) and its watches.
 */

/** A copy of `value` with every `undefined` object property removed (arrays keep their shape: `null`). */
export function withoutUndefined<T>(value: T): T {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : withoutUndefined(v))) as T;
    if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = withoutUndefined(v);
        return out as T;
    }
    return value;
}
