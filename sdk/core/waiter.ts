/**
 * Waiting for cloud resources to settle — separate from retries.
 *
 * A `Watcher` serves every waiter of one resource kind in the process with ONE poll loop: when
 * one resource is waiting it reads it with a plain GET (`getOne`); when several are waiting it
 * makes one list call per tick (`listMany`) and hands each waiter its resource. The tick rate is
 * set by the youngest waiter's schedule (small first delay, then jittered exponential backoff to
 * a cap), so the number of calls does not grow with the number of waiting resources.
 *
 * Generic: a cloud module supplies `getOne(id)` and `listMany(ids)`; statuses are strings.
 */
import { boundedJitter, waitDelay } from "./backoff";
import { type Clock, type Random, realClock } from "./clock";
import { CloudError, NotFoundError } from "./errors";
import { type Logger, silentLogger } from "./log";
import { type StatusRun, WaitFailedError, WaitTimeoutError } from "./wait-errors";

export { type StatusRun, WaitError, WaitFailedError, WaitTimeoutError } from "./wait-errors";

export interface WaitSpec<T> {
    /** Statuses that end the wait successfully. */
    target: readonly string[];
    /** Statuses that end it with WaitFailedError. */
    failure?: readonly string[];
    /** When given, any status outside target ∪ failure ∪ pending ends the wait as unexpected. */
    pending?: readonly string[];
    /** What a disappeared resource (404 / absent from the list) means: success when waiting for a delete. Default "failure". */
    gone?: "target" | "failure";
    /** Reads the status; default `resource.status`. */
    status?: (resource: T) => string | undefined;
    /** The cloud's own explanation on a failed resource (e.g. a VPCEP service's `error[]`). */
    failureMessage?: (resource: T) => string | undefined;
    /** Absolute deadline (clock ms); or `timeoutMs` from now. Default 10 min. */
    deadline?: number;
    timeoutMs?: number;
    signal?: AbortSignal;
    minDelayMs?: number;
    maxDelayMs?: number;
    /**
     * When set, no delay between polls exceeds max(minDelayMs, elapsedRatio × time waited so far):
     * the poll that sees the resource ready comes within about that fraction of the provisioning
     * time. Unset: plain jittered exponential backoff from minDelayMs to maxDelayMs.
     */
    elapsedRatio?: number;
    /** For messages: "VPC endpoint service 4189d3c2-…". */
    description?: string;
    /**
     * Called after each poll that does not end the wait (a pending status, or a transient failure
     * of the poll), for a progress display. What it throws is ignored: a display never ends a wait.
     */
    onPoll?: (progress: WaitProgress) => void;
}

/** Where a wait stands after a poll that did not end it. */
export interface WaitProgress {
    /** What is waited for: "VPC endpoint 4189d3c2-…". */
    description: string;
    /** The status the poll saw ("error APIGW.0101" when the poll itself failed transiently). */
    status: string;
    /** The statuses that end the wait; none when only the resource's disappearance does. */
    target: readonly string[];
    /** Whether the resource's disappearance ends the wait ("target": a wait for a delete). */
    gone: "target" | "failure";
    /** Time since the wait began. */
    elapsedMs: number;
    /** Polls so far. */
    polls: number;
}

/** Everything about a wait except the statuses, which a cloud module's wait helpers fill in. */
export type WaitOptions = Pick<WaitSpec<unknown>, "deadline" | "timeoutMs" | "signal" | "minDelayMs" | "maxDelayMs" | "description" | "onPoll">;

export type WaitResult<T> = { outcome: "target"; status: string; resource: T; polls: number } | { outcome: "gone"; polls: number };

/** The object a wait ended on, or (when the wait did not bring it) the object as `read` finds it. */
export async function settledResource<T>(result: WaitResult<T>, read: () => Promise<T>): Promise<T> {
    return result.outcome === "target" ? result.resource : read();
}

