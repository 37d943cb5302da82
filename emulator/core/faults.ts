import { createRng, type Rng } from "./random";

/** One fault rule; unset filters match everything. */
export interface FaultRule {
    api?: string;
    operation?: string;
    method?: string;
    /** Account name (`demo`, `consumer`); lets a test disturb one tenant only. */
    account?: string;
    /** Chance in [0, 1] that a matching request is hit; default 1. */
    probability?: number;
    /** How many hits remain; the rule stops matching at 0. Unset means unlimited. */
    times?: number;
    /** Delay before the request is handled (real time, not the emulator clock). */
    latencyMs?: number;
    /** Answer with this error in the API's envelope instead of performing the operation. */
    error?: { status: number; code: string; message: string };
    /** `before`: reset the connection without performing; `after`: perform, then cut the connection. */
    drop?: "before" | "after";
    /**
     * When the probability roll misses, go on to the later rules instead of answering normally:
     * rules that each may hit a request, as independent faults of one mix.
     */
    fallThrough?: boolean;
}

/** What the server must do to one request. */
export interface FaultDecision {
    rule: FaultRule;
    index: number;
}

/** Thrown for malformed rules; control routes turn it into a 400. */
export class FaultsError extends Error {}

/** Validates `PUT /_emulator/faults` bodies. */
export function parseFaults(body: unknown): { seed?: number; rules: FaultRule[] } {
    if (!body || typeof body !== "object") throw new FaultsError("body must be {seed?, rules: [...]}");
    const b = body as Record<string, unknown>;
    if (b.seed !== undefined && !Number.isInteger(b.seed)) throw new FaultsError("seed must be an integer");
    if (!Array.isArray(b.rules)) throw new FaultsError("rules must be an array");
    const rules = b.rules.map((r: unknown, i: number): FaultRule => {
        if (!r || typeof r !== "object") throw new FaultsError(`rules[${i}] must be an object`);
        const o = r as Record<string, unknown>;
        const known = ["api", "operation", "method", "account", "probability", "times", "latencyMs", "error", "drop", "fallThrough"];
        for (const k of Object.keys(o)) if (!known.includes(k)) throw new FaultsError(`rules[${i}].${k}: unknown field (${known.join(", ")})`);
        for (const k of ["api", "operation", "method", "account"]) {
            if (o[k] !== undefined && typeof o[k] !== "string") throw new FaultsError(`rules[${i}].${k} must be a string`);
        }
        if (o.probability !== undefined && !(typeof o.probability === "number" && o.probability >= 0 && o.probability <= 1)) {
            throw new FaultsError(`rules[${i}].probability must be a number in [0, 1]`);
        }
        if (o.times !== undefined && !(Number.isInteger(o.times) && (o.times as number) >= 0))
            throw new FaultsError(`rules[${i}].times must be an integer >= 0`);
        if (o.latencyMs !== undefined && !(typeof o.latencyMs === "number" && o.latencyMs >= 0))
            throw new FaultsError(`rules[${i}].latencyMs must be a number >= 0`);
        if (o.drop !== undefined && o.drop !== "before" && o.drop !== "after") throw new FaultsError(`rules[${i}].drop must be "before" or "after"`);
        if (o.fallThrough !== undefined && typeof o.fallThrough !== "boolean") throw new FaultsError(`rules[${i}].fallThrough must be a boolean`);
        if (o.error !== undefined) {
            const e = o.error as Record<string, unknown>;
            if (
                !e ||
                typeof e !== "object" ||
                !Number.isInteger(e.status) ||
                (e.status as number) < 400 ||
                (e.status as number) > 599 ||
                typeof e.code !== "string" ||
                typeof e.message !== "string"
            ) {
                throw new FaultsError(`rules[${i}].error must be {status: 400-599, code: string, message: string}`);
            }
        }
        return { ...(o as FaultRule), method: typeof o.method === "string" ? o.method.toUpperCase() : undefined };
    });
    return { seed: b.seed as number | undefined, rules };
}

/** The active fault rules; first matching rule wins. */
export class Faults {
    private rules: FaultRule[] = [];
    private rng: Rng;

    constructor(private readonly defaultSeed?: number) {
        this.rng = createRng(defaultSeed);
    }

    /** Replaces the rules (and reseeds when a seed is given). */
    set(rules: FaultRule[], seed?: number): void {
        this.rules = rules.map((r) => ({ ...r }));
        if (seed !== undefined) this.rng = createRng(seed);
    }

    list(): FaultRule[] {
        return this.rules;
    }

    reset(): void {
        this.rules = [];
        this.rng = createRng(this.defaultSeed);
    }

    /**
     * The first rule whose filters match and that has hits left decides. Its probability is then
     * rolled; a miss means no fault (no fall-through to later rules, unless the rule says
     * `fallThrough`), so a seed fixes the outcome.
     */
    pick(req: { api: string; operation: string; method: string; account?: string }): FaultDecision | undefined {
        for (let index = 0; index < this.rules.length; index++) {
            const rule = this.rules[index]!;
            if (rule.api !== undefined && rule.api !== req.api) continue;
            if (rule.operation !== undefined && rule.operation !== req.operation) continue;
            if (rule.method !== undefined && rule.method !== req.method) continue;
            if (rule.account !== undefined && rule.account !== req.account) continue;
            if (rule.times !== undefined && rule.times <= 0) continue;
            if (rule.probability !== undefined && this.rng.next() >= rule.probability) {
                if (rule.fallThrough) continue;
                return undefined;
            }
            if (rule.times !== undefined) rule.times--;
            return { rule, index };
        }
        return undefined;
    }
}
