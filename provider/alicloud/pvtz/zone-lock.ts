/**
 * One zone's VPC list is written whole (BindZoneVpc replaces it), so two `ZoneAttachment`s of
 * one zone changing it at once would each drop the other's VPC. Within a process their
 * read-modify-write runs one at a time per zone; a provider process serves one stack, whose
 * attachments of one zone all meet here.
 */
const queues = new Map<string, Promise<unknown>>();

/** Runs `task` once every earlier task of the same zone has finished (success or failure). */
export function serialisedPerZone<T>(zoneId: string, task: () => Promise<T>): Promise<T> {
    const before = queues.get(zoneId) ?? Promise.resolve();
    const run = before.then(task, task);
    const settled = run.then(
        () => undefined,
        () => undefined,
    );
    queues.set(zoneId, settled);
    // The last task of a zone removes the zone's entry: the map holds only zones being changed.
    void settled.then(() => {
        if (queues.get(zoneId) === settled) queues.delete(zoneId);
    });
    return run;
}
