/**
 * Client-side pacing: calls to one throttle scope (one API endpoint and one credential) start no
 * faster than the rate the cloud allows, learned from its throttling answers, so a burst larger
 * than the rate limit is spread over it instead of being refused and retried in waves.
 *
 * - A throttle that states its limit (Huawei's gateway: "limit:10,time:1 second") sets the pace
 *   to that rate less a small headroom for the clocks and windows of client and server not
 *   lining up.
 * - A throttle that does not (Alibaba's `Throttling.User`, VPCEP's `EndPoint.0022`) starts pacing
 *   only when most answers of the last second are throttles, taking the number that got through
 *   in that second as the limit (less the headroom).
 * - Paced, when a fifth of a second's answers are still throttles (another client shares the
 *   account's rate), the pace backs off by 30 %, then climbs back (+10 % and 0.5/s per quiet
 *   second) to the limit; a learned limit is lowered each time, a stated one is not.
 *   Scattered throttles among successes (a busy gateway) do not slow anything down.
 * - Writes go before reads while calls queue: a waiter's status poll can wait, a create cannot
 *   start without its slot. A read is never held back longer than `readAgingMs`.
 *
 * Nothing is paced until the cloud throttles (an unthrottled client pays nothing), and a pace is
 * forgotten after a minute without throttles.
 *
 * Given a `SharedPace` (shared-pace.ts), the pace is the machine's, not the process's: a throttle
 * publishes what it taught, a process whose scope was throttled elsewhere starts paced at the
 * shared rate before its first call, and every call takes its start time from one timeline
 * shared by all processes, so their calls together keep the rate one of them learned.
 */
import { abortReason, type Clock, realClock } from "./clock";
import { SharedPace, type SharedPaceOptions, sharedPaceEnabled } from "./shared-pace";

/** Which queue a call waits in when calls are paced. */
export type CallPriority = "write" | "read";

/** A rate limit the cloud stated in its throttling answer. */
export interface ThrottleHint {
    limit: number;
    windowMs: number;
}

/** How the cloud answered one paced call. */
export type PacedOutcome = "ok" | "throttled" | "other";

export interface PacerOptions {
    clock?: Clock;
    /** Share of a stated limit aimed at. */
    headroom?: number;
    /** Calls per second the pace never goes below. */
    minRate?: number;
    /** A queued read goes before queued writes once it has waited this long. */
    readAgingMs?: number;
    /** The pace is forgotten after this long without a throttle (limits get raised). */
    forgetAfterMs?: number;
    /** The scope's pace shared with the machine's other processes (real clock only). */
    shared?: SharedPace;
}

interface Waiting {
    since: number;
    resolve: () => void;
    reject: (e: unknown) => void;
    signal?: AbortSignal;
    onAbort?: () => void;
}

const WINDOW_MS = 1000;

export class Pacer {
    readonly #clock: Clock;
    readonly #headroom: number;
    readonly #minRate: number;
    readonly #readAgingMs: number;
    readonly #forgetAfterMs: number;
    /** Calls per second; undefined while not pacing. */
    #rate: number | undefined;
    /** The limit (less headroom), once stated or learned. */
    #ceiling = Infinity;
    #stated = false;
    #next = 0;
    #lastIncrease = -Infinity;
    #lastDecrease = -Infinity;
    #lastThrottle = -Infinity;
    #timer = false;
    readonly #shared: SharedPace | undefined;
    /** The shared timeline's slot taken for the call at the head of the queues (epoch ms). */
    #reserved: number | undefined;
    /** Whether the head call's slot was already taken again after being missed. */
    #retaken = false;
    readonly #writes: Waiting[] = [];
    readonly #reads: Waiting[] = [];
    /** Answers of the last second: time and whether throttled. */
    #answers: Array<{ at: number; throttled: boolean }> = [];

    constructor(options: PacerOptions = {}) {
        this.#clock = options.clock ?? realClock;
        this.#headroom = options.headroom ?? 0.95;
        this.#minRate = options.minRate ?? 0.5;
        this.#readAgingMs = options.readAgingMs ?? 5_000;
        this.#forgetAfterMs = options.forgetAfterMs ?? 60_000;
        this.#shared = options.shared;
    }

    /** The current pace in calls per second, or undefined while calls are not paced. */
    get rate(): number | undefined {
        return this.#rate;
    }

