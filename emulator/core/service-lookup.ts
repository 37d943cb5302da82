import type { ScopedStore } from "./scoped-store";

/**
 * The two cross-account lookups of the endpoint APIs (Huawei VPCEP, Alibaba PrivateLink), whose
 * scopes each keep `services` and `endpoints` by id: a consumer's endpoint names a service of
 * another account, and an owner's service is connected to endpoints of any account.
 */

/** A service by id in any scope, unless `gone` says it is gone. */
export function findService<S>(store: ScopedStore<{ services: Record<string, S> }>, id: string, gone: (s: S) => boolean): S | undefined {
    for (const { value } of store.entries()) {
        const s = value.services[id];
        if (s && !gone(s)) return s;
    }
    return undefined;
}

/** Every endpoint (any account) connected to a service, unless `gone` says it is gone. */
export function endpointsOf<E extends { serviceId: string }>(
    store: ScopedStore<{ endpoints: Record<string, E> }>,
    serviceId: string,
    gone: (e: E) => boolean,
): E[] {
    const out: E[] = [];
    for (const { value } of store.entries()) {
        for (const e of Object.values(value.endpoints)) if (e.serviceId === serviceId && !gone(e)) out.push(e);
    }
    return out;
}
