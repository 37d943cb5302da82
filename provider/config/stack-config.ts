/**
 * The stack configuration the engine hands the provider process (`configure`), kept for the
 * process's lifetime. Credentials are read from here (and from the environment) when a client is
 * built; they are never part of a resource's inputs or state.
 */
export interface StackConfig {
    get(key: string): string | undefined;
    /**
     * How a user writes `key` (`huaweicloud:secretKey`) where this config comes from, when not as
     * `key` itself: the native plugin's flat keys (`privatelink:huaweicloudSecretKey`). For messages.
     */
    name?(key: string): string;
}

let current: StackConfig = { get: () => undefined };
let configured = false;

export function setStackConfig(config: StackConfig | undefined): void {
    if (config && typeof config.get === "function") {
        current = config;
        configured = true;
    }
}

export function stackConfig(): StackConfig {
    return current;
}

/** Whether a stack config was set: by the engine (provider process) or by a program's lookup. */
export function stackConfigSet(): boolean {
    return configured;
}
