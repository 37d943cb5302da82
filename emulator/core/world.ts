import type { NetworkStore } from "../network/store";
import type { TokenStore } from "./auth/token-store";
import type { Timings } from "./timings";

/**
 * What API modules get from the core: the clock, shared stores and settings. Modules are built
 * from it by a factory (`(world) => ApiModule`), so they never reach into the server.
 */
export interface World {
    /** Emulator clock, epoch ms. */
    now(): number;
    readonly tokens: TokenStore;
    readonly network: NetworkStore;
    readonly timings: Timings;
    /** The quota for a resource kind (`vpcep:endpoint`), overridable through `PUT /_emulator/limits`. */
    quota(kind: string, fallback: number): number;
    /** Records that state changed, so the server persists it after the request. */
    markDirty(): void;
}
