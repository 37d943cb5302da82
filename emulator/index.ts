import { API_MODULES } from "./apis";
import { EmulatorCore } from "./core/emulator-core";
import { startServer } from "./core/server";
import type { TimingsSpec } from "./core/timings";

export { ControlClient, ControlError, type ResourceFilter } from "./control-client";
export type { Account, AlicloudIdentity, Project, SeedNetworkIds } from "./core/accounts";
export { ACCOUNTS, DEMO_REGION } from "./core/accounts";
export type { ResourceView } from "./core/api-module";
export type * from "./core/control-wire";
export type { FaultRule } from "./core/faults";
export type { LoggedRequest } from "./core/request-log";
export type { KindTimings, Timing, TimingsPreset, TimingsSpec } from "./core/timings";
export { EMULATOR_VERSION } from "./version";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
    /** TCP port; 0 (default) picks a free one. */
    port?: number;
    /** Interface to listen on; default 127.0.0.1. */
    host?: string;
    /** JSON state file: loaded at start when present, rewritten atomically after every change. */
    stateFile?: string;
    /** Preset (`fast`, `demo`, `realistic`) or per-kind timings; default `demo`. */
    timings?: TimingsSpec;
    /** Seed of the fault-injection random generator. */
    seed?: number;
    /** Clock (epoch ms) the emulator reads; default Date.now. */
    now?: () => number;
}

/** A running emulator. */
export interface RunningEmulator {
    /** Base URL, e.g. `http://127.0.0.1:40123` (use it for every service endpoint override). */
    url: string;
    port: number;
    close(): Promise<void>;
}

/**
 * Starts an emulator serving IAM and VPCEP (and the `/_emulator/*` control routes) on its own
 * port. Many can run at once.
 */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
    const core = new EmulatorCore({ stateFile: opts.stateFile, timings: opts.timings, seed: opts.seed, now: opts.now }, API_MODULES);
    const server = await startServer(core, opts.host ?? "127.0.0.1", opts.port ?? 0);
    return {
        url: server.url,
        port: server.port,
        close: async () => {
            core.persistIfDirty();
            await server.close();
        },
    };
}
