/** Filters the lookups apply where the cloud's list has no parameter for them. */

/** Every wanted tag is present with its value (an empty wanted value matches any value). */
export function hasTags(have: Record<string, string>, want: Record<string, string> | undefined): boolean {
    return Object.entries(want ?? {}).every(([k, v]) => k in have && (v === "" || have[k] === v));
}

/** An optional filter: absent matches everything. */
export function is<T>(want: T | undefined, have: T | undefined): boolean {
    return want === undefined || want === have;
}
