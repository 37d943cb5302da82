// GET /v1/{project_id}/vpc-endpoint-services/{id}            (one service waiting)
// GET /v1/{project_id}/vpc-endpoint-services                 (several waiting: one list per tick)
// GET /v1/{project_id}/vpc-endpoints/{id}                    (one endpoint waiting)
// GET /v1/{project_id}/vpc-endpoints                         (several waiting)
// GET /v1/{project_id}/vpc-endpoint-services/{id}/connections[?id=]   (approval, the owner's view)
/**
 * Waiting on VPCEP resources through the client's shared watchers: every waiter of one kind in
 * the process shares one poll loop (see core/waiter.ts).
 */
import { findByIds, type WaitOptions, type WaitResult, type WaitSpec, type Watcher, type WatcherSource } from "../../core/waiter";
import type { HuaweiClient } from "../client";
import { listServiceConnections } from "./connections";
import { listEndpointInfoDetails, listEndpoints } from "./endpoints";
import { type Connection, describeResourceErrors, type Endpoint, type EndpointService } from "./schemas";
import { listEndpointServices, listServiceDetails } from "./services";

export type { WaitOptions } from "../../core/waiter";

const byId = (r: { id: string }): string => r.id;

export function endpointServiceWatcher(client: HuaweiClient): Watcher<EndpointService> {
    return client.watcher<EndpointService>(
        "vpcep:endpoint_service",
        (): WatcherSource<EndpointService> => ({
            getOne: (id, signal) => listServiceDetails(client, id, { signal }),
            // The list is newest first by default, and waited-on resources are usually new: paging
            // stops as soon as every id is found. The API's `id` filter takes one id, so it is not used.
            listMany: (ids, signal) => findByIds(ids, byId, (until) => listEndpointServices(client, {}, { signal, until })),
        }),
    );
}

export function endpointWatcher(client: HuaweiClient): Watcher<Endpoint> {
    return client.watcher<Endpoint>(
        "vpcep:endpoint",
        (): WatcherSource<Endpoint> => ({
            getOne: (id, signal) => listEndpointInfoDetails(client, id, { signal }),
            listMany: (ids, signal) => findByIds(ids, byId, (until) => listEndpoints(client, {}, { signal, until })),
        }),
    );
}

/** Connections are per service: one watcher per (client, service). */
export function connectionWatcher(client: HuaweiClient, serviceId: string): Watcher<Connection> {
    return client.watcher<Connection>(
        `vpcep:connection:${serviceId}`,
        (): WatcherSource<Connection> => ({
            getOne: async (id, signal) => (await listServiceConnections(client, serviceId, { id }, { signal }))[0],
            listMany: (ids, signal) => findByIds(ids, byId, (until) => listServiceConnections(client, serviceId, {}, { signal, until })),
        }),
    );
}

const serviceFailure = (s: EndpointService): string | undefined => describeResourceErrors(s.error);
const endpointFailure = (e: Endpoint): string | undefined => describeResourceErrors(e.error);
const connectionFailure = (c: Connection): string | undefined => describeResourceErrors(c.error);

/** Any wait on an endpoint service; the cloud's `error[]` is attached to a failure. */
export function waitForEndpointService(client: HuaweiClient, id: string, spec: WaitSpec<EndpointService>): Promise<WaitResult<EndpointService>> {
    return endpointServiceWatcher(client).wait(id, { failureMessage: serviceFailure, description: `VPC endpoint service ${id}`, ...spec });
}

/** creating → available (failed raises WaitFailedError with the cloud's message). */
export function waitForEndpointServiceAvailable(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<EndpointService>> {
    return waitForEndpointService(client, id, { target: ["available"], failure: ["failed"], pending: ["creating"], ...opts });
}

/** deleting → gone. */
export function waitForEndpointServiceDeleted(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<EndpointService>> {
    return waitForEndpointService(client, id, { target: [], gone: "target", failure: ["failed"], pending: ["deleting", "available", "creating"], ...opts });
}

export function waitForEndpoint(client: HuaweiClient, id: string, spec: WaitSpec<Endpoint>): Promise<WaitResult<Endpoint>> {
    return endpointWatcher(client).wait(id, { failureMessage: endpointFailure, description: `VPC endpoint ${id}`, ...spec });
}

/**
 * creating → accepted, or → pendingAcceptance when the service requires approval (that is a
 * settled state for the endpoint's creator; approval is the service owner's move).
 */
export function waitForEndpointCreated(client: HuaweiClient, id: string, opts: WaitOptions & { acceptPending?: boolean } = {}): Promise<WaitResult<Endpoint>> {
    const { acceptPending = true, ...rest } = opts;
    return waitForEndpoint(client, id, {
        target: acceptPending ? ["accepted", "pendingAcceptance"] : ["accepted"],
        failure: ["failed", "rejected"],
        pending: acceptPending ? ["creating"] : ["creating", "pendingAcceptance"],
        ...rest,
    });
}

export function waitForEndpointDeleted(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<Endpoint>> {
    return waitForEndpoint(client, id, {
        target: [],
        gone: "target",
        failure: ["failed"],
        pending: ["deleting", "accepted", "pendingAcceptance", "creating", "rejected"],
        ...opts,
    });
}

/** Approval, as the service owner sees it through the connections list. */
export function waitForConnection(client: HuaweiClient, serviceId: string, endpointId: string, spec: WaitSpec<Connection>): Promise<WaitResult<Connection>> {
    return connectionWatcher(client, serviceId).wait(endpointId, {
        failureMessage: connectionFailure,
        description: `connection of VPC endpoint ${endpointId} to service ${serviceId}`,
        ...spec,
    });
}