export interface WatcherSource<T> {
    /** One resource, or undefined (or NotFoundError) when it does not exist. */
    getOne(id: string, signal: AbortSignal): Promise<T | undefined>;
    /**
     * Several resources in as few calls as the API allows. Ids absent from the map are gone, so
     * the implementation must have searched exhaustively for any id it leaves out.
     */
    listMany?(ids: readonly string[], signal: AbortSignal): Promise<Map<string, T>>;
}

export interface WatcherOptions {
    /** For logs: "vpcep:endpoint_service". */
    kind: string;
    clock?: Clock;
    random?: Random;
    logger?: Logger;
    minDelayMs?: number;
    maxDelayMs?: number;
    timeoutMs?: number;
    /** See WaitSpec.elapsedRatio; a waiter's own setting wins. */
    elapsedRatio?: number;
}

export const defaultWaitDelays = { minDelayMs: 1_000, maxDelayMs: 15_000, timeoutMs: 10 * 60_000 };

interface Waiter<T> {
    id: string;
    spec: WaitSpec<T>;
    description: string;
    startedAt: number;
    deadline: number;
    minDelayMs: number;
    maxDelayMs: number;
    elapsedRatio: number | undefined;
    polls: number;
    nextPollAt: number;
    runs: StatusRun[];
    resolve: (r: WaitResult<T>) => void;
    reject: (e: unknown) => void;
    cleanup: () => void;
}

export interface WatcherStats {
    ticks: number;
    getCalls: number;
    listCalls: number;
}

export class Watcher<T> {
    readonly kind: string;
    readonly stats: WatcherStats = { ticks: 0, getCalls: 0, listCalls: 0 };
    readonly #source: WatcherSource<T>;
    readonly #clock: Clock;
    readonly #random: Random;
    readonly #logger: Logger;
    readonly #defaults: { minDelayMs: number; maxDelayMs: number; timeoutMs: number; elapsedRatio: number | undefined };
    readonly #waiters = new Set<Waiter<T>>();
    #running = false;
    #wake: AbortController | undefined;
    #poll: AbortController | undefined;

