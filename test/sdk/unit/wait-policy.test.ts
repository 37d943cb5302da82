/**
 * The delay policies the benchmarks (bench/) tuned: waits polled in proportion to the time waited
 * (so a resource is seen ready within about a tenth of its provisioning time), and throttles with
 * Retry-After spread over the next windows without draining the retry budget.
 */
import { boundedJitter, throttleDelayMs, waitDelay } from "../../../sdk/core/backoff";
import { seededRandom } from "../../../sdk/core/clock";
import { ServerError, ThrottledError } from "../../../sdk/core/errors";
import { decideRetry, defaultRetryPolicy, RetryBudget, retryDelayMs } from "../../../sdk/core/retry";
import { Watcher, type WatcherSource } from "../../../sdk/core/waiter";
import { HuaweiClient, type HuaweiClientConfig } from "../../../sdk/huaweicloud/client";
import { FakeClock } from "../helpers/fake-clock";

describe("waitDelay", () => {
    it("is the plain bounded jitter without elapsedRatio", () => {
        for (const [n, e, f] of [
            [0, 0, 0.3],
            [3, 10_000, 0.9],
            [9, 200_000, 0],
        ] as const) {
            expect(waitDelay(n, e, 1000, 15_000, undefined, f)).toBe(boundedJitter(n, 1000, 15_000, f));
        }
    });

    it("never exceeds max(base, ratio × elapsed) with elapsedRatio, and keeps the jitter floor", () => {
        for (let n = 0; n < 20; n++) {
            for (const elapsed of [0, 500, 2_000, 10_000, 30_000, 120_000]) {
                for (const f of [0, 0.5, 0.999]) {
                    const d = waitDelay(n, elapsed, 300, 15_000, 0.2, f);
                    const c = Math.min(boundedJitter(n, 300, 15_000, 1), Math.max(300, 0.2 * elapsed));
                    expect(d).toBeLessThanOrEqual(c + 1e-9);
                    expect(d).toBeGreaterThanOrEqual(c / 2 - 1e-9);
                }
            }
        }
    });

    it("is capped by maxDelay even for very long waits", () => {
        expect(waitDelay(40, 3_600_000, 300, 15_000, 0.2, 0.999)).toBeLessThanOrEqual(15_000);
    });
});

describe("a Watcher with elapsedRatio on a fake clock", () => {
    type Thing = { id: string; status: string };
    /** A resource that is ready `readyAfterMs` after the wait starts; the times of its polls. */
    async function watch(clock: FakeClock, readyAfterMs: number, make: (source: WatcherSource<Thing>) => Watcher<Thing>) {
        const start = clock.now();
        const at: number[] = [];
        const w = make({
            getOne: async (id) => {
                at.push(clock.now() - start);
                return { id, status: clock.now() - start >= readyAfterMs ? "available" : "creating" };
            },
        });
        let doneAt = -1;
        void w.wait("r", { target: ["available"], timeoutMs: 600_000 }).then(() => (doneAt = clock.now()));
        await clock.runUntil(() => doneAt >= 0, 700_000, 10);
        return { overshoot: doneAt - start - readyAfterMs, polls: at.length, at };
    }

    async function overshoot(readyAfterMs: number, seed: number, ratio: number | undefined) {
        const clock = new FakeClock();
        return watch(
            clock,
            readyAfterMs,
            (source) =>
                new Watcher<Thing>(source, { kind: "test", clock, random: seededRandom(seed), minDelayMs: 300, maxDelayMs: 15_000, elapsedRatio: ratio }),
        );
    }

    it.each([1_000, 5_000, 30_000])("sees a resource ready after %i ms within 20 %% of that (or 300 ms)", async (t) => {
        for (let seed = 1; seed <= 5; seed++) {
            const r = await overshoot(t, seed, 0.2);
            expect(r.overshoot).toBeLessThanOrEqual(Math.max(300, 0.2 * t) + 10);
        }
    });

    it("polls a long wait O(log) times, and far more finely than plain backoff", async () => {
        const ratio = await overshoot(30_000, 3, 0.2);
        const plain = await overshoot(30_000, 3, undefined);
        expect(ratio.polls).toBeLessThanOrEqual(40);
        expect(ratio.overshoot).toBeLessThan(plain.overshoot + 1);
    });

    it("takes a waiter's own elapsedRatio over the watcher's", async () => {
        const clock = new FakeClock();
        const at: number[] = [];
        const w = new Watcher<{ id: string; status: string }>(
            { getOne: async (id) => (at.push(clock.now()), { id, status: "creating" }) },
            { kind: "t", clock, random: () => 0.999, minDelayMs: 1000, maxDelayMs: 60_000 },
        );
        void w.wait("r", { target: ["available"], timeoutMs: 60_000, elapsedRatio: 0.1 }).catch(() => undefined);
        await clock.runUntil(() => at.length >= 12, 60_000, 50);
        const gaps = at.slice(1).map((t, i) => t - at[i]!);
        // with the ratio the ceiling is max(1000, 0.1 × elapsed): no gap above ~1000 in the first 10 s
        expect(gaps.filter((_, i) => at[i + 1]! < 10_000).every((g) => g <= 1000 + 50)).toBe(true);
    });

    describe("is what Huawei clients use by default", () => {
        const huaweiClient = (clock: FakeClock, seed: number, wait?: HuaweiClientConfig["wait"]) =>
            new HuaweiClient({
                region: "cn-north-4",
                projectId: "a0000000000000000000000000000001",
                accessKey: "AK",
                secretKey: "SK",
                clock,
                random: seededRandom(seed),
                pacers: false,
                retryBudget: new RetryBudget(),
                wait,
            });
        /** Each gap between two polls, with the time waited when the first of them was made. */
        const gaps = (at: number[]) => at.slice(1).map((t, i) => ({ waited: at[i]!, gap: t - at[i]! }));

        it.each([1_000, 5_000, 30_000])(
            "a client's watcher never lets a gap exceed max(300 ms, 10 %% of the time waited), so a resource ready after %i ms is seen within that",
            async (t) => {
                for (let seed = 1; seed <= 3; seed++) {
                    const clock = new FakeClock();
                    const client = huaweiClient(clock, seed);
                    const r = await watch(clock, t, (source) => client.watcher("test:thing", () => source));
                    for (const { waited, gap } of gaps(r.at))
                        expect({ waited, gap, within: gap <= Math.max(300, 0.1 * waited) + 1 }).toMatchObject({ within: true });
                    expect(r.overshoot).toBeLessThanOrEqual(Math.max(300, 0.1 * t) + 10);
                    expect(r.at[0]).toBeLessThanOrEqual(300);
                }
            },
        );

        it("a client given its own `wait` without the ratio polls by plain backoff instead (the defaults are replaced as a whole)", async () => {
            const clock = new FakeClock();
            const client = huaweiClient(clock, 1, { minDelayMs: 300, maxDelayMs: 15_000 });
            const r = await watch(clock, 30_000, (source) => client.watcher("test:thing", () => source));
            expect(gaps(r.at).some(({ waited, gap }) => gap > Math.max(300, 0.1 * waited) + 1)).toBe(true);
            expect(r.overshoot).toBeGreaterThan(0.1 * 30_000);
        });
    });
});

