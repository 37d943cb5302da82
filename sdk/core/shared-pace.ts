/**
 * One throttle scope's pace shared by every process of the machine, through a small state file:
 * twenty provider processes of twenty stacks calling one account keep, together, the rate that
 * one of them learned, instead of each keeping it and all of them together hammering the limit.
 *
 * The state file (one per scope, named by a hash of the scope: an API endpoint and a credential
 * fingerprint, never the secret) holds the pace in calls per second, whether the cloud stated it,
 * when it was last confirmed by a throttle, and `next`: the epoch millisecond at which the next
 * call of any process may start. A process takes a slot by moving `next` on by one interval under
 * an exclusive lock, so the calls of all processes are spaced on one timeline. The lock is a file
 * created with `O_EXCL` (`openSync(lock, "wx")`) and holding its owner's pid; it is held for one
 * read and one write of a few dozen bytes, and a lock whose owner is gone (a killed process) or
 * that is older than `staleLockMs` is removed by the next process that finds it. The state is
 * written to a temporary file and renamed over the old one, so a reader without the lock never
 * sees half a file.
 *
 * Processes join a scope's timeline only once it was throttled somewhere (a state file younger
 * than `forgetAfterMs` since its last throttle); until then no file is written and each call
 * costs at most one cached read of a missing file every `refreshMs`.
 *
 * Off with `PRIVATELINK_SHARED_PACE=off` (or `0`, `false`); the folder is
 * `PRIVATELINK_SHARED_PACE_DIR`, else `pulumi-privatelink-pace-<uid>` in the OS temp folder.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** What one scope's state file holds. */
export interface SharedPaceState {
    /** Calls per second, all processes together. */
    rate: number;
    /** Whether the cloud stated the limit (else it was learned from throttles). */
    stated: boolean;
    /** Epoch ms of the last throttle any process saw. */
    lastThrottle: number;
    /** Epoch ms at which the next call may start. */
    next: number;
    /** Epoch ms of the last change of `rate`. */
    changedAt: number;
}

/**
 * One change of the shared rate per window: the processes that see the same burst of throttles
 * (or the same quiet second) would otherwise each back off (or climb) once, together N times.
 */
const CHANGE_WINDOW_MS = 1000;

export interface SharedPaceOptions {
    /** The folder of the state and lock files. */
    dir?: string;
    /** A lock older than this is taken to be left by a process that died holding it. */
    staleLockMs?: number;
    /** A state this long after its last throttle is forgotten (the limit may have been raised). */
    forgetAfterMs?: number;
    /** How long a read of the state file is reused before reading it again. */
    refreshMs?: number;
    /** How long a caller tries to get the lock before pacing on its own for this call. */
    lockWaitMs?: number;
}

/** The environment's switch: the shared pace is on unless `PRIVATELINK_SHARED_PACE` says off. */
export function sharedPaceEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
    const v = env.PRIVATELINK_SHARED_PACE?.trim().toLowerCase();
    return !(v === "off" || v === "0" || v === "false" || v === "no");
}

/** The folder of the state files: `PRIVATELINK_SHARED_PACE_DIR`, else one per user in the OS temp folder. */
export function sharedPaceDir(env: NodeJS.ProcessEnv = process.env): string {
    const uid = typeof process.getuid === "function" ? process.getuid() : os.userInfo().username;
    return env.PRIVATELINK_SHARED_PACE_DIR || path.join(os.tmpdir(), `pulumi-privatelink-pace-${uid}`);
}

/** The file name of a scope: a hash, so neither the endpoint nor the credential's fingerprint is readable in it. */
export function scopeFileName(scope: string): string {
    return createHash("sha256").update(scope).digest("hex").slice(0, 24);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the thread for `ms` (the lock is held for microseconds; waiting on it never needs the event loop). */
function sleepSync(ms: number): void {
    Atomics.wait(sleeper, 0, 0, ms);
}

function alive(pid: number): boolean {
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        // EPERM: the process exists but belongs to someone else.
        return (e as NodeJS.ErrnoException).code === "EPERM";
    }
}

/** One scope's shared timeline. Every method is synchronous and never throws: a file system that fails leaves the caller pacing on its own. */
export class SharedPace {
    readonly #file: string;
    readonly #lock: string;
    readonly #dir: string;
    readonly #staleLockMs: number;
    readonly #forgetAfterMs: number;
    readonly #refreshMs: number;
    readonly #lockWaitMs: number;
    #cached: { at: number; state: SharedPaceState | undefined } | undefined;
    /** Calls that found the lock busy past `lockWaitMs` or the folder unusable (paced locally instead). */
    misses = 0;

    constructor(scope: string, options: SharedPaceOptions = {}) {
        this.#dir = options.dir ?? sharedPaceDir();
        const name = scopeFileName(scope);
        this.#file = path.join(this.#dir, `${name}.json`);
        this.#lock = path.join(this.#dir, `${name}.lock`);
        this.#staleLockMs = options.staleLockMs ?? 2_000;
        this.#forgetAfterMs = options.forgetAfterMs ?? 60_000;
        this.#refreshMs = options.refreshMs ?? 200;
        this.#lockWaitMs = options.lockWaitMs ?? 250;
    }

