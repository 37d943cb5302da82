import { NetworkStore } from "../network/store";
import type { ApiModule, ResourceView } from "./api-module";
import { TokenStore } from "./auth/token-store";
import { Clock } from "./clock";
import { Faults } from "./faults";
import { readStateFile, writeStateFile } from "./persistence";
import { RateLimit } from "./rate-limit";
import { RequestLog } from "./request-log";
import { Router } from "./router";
import { Timings, type TimingsSpec } from "./timings";
import type { World } from "./world";

/** Builds one API module against the shared world. */
export type ApiModuleFactory = (world: World) => ApiModule;

/** Settings of one emulator instance. */
export interface CoreOptions {
    /** JSON file the state is loaded from and saved to after every change; none = memory only. */
    stateFile?: string;
    timings?: TimingsSpec;
    /** Seed of the fault-injection RNG. */
    seed?: number;
    /** Clock source (epoch ms); defaults to Date.now. */
    now?: () => number;
}

/**
 * One emulator instance without its socket: the world API modules live in, plus the
 * cross-cutting machinery (faults, rate limit, request log, persistence).
 */
export class EmulatorCore implements World {
    readonly clock: Clock;
    readonly tokens = new TokenStore();
    readonly network: NetworkStore;
    readonly timings: Timings;
    readonly faults: Faults;
    readonly rateLimit = new RateLimit();
    readonly log = new RequestLog();
    readonly modules: ApiModule[];
    readonly router: Router;
    private quotas: Record<string, number> = {};
    private dirty = false;

    constructor(
        private readonly options: CoreOptions,
        factories: readonly ApiModuleFactory[],
    ) {
        this.clock = new Clock(options.now);
        this.network = new NetworkStore(() => this.markDirty());
        this.timings = new Timings(options.timings ?? "demo");
        this.faults = new Faults(options.seed);
        this.modules = factories.map((f) => f(this));
        this.router = new Router(this.modules);
        this.load();
    }

    now(): number {
        return this.clock.now();
    }

    quota(kind: string, fallback: number): number {
        return this.quotas[kind] ?? fallback;
    }

    setQuotas(q: Record<string, number>): void {
        this.quotas = { ...this.quotas, ...q };
    }

    quotaOverrides(): Record<string, number> {
        return this.quotas;
    }

    markDirty(): void {
        this.dirty = true;
    }

    /** Saves the state file when something changed since the last save. */
    persistIfDirty(): void {
        if (!this.dirty) return;
        this.dirty = false;
        if (this.options.stateFile) writeStateFile(this.options.stateFile, this.snapshot());
    }

    private snapshot(): unknown {
        const apis: Record<string, unknown> = {};
        for (const m of this.modules) if (m.state) apis[m.name] = m.state.snapshot();
        return { network: this.network.snapshot(), tokens: this.tokens.snapshot(), apis };
    }

    /** Restores from the state file, or seeds a fresh world when there is none. */
    private load(): void {
        const saved = this.options.stateFile
            ? (readStateFile(this.options.stateFile) as { network?: unknown; tokens?: unknown; apis?: Record<string, unknown> } | undefined)
            : undefined;
        if (!saved) {
            this.resetState();
            return;
        }
        this.network.restore(saved.network);
        this.tokens.restore(saved.tokens);
        for (const m of this.modules) if (m.state) m.state.restore(saved.apis?.[m.name]);
    }

    private resetState(): void {
        this.network.reset();
        this.tokens.reset();
        for (const m of this.modules) m.state?.reset();
        this.markDirty();
    }

    /** `POST /_emulator/reset`: seeded state, and faults, timings, limits, log and clock cleared. */
    reset(): void {
        this.resetState();
        this.faults.reset();
        this.timings.reset();
        this.rateLimit.reset();
        this.quotas = {};
        this.log.reset();
        this.clock.reset();
        this.persistIfDirty();
    }

    /** Every resource of every API (and the network), for `GET /_emulator/resources`. */
    resources(includeDeleted: boolean): ResourceView[] {
        const out: ResourceView[] = [];
        for (const m of this.modules) if (m.state) out.push(...m.state.resources({ includeDeleted }));
        out.push(...this.network.resources());
        return out;
    }
}
