/**
 * The IP addresses of a resolver endpoint, as pure functions: which cloud address stands for
 * which address the program asked for, and in which order to add and remove addresses so that
 * the endpoint never has fewer than 2 or more than 6 at any moment.
 *
 * The cloud reports an address's subnet as the subnet's *network* id, which may differ from the
 * subnet id the program gave. So the program's subnet id is recorded per address id (in the
 * `ipAddresses` output) and never compared against the cloud's `subnet_id`.
 */

/** An address as the program asks for it: a subnet and, optionally, a fixed IP. */
export interface WantedAddress {
    subnetId: string;
    ip?: string;
}

/** An address as recorded in the outputs. */
export interface RecordedAddress {
    /** The cloud's id of the address. */
    id: string;
    /** The subnet id the program gave (not the cloud's network id). */
    subnetId: string;
    /** The assigned IPv4 address. */
    ip: string;
    /** `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
    status?: string;
    /** True when the program chose `ip`; false when the cloud picked a free one. */
    ipGiven: boolean;
}

/** An address as the cloud lists it. */
export interface CloudAddress {
    id: string;
    ip?: string;
    subnet_id?: string;
    status?: string;
}

export const MIN_ADDRESSES = 2;
export const MAX_ADDRESSES = 6;

/** The program-side view of recorded addresses: what diffs compare against the inputs. */
export function asWanted(recorded: unknown): WantedAddress[] | undefined {
    if (!Array.isArray(recorded)) return undefined;
    return recorded.map((r: Partial<RecordedAddress> & WantedAddress) =>
        // Recorded by this provider: the IP counts only when the program chose it, so an address
        // the cloud picked matches a wanted address without `ip` (no perpetual diff).
        typeof r.id === "string" && typeof r.ipGiven === "boolean"
            ? r.ipGiven
                ? { subnetId: r.subnetId, ip: r.ip }
                : { subnetId: r.subnetId }
            : { subnetId: r.subnetId, ...(r.ip ? { ip: r.ip } : {}) },
    );
}

/**
 * Pairs wanted addresses with existing ones: a wanted IP matches the address with that IP in
 * that subnet; a wanted address without IP matches any remaining address of its subnet.
 */
export function matchAddresses<H extends { subnetId: string; ip: string }>(
    wanted: readonly WantedAddress[],
    have: readonly H[],
): { kept: Array<{ want: WantedAddress; have: H }>; add: WantedAddress[]; remove: H[] } {
    const free = [...have];
    const kept: Array<{ want: WantedAddress; have: H }> = [];
    const pending: WantedAddress[] = [];
    const take = (w: WantedAddress, pred: (h: H) => boolean): boolean => {
        const i = free.findIndex(pred);
        if (i < 0) return false;
        kept.push({ want: w, have: free.splice(i, 1)[0]! });
        return true;
    };
    for (const w of wanted) if (w.ip !== undefined && !take(w, (h) => h.ip === w.ip && h.subnetId === w.subnetId)) pending.push(w);
    for (const w of wanted) if (w.ip === undefined && !take(w, (h) => h.subnetId === w.subnetId)) pending.push(w);
    return { kept, add: pending, remove: free };
}

export type AddressStep<H> = { op: "add"; address: WantedAddress } | { op: "remove"; address: H };

/**
 * Orders adds and removes so that the count stays within 2–6 after every step: pairs of
 * add-then-remove (remove-then-add when already at 6), then the leftover adds or removes.
 * From {a,b} to {c,d}: add c, remove a, add d, remove b.
 */
export function planAddressSteps<H>(count: number, add: readonly WantedAddress[], remove: readonly H[]): Array<AddressStep<H>> {
    const steps: Array<AddressStep<H>> = [];
    let n = count;
    const pairs = Math.min(add.length, remove.length);
    for (let i = 0; i < pairs; i++) {
        if (n < MAX_ADDRESSES) steps.push({ op: "add", address: add[i]! }, { op: "remove", address: remove[i]! });
        else steps.push({ op: "remove", address: remove[i]! }, { op: "add", address: add[i]! });
    }
    for (const a of add.slice(pairs)) steps.push({ op: "add", address: a }), n++;
    for (const r of remove.slice(pairs)) steps.push({ op: "remove", address: r }), n--;
    if (n < MIN_ADDRESSES || n > MAX_ADDRESSES)
        throw new Error(`an endpoint has ${MIN_ADDRESSES} to ${MAX_ADDRESSES} IP addresses; this change would leave ${n}`);
    return steps;
}

/**
 * Records the cloud's addresses: those already recorded keep the program's subnet id; new ones
 * are attributed to the wanted addresses that made them (by IP, then by subnet, then in order);
 * any other (added out of band) is recorded as the cloud reports it, so it shows as drift.
 */
export function recordAddresses(cloud: readonly CloudAddress[], previous: readonly RecordedAddress[], made: readonly WantedAddress[]): RecordedAddress[] {
    const byId = new Map(previous.map((p) => [p.id, p]));
    const out = new Map<string, RecordedAddress>();
    const rest: CloudAddress[] = [];
    for (const a of cloud) {
        const p = byId.get(a.id);
        if (p) out.set(a.id, { ...p, ip: a.ip ?? p.ip, status: a.status });
        else rest.push(a);
    }
    const open = [...made];
    const attribute = (pred: (w: WantedAddress, a: CloudAddress) => boolean) => {
        for (const a of rest) {
            if (out.has(a.id)) continue;
            const i = open.findIndex((w) => pred(w, a));
            if (i < 0) continue;
            const w = open.splice(i, 1)[0]!;
            out.set(a.id, { id: a.id, subnetId: w.subnetId, ip: a.ip ?? "", status: a.status, ipGiven: w.ip !== undefined });
        }
    };
    attribute((w, a) => w.ip !== undefined && w.ip === a.ip);
    attribute((w, a) => w.ip === undefined && w.subnetId === a.subnet_id);
    attribute((w) => w.ip === undefined);
    for (const a of rest) if (!out.has(a.id)) out.set(a.id, { id: a.id, subnetId: a.subnet_id ?? "", ip: a.ip ?? "", status: a.status, ipGiven: true });
    return cloud.map((a) => out.get(a.id)!);
}
