/**
 * The stack configuration the engine hands the provider process (`configure`), kept for the
 * process's lifetime. Credentials are read from here (and from the environment) when a client is
 * built; they are never part of a resource's inputs or state.
 */
export interface StackConfig {
    get(key: string): string | undefined;
}

let current: StackConfig = { get: () => undefined };

export function setStackConfig(config: StackConfig | undefined): void {
    if (config && typeof config.get === "function") current = config;
}

export function stackConfig(): StackConfig {
    return current;
}
