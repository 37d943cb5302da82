import { boundedJitter, exponentialCeiling, fullJitter, parseRetryAfter } from "../../../sdk/core/backoff";
import { seededRandom } from "../../../sdk/core/clock";
import { NetworkError, ServerError, ThrottledError, ValidationError } from "../../../sdk/core/errors";
import { decideRetry, defaultRetryPolicy, RetryBudget, retryDelayMs } from "../../../sdk/core/retry";

describe("backoff bounds", () => {
    it.each([
        [0, 100, 10_000, 100],
        [1, 100, 10_000, 200],
        [5, 100, 10_000, 3200],
        [7, 100, 10_000, 10_000],
        [500, 100, 10_000, 10_000],
    ])("caps the ceiling of attempt %i (base %i, cap %i) at %i", (attempt, base, cap, expected) => {
        expect(exponentialCeiling(attempt, base, cap)).toBe(expected);
    });

    it("keeps full jitter within [0, ceiling) over many draws", () => {
        const rnd = seededRandom(1);
        for (let attempt = 0; attempt < 12; attempt++) {
            const ceiling = exponentialCeiling(attempt, 250, 20_000);
            let max = 0;
            for (let i = 0; i < 500; i++) {
                const d = fullJitter(attempt, 250, 20_000, rnd);
                expect(d).toBeGreaterThanOrEqual(0);
                expect(d).toBeLessThan(ceiling);
                max = Math.max(max, d);
            }
            expect(max).toBeGreaterThan(ceiling * 0.9); // it really spreads over the range
        }
    });

    it("keeps waiter jitter within [ceiling/2, ceiling]", () => {
        for (const f of [0, 0.25, 0.999999]) {
            const d = boundedJitter(3, 1000, 15_000, f);
            expect(d).toBeGreaterThanOrEqual(4000);
            expect(d).toBeLessThanOrEqual(8000);
        }
    });
});

describe("Retry-After", () => {
    const now = Date.UTC(2024, 0, 1, 0, 0, 0);
    it.each([
        ["3", 3000],
        ["0", 0],
        ["1.5", 1500],
        [new Date(now + 10_000).toUTCString(), 10_000],
        [new Date(now - 10_000).toUTCString(), 0],
        ["soon", undefined],
        [undefined, undefined],
        ["", undefined],
    ])("parses %p as %p ms", (value, ms) => {
        expect(parseRetryAfter(value, now)).toBe(ms);
    });

    it("never retries sooner than Retry-After", () => {
        const err = new ThrottledError({ api: "a", operation: "o", code: "APIGW.0308", message: "", httpStatus: 429, retryAfterMs: 7000 });
        for (let i = 0; i < 50; i++) expect(retryDelayMs(err, 1, defaultRetryPolicy, Math.random)).toBeGreaterThanOrEqual(7000);
    });

    it("gives up instead of waiting out a Retry-After beyond the policy's maximum", () => {
        const err = new ThrottledError({ api: "a", operation: "o", code: "APIGW.0308", message: "", httpStatus: 429, retryAfterMs: 10 * 60_000 });
        expect(decideRetry(err, 1, defaultRetryPolicy, new RetryBudget(), Math.random)).toEqual({
            retry: false,
            reason: expect.stringContaining("Retry-After"),
        });
    });
});

describe("retry decisions", () => {
    const server = (): ServerError => new ServerError({ api: "a", operation: "o", code: "EndPoint.0001", message: "", httpStatus: 500 });
    it("does not retry what is not retryable", () => {
        const err = new ValidationError({ api: "a", operation: "o", code: "EndPoint.0002", message: "", httpStatus: 400 });
        expect(decideRetry(err, 1, defaultRetryPolicy, new RetryBudget(), Math.random).retry).toBe(false);
    });

    it("keeps retrying a transient fault, a throttle too, past maxAttempts while within retryForMs", () => {
        const p = { ...defaultRetryPolicy, maxAttempts: 3, retryForMs: 30_000, maxDelayMs: 1_000 };
        const b = new RetryBudget();
        expect(decideRetry(server(), 3, p, b, Math.random, false, 10_000).retry).toBe(true);
        expect(decideRetry(server(), 9, p, b, Math.random, false, 29_500).retry).toBe(false);
        const throttled = new ThrottledError({ api: "a", operation: "o", code: "APIGW.0308", message: "", httpStatus: 429 });
        expect(decideRetry(throttled, 3, p, b, Math.random, false, 1_000).retry).toBe(true);
        expect(decideRetry(throttled, 9, p, b, Math.random, false, 29_900).retry).toBe(false);
    });

    it("an exhausted budget slows the retries of a call within its window, and refuses them past it", () => {
        const p = { ...defaultRetryPolicy, retryForMs: 45_000, maxDelayMs: 20_000 };
        const b = new RetryBudget({ capacity: 0 });
        expect(decideRetry(server(), 1, p, b, Math.random, false, 1_000)).toEqual({ retry: true, delayMs: 5_000 });
        expect(decideRetry(server(), 1, p, b, Math.random, false, 41_000)).toEqual({ retry: false, reason: "retry budget exhausted" });
        expect(decideRetry(server(), 1, p, b, Math.random)).toEqual({ retry: false, reason: "retry budget exhausted" });
    });

    it("stops after maxAttempts", () => {
        const p = { ...defaultRetryPolicy, maxAttempts: 3 };
        const b = new RetryBudget();
        expect(decideRetry(server(), 2, p, b, Math.random).retry).toBe(true);
        expect(decideRetry(server(), 3, p, b, Math.random).retry).toBe(false);
    });

    it("draws retries from a token bucket that successes refill", () => {
        const b = new RetryBudget({ capacity: 20, retryCost: 5, networkRetryCost: 10, successRefund: 1 });
        const net = new NetworkError({ api: "a", operation: "o", code: "SDK.Network.ECONNRESET", message: "", phase: "sent", timeout: false });
        expect(decideRetry(net, 1, defaultRetryPolicy, b, Math.random).retry).toBe(true); // 20 → 10
        expect(decideRetry(server(), 1, defaultRetryPolicy, b, Math.random).retry).toBe(true); // → 5
        expect(decideRetry(server(), 1, defaultRetryPolicy, b, Math.random).retry).toBe(true); // → 0
        expect(decideRetry(server(), 1, defaultRetryPolicy, b, Math.random)).toEqual({ retry: false, reason: "retry budget exhausted" });
        for (let i = 0; i < 5; i++) b.onSuccess();
        expect(b.available).toBe(5);
        expect(decideRetry(server(), 1, defaultRetryPolicy, b, Math.random).retry).toBe(true);
        for (let i = 0; i < 100; i++) b.onSuccess();
        expect(b.available).toBe(20); // never above capacity
    });
});
