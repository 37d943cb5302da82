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
import type { VpcEndpoint, VpcEndpointService } from "./schemas";
import { getVpcEndpointServiceAttribute, listVpcEndpointServices } from "./services";

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
