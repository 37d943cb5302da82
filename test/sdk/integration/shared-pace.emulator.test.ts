/**
 * The machine-wide shared pace (sdk/core/shared-pace.ts) with real processes against the
 * emulator's account rate limit: several child processes, each a client pacing as a provider
 * process does, call one account at once. Sharing, their calls together keep close to the limit
 * with few throttles; the state file survives a killed lock holder; the switch turns it off.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SharedPace, scopeFileName, sharedPaceEnabled } from "../../../sdk/core/shared-pace";
import { emulator } from "../helpers/emulator";

const WORKER = path.join(__dirname, "..", "helpers", "paced-worker.ts");

let emu: Awaited<ReturnType<typeof emulator>>;
let dir: string;
beforeAll(async () => {
    emu = await emulator();
});
afterAll(async () => {
    await emu.close();
});
beforeEach(async () => {
    await emu.reset();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-pace-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs `processes` workers that start together, `calls` each; resolves with what the emulator saw. */
async function fleet(processes: number, calls: number, paceDir: string) {
    const since = await emu.control.mark();
    const startAt = Date.now() + 4_000; // after every worker's start-up (ts-node)
    const outputs = await Promise.all(
        Array.from(
            { length: processes },
            () =>
                new Promise<{ failed: number }>((resolve, reject) => {
                    const child = spawn(
                        process.execPath,
                        ["-r", "ts-node/register/transpile-only", WORKER, emu.url, String(calls), "4", String(startAt), paceDir],
                        { env: { ...process.env, TS_NODE_SWC: "true" }, stdio: ["ignore", "pipe", "inherit"] },
                    );
                    let out = "";
                    child.stdout.on("data", (d) => (out += d));
                    child.on("error", reject);
                    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`worker exited ${code}: ${out}`))));
                }),
        ),
    );
    const log = (await emu.requests(since)).filter((r) => r.operation === "ListQuotaDetails");
    const ok = log.filter((r) => r.status === 200);
    const throttled = log.filter((r) => r.status === 429).length;
    const times = ok.map((r) => r.time);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    return { failed: outputs.reduce((n, o) => n + o.failed, 0), ok: ok.length, throttled, seconds, rate: (ok.length - 1) / seconds };
}

describe("the shared pace across processes", () => {
    it("keeps four processes together near a 10/s account limit with few throttles", async () => {
        await emu.limits({ requestsPerSecond: 10 });
        const shared = await fleet(4, 30, dir);
        const alone = await fleet(4, 30, "off");
        // The figures, for the record (docs/fleets.md quotes them).
        console.log(`shared: ${JSON.stringify(shared)}\nalone:  ${JSON.stringify(alone)}`);
        expect(shared.failed).toBe(0);
        expect(shared.ok).toBe(120);
        // Mostly the first burst, before one process learned the limit and the others joined, is
        // refused: far fewer throttles than the same processes pacing alone.
        expect(shared.throttled).toBeLessThan(120 * 0.2);
        expect(shared.throttled).toBeLessThan(alone.throttled / 2);
        // 9.5/s is the pace aimed at (the stated limit less 5 %); 9.4–10.2/s here on a quiet or a
        // loaded machine. The bound below only says the shared pace did not collapse: on a machine
        // busy with other test suites a process's timers fire late and the pace backs off for a
        // while (one such CI run: 7.4/s). How close a fleet keeps to the limit is bench measure 9's.
        expect(shared.rate).toBeGreaterThan(10 * 0.6);
        expect(shared.rate).toBeLessThanOrEqual(10.5);
        expect(fs.readdirSync(dir).filter((f) => f.endsWith(".lock"))).toEqual([]);
    }, 120_000);
});

