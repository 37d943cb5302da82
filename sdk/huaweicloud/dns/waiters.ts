// GET /v2.1/endpoints/{id}                       (one endpoint waiting)
// GET /v2.1/endpoints?direction=inbound|outbound (several waiting: the lists of both directions per tick)
/**
 * Waiting on DNS resolver endpoints through the client's shared watcher (core/waiter.ts): every
 * waiter in the process shares one poll loop.
 */
import { findByIds, type WaitOptions, type WaitResult, type WaitSpec, type Watcher, type WatcherSource } from "../../core/waiter";
import type { HuaweiClient } from "../client";
import { listResolverEndpoints, showResolverEndpoint } from "./endpoints";
import type { ResolverEndpoint } from "./schemas";

export type { WaitOptions } from "../../core/waiter";

export function resolverEndpointWatcher(client: HuaweiClient): Watcher<ResolverEndpoint> {
    return client.watcher<ResolverEndpoint>(
        "dns:endpoint",
        (): WatcherSource<ResolverEndpoint> => ({
            getOne: (id, signal) => showResolverEndpoint(client, id, { signal }),
            // The list needs a direction: both are read, each only as far as needed.
            listMany: (ids, signal) =>
                findByIds<ResolverEndpoint>(
                    ids,
                    (e) => e.id,
                    (until) => listResolverEndpoints(client, { direction: "inbound" }, { signal, until }),
                    (until) => listResolverEndpoints(client, { direction: "outbound" }, { signal, until }),
                ),
        }),
    );
}

export function waitForResolverEndpoint(client: HuaweiClient, id: string, spec: WaitSpec<ResolverEndpoint>): Promise<WaitResult<ResolverEndpoint>> {
    return resolverEndpointWatcher(client).wait(id, { description: `DNS resolver endpoint ${id}`, ...spec });
}

/** PENDING_CREATE / PENDING_UPDATE → ACTIVE (ERROR raises WaitFailedError). */
export function waitForResolverEndpointActive(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverEndpoint>> {
    return waitForResolverEndpoint(client, id, { target: ["ACTIVE"], failure: ["ERROR"], pending: ["PENDING_CREATE", "PENDING_UPDATE"], ...opts });
}

/** Settled either way (ACTIVE or ERROR): what a deletion needs before it may start. */
export function waitForResolverEndpointSettled(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverEndpoint>> {
    return waitForResolverEndpoint(client, id, {
        target: ["ACTIVE", "ERROR"],
        pending: ["PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE"],
        gone: "target",
        ...opts,
    });
}

/** PENDING_DELETE → gone (404). */
export function waitForResolverEndpointDeleted(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverEndpoint>> {
    return waitForResolverEndpoint(client, id, {
        target: [],
        gone: "target",
        pending: ["PENDING_DELETE", "ACTIVE", "ERROR", "PENDING_CREATE", "PENDING_UPDATE"],
        ...opts,
    });
}
