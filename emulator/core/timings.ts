/**
 * How long asynchronous resources stay transitional, per resource kind. Statuses are computed
 * from these when read (see lifecycle.ts); nothing runs on a timer.
 */

/** When a transition completes: at once, after some emulator-clock time, or after N reads. */
export type Timing = "immediate" | { afterMs: number } | { afterReads: number };

/** Timings and failure injection for one resource kind, e.g. `vpcep:endpoint_service`. */
export interface KindTimings {
    create?: Timing;
    delete?: Timing;
    /** Every creation of this kind ends `failed`. */
    fail?: boolean;
    /** Creations whose name (services) or description (endpoints) matches this regex end `failed`. */
    failNamesMatching?: string;
}

/** A preset name or per-kind settings (unmentioned kinds keep their current settings). */
export type TimingsSpec = TimingsPreset | Record<string, KindTimings>;

/** Named presets: `fast` (all immediate), `demo` (about 2 s), `realistic` (about a minute). */
export type TimingsPreset = "fast" | "demo" | "realistic";

/** Resolved settings for one kind. */
export interface ResolvedTimings {
    create: Timing;
    delete: Timing;
    fail: boolean;
    failNamesMatching?: RegExp;
}

const PRESETS: Record<TimingsPreset, { create: Timing; delete: Timing }> = {
    fast: { create: "immediate", delete: "immediate" },
    demo: { create: { afterMs: 2000 }, delete: { afterMs: 1000 } },
    realistic: { create: { afterMs: 60000 }, delete: { afterMs: 30000 } },
};

/** Thrown for a malformed spec; control routes turn it into a 400. */
export class TimingsError extends Error {}

function checkTiming(where: string, t: unknown): Timing {
    if (t === "immediate") return t;
    if (t && typeof t === "object") {
        const o = t as Record<string, unknown>;
        const keys = Object.keys(o);
        if (keys.length === 1 && keys[0] === "afterMs" && Number.isFinite(o.afterMs) && (o.afterMs as number) >= 0) {
            return { afterMs: o.afterMs as number };
        }
        if (keys.length === 1 && keys[0] === "afterReads" && Number.isInteger(o.afterReads) && (o.afterReads as number) >= 0) {
            return { afterReads: o.afterReads as number };
        }
    }
    throw new TimingsError(`${where}: expected "immediate", {"afterMs": n >= 0} or {"afterReads": integer >= 0}, got ${JSON.stringify(t)}`);
}

/** Validates a spec from JSON (CLI flag, control route, options). */
export function parseTimingsSpec(spec: unknown): TimingsSpec {
    if (typeof spec === "string") {
        if (spec in PRESETS) return spec as TimingsPreset;
        throw new TimingsError(`unknown timings preset "${spec}" (use fast, demo or realistic)`);
    }
    if (!spec || typeof spec !== "object" || Array.isArray(spec)) throw new TimingsError("timings must be a preset name or an object keyed by resource kind");
    const out: Record<string, KindTimings> = {};
    for (const [kind, raw] of Object.entries(spec as Record<string, unknown>)) {
        if (!raw || typeof raw !== "object") throw new TimingsError(`${kind}: expected an object`);
        const r = raw as Record<string, unknown>;
        const k: KindTimings = {};
        for (const key of Object.keys(r)) {
            if (key === "create" || key === "delete") k[key] = checkTiming(`${kind}.${key}`, r[key]);
            else if (key === "fail") {
                if (typeof r.fail !== "boolean") throw new TimingsError(`${kind}.fail: expected a boolean`);
                k.fail = r.fail;
            } else if (key === "failNamesMatching") {
                if (typeof r.failNamesMatching !== "string") throw new TimingsError(`${kind}.failNamesMatching: expected a regex string`);
                try {
                    new RegExp(r.failNamesMatching);
                } catch {
                    throw new TimingsError(`${kind}.failNamesMatching: invalid regex`);
                }
                k.failNamesMatching = r.failNamesMatching;
            } else throw new TimingsError(`${kind}.${key}: unknown setting (create, delete, fail, failNamesMatching)`);
        }
        out[kind] = k;
    }
    return out;
}

/** The current timings: a preset default plus per-kind overrides. */
export class Timings {
    private preset: TimingsPreset = "demo";
    private overrides: Record<string, KindTimings> = {};

    constructor(private readonly initial: TimingsSpec = "demo") {
        this.apply(initial);
    }

    /** A preset replaces everything; an object is merged kind by kind over the current settings. */
    apply(spec: TimingsSpec): void {
        if (typeof spec === "string") {
            this.preset = spec;
            this.overrides = {};
            return;
        }
        for (const [kind, k] of Object.entries(spec)) this.overrides[kind] = { ...this.overrides[kind], ...k };
    }

    /** Back to the settings the emulator was started with. */
    reset(): void {
        this.preset = "demo";
        this.overrides = {};
        this.apply(this.initial);
    }

    /** Settings for one kind. */
    for(kind: string): ResolvedTimings {
        const o = this.overrides[kind] ?? {};
        const p = PRESETS[this.preset];
        return {
            create: o.create ?? p.create,
            delete: o.delete ?? p.delete,
            fail: o.fail ?? false,
            failNamesMatching: o.failNamesMatching !== undefined ? new RegExp(o.failNamesMatching) : undefined,
        };
    }

    /** What `GET /_emulator/info` shows. */
    describe(): { preset: TimingsPreset; overrides: Record<string, KindTimings> } {
        return { preset: this.preset, overrides: this.overrides };
    }
}
