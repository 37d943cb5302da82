import { seededRandom } from "../../../sdk/core/clock";
import { NotFoundError, ThrottledError, ValidationError } from "../../../sdk/core/errors";
import { WaitFailedError, type WaitProgress, type WaitResult, WaitTimeoutError, Watcher, waitFor } from "../../../sdk/core/waiter";
import { FakeClock } from "../helpers/fake-clock";

interface Res {
    id: string;
    status: string;
    error?: Array<{ error_code: string; error_message: string }>;
}

/** Settles a promise into an inspectable box without awaiting it. */
function track<T>(p: Promise<T>) {
    const box: { done: boolean; value?: T; error?: unknown } = { done: false };
    p.then(
        (v) => Object.assign(box, { done: true, value: v }),
        (e: unknown) => Object.assign(box, { done: true, error: e }),
    );
    return box;
}

describe("waitFor on a fake clock", () => {
    it("resolves when the resource reaches the target status, polling with growing delays", async () => {
        const clock = new FakeClock();
        const statuses = ["creating", "creating", "creating", "available"];
        const polls: number[] = [];
        const start = clock.now();
        const box = track(
            waitFor<Res>({
                get: async () => {
                    polls.push(clock.now() - start);
                    return { id: "s1", status: statuses.shift() ?? "available" };
                },
                target: ["available"],
                failure: ["failed"],
                clock,
                random: () => 0.5,
                minDelayMs: 1000,
                maxDelayMs: 8000,
            }),
        );
        await clock.runUntil(() => box.done, 60_000, 250);
        expect(box.error).toBeUndefined();
        expect(box.value).toMatchObject({ outcome: "target", status: "available", polls: 4 });
        // first delay small (in [min/2, min]), then jittered exponential: gaps 750, 1500, 3000, 6000
        const gaps = polls.map((t, i) => t - (i ? polls[i - 1]! : 0));
        expect(gaps[0]).toBeGreaterThanOrEqual(500);
        expect(gaps[0]).toBeLessThanOrEqual(1000);
        for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeGreaterThan(gaps[i - 1]!);
    });

    it("tells onPoll where the wait stands after each poll that goes on, and a throwing onPoll does not end it", async () => {
        const clock = new FakeClock();
        const statuses = ["creating", "creating", "available"];
        const seen: WaitProgress[] = [];
        const box = track(
            waitFor<Res>({
                id: "s1",
                description: "VPC endpoint service s1",
                get: async () => ({ id: "s1", status: statuses.shift() ?? "available" }),
                target: ["available"],
                clock,
                random: () => 0.5,
                minDelayMs: 1000,
                onPoll: (p) => {
                    seen.push(p);
                    throw new Error("a display that fails");
                },
            }),
        );
        await clock.runUntil(() => box.done, 60_000, 250);
        expect(box.value).toMatchObject({ outcome: "target", status: "available", polls: 3 });
        expect(seen.map((p) => [p.description, p.status, p.target, p.gone, p.polls])).toEqual([
            ["VPC endpoint service s1", "creating", ["available"], "failure", 1],
            ["VPC endpoint service s1", "creating", ["available"], "failure", 2],
        ]);
        expect(seen[1]!.elapsedMs).toBeGreaterThan(seen[0]!.elapsedMs);
    });

    it("caps the delay between polls at maxDelayMs", async () => {
        const clock = new FakeClock();
        const polls: number[] = [];
        const box = track(
            waitFor<Res>({
                get: async () => (polls.push(clock.now()), { id: "s", status: "creating" }),
                target: ["available"],
                clock,
                random: () => 0.999,
                minDelayMs: 1000,
                maxDelayMs: 5000,
                timeoutMs: 120_000,
            }),
        );
        await clock.runUntil(() => box.done, 130_000, 1000);
        const gaps = polls.slice(1).map((t, i) => t - polls[i]!);
        expect(Math.max(...gaps)).toBeLessThanOrEqual(5000);
        expect(gaps.slice(-5).every((g) => g >= 2500)).toBe(true);
    });

    it("fails with the cloud's own message when the resource fails", async () => {
        const clock = new FakeClock();
        const box = track(
            waitFor<Res>({
                get: async () => ({
                    id: "s1",
                    status: "failed",
                    error: [{ error_code: "EndPoint.3044", error_message: "ports conflict with an existing service" }],
                }),
                target: ["available"],
                failure: ["failed"],
                failureMessage: (r) => r.error?.map((e) => `${e.error_code}: ${e.error_message}`).join("; "),
                description: "VPC endpoint service s1",
                clock,
            }),
        );
        await clock.runUntil(() => box.done, 10_000);
        expect(box.error).toBeInstanceOf(WaitFailedError);
        const e = box.error as WaitFailedError;
        expect(e.status).toBe("failed");
        expect(e.cloudMessage).toBe("EndPoint.3044: ports conflict with an existing service");
        expect(e.message).toBe("VPC endpoint service s1 failed (status failed): EndPoint.3044: ports conflict with an existing service");
    });

    it.each([
        ["undefined", async () => undefined],
        [
            "NotFoundError",
            async () =>
                Promise.reject(new NotFoundError({ api: "vpcep", operation: "ListServiceDetails", code: "EndPoint.0005", message: "gone", httpStatus: 404 })),
        ],
    ])("treats %s as gone: success when waiting for a delete", async (_n, get) => {
        const clock = new FakeClock();
        const box = track(waitFor<Res>({ get, target: [], gone: "target", clock }));
        await clock.runUntil(() => box.done, 10_000);
        expect(box.value).toEqual({ outcome: "gone", polls: 1 });
    });

    it("treats gone as a failure by default (deleted out of band)", async () => {
        const clock = new FakeClock();
        const box = track(waitFor<Res>({ get: async () => undefined, target: ["available"], clock }));
        await clock.runUntil(() => box.done, 10_000);
        expect(box.error).toBeInstanceOf(WaitFailedError);
        expect((box.error as WaitFailedError).gone).toBe(true);
    });

    it("times out listing the statuses seen", async () => {
        const clock = new FakeClock();
        let n = 0;
        const box = track(
            waitFor<Res>({
                get: async () => ({ id: "e1", status: ++n <= 2 ? "creating" : "pendingAcceptance" }),
                target: ["accepted"],
                timeoutMs: 10 * 60_000,
                description: "VPC endpoint e1",
                clock,
                minDelayMs: 5000,
                maxDelayMs: 60_000,
                random: () => 1,
            }),
        );
        await clock.runUntil(() => box.done, 11 * 60_000, 5000);
        expect(box.error).toBeInstanceOf(WaitTimeoutError);
        const e = box.error as WaitTimeoutError;
        expect(e.statusesSeen[0]).toEqual({ status: "creating", count: 2 });
        expect(e.statusesSeen[1]!.status).toBe("pendingAcceptance");
        expect(e.message).toMatch(/^timed out waiting for VPC endpoint e1 to become accepted: seen creating ×2, pendingAcceptance ×\d+ over 10 min$/);
    });

    it("stops at once when aborted, and polls no more", async () => {
        const clock = new FakeClock();
        const ac = new AbortController();
        let polls = 0;
        const box = track(waitFor<Res>({ get: async () => (polls++, { id: "x", status: "creating" }), target: ["available"], clock, signal: ac.signal }));
        await clock.advance(5000);
        const before = polls;
        ac.abort(new Error("cancelled by the user"));
        await clock.flush();
        expect(box.error).toEqual(new Error("cancelled by the user"));
        await clock.advance(60_000);
        expect(polls).toBe(before);
        expect(clock.pendingTimers).toBe(0);
    });

    it("rejects an unexpected status when pending statuses are declared", async () => {
        const clock = new FakeClock();
        const box = track(waitFor<Res>({ get: async () => ({ id: "x", status: "frozen" }), target: ["available"], pending: ["creating"], clock }));
        await clock.runUntil(() => box.done, 10_000);
        expect((box.error as WaitFailedError).unexpected).toBe(true);
    });

    it("keeps waiting through transient poll errors, no sooner than Retry-After", async () => {
        const clock = new FakeClock();
        const times: number[] = [];
        let n = 0;
        const box = track(
            waitFor<Res>({
                get: async () => {
                    times.push(clock.now());
                    if (++n === 1)
                        throw new ThrottledError({
                            api: "vpcep",
                            operation: "ListServiceDetails",
                            code: "APIGW.0308",
                            message: "",
                            httpStatus: 429,
                            retryAfterMs: 30_000,
                        });
                    return { id: "x", status: "available" };
                },
                target: ["available"],
                clock,
            }),
        );
        await clock.runUntil(() => box.done, 60_000, 500);
        expect(box.value).toMatchObject({ outcome: "target" });
        expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(30_000);
    });

    it("fails on a non-transient poll error", async () => {
        const clock = new FakeClock();
        const err = new ValidationError({ api: "vpcep", operation: "ListServiceDetails", code: "EndPoint.0002", message: "", httpStatus: 400 });
        const box = track(waitFor<Res>({ get: async () => Promise.reject(err), target: ["available"], clock }));
        await clock.runUntil(() => box.done, 10_000);
        expect(box.error).toBe(err);
    });
});

