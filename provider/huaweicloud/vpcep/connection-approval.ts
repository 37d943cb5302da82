// GET  /v1/{project_id}/vpc-endpoint-services/{id}                      wait until the service is available
// GET  /v1/{project_id}/vpc-endpoint-services/{id}/connections?id=      the connection, as the owner sees it
// POST /v1/{project_id}/vpc-endpoint-services/{id}/connections/action   receive / reject
// PUT  /v1/{project_id}/vpc-endpoint-services/{id}/connections/description   description
/** `huaweicloud.vpcep.ConnectionApproval`: the service owner's decision on an endpoint's connection. */
import { z } from "zod";
import { NotFoundError } from "../../../sdk/core/errors";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { orUndefined } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget } from "../../model/resource";
import { huaweicloud } from "../connect";
import { description, uuid } from "../inputs";

/** What a read gathers: the service and the connection as its owner sees it. */
export interface ConnectionApprovalWire {
    serviceId: string;
    connection: vpcep.Connection;
}

const f = fieldsOf<ConnectionApprovalWire, HuaweiClient>();
const ACTION = { accept: "receive", reject: "reject" } as const;
const SETTLED = { accept: "accepted", reject: "rejected" } as const;
type Decision = keyof typeof ACTION;

async function decide(c: HuaweiClient, serviceId: string, endpointId: string, decision: Decision, budget: OperationBudget): Promise<vpcep.Connection> {
    await vpcep.acceptOrRejectEndpoint(c, serviceId, { action: ACTION[decision], endpoints: [endpointId] }, { signal: budget.signal });
    const r = await vpcep.waitForConnection(c, serviceId, endpointId, {
        target: [SETTLED[decision]],
        failure: ["failed"],
        pending: ["creating", "pendingAcceptance", "accepted", "rejected"].filter((s) => s !== SETTLED[decision]),
        deadline: budget.deadline,
        signal: budget.signal,
        onPoll: budget.onPoll,
    });
    if (r.outcome !== "target") throw new Error(`the connection of endpoint ${endpointId} disappeared`);
    return r.resource;
}

/** The owner's description of the connection (`PUT …/connections/description`, one connection per call). */
async function describeConnection(c: HuaweiClient, serviceId: string, endpointId: string, text: string, budget: OperationBudget): Promise<void> {
    await vpcep.updateEndpointConnection(c, serviceId, { connections: [{ id: endpointId, description: text }] }, { signal: budget.signal });
}

async function connectionOf(c: HuaweiClient, serviceId: string, endpointId: string): Promise<vpcep.Connection | undefined> {
    const [connection] = (await orUndefined(() => vpcep.listServiceConnections(c, serviceId, { id: endpointId }))) ?? [];
    return connection;
}

const fields = {
    /** The service (owned by the provider's account) the endpoint connects to. */
    endpointServiceId: f.input(uuid("endpoint service id"), { change: "replace", read: false }),
    /** The endpoint whose connection is decided (possibly another account's). */
    endpointId: f.input(uuid("endpoint id"), { change: "replace", read: false }),
    /** `accept` (the default) or `reject`. Deleting the approval rejects the connection. */
    decision: f.input(z.enum(["accept", "reject"], "is not accept or reject").optional(), {
        change: "update",
        default: "accept",
        read: (w) => (w.connection.status === "accepted" ? "accept" : w.connection.status === "rejected" ? "reject" : undefined),
        apply: async ({ c, news, budget }) => void (await decide(c, news.endpointServiceId, news.endpointId, news.decision ?? "accept", budget)),
    }),
    /**
     * The owner's note on this connection, up to 512 characters without `<` or `>` (what the
     * console shows beside it); changed in place. Removing it clears the note.
     */
    description: f.input(description(512).optional(), {
        change: "update",
        default: "",
        read: (w) => w.connection.description,
        apply: ({ c, news, budget }) => describeConnection(c, news.endpointServiceId, news.endpointId, news.description ?? "", budget),
    }),
};

const outputs = {
    /** The connection's status as the owner sees it: `accepted`, `rejected`, `pendingAcceptance`… */
    status: f.output((w) => w.connection.status),
    /** The id the owner sees for this connection. */
    markerId: f.output((w) => w.connection.marker_id),
    /** The account (domain) id that owns the endpoint. */
    consumerDomainId: f.output((w) => w.connection.domain_id),
};

/**
 * The service owner's approval (or rejection) of one endpoint's connection to a service that has
 * `approvalEnabled`. Creating it waits until the service is available and the connection appears,
 * then accepts it and waits until it is `accepted`. Deleting it rejects the connection.
 */
export const model = f.define({
    kind: "huaweicloud:vpcep:ConnectionApproval",
    cloud: huaweicloud,
    fields,
    outputs,
    idParts: ["endpointServiceId", "endpointId"],
    hooks: {
        async create({ c, inputs, budget }) {
            // Wait for the service rather than fail while it is still being created.
            await vpcep.waitForEndpointServiceAvailable(c, inputs.endpointServiceId, budget);
            await vpcep.waitForConnection(c, inputs.endpointServiceId, inputs.endpointId, {
                target: ["pendingAcceptance", "accepted", "rejected"],
                failure: ["failed"],
                pending: ["creating"],
                deadline: budget.deadline,
                signal: budget.signal,
                onPoll: budget.onPoll,
                description: `the connection of endpoint ${inputs.endpointId} to service ${inputs.endpointServiceId} (is the endpoint connecting to this service?)`,
            });
            const decided = await decide(c, inputs.endpointServiceId, inputs.endpointId, inputs.decision ?? "accept", budget);
            if (inputs.description === undefined) return { serviceId: inputs.endpointServiceId, connection: decided };
            await describeConnection(c, inputs.endpointServiceId, inputs.endpointId, inputs.description, budget);
            return { serviceId: inputs.endpointServiceId, connection: (await connectionOf(c, inputs.endpointServiceId, inputs.endpointId)) ?? decided };
        },

        async read(c, _id, inputs) {
            const connection = await connectionOf(c, inputs.endpointServiceId, inputs.endpointId);
            return connection ? { serviceId: inputs.endpointServiceId, connection } : undefined;
        },

        async afterUpdate({ c, news }) {
            const connection = await connectionOf(c, news.endpointServiceId, news.endpointId);
            if (!connection) throw new Error(`the connection of endpoint ${news.endpointId} disappeared`);
            return { serviceId: news.endpointServiceId, connection };
        },

        async delete(c, _id, inputs, budget) {
            // Nothing to reject once the endpoint (or the service) is gone.
            const connection = await connectionOf(c, inputs.endpointServiceId, inputs.endpointId);
            if (!connection || connection.status === "rejected" || connection.status === "deleting") return;
            try {
                await vpcep.acceptOrRejectEndpoint(
                    c,
                    inputs.endpointServiceId,
                    { action: "reject", endpoints: [inputs.endpointId] },
                    { signal: budget.signal },
                );
            } catch (e) {
                // The endpoint or the service is already gone: there is no connection left to reject.
                if (!(e instanceof NotFoundError)) throw e;
            }
        },
    },
});