    /** The state file's path (for tests and diagnostics). */
    get file(): string {
        return this.#file;
    }

    /** The scope's live state (throttled within `forgetAfterMs`), read at most every `refreshMs`; undefined when none. */
    current(now: number): SharedPaceState | undefined {
        if (!this.#cached || now - this.#cached.at >= this.#refreshMs) this.#cached = { at: now, state: this.#read() };
        const s = this.#cached.state;
        return s && now - s.lastThrottle <= this.#forgetAfterMs ? s : undefined;
    }

    /**
     * Records a throttle and the pace it taught this process: the shared rate becomes `rate` (a
     * back-off seen by one process slows all of them), unless the state holds a limit the cloud
     * stated and this one is learned, or the rate changed less than a second ago.
     */
    throttled(rate: number, stated: boolean, now: number): SharedPaceState | undefined {
        return this.#update((s) => {
            const live = s && now - s.lastThrottle <= this.#forgetAfterMs ? s : undefined;
            const keep = live && ((live.stated && !stated) || (rate !== live.rate && now - live.changedAt < CHANGE_WINDOW_MS));
            return {
                rate: keep ? live.rate : rate,
                stated: keep ? live.stated : stated,
                lastThrottle: now,
                next: s?.next ?? now,
                changedAt: keep ? live.changedAt : live?.rate === rate ? live.changedAt : now,
            };
        });
    }

    /** Sets the shared rate without a throttle (a paced process climbing back after a quiet second), once per second. */
    setRate(rate: number, now: number): void {
        this.#update((s) => (s && s.rate !== rate && now - s.changedAt >= CHANGE_WINDOW_MS ? { ...s, rate, changedAt: now } : undefined));
    }

    /**
     * Takes the next slot of the shared timeline: the epoch ms at which this process's next call
     * may start. Undefined when the scope is not (or no longer) shared or the lock could not be had.
     */
    reserve(now: number): number | undefined {
        let slot: number | undefined;
        this.#update((s) => {
            if (!s || now - s.lastThrottle > this.#forgetAfterMs) return undefined;
            slot = Math.max(now, s.next);
            return { ...s, next: slot + 1000 / s.rate };
        });
        return slot;
    }

    #read(): SharedPaceState | undefined {
        try {
            const s = JSON.parse(fs.readFileSync(this.#file, "utf8")) as SharedPaceState;
            return typeof s.rate === "number" && s.rate > 0 && Number.isFinite(s.next) && Number.isFinite(s.lastThrottle) && Number.isFinite(s.changedAt)
                ? s
                : undefined;
        } catch {
            return undefined;
        }
    }

    /** Read, change and write the state under the lock; `change` returning undefined writes nothing. */
    #update(change: (s: SharedPaceState | undefined) => SharedPaceState | undefined): SharedPaceState | undefined {
        if (!this.#acquire()) {
            this.misses++;
            return undefined;
        }
        try {
            const next = change(this.#read());
            if (next) {
                const tmp = `${this.#file}.${process.pid}.tmp`;
                fs.writeFileSync(tmp, JSON.stringify(next));
                fs.renameSync(tmp, this.#file);
                this.#cached = { at: Date.now(), state: next };
            }
            return next;
        } catch {
            this.misses++;
            return undefined;
        } finally {
            this.#release();
        }
    }

    #acquire(): boolean {
        const deadline = Date.now() + this.#lockWaitMs;
        for (let i = 0; ; i++) {
            try {
                const fd = fs.openSync(this.#lock, "wx");
                fs.writeSync(fd, String(process.pid));
                fs.closeSync(fd);
                return true;
            } catch (e) {
                const code = (e as NodeJS.ErrnoException).code;
                if (code === "ENOENT") {
                    try {
                        fs.mkdirSync(this.#dir, { recursive: true, mode: 0o700 });
                    } catch {
                        return false;
                    }
                    continue;
                }
                if (code !== "EEXIST") return false;
            }
            this.#breakIfStale();
            if (Date.now() >= deadline) return false;
            sleepSync(i < 10 ? 1 : 5);
        }
    }

    /** Removes a lock whose owner died or that outlived any real holder. */
    #breakIfStale(): void {
        try {
            const st = fs.statSync(this.#lock);
            const pid = Number(fs.readFileSync(this.#lock, "utf8"));
            // A lock just created may not hold its pid yet: only its age tells then.
            const ownerGone = pid > 0 && !alive(pid);
            if (ownerGone || Date.now() - st.mtimeMs > this.#staleLockMs) fs.unlinkSync(this.#lock);
        } catch {
            // gone already, or someone else broke it
        }
    }

    #release(): void {
        try {
            fs.unlinkSync(this.#lock);
        } catch {
            // broken as stale by another process: nothing to release
        }
    }
}
