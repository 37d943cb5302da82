import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Clock } from "../../../sdk/core/clock";
import { ThrottledError } from "../../../sdk/core/errors";
import { type CallPriority, Pacer, PacerRegistry, statedLimit } from "../../../sdk/core/pacer";
import { decideRetry, defaultRetryPolicy, RetryBudget } from "../../../sdk/core/retry";
import { SharedPace } from "../../../sdk/core/shared-pace";
import { FakeClock } from "../helpers/fake-clock";

/** Queues `n` calls of one priority and records when each is let through. */
function queue(p: Pacer, clock: FakeClock, n: number, priority: CallPriority, log: Array<{ priority: CallPriority; i: number; at: number }>): Promise<void>[] {
    return Array.from({ length: n }, (_, i) => p.acquire(priority).then(() => void log.push({ priority, i, at: clock.now() })));
}

const HINT = { limit: 10, windowMs: 1000 };

describe("statedLimit", () => {
    it.each([
        ["The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second", { limit: 10, windowMs: 1000 }],
        ["policy ip over ratelimit, limit:300, time:1 minute", { limit: 300, windowMs: 60_000 }],
        ["limit:50,time:5 minute", { limit: 50, windowMs: 300_000 }],
        ["LIMIT:7,TIME:2 SECONDS", { limit: 7, windowMs: 2000 }],
    ])("reads %j", (message, expected) => {
        expect(statedLimit(message)).toEqual(expected);
    });

    it.each(["Request was denied due to user flow control.", "(limit 10 requests per second)", "limit:0,time:1 second", "", undefined])(
        "finds no limit in %j",
        (message) => {
            expect(statedLimit(message)).toBeUndefined();
        },
    );
});