describe("Watcher: coalesced polling per resource kind", () => {
    function source(clock: FakeClock, readyAfterMs: (id: string) => number) {
        const started = clock.now();
        const calls: Array<{ at: number; kind: "get" | "list"; ids: string[] }> = [];
        const status = (id: string): Res => ({ id, status: clock.now() - started >= readyAfterMs(id) ? "available" : "creating" });
        return {
            calls,
            src: {
                getOne: async (id: string) => (calls.push({ at: clock.now(), kind: "get", ids: [id] }), status(id)),
                listMany: async (ids: readonly string[]) => (
                    calls.push({ at: clock.now(), kind: "list", ids: [...ids] }), new Map(ids.map((id) => [id, status(id)]))
                ),
            },
        };
    }

    async function run(n: number) {
        const clock = new FakeClock();
        const { calls, src } = source(clock, () => 60_000);
        const w = new Watcher<Res>(src, { kind: "test", clock, random: seededRandom(7), minDelayMs: 1000, maxDelayMs: 10_000 });
        const boxes = Array.from({ length: n }, (_, i) => track(w.wait(`r${i}`, { target: ["available"] })));
        await clock.runUntil(() => boxes.every((b) => b.done), 120_000, 500);
        return { calls, boxes, stats: w.stats };
    }

    it("uses a plain GET when one resource is waiting", async () => {
        const { calls, boxes } = await run(1);
        expect(boxes[0]!.value).toMatchObject({ outcome: "target" });
        expect(calls.every((c) => c.kind === "get")).toBe(true);
    });

    it("serves 50 waiters with one list call per tick, and no more ticks than one waiter needs", async () => {
        const one = await run(1);
        const fifty = await run(50);
        expect(fifty.boxes.every((b) => (b.value as WaitResult<Res>)?.outcome === "target")).toBe(true);
        expect(fifty.calls.every((c) => c.kind === "list" && c.ids.length === 50)).toBe(true);
        expect(fifty.stats.ticks).toBe(fifty.calls.length); // one call per tick
        expect(fifty.calls.length).toBeLessThanOrEqual(one.calls.length + 1);
    });

    it("switches back to GET when only one waiter is left", async () => {
        const clock = new FakeClock();
        const { calls, src } = source(clock, (id) => (id === "slow" ? 40_000 : 5_000));
        const w = new Watcher<Res>(src, { kind: "test", clock, random: () => 0.5, minDelayMs: 1000, maxDelayMs: 4000 });
        const a = track(w.wait("fast", { target: ["available"] }));
        const b = track(w.wait("slow", { target: ["available"] }));
        await clock.runUntil(() => a.done && b.done, 60_000, 500);
        const firstGet = calls.findIndex((c) => c.kind === "get");
        expect(calls[0]!.kind).toBe("list");
        expect(firstGet).toBeGreaterThan(0);
        expect(calls.slice(firstGet).every((c) => c.kind === "get" && c.ids[0] === "slow")).toBe(true);
    });

    it("gives a newcomer a small first delay even when the loop has backed off", async () => {
        const clock = new FakeClock();
        const { calls, src } = source(clock, () => Infinity);
        const w = new Watcher<Res>(src, { kind: "test", clock, random: () => 0.5, minDelayMs: 1000, maxDelayMs: 30_000 });
        track(w.wait("old", { target: ["available"], timeoutMs: 600_000 }));
        await clock.advance(60_000); // the loop is now sleeping long
        const joinedAt = clock.now();
        track(w.wait("new", { target: ["available"], timeoutMs: 600_000 }));
        await clock.advance(1500);
        const after = calls.filter((c) => c.at >= joinedAt);
        expect(after).toHaveLength(1);
        expect(after[0]).toMatchObject({ kind: "list", ids: ["old", "new"] });
        expect(after[0]!.at - joinedAt).toBeLessThanOrEqual(1000);
    });

    it("times out each waiter on its own deadline while the others keep waiting", async () => {
        const clock = new FakeClock();
        const { src } = source(clock, (id) => (id === "ok" ? 20_000 : Infinity));
        const w = new Watcher<Res>(src, { kind: "test", clock, random: () => 0.5 });
        const short = track(w.wait("never", { target: ["available"], timeoutMs: 10_000 }));
        const ok = track(w.wait("ok", { target: ["available"], timeoutMs: 60_000 }));
        await clock.runUntil(() => short.done && ok.done, 70_000, 500);
        expect(short.error).toBeInstanceOf(WaitTimeoutError);
        expect(ok.value).toMatchObject({ outcome: "target" });
    });
});