describe("throttles with Retry-After", () => {
    const throttle = (retryAfterMs?: number) =>
        new ThrottledError({ api: "a", operation: "o", code: "APIGW.0308", message: "", httpStatus: 429, retryAfterMs });

    it("wait Retry-After plus a spread that widens to 4× it, never sooner", () => {
        const rnd = seededRandom(5);
        for (let attempt = 1; attempt <= 6; attempt++) {
            const spread = 1000 * 2 ** Math.min(attempt - 1, 2);
            for (let i = 0; i < 200; i++) {
                const d = throttleDelayMs(1000, attempt, 20_000, rnd);
                expect(d).toBeGreaterThanOrEqual(1000);
                expect(d).toBeLessThan(1000 + spread);
            }
            expect(retryDelayMs(throttle(1000), attempt, defaultRetryPolicy, () => 0.5)).toBe(1000 + spread / 2);
        }
    });

    it("get maxThrottledAttempts, other errors (and throttles without Retry-After) maxAttempts", () => {
        const p = { ...defaultRetryPolicy, maxAttempts: 3, maxThrottledAttempts: 10 };
        const b = new RetryBudget();
        expect(decideRetry(throttle(1000), 9, p, b, Math.random).retry).toBe(true);
        expect(decideRetry(throttle(1000), 10, p, b, Math.random).retry).toBe(false);
        expect(decideRetry(throttle(undefined), 3, p, b, Math.random).retry).toBe(false);
        expect(decideRetry(new ServerError({ api: "a", operation: "o", code: "x", message: "", httpStatus: 500 }), 3, p, b, Math.random).retry).toBe(false);
    });

    it("cost the retry budget throttledRetryCost, so a burst does not drain it", () => {
        const b = new RetryBudget({ capacity: 10, retryCost: 5, throttledRetryCost: 1 });
        for (let i = 0; i < 10; i++) expect(decideRetry(throttle(1000), 1, defaultRetryPolicy, b, Math.random).retry).toBe(true);
        expect(decideRetry(throttle(1000), 1, defaultRetryPolicy, b, Math.random)).toEqual({ retry: false, reason: "retry budget exhausted" });
        const c = new RetryBudget({ capacity: 10, retryCost: 5 });
        expect(decideRetry(throttle(undefined), 1, defaultRetryPolicy, c, Math.random).retry).toBe(true);
        expect(c.available).toBe(5);
    });
});