describe("SharedPace", () => {
    const state = (s: SharedPace) => JSON.parse(fs.readFileSync(s.file, "utf8"));

    it("hands out slots one interval apart once the scope was throttled, and none before", () => {
        const s = new SharedPace("https://vpcep.example|fp", { dir });
        const now = Date.now();
        expect(s.reserve(now)).toBeUndefined();
        expect(fs.existsSync(s.file)).toBe(false);
        s.throttled(4, true, now);
        expect([s.reserve(now), s.reserve(now), s.reserve(now)]).toEqual([now, now + 250, now + 500]);
        // another process's view of the same scope continues the same timeline
        expect(new SharedPace("https://vpcep.example|fp", { dir }).reserve(now)).toBe(now + 750);
        expect(state(s)).toMatchObject({ rate: 4, stated: true });
    });

    it("names the state file by a hash of the scope, so the credential's fingerprint is not in it", () => {
        const s = new SharedPace("https://vpcep.example|fingerprint-abc", { dir });
        expect(path.basename(s.file)).toBe(`${scopeFileName("https://vpcep.example|fingerprint-abc")}.json`);
        expect(s.file).not.toContain("fingerprint");
    });

    it("forgets a scope a while after its last throttle", () => {
        const s = new SharedPace("scope", { dir, forgetAfterMs: 1000 });
        s.throttled(5, true, Date.now() - 5000);
        expect(s.current(Date.now())).toBeUndefined();
        expect(s.reserve(Date.now())).toBeUndefined();
    });

    it("keeps a stated limit when another process learns a rate without one", () => {
        const s = new SharedPace("scope", { dir });
        const t = Date.now();
        s.throttled(9.5, true, t);
        s.throttled(3, false, t + 1500);
        expect(state(s)).toMatchObject({ rate: 9.5, stated: true });
        s.throttled(6.65, true, t + 1500);
        expect(state(s).rate).toBe(6.65);
    });

    it("changes the rate once a second however many processes back off or climb in it", () => {
        const s = new SharedPace("scope", { dir });
        const t = Date.now();
        s.throttled(10, true, t);
        s.throttled(7, true, t + 1000);
        s.throttled(4.9, true, t + 1100); // a second process backing off for the same burst
        expect(state(s).rate).toBe(7);
        s.setRate(8.2, t + 1500);
        expect(state(s).rate).toBe(7);
        s.setRate(8.2, t + 2000);
        expect(state(s)).toMatchObject({ rate: 8.2, changedAt: t + 2000 });
    });

    it("breaks a lock left by a killed process at once, and a lock older than the stale limit", async () => {
        const s = new SharedPace("scope", { dir, staleLockMs: 300, lockWaitMs: 2000 });
        s.throttled(10, true, Date.now());
        const lock = s.file.replace(/\.json$/, ".lock");
        // a process that died holding the lock
        const dead = spawn(process.execPath, ["-e", "setTimeout(()=>{},10000)"]);
        const pid = dead.pid!;
        dead.kill("SIGKILL");
        await new Promise((r) => dead.on("close", r));
        fs.writeFileSync(lock, String(pid));
        let t = Date.now();
        expect(s.reserve(Date.now())).toBeDefined();
        expect(Date.now() - t).toBeLessThan(100);
        // a live owner (this process) that never let go: waited out for the stale limit only
        fs.writeFileSync(lock, String(process.pid));
        t = Date.now();
        expect(s.reserve(Date.now())).toBeDefined();
        expect(Date.now() - t).toBeGreaterThanOrEqual(250);
        expect(Date.now() - t).toBeLessThan(1500);
        expect(fs.existsSync(lock)).toBe(false);
        expect(s.misses).toBe(0);
    });

    it("gives up on a busy lock after its wait and lets the call pace alone", () => {
        const s = new SharedPace("scope", { dir, lockWaitMs: 50, staleLockMs: 60_000 });
        s.throttled(10, true, Date.now());
        fs.writeFileSync(s.file.replace(/\.json$/, ".lock"), String(process.pid));
        expect(s.reserve(Date.now())).toBeUndefined();
        expect(s.misses).toBe(1);
    });

    it("costs a small share of a paced call's interval per slot", () => {
        const s = new SharedPace("scope", { dir });
        s.throttled(1000, true, Date.now());
        const n = 2000;
        const t = process.hrtime.bigint();
        for (let i = 0; i < n; i++) s.reserve(Date.now());
        const us = Number(process.hrtime.bigint() - t) / 1000 / n;
        console.log(`one slot: ${us.toFixed(1)} µs`);
        // A slot is taken only while the scope is throttled, when calls are 100 ms apart at 10/s.
        expect(us).toBeLessThan(5000);
    });

    it.each([
        [undefined, true],
        ["on", true],
        ["off", false],
        ["0", false],
        ["false", false],
        [" OFF ", false],
    ])("is on or off as PRIVATELINK_SHARED_PACE=%p says (%p)", (value, on) => {
        expect(sharedPaceEnabled(value === undefined ? {} : { PRIVATELINK_SHARED_PACE: value })).toBe(on);
    });
});
