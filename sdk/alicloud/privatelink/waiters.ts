// GetVpcEndpointAttribute            (one endpoint waiting)
// ListVpcEndpoints                   (several endpoints waiting: one list per tick)
// GetVpcEndpointServiceAttribute     (one service waiting)
// ListVpcEndpointServices            (several services waiting)
/**
 * Waiting on PrivateLink resources through the client's shared watchers (sdk/core/waiter.ts):
 * every waiter of one kind in the process shares one poll loop, and several waiters are served
 * by one list call per tick.
 */
import { findByIds, type WaitOptions, type WaitResult, type Watcher, type WatcherSource } from "../../core/waiter";
import type { AlibabaClient } from "../client";
import { getVpcEndpointAttribute, listVpcEndpoints } from "./endpoints";
import type { Connection, VpcEndpoint, VpcEndpointService } from "./schemas";
import { getVpcEndpointServiceAttribute, listVpcEndpointConnections, listVpcEndpointServices } from "./services";

export type { WaitOptions } from "../../core/waiter";

export function vpcEndpointWatcher(client: AlibabaClient): Watcher<VpcEndpoint> {
    return client.watcher<VpcEndpoint>(
        "privatelink:endpoint",
        (): WatcherSource<VpcEndpoint> => ({
            getOne: (id, signal) => getVpcEndpointAttribute(client, id, { signal }),
            listMany: (ids, signal) =>
                findByIds(
                    ids,
                    (e) => e.EndpointId,
                    (until) => listVpcEndpoints(client, {}, { signal, until }),
                ),
        }),
    );
}

export function vpcEndpointServiceWatcher(client: AlibabaClient): Watcher<VpcEndpointService> {
    return client.watcher<VpcEndpointService>(
        "privatelink:endpoint_service",
        (): WatcherSource<VpcEndpointService> => ({
            getOne: (id, signal) => getVpcEndpointServiceAttribute(client, id, { signal }),
            listMany: (ids, signal) =>
                findByIds(
                    ids,
                    (s) => s.ServiceId,
                    (until) => listVpcEndpointServices(client, {}, { signal, until }),
                ),
        }),
    );
}

const endpointStatus = (e: VpcEndpoint) => e.EndpointStatus;
const serviceStatus = (s: VpcEndpointService) => s.ServiceStatus;

/** `Creating`/`Pending` → `Active` (zones connected, modifications done). */
export function waitForVpcEndpointActive(client: AlibabaClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<VpcEndpoint>> {
    return vpcEndpointWatcher(client).wait(id, {
        target: ["Active"],
        pending: ["Creating", "Pending"],
        status: endpointStatus,
        description: `PrivateLink endpoint ${id}`,
        ...opts,
    });
}

/** `Deleting` → gone. */
export function waitForVpcEndpointDeleted(client: AlibabaClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<VpcEndpoint>> {
    return vpcEndpointWatcher(client).wait(id, {
        target: [],
        gone: "target",
        pending: ["Deleting", "Active", "Pending", "Creating"],
        status: endpointStatus,
        description: `PrivateLink endpoint ${id}`,
        ...opts,
    });
}

export function waitForVpcEndpointServiceActive(client: AlibabaClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<VpcEndpointService>> {
    return vpcEndpointServiceWatcher(client).wait(id, {
        target: ["Active"],
        pending: ["Creating", "Pending"],
        status: serviceStatus,
        description: `PrivateLink endpoint service ${id}`,
        ...opts,
    });
}

export function waitForVpcEndpointServiceDeleted(client: AlibabaClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<VpcEndpointService>> {
    return vpcEndpointServiceWatcher(client).wait(id, {
        target: [],
        gone: "target",
        pending: ["Deleting", "Active", "Pending", "Creating"],
        status: serviceStatus,
        description: `PrivateLink endpoint service ${id}`,
        ...opts,
    });
}

// ListVpcEndpointConnections?ServiceId=&EndpointId=   (a connection, as the service owner sees it)

/** The connections of one service, as its owner sees them: one poll loop per service. */
export function vpcEndpointConnectionWatcher(client: AlibabaClient, serviceId: string): Watcher<Connection> {
    return client.watcher<Connection>(
        `privatelink:connection:${serviceId}`,
        (): WatcherSource<Connection> => ({
            getOne: async (endpointId, signal) => (await listVpcEndpointConnections(client, serviceId, { EndpointId: endpointId }, { signal }))[0],
            listMany: (ids, signal) =>
                findByIds(
                    ids,
                    (c) => c.EndpointId,
                    (until) => listVpcEndpointConnections(client, serviceId, {}, { signal, until }),
                ),
        }),
    );
}

/** The statuses a connection passes through; Connected and Disconnected are where it rests. */
export const CONNECTION_STATUSES = ["Pending", "Connecting", "Connected", "Disconnecting", "Disconnected", "Deleting"] as const;

/**
 * Waits until the connection of `endpointId` to `serviceId` rests in one of `target`
 * (Connected, Disconnected); gone counts as `gone`.
 */
export function waitForVpcEndpointConnection(
    client: AlibabaClient,
    serviceId: string,
    endpointId: string,
    target: string[],
    opts: WaitOptions & { gone?: "target" | "failure" } = {},
): Promise<WaitResult<Connection>> {
    const { gone = "failure", ...rest } = opts;
    return vpcEndpointConnectionWatcher(client, serviceId).wait(endpointId, {
        description: `the connection of endpoint ${endpointId} to service ${serviceId}`,
        status: (c) => c.ConnectionStatus,
        target,
        pending: CONNECTION_STATUSES.filter((s) => !target.includes(s)),
        gone,
        ...rest,
    });
}
