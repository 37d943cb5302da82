/** Offset paging shared by list operations. */

export interface OffsetPage<T> {
    items: T[];
    /** `total_count` when the API returns one. */
    total?: number;
}

export interface OffsetPagingOptions<T> {
    /** Page size asked for. */
    limit: number;
    /** Start offset (default 0). */
    offset?: number;
    /** Stop early once this returns true for everything collected so far (paging only as far as needed). */
    until?: (collected: readonly T[]) => boolean;
    /** A guard against an API that never returns an empty page. */
    maxPages?: number;
}

/**
 * Pages through `limit/offset` to the end: stops at the first empty page or once the offset
 * reaches `total_count` (the Terraform SDK stops at the first empty page; an API that returns
 * `offset ≥ total` with items would be a bug, so both conditions end the walk).
 */
export async function collectOffsetPages<T>(fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>, opts: OffsetPagingOptions<T>): Promise<T[]> {
    const out: T[] = [];
    let offset = opts.offset ?? 0;
    const maxPages = opts.maxPages ?? 10_000;
    for (let page = 0; page < maxPages; page++) {
        const { items, total } = await fetchPage(offset, opts.limit);
        if (items.length === 0) break;
        out.push(...items);
        offset += items.length;
        if (opts.until?.(out)) break;
        if (total !== undefined && offset >= total) break;
    }
    return out;
}

export interface TokenPage<T> {
    items: T[];
    /** The token of the next page; empty or absent on the last page. */
    nextToken?: string;
}

/**
 * Pages through `MaxResults`/`NextToken` style lists (Alibaba Cloud, AWS) to the end, or until
 * `until` is satisfied.
 */
export async function collectTokenPages<T>(
    fetchPage: (nextToken: string | undefined) => Promise<TokenPage<T>>,
    opts: { until?: (collected: readonly T[]) => boolean; maxPages?: number } = {},
): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    const maxPages = opts.maxPages ?? 10_000;
    for (let page = 0; page < maxPages; page++) {
        const { items, nextToken } = await fetchPage(token);
        out.push(...items);
        if (opts.until?.(out)) break;
        if (!nextToken) break;
        token = nextToken;
    }
    return out;
}
