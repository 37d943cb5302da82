/**
 * Time as a dependency: retries and waiters take a Clock so that unit tests can run them on a
 * fake clock, and a random source so that jitter is reproducible.
 */
export interface Clock {
    now(): number;
    /** Resolves after `ms`; rejects with the signal's reason when the signal aborts first. */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortReason(signal: AbortSignal): unknown {
    return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

export const realClock: Clock = {
    now: () => Date.now(),
    sleep(ms: number, signal?: AbortSignal): Promise<void> {
        return new Promise<void>((resolve, reject) => {
            if (signal?.aborted) return reject(abortReason(signal));
            const onAbort = (): void => {
                clearTimeout(timer);
                reject(abortReason(signal!));
            };
            const timer = setTimeout(
                () => {
                    signal?.removeEventListener("abort", onAbort);
                    resolve();
                },
                Math.max(0, ms),
            );
            signal?.addEventListener("abort", onAbort, { once: true });
        });
    },
};

export type Random = () => number;

/** Small seeded PRNG (mulberry32), used by tests and by the emulator-free fake clocks. */
export function seededRandom(seed: number): Random {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** "850 ms", "12 s", "10 min", "1 h 5 min" — for error messages people read. */
export function formatDuration(ms: number): string {
    if (ms < 1000) return `${Math.round(ms)} ms`;
    const s = Math.round(ms / 1000);
    if (s < 120) return `${s} s`;
    const min = Math.round(s / 60);
    if (min < 120) return `${min} min`;
    const h = Math.floor(min / 60);
    const rest = min % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
}