    constructor(source: WatcherSource<T>, options: WatcherOptions) {
        this.kind = options.kind;
        this.#source = source;
        this.#clock = options.clock ?? realClock;
        this.#random = options.random ?? Math.random;
        this.#logger = options.logger ?? silentLogger;
        this.#defaults = {
            minDelayMs: options.minDelayMs ?? defaultWaitDelays.minDelayMs,
            maxDelayMs: options.maxDelayMs ?? defaultWaitDelays.maxDelayMs,
            timeoutMs: options.timeoutMs ?? defaultWaitDelays.timeoutMs,
            elapsedRatio: options.elapsedRatio,
        };
    }

    /** How many waiters are registered right now. */
    get waiting(): number {
        return this.#waiters.size;
    }

    wait(id: string, spec: WaitSpec<T>): Promise<WaitResult<T>> {
        if (spec.signal?.aborted) return Promise.reject(spec.signal.reason);
        const now = this.#clock.now();
        const minDelayMs = spec.minDelayMs ?? this.#defaults.minDelayMs;
        const maxDelayMs = Math.max(minDelayMs, spec.maxDelayMs ?? this.#defaults.maxDelayMs);
        return new Promise<WaitResult<T>>((resolve, reject) => {
            const w: Waiter<T> = {
                id,
                spec,
                description: spec.description ?? `${this.kind} ${id}`,
                startedAt: now,
                deadline: spec.deadline ?? now + (spec.timeoutMs ?? this.#defaults.timeoutMs),
                minDelayMs,
                maxDelayMs,
                elapsedRatio: spec.elapsedRatio ?? this.#defaults.elapsedRatio,
                polls: 0,
                nextPollAt: now + boundedJitter(0, minDelayMs, maxDelayMs, this.#random()),
                runs: [],
                resolve,
                reject,
                cleanup: () => {},
            };
            if (spec.signal) {
                const signal = spec.signal;
                const onAbort = (): void => this.#finish(w, () => reject(signal.reason));
                signal.addEventListener("abort", onAbort, { once: true });
                w.cleanup = () => signal.removeEventListener("abort", onAbort);
            }
            this.#waiters.add(w);
            this.#kick();
        });
    }

    #kick(): void {
        if (this.#running) {
            this.#wake?.abort(); // re-plan: the new waiter may be due sooner than the current sleep
            return;
        }
        this.#running = true;
        void this.#run().finally(() => {
            this.#running = false;
            if (this.#waiters.size > 0) this.#kick();
        });
    }

    #finish(w: Waiter<T>, settle: () => void): void {
        if (!this.#waiters.delete(w)) return;
        w.cleanup();
        settle();
        if (this.#waiters.size === 0) {
            this.#poll?.abort();
            this.#wake?.abort();
        }
    }

    async #run(): Promise<void> {
        while (this.#waiters.size > 0) {
            const now = this.#clock.now();
            for (const w of [...this.#waiters]) {
                if (w.deadline <= now) {
                    this.#finish(w, () => w.reject(new WaitTimeoutError(w.description, w.id, w.spec.target, w.runs, now - w.startedAt)));
                }
            }
            if (this.#waiters.size === 0) break;
            let due = Infinity;
            let deadline = Infinity;
            for (const w of this.#waiters) {
                due = Math.min(due, w.nextPollAt);
                deadline = Math.min(deadline, w.deadline);
            }
            if (due > now) {
                this.#wake = new AbortController();
                try {
                    await this.#clock.sleep(Math.min(due, deadline) - now, this.#wake.signal);
                } catch {
                    // woken early: a waiter joined or left
                }
                continue;
            }
            await this.#tick();
        }
    }

    async #tick(): Promise<void> {
        const polled = [...this.#waiters];
        const ids = [...new Set(polled.map((w) => w.id))];
        this.stats.ticks++;
        const poll = new AbortController();
        this.#poll = poll;
        let results: Map<string, T | undefined>;
        try {
            results = new Map();
            if (ids.length > 1 && this.#source.listMany) {
                this.stats.listCalls++;
                const found = await this.#source.listMany(ids, poll.signal);
                for (const id of ids) results.set(id, found.get(id));
            } else {
                // One resource (or an API that cannot list): a plain GET per id.
                for (const id of ids) {
                    this.stats.getCalls++;
                    results.set(id, await this.#getOne(id, poll.signal));
                }
            }
        } catch (e) {
            if (poll.signal.aborted) return;
            const now = this.#clock.now();
            if (e instanceof CloudError && e.retryable) {
                // A transient failure of the poll (after the HTTP layer's own retries) is not a verdict
                // on the resource: keep waiting, no sooner than the cloud asked.
                this.#logger.debug(`${this.kind}: poll failed (${e.code}), waiting on`);
                const factor = this.#random();
                for (const w of polled) {
                    if (!this.#waiters.has(w)) continue;
                    record(w.runs, `error ${e.code}`);
                    w.polls++;
                    w.nextPollAt = now + Math.max(e.retryAfterMs ?? 0, this.#delay(w, now, factor));
                    this.#progress(w, `error ${e.code}`, now);
                }
                return;
            }
            for (const w of polled) this.#finish(w, () => w.reject(e));
            return;
        } finally {
            if (this.#poll === poll) this.#poll = undefined;
        }
        const now = this.#clock.now();
        const factor = this.#random(); // one draw per tick keeps the waiters' schedules aligned
        for (const w of polled) {
            if (this.#waiters.has(w)) this.#evaluate(w, results.get(w.id), now, factor);
        }
    }

    async #getOne(id: string, signal: AbortSignal): Promise<T | undefined> {
        try {
            return await this.#source.getOne(id, signal);
        } catch (e) {
            if (e instanceof NotFoundError) return undefined;
            throw e;
        }
    }

    #evaluate(w: Waiter<T>, resource: T | undefined, now: number, factor: number): void {
        w.polls++;
        const spec = w.spec;
        if (resource === undefined) {
            record(w.runs, "gone");
            if (spec.gone === "target") this.#finish(w, () => w.resolve({ outcome: "gone", polls: w.polls }));
            else
                this.#finish(w, () =>
                    w.reject(new WaitFailedError({ description: w.description, resourceId: w.id, status: "gone", gone: true, runs: w.runs })),
                );
            return;
        }
        const status = (spec.status ? spec.status(resource) : (resource as { status?: unknown }).status) ?? "unknown";
        const s = String(status);
        record(w.runs, s);
        if (spec.target.includes(s)) {
            this.#finish(w, () => w.resolve({ outcome: "target", status: s, resource, polls: w.polls }));
            return;
        }
        if (spec.failure?.includes(s)) {
            const cloudMessage = spec.failureMessage?.(resource);
            this.#finish(w, () => w.reject(new WaitFailedError({ description: w.description, resourceId: w.id, status: s, cloudMessage, runs: w.runs })));
            return;
        }
        if (spec.pending && !spec.pending.includes(s)) {
            const cloudMessage = spec.failureMessage?.(resource);
            this.#finish(w, () =>
                w.reject(new WaitFailedError({ description: w.description, resourceId: w.id, status: s, cloudMessage, unexpected: true, runs: w.runs })),
            );
            return;
        }
        w.nextPollAt = now + this.#delay(w, now, factor);
        this.#progress(w, s, now);
    }

    /** Tells the waiter's `onPoll` where the wait stands. */
    #progress(w: Waiter<T>, status: string, now: number): void {
        const onPoll = w.spec.onPoll;
        if (!onPoll) return;
        try {
            onPoll({ description: w.description, status, target: w.spec.target, gone: w.spec.gone ?? "failure", elapsedMs: now - w.startedAt, polls: w.polls });
        } catch {
            // a progress display's failure is not the wait's
        }
    }

    /** The delay before `w`'s next poll (see `waitDelay`). */
    #delay(w: Waiter<T>, now: number, factor: number): number {
        return waitDelay(w.polls, now - w.startedAt, w.minDelayMs, w.maxDelayMs, w.elapsedRatio, factor);
    }
}

