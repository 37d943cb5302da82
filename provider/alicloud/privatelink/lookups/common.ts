/** What the PrivateLink lookups share: the API's status values, and tags both ways. */

/** `EndpointStatus` and `ServiceStatus`. */
export const STATUSES = ["Creating", "Active", "Pending", "Deleting"] as const;
/** `ConnectionStatus`. */
export const CONNECTION_STATUSES = ["Pending", "Connecting", "Connected", "Disconnecting", "Disconnected", "Deleting"] as const;

/** A tags argument as the list actions' `Tag.N.Key`/`Tag.N.Value` filter. */
export function tagFilter(tags: Record<string, string> | undefined): Array<{ Key: string; Value: string }> | undefined {
    return tags && Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** Tags as a list answer carries them, as a map. */
export function tagsOf(tags: Array<{ Key?: string; Value?: string }>): Record<string, string> {
    return Object.fromEntries(tags.map((t) => [t.Key ?? "", t.Value ?? ""]));
}
