/** The per-call options every operation function of every cloud takes. */

export interface CallOptions {
    signal?: AbortSignal;
}

/** For list operations, which read every page unless told to stop. */
export interface ListOptions<T> extends CallOptions {
    /** Page size (the API's maximum by default). */
    pageSize?: number;
    /** Stop paging once this is true for the items collected so far. */
    until?: (items: readonly T[]) => boolean;
}