function record(runs: StatusRun[], status: string): void {
    const last = runs[runs.length - 1];
    if (last && last.status === status) last.count++;
    else runs.push({ status, count: 1 });
}

/** Waits for one resource with its own GET — the simple form, on the same machinery. */
export function waitFor<T>(
    opts: WaitSpec<T> & { get: (signal: AbortSignal) => Promise<T | undefined>; clock?: Clock; random?: Random; id?: string },
): Promise<WaitResult<T>> {
    const watcher = new Watcher<T>({ getOne: (_id, signal) => opts.get(signal) }, { kind: "resource", clock: opts.clock, random: opts.random });
    return watcher.wait(opts.id ?? "resource", { ...opts, description: opts.description ?? `resource ${opts.id ?? ""}`.trim() });
}

/**
 * For a `listMany`: collects the wanted ids from list pages, stopping as soon as all are found.
 * The lists are read in turn (an API may need one per direction or type), each only as far as
 * needed, and none once everything is found.
 */
export async function findByIds<T>(
    ids: readonly string[],
    idOf: (item: NoInfer<T>) => string,
    ...lists: Array<(until: (items: readonly T[]) => boolean) => Promise<unknown>>
): Promise<Map<string, T>> {
    const want = new Set(ids);
    const found = new Map<string, T>();
    for (const list of lists) {
        if (found.size === want.size) break;
        await list((items) => {
            for (const it of items) {
                const id = idOf(it);
                if (want.has(id)) found.set(id, it);
            }
            return found.size === want.size;
        });
    }
    return found;
}

/** A per-key registry so each (client, kind) has exactly one watcher. */
export class WatcherRegistry {
    readonly #watchers = new Map<string, Watcher<unknown>>();
    get<T>(kind: string, create: () => Watcher<T>): Watcher<T> {
        let w = this.#watchers.get(kind) as Watcher<T> | undefined;
        if (!w) {
            w = create();
            this.#watchers.set(kind, w as Watcher<unknown>);
        }
        return w;
    }
}
