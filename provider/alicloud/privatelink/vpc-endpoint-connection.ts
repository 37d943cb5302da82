// GetVpcEndpointServiceAttribute           wait until the service is settled
// ListVpcEndpointConnections               the connection, as the service owner sees it; wait
// EnableVpcEndpointConnection              accept (with a bandwidth), then wait until Connected
// UpdateVpcEndpointConnectionAttribute     bandwidth in place
// DisableVpcEndpointConnection             on delete: reject or disconnect, then wait until Disconnected
/** `alicloud.privatelink.VpcEndpointConnection`: the service owner's acceptance of one endpoint. */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget } from "../../model/resource";
import { alicloud } from "../connect";
import { acsId } from "../inputs";

/** What a read gathers: the service and the connection as its owner sees it. */
export interface VpcEndpointConnectionWire {
    serviceId: string;
    connection: pl.Connection;
}

const f = fieldsOf<VpcEndpointConnectionWire, AlibabaClient>();

async function connectionOf(c: AlibabaClient, serviceId: string, endpointId: string): Promise<pl.Connection | undefined> {
    const [connection] = (await orUndefined(() => pl.listVpcEndpointConnections(c, serviceId, { EndpointId: endpointId }))) ?? [];
    return connection;
}

/** A connection being taken down or gone (with its endpoint) no longer stands for this resource. */
const resting = (s: string | undefined) => s !== "Deleting" && s !== "Disconnecting" && s !== "Disconnected";

const fields = {
    /** The endpoint service (owned by the provider's account) the endpoint connects to. */
    serviceId: f.input(acsId("epsrv", "endpoint service id"), { change: "replace", read: (w) => w.serviceId }),
    /** The endpoint to accept — typically another account's (its id, `ep-…`). */
    endpointId: f.input(acsId("ep", "endpoint id"), { change: "replace", read: (w) => w.connection.EndpointId }),
    /**
     * The connection's bandwidth in Mbit/s, from 100 up to what the service's resource type takes:
     * 10240 for CLB, 25000 for ALB and GWLB, 50000 for NLB. Left out, the connection keeps the
     * bandwidth the cloud gives it (a CLB service's `connectBandwidth`, 3072 by default).
     */
    bandwidth: f.input(
        // Limits per type: EnableVpcEndpointConnectionRequest `Bandwidth` (official SDK 4.0.9). The
        // service's type is not known at preview, so the check there takes NLB's; the cloud refuses more.
        z.number().int("must be a whole number").min(100, "is below 100 Mbit/s").max(50000, "is above 50000 Mbit/s (the most an NLB service takes)").optional(),
        {
            change: "update",
            computed: true,
            read: (w) => w.connection.Bandwidth,
            // One ClientToken for the change: a repetition after a lost answer gets the first answer back.
            apply: ({ c, news, budget }) =>
                pl.updateVpcEndpointConnectionAttribute(c, news.serviceId, news.endpointId, news.bandwidth, {
                    signal: budget.signal,
                    clientToken: randomUUID(),
                }),
        },
    ),
};

const outputs = {
    /** `Connected` once accepted; `Connecting`, `Disconnecting`, `Disconnected` or `Pending` on the way. */
    connectionStatus: f.output((w) => w.connection.ConnectionStatus),
    /** The account (UID) that owns the endpoint. */
    endpointOwnerId: f.output((w) => w.connection.EndpointOwnerId),
};

async function settle(c: AlibabaClient, serviceId: string, endpointId: string, target: string[], budget: OperationBudget) {
    return pl.waitForVpcEndpointConnection(c, serviceId, endpointId, target, {
        deadline: budget.deadline,
        signal: budget.signal,
        onPoll: budget.onPoll,
        gone: target.includes("Disconnected") ? "target" : "failure",
    });
}

/**
 * The owner's acceptance of one endpoint's connection to an endpoint service that does not accept
 * endpoints by itself — the core of a cross-account setup, declared in the owner's stack. Creating
 * it waits for the service and for the endpoint's connection to appear (the endpoint may still be
 * being created), accepts it with the bandwidth asked for and waits until it is `Connected`; an
 * endpoint already connected (the service accepts automatically) is recorded as it is. Deleting
 * it disconnects the endpoint and waits until it is `Disconnected`.
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpointConnection",
    cloud: alicloud,
    fields,
    outputs,
    idParts: ["serviceId", "endpointId"],
    hooks: {
        async create({ c, inputs, budget }) {
            await pl.waitForVpcEndpointServiceActive(c, inputs.serviceId, budget);
            // The consumer's endpoint may still be on its way: its connection appears when it exists,
            // and rests Disconnected until accepted (Connected at once where the service accepts by
            // itself). Pending is a connection being modified, not one waiting for the owner.
            const first = await settle(c, inputs.serviceId, inputs.endpointId, ["Disconnected", "Connected"], budget);
            const status = first.outcome === "target" ? first.status : undefined;
            if (status !== "Connected") {
                // One ClientToken for every repetition: after a lost answer the cloud answers as it did
                // the first time, not "denied" from the connection that call set Connecting.
                const clientToken = randomUUID();
                const enable = () =>
                    pl.enableVpcEndpointConnection(c, inputs.serviceId, inputs.endpointId, { bandwidth: inputs.bandwidth, signal: budget.signal, clientToken });
                await untilKnown({ attempt: enable, budget });
            }
            budget.onCreated();
            const connected = await settle(c, inputs.serviceId, inputs.endpointId, ["Connected"], budget);
            if (connected.outcome !== "target") throw new Error(`the connection of endpoint ${inputs.endpointId} disappeared`);
            let connection = connected.resource;
            // Accepted automatically before: the bandwidth asked for is applied now.
            if (inputs.bandwidth !== undefined && connection.Bandwidth !== inputs.bandwidth) {
                await pl.updateVpcEndpointConnectionAttribute(c, inputs.serviceId, inputs.endpointId, inputs.bandwidth, {
                    signal: budget.signal,
                    clientToken: randomUUID(),
                });
                const again = await settle(c, inputs.serviceId, inputs.endpointId, ["Connected"], budget);
                if (again.outcome === "target") connection = again.resource;
            }
            return { serviceId: inputs.serviceId, connection };
        },

        async read(c, _id, inputs) {
            const connection = await connectionOf(c, inputs.serviceId, inputs.endpointId);
            return connection && resting(connection.ConnectionStatus) ? { serviceId: inputs.serviceId, connection } : undefined;
        },

        async afterUpdate({ c, news, budget }) {
            const r = await settle(c, news.serviceId, news.endpointId, ["Connected"], budget);
            if (r.outcome !== "target") throw new Error(`the connection of endpoint ${news.endpointId} disappeared`);
            return { serviceId: news.serviceId, connection: r.resource };
        },

        async delete(c, _id, inputs, budget) {
            const connection = await connectionOf(c, inputs.serviceId, inputs.endpointId);
            if (!connection || !resting(connection.ConnectionStatus)) return;
            await pl.disableVpcEndpointConnection(c, inputs.serviceId, inputs.endpointId, { signal: budget.signal, clientToken: randomUUID() });
            await settle(c, inputs.serviceId, inputs.endpointId, ["Disconnected"], budget);
        },
    },
});
