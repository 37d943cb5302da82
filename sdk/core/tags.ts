/** Changing a resource's tags from one map to another, whatever the cloud's tag calls. */

/** One resource's tag calls: set values (a key it has takes the new value), remove keys. */
export interface TagCalls {
    tag(tags: Record<string, string>): Promise<void>;
    untag(keys: string[]): Promise<void>;
}

/**
 * Changes a resource's tags from `have` to `want`: the new values first, then the removed keys, so
 * that there is never a window with neither. Only keys of `have` are ever removed, so tags the
 * caller never held (a package's own creation tags) stay; nothing is called when nothing changes.
 */
export async function syncTags(have: Record<string, string>, want: Record<string, string>, calls: TagCalls): Promise<void> {
    const upsert = Object.fromEntries(Object.entries(want).filter(([k, v]) => have[k] !== v));
    const removed = Object.keys(have).filter((k) => !(k in want));
    if (Object.keys(upsert).length) await calls.tag(upsert);
    if (removed.length) await calls.untag(removed);
}