describe("Pacer", () => {
    it("lets every call through at once until the cloud throttles", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        const log: Array<{ priority: CallPriority; i: number; at: number }> = [];
        await Promise.all(queue(p, clock, 50, "write", log));
        expect(p.rate).toBeUndefined();
        expect(new Set(log.map((l) => l.at)).size).toBe(1);
        expect(clock.pendingTimers).toBe(0);
    });

    it("paces at 95 % of a stated limit, evenly, after one throttle", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        p.onAnswer("throttled", HINT);
        expect(p.rate).toBeCloseTo(9.5);
        const log: Array<{ priority: CallPriority; i: number; at: number }> = [];
        const all = Promise.all(queue(p, clock, 40, "write", log));
        await clock.runUntil(() => log.length === 40, 10_000, 50);
        await all;
        const gaps = log.slice(1).map((l, i) => l.at - log[i]!.at);
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / 9.5 - 1);
        expect(Math.max(...gaps)).toBeLessThanOrEqual(1000 / 9.5 + 50);
        // never more than the limit in any one-second window, wherever it starts
        for (const l of log) expect(log.filter((m) => m.at >= l.at && m.at < l.at + 1000).length).toBeLessThanOrEqual(10);
        // the 39 gaps add up to the time from the first call to the last
        expect(gaps.reduce((sum, g) => sum + g, 0)).toBeGreaterThan(3900);
    });

    it("serves queued writes before queued reads, and a read that has waited 5 s next", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock, readAgingMs: 5000 });
        p.onAnswer("throttled", { limit: 2, windowMs: 1000 }); // 1.9/s
        const log: Array<{ priority: CallPriority; i: number; at: number }> = [];
        const reads = queue(p, clock, 2, "read", log);
        const writes = queue(p, clock, 20, "write", log);
        await clock.runUntil(() => log.length === 22, 20_000, 50);
        await Promise.all([...reads, ...writes]);
        const order = log.map((l) => l.priority);
        // the first call went straight through (a read, nothing was queued before it); the other
        // read waits behind the writes only until it has waited 5 s
        const readLog = log.filter((l) => l.priority === "read");
        const [firstRead, secondRead] = readLog;
        if (!firstRead || !secondRead) throw new Error(`expected two reads in the log, found ${readLog.length}`);
        expect(order[0]).toBe("read");
        expect(order.indexOf("read", 1)).toBeGreaterThan(5);
        expect(order.indexOf("read", 1)).toBeLessThan(20);
        expect(secondRead.at - firstRead.at).toBeGreaterThanOrEqual(5000);
        expect(secondRead.at - firstRead.at).toBeLessThan(5000 + 1000 / 1.9 + 50);
    });

    it("puts a retry at the head of its queue", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        p.onAnswer("throttled", HINT);
        const order: string[] = [];
        const a = p.acquire("write").then(() => order.push("a"));
        const b = p.acquire("write").then(() => order.push("b"));
        const r = p.acquire("write", undefined, true).then(() => order.push("retry"));
        await clock.runUntil(() => order.length === 3, 5000, 50);
        await Promise.all([a, b, r]);
        expect(order).toEqual(["a", "retry", "b"]);
    });

    it("rejects a queued call whose signal aborts, and lets the others through", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        p.onAnswer("throttled", { limit: 1, windowMs: 1000 });
        const ac = new AbortController();
        const first = p.acquire("write");
        const aborted = p.acquire("write", ac.signal);
        const last = p.acquire("write");
        await first;
        ac.abort(new Error("stop"));
        await expect(aborted).rejects.toThrow("stop");
        expect(p.queued).toBe(1);
        await clock.advance(1100);
        await last;
        expect(p.queued).toBe(0);
    });

    it("does not slow down for throttles scattered among successes", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        for (let i = 0; i < 300; i++) {
            p.onAnswer(i % 4 === 0 ? "throttled" : "ok"); // 25 % throttled
            await clock.advance(10);
        }
        expect(p.rate).toBeUndefined();
    });

    it("learns an unstated limit: paces at what got through, backs off when throttled again, climbs back to a lowered limit", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        for (let i = 0; i < 6; i++) p.onAnswer("ok");
        for (let i = 0; i < 20; i++) p.onAnswer("throttled");
        expect(p.rate).toBeCloseTo(6 * 0.95);
        // a fifth of a second's answers throttled again: back off by 30 %, at once
        await clock.advance(1001);
        for (let i = 0; i < 8; i++) p.onAnswer("ok");
        for (let i = 0; i < 2; i++) p.onAnswer("throttled");
        expect(p.rate).toBeCloseTo(5.7 * 0.7);
        // one back-off per second at most
        for (let i = 0; i < 5; i++) p.onAnswer("throttled");
        expect(p.rate).toBeCloseTo(5.7 * 0.7);
        // no increase while the last second still held throttles
        await clock.advance(500);
        p.onAnswer("ok");
        expect(p.rate).toBeCloseTo(5.7 * 0.7);
        // then +10 % and 0.5 per quiet second, up to the lowered limit (5.7 × 0.95)
        await clock.advance(1001);
        p.onAnswer("ok");
        expect(p.rate).toBeCloseTo(5.7 * 0.7 * 1.1 + 0.5);
        for (let s = 0; s < 5; s++) {
            await clock.advance(1001);
            p.onAnswer("ok");
        }
        expect(p.rate).toBeCloseTo(5.7 * 0.95);
    });

    it("does not slow down for a lone throttle while paced", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        p.onAnswer("throttled", HINT);
        for (let s = 0; s < 5; s++) {
            await clock.advance(1001);
            for (let i = 0; i < 8; i++) p.onAnswer("ok");
            p.onAnswer("throttled", HINT);
        }
        expect(p.rate).toBeCloseTo(9.5);
    });

    it("backs off below a stated limit when the account's rate is shared, and climbs back to it", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        p.onAnswer("throttled", HINT);
        await clock.advance(1001);
        for (let i = 0; i < 4; i++) p.onAnswer("throttled", HINT);
        expect(p.rate).toBeCloseTo(9.5 * 0.7);
        for (let s = 0; s < 10; s++) {
            await clock.advance(1001);
            p.onAnswer("ok");
        }
        expect(p.rate).toBeCloseTo(9.5);
    });

    it("forgets the pace after a minute without throttles", async () => {
        const clock = new FakeClock();
        const p = new Pacer({ clock });
        p.onAnswer("throttled", HINT);
        await p.acquire("write");
        await clock.advance(30_000);
        await p.acquire("write");
        expect(p.rate).toBeCloseTo(9.5);
        await clock.advance(31_000);
        await p.acquire("write");
        expect(p.rate).toBeUndefined();
    });

    it("gives up a shared slot its process missed, so a late call does not land among the slots others took", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-pacer-"));
        try {
            const clock = new FakeClock();
            // a process starved of CPU: its timers fire 300 ms late
            const starved: Clock = { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms + 300, signal) };
            const p = new Pacer({ clock: starved, shared: new SharedPace("scope", { dir }) });
            p.onAnswer("throttled", HINT);
            const t0 = clock.now();
            await p.acquire("write");
            const at: number[] = [];
            const late = p.acquire("write").then(() => void at.push(clock.now()));
            // meanwhile another process takes the next four slots of the shared timeline
            const other = new SharedPace("scope", { dir });
            const theirs = [0, 1, 2, 3].map(() => other.reserve(t0)!);
            await clock.runUntil(() => at.length === 1, 5_000, 10);
            await late;
            // started on its missed slot (t0 + 405 ms) it would have landed between theirs
            expect(at[0]).toBeGreaterThan(Math.max(...theirs));
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("shares one pacer per scope in a registry", () => {
        const r = new PacerRegistry();
        expect(r.get("a")).toBe(r.get("a"));
        expect(r.get("a")).not.toBe(r.get("b"));
    });
});