    /** Calls waiting for their turn. */
    get queued(): number {
        return this.#writes.length + this.#reads.length;
    }

    /**
     * Resolves when the call may start. `first` puts it at the head of its queue (a retry of a
     * call that already had its turn).
     */
    acquire(priority: CallPriority, signal?: AbortSignal, first = false): Promise<void> {
        signal?.throwIfAborted();
        if (this.#shared) this.#join(this.#clock.now());
        if (this.#rate !== undefined && this.queued === 0 && this.#clock.now() - this.#lastThrottle > this.#forgetAfterMs) {
            this.#rate = undefined;
            this.#ceiling = Infinity;
            this.#stated = false;
        }
        if (this.#rate === undefined) return Promise.resolve();
        return new Promise<void>((resolve, reject) => {
            const w: Waiting = { since: this.#clock.now(), resolve, reject, signal };
            const queue = priority === "write" ? this.#writes : this.#reads;
            if (first) queue.unshift(w);
            else queue.push(w);
            if (signal) {
                w.onAbort = () => {
                    const i = queue.indexOf(w);
                    if (i >= 0) queue.splice(i, 1);
                    reject(abortReason(signal));
                };
                signal.addEventListener("abort", w.onAbort, { once: true });
            }
            this.#pump();
        });
    }

    /**
     * Takes the pace the machine's other processes learned for this scope, if it was throttled
     * within the last `forgetAfterMs`: its rate, whether the cloud stated it, and its last throttle.
     */
    #join(now: number): void {
        const s = this.#shared!.current(now);
        if (!s) return;
        this.#rate = s.rate;
        // A learned rate may be one process's share of the account's; a quiet second lets it climb.
        this.#ceiling = s.stated ? s.rate : Math.max(this.#ceiling === Infinity ? 0 : this.#ceiling, s.rate);
        this.#stated = s.stated;
        this.#lastThrottle = Math.max(this.#lastThrottle, s.lastThrottle);
    }

    /** Records how a call was answered; throttles teach the pace. */
    onAnswer(outcome: PacedOutcome, hint?: ThrottleHint): void {
        const now = this.#clock.now();
        if (outcome !== "other") this.#answers.push({ at: now, throttled: outcome === "throttled" });
        this.#answers = this.#answers.filter((a) => a.at > now - WINDOW_MS);
        if (outcome === "throttled") {
            this.#onThrottled(now, hint);
            if (this.#rate !== undefined) this.#shared?.throttled(this.#rate, this.#stated, now);
        } else if (outcome === "ok") {
            const before = this.#rate;
            this.#onOk(now);
            if (this.#rate !== before && this.#rate !== undefined) this.#shared?.setRate(this.#rate, now);
        }
    }

    #onThrottled(now: number, hint: ThrottleHint | undefined): void {
        this.#lastThrottle = now;
        if (hint && hint.limit > 0 && hint.windowMs > 0) {
            const stated = Math.max(this.#minRate, ((hint.limit * 1000) / hint.windowMs) * this.#headroom);
            if (stated !== this.#ceiling || !this.#stated) {
                this.#ceiling = stated;
                this.#stated = true;
                this.#rate = Math.min(this.#rate ?? stated, stated);
                this.#lastDecrease = now;
                return;
            }
        }
        const throttled = this.#answers.filter((a) => a.throttled).length;
        const ok = this.#answers.length - throttled;
        // Too many throttles in the last second: most answers before pacing starts, a fifth once
        // paced (a burst is expected to be refused in part; a pace should not be).
        const heavy = this.#rate === undefined ? throttled >= 3 && throttled >= ok : throttled >= 2 && throttled * 4 >= ok;
        if (!heavy || now - this.#lastDecrease < WINDOW_MS) return;
        if (this.#rate === undefined) {
            this.#ceiling = Math.max(this.#minRate, Math.max(1, ok) * this.#headroom);
            this.#rate = this.#ceiling;
        } else {
            if (!this.#stated) this.#ceiling = Math.max(this.#minRate, Math.min(this.#ceiling, this.#rate) * this.#headroom);
            this.#rate = this.#bounded(this.#rate * 0.7);
        }
        this.#lastDecrease = now;
    }

    #onOk(now: number): void {
        if (this.#rate === undefined || this.#rate >= this.#ceiling) return;
        if (now - Math.max(this.#lastIncrease, this.#lastDecrease) < WINDOW_MS || this.#answers.some((a) => a.throttled)) return;
        this.#rate = this.#bounded(this.#rate * 1.1 + 0.5);
        this.#lastIncrease = now;
    }

    #bounded(rate: number): number {
        return Math.max(this.#minRate, Math.min(this.#ceiling, rate));
    }

    #take(now: number): Waiting | undefined {
        const read = this.#reads[0];
        if (read && (this.#writes.length === 0 || now - read.since >= this.#readAgingMs)) return this.#reads.shift();
        return this.#writes.shift();
    }

    #pump(): void {
        if (this.#timer) return;
        for (;;) {
            if (this.queued === 0) return;
            const now = this.#clock.now();
            const rate = this.#rate;
            // One slot of the shared timeline at a time, for the call at the head: a process never
            // holds more than one, so the processes' calls interleave at the shared rate.
            if (rate !== undefined && this.#shared && this.#reserved === undefined) this.#reserved = this.#shared.reserve(now);
            // A slot missed by more than half an interval (the process was starved of CPU and its
            // timer fired late) is given up for a new one: started late, the call would land among
            // the slots other processes took meanwhile, over the rate in that second.
            if (rate !== undefined && this.#reserved !== undefined && !this.#retaken && now - this.#reserved > 500 / rate) {
                this.#reserved = this.#shared?.reserve(now);
                this.#retaken = true;
            }
            const due = this.#reserved ?? this.#next;
            if (rate !== undefined && due > now) {
                this.#timer = true;
                void this.#clock.sleep(due - now).then(() => {
                    this.#timer = false;
                    this.#pump();
                });
                return;
            }
            const w = this.#take(now)!;
            if (w.onAbort) w.signal?.removeEventListener("abort", w.onAbort);
            this.#retaken = false;
            if (this.#reserved !== undefined) this.#reserved = undefined;
            else if (rate !== undefined) this.#next = Math.max(now, this.#next) + 1000 / rate;
            w.resolve();
        }
    }
}

/**
 * A pacer per throttle scope for the whole process, so every client of one endpoint and
 * credential (and every resource kind using them) shares one pace.
 */
export class PacerRegistry {
    readonly #pacers = new Map<string, Pacer>();
    /**
     * `shared`: the machine-wide pace of each scope (see shared-pace.ts), on when given (`{}` for
     * the defaults) and the clock is real; off by default, so a registry made for a test paces alone.
     */
    constructor(private readonly options: PacerOptions & { sharedAcrossProcesses?: SharedPaceOptions | false } = {}) {}
    get(scope: string): Pacer {
        let p = this.#pacers.get(scope);
        if (!p) {
            const { sharedAcrossProcesses, ...options } = this.options;
            const shared = sharedAcrossProcesses && !options.clock ? new SharedPace(scope, sharedAcrossProcesses) : undefined;
            p = new Pacer({ ...options, shared });
            this.#pacers.set(scope, p);
        }
        return p;
    }
}

/** The process's pacers: shared with the machine's other processes unless `PRIVATELINK_SHARED_PACE=off`. */
export const processPacers = new PacerRegistry({ sharedAcrossProcesses: sharedPaceEnabled() ? {} : false });

/**
 * The registry a client takes its pacers from: the one it was given, none when given `false`,
 * a fresh one on an injected clock (tests), else the process's.
 */
export function pacersFor(config: { pacers?: PacerRegistry | false; clock?: Clock }): PacerRegistry | undefined {
    if (config.pacers === false) return undefined;
    return config.pacers ?? (config.clock ? new PacerRegistry({ clock: config.clock }) : processPacers);
}

/** "…limit:10,time:1 second" / "limit:300, time:1 minute" in a throttling message. */
export function statedLimit(message: string | undefined): ThrottleHint | undefined {
    const m = /limit\s*:\s*(\d+)\s*,\s*time\s*:\s*(\d+)\s*(second|minute|hour)s?/i.exec(message ?? "");
    if (!m) return undefined;
    // all three groups match whenever the pattern does
    const unit = { second: 1000, minute: 60_000, hour: 3_600_000 }[m[3]!.toLowerCase() as "second" | "minute" | "hour"];
    const limit = Number(m[1]);
    const windowMs = Number(m[2]) * unit;
    return limit > 0 && windowMs > 0 ? { limit, windowMs } : undefined;
}
