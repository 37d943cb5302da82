/**
 * Marker paging, as the VPC v1 lists and neutron do it ("Querying VPCs": `marker` is the id of the
 * record the page starts after, `limit` 0 to 2^31-1, default 2000; "Querying Ports": the same
 * `marker`/`limit`). Pure functions.
 */

/** The most records a VPC v1 list answers when no `limit` is given (the page's default). */
export const V1_DEFAULT_LIMIT = 2000;

/** One page of a marker-paged list. */
export interface Page<T> {
    items: T[];
    /** More matching records follow the page. */
    more: boolean;
}

/**
 * The page after the record whose id is `marker` (in the list's own order) holding at most `limit`
 * matching records; `limit` 0 or undefined means no limit, as in neutron. Undefined when the marker
 * names no record of the list.
 */
export function markerPage<T extends { id: string }>(all: readonly T[], matches: (t: T) => boolean, marker?: string, limit?: number): Page<T> | undefined {
    let start = 0;
    if (marker !== undefined) {
        const at = all.findIndex((t) => t.id === marker);
        if (at < 0) return undefined;
        start = at + 1;
    }
    const rest = all.slice(start).filter(matches);
    if (!limit) return { items: rest, more: false };
    return { items: rest.slice(0, limit), more: rest.length > limit };
}

/** `limit` from a query string: undefined when absent, NaN when not an integer from 0 to 2^31-1. */
export function parseLimit(raw: string | null): number | undefined {
    if (raw === null) return undefined;
    if (!/^\d{1,10}$/.test(raw) || Number(raw) > 2 ** 31 - 1) return Number.NaN;
    return Number(raw);
}