describe("retries of paced calls", () => {
    const throttle = (retryAfterMs?: number) =>
        new ThrottledError({ api: "a", operation: "o", code: "APIGW.0308", message: "", httpStatus: 429, retryAfterMs });

    it("waits only the Retry-After (or one second) and costs the cheap retry", () => {
        const budget = new RetryBudget({ capacity: 10, retryCost: 5, throttledRetryCost: 1 });
        const d1 = decideRetry(throttle(), 1, defaultRetryPolicy, budget, () => 0.9, true);
        expect(d1).toEqual({ retry: true, delayMs: 1000 });
        const d2 = decideRetry(throttle(1000), 2, defaultRetryPolicy, budget, () => 0.9, true);
        expect(d2).toEqual({ retry: true, delayMs: 1000 });
        expect(budget.available).toBe(8);
    });

    it("waits out a stated window longer than a second, up to maxDelayMs", () => {
        const minute = new ThrottledError({
            api: "a",
            operation: "o",
            code: "APIGW.0308",
            message: "policy user over ratelimit,limit:300,time:1 minute",
            httpStatus: 429,
        });
        const seconds = new ThrottledError({
            api: "a",
            operation: "o",
            code: "APIGW.0308",
            message: "policy user over ratelimit,limit:20,time:5 second",
            httpStatus: 429,
        });
        expect(decideRetry(minute, 1, defaultRetryPolicy, new RetryBudget(), Math.random, true)).toEqual({
            retry: true,
            delayMs: defaultRetryPolicy.maxDelayMs,
        });
        expect(decideRetry(seconds, 1, defaultRetryPolicy, new RetryBudget(), Math.random, true)).toEqual({ retry: true, delayMs: 5000 });
    });

    it("gives up on a persistent throttle without Retry-After after maxAttempts, with Retry-After after maxThrottledAttempts", () => {
        const budget = new RetryBudget();
        expect(decideRetry(throttle(), defaultRetryPolicy.maxAttempts - 1, defaultRetryPolicy, budget, Math.random, true).retry).toBe(true);
        expect(decideRetry(throttle(), defaultRetryPolicy.maxAttempts, defaultRetryPolicy, budget, Math.random, true).retry).toBe(false);
        expect(decideRetry(throttle(1000), defaultRetryPolicy.maxAttempts, defaultRetryPolicy, budget, Math.random, true).retry).toBe(true);
        expect(decideRetry(throttle(1000), defaultRetryPolicy.maxThrottledAttempts, defaultRetryPolicy, budget, Math.random, true).retry).toBe(false);
    });
});
