import type { Clock } from "../../../sdk/core/clock";

/** A clock whose time only moves when the test says so. */
export class FakeClock implements Clock {
    #now: number;
    #timers: Array<{ at: number; resolve: () => void; seq: number }> = [];
    #seq = 0;
    readonly sleeps: number[] = [];

    constructor(start = Date.UTC(2024, 0, 1)) {
        this.#now = start;
    }

    now(): number {
        return this.#now;
    }

    sleep(ms: number, signal?: AbortSignal): Promise<void> {
        this.sleeps.push(ms);
        return new Promise<void>((resolve, reject) => {
            if (signal?.aborted) return reject(signal.reason);
            const timer = { at: this.#now + Math.max(0, ms), resolve: () => {}, seq: this.#seq++ };
            const onAbort = (): void => {
                this.#timers = this.#timers.filter((t) => t !== timer);
                reject(signal!.reason);
            };
            timer.resolve = () => {
                signal?.removeEventListener("abort", onAbort);
                resolve();
            };
            signal?.addEventListener("abort", onAbort, { once: true });
            this.#timers.push(timer);
        });
    }

    get pendingTimers(): number {
        return this.#timers.length;
    }

    /** Lets promise chains settle (several macrotask turns). */
    async flush(): Promise<void> {
        for (let i = 0; i < 10; i++) await new Promise<void>((r) => setImmediate(r));
    }

    /** Moves time forward by `ms`, firing timers in order and letting the code under test run between them. */
    async advance(ms: number): Promise<void> {
        const target = this.#now + ms;
        await this.flush();
        for (;;) {
            this.#timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const next = this.#timers[0];
            if (!next || next.at > target) break;
            this.#timers.shift();
            this.#now = Math.max(this.#now, next.at);
            next.resolve();
            await this.flush();
        }
        this.#now = target;
        await this.flush();
    }

    /** Advances in steps until `done()` or `maxMs` elapsed. */
    async runUntil(done: () => boolean, maxMs: number, stepMs = 1000): Promise<void> {
        for (let t = 0; t < maxMs && !done(); t += stepMs) await this.advance(stepMs);
    }
}
