/**
 * The per-process client cache: callers with the same configuration share one client, so that
 * token caches, watchers (one poll loop per resource kind) and the retry budget are shared too.
 * A client is found by a typed `ClientKey` built from its configuration; the credential is in
 * it only as a fingerprint, never as a secret.
 */
import type { ClientBaseConfig, ClientCredentials, WaitDelays } from "./client-base";
import type { HttpTimeouts } from "./http";
import type { RetryPolicy } from "./retry";

/** Everything that makes two configurations one client. `L`: the cloud's own location fields. */
export interface ClientKey<L extends object = object> {
    region: string;
    /** Huawei's project and cloud domain, for example; `{}` for a cloud without such fields. */
    location: L;
    endpoints: Partial<Record<string, string>>;
    retry: Partial<RetryPolicy>;
    timeouts: Partial<Pick<HttpTimeouts, "headersMs" | "bodyMs">>;
    wait: WaitDelays;
    /** The credentials' fingerprint. */
    credential: string;
}

/** The key of a configuration whose credentials are `credentials`. */
export function clientKey<L extends object>(config: ClientBaseConfig, credentials: Pick<ClientCredentials, "fingerprint">, location: L): ClientKey<L> {
    return {
        region: config.region,
        location,
        endpoints: config.endpoints ?? {},
        retry: config.retry ?? {},
        timeouts: config.timeouts ?? {},
        wait: config.wait ?? {},
        credential: credentials.fingerprint(),
    };
}

/**
 * Whether a configuration brings its own clock, randomness, logger, retry budget, dispatcher or
 * pacers (tests, benchmarks): such a client is never shared, so what it was given stays its own.
 */
export function isIsolated(config: ClientBaseConfig): boolean {
    return !!(config.clock || config.random || config.logger || config.retryBudget || config.dispatcher || config.pacers !== undefined);
}

/** Clients of one cloud by key, for the life of the process. */
export class ClientCache<C, L extends object = object> {
    readonly #clients = new Map<string, C>();

    /** The client for `key`, made by `create` the first time the key is asked for. */
    get(key: ClientKey<L>, create: () => C): C {
        const k = canonicalKey(key);
        let c = this.#clients.get(k);
        if (c === undefined) {
            c = create();
            this.#clients.set(k, c);
        }
        return c;
    }

    get size(): number {
        return this.#clients.size;
    }

    /** Forgets every client (tests). */
    clear(): void {
        this.#clients.clear();
    }
}

/**
 * The text a key is stored under: object fields in name order and undefined fields left out, so
 * that keys equal field by field give equal text whatever order the configuration was written in.
 */
export function canonicalKey(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonicalKey).join(",")}]`;
    if (value !== null && typeof value === "object") {
        const fields = Object.entries(value as Record<string, unknown>)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonicalKey(v)}`).join(",")}}`;
    }
    return JSON.stringify(value) ?? "null";
}
