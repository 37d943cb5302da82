/** A seedable pseudo-random generator (mulberry32): same seed, same fault decisions. */
export interface Rng {
    /** A number in [0, 1). */
    next(): number;
}

/** Creates a generator from a 32-bit seed; without one, seeds from Math.random. */
export function createRng(seed?: number): Rng {
    let state = (seed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
    return {
        next() {
            state = (state + 0x6d2b79f5) >>> 0;
            let t = state;
            t = Math.imul(t ^ (t >>> 15), t | 1);
            t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
            return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        },
    };
}
