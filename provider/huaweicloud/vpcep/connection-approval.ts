// GET  /v1/{project_id}/vpc-endpoint-services/{id}                      wait until the service is available
// GET  /v1/{project_id}/vpc-endpoint-services/{id}/connections?id=      the connection, as the owner sees it
// POST /v1/{project_id}/vpc-endpoint-services/{id}/connections/action   receive / reject
/** `huaweicloud.vpcep.ConnectionApproval`: the service owner's decision on an endpoint's connection. */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import type { ResourceSpec } from "../../lifecycle/spec";
import { providerStub } from "../../stub";
import { warnPlainTextCredentials } from "../../config/warnings";
import { connectFor, locationFields } from "../connect";
import { orUndefined } from "../../lifecycle/outcomes";
import { projectId, region, timeouts, uuid } from "../inputs";
import { NotFoundError } from "../../../sdk/core/errors";

/** Inputs of {@link ConnectionApproval}. */
export interface ConnectionApprovalArgs {
    /** The service (owned by the provider's account) the endpoint connects to. Changing it replaces the approval. */
    endpointServiceId: pulumi.Input<string>;
    /** The endpoint whose connection is decided (possibly another account's). Changing it replaces the approval. */
    endpointId: pulumi.Input<string>;
    /** `accept` (the default) or `reject`. Updates in place. Deleting the approval rejects the connection. */
    decision?: pulumi.Input<"accept" | "reject">;
    /** The region, when not the provider's. Changing it replaces the approval. */
    region?: pulumi.Input<string>;
    /** The project, when not the provider's. Changing it replaces the approval. */
    projectId?: pulumi.Input<string>;
    /** Time limits ("10m") for creation, update and deletion. Default 10 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
}

const schema = z
    .object({
        endpointServiceId: uuid("endpoint service id"),
        endpointId: uuid("endpoint id"),
        decision: z.enum(["accept", "reject"], "is not accept or reject").optional(),
        region: region.optional(),
        projectId: projectId.optional(),
        timeouts: timeouts.optional(),
    })
    .strict();

type Inputs = z.output<typeof schema>;
interface Wire {
    serviceId: string;
    connection: vpcep.Connection;
}

const ACTION = { accept: "receive", reject: "reject" } as const;
const SETTLED = { accept: "accepted", reject: "rejected" } as const;

async function decide(c: HuaweiClient, serviceId: string, endpointId: string, decision: "accept" | "reject", deadline: number, signal?: AbortSignal): Promise<vpcep.Connection> {
    await vpcep.acceptOrRejectEndpoint(c, serviceId, { action: ACTION[decision], endpoints: [endpointId] }, { signal });
    const r = await vpcep.waitForConnection(c, serviceId, endpointId, {
        target: [SETTLED[decision]],
        failure: ["failed"],
        pending: ["creating", "pendingAcceptance", "accepted", "rejected"].filter((s) => s !== SETTLED[decision]),
        deadline,
        signal,
    });
    if (r.outcome !== "target") throw new Error(`the connection of endpoint ${endpointId} disappeared`);
    return r.resource;
}

export const connectionApprovalSpec: ResourceSpec<Inputs, Wire, HuaweiClient> = {
    kind: "huaweicloud:vpcep:ConnectionApproval",
    title: "huaweicloud.vpcep.ConnectionApproval",
    schema,
    fields: {
        endpointServiceId: { change: "replace" },
        endpointId: { change: "replace" },
        decision: { change: "update", default: "accept" },
        ...locationFields,
    },
    timeouts: { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 },
    connect: connectFor,

    async create(c, inputs, budget) {
        // Wait for the service rather than fail while it is still being created.
        await vpcep.waitForEndpointServiceAvailable(c, inputs.endpointServiceId, { deadline: budget.deadline, signal: budget.signal });
        await vpcep.waitForConnection(c, inputs.endpointServiceId, inputs.endpointId, {
            target: ["pendingAcceptance", "accepted", "rejected"],
            failure: ["failed"],
            pending: ["creating"],
            deadline: budget.deadline,
            signal: budget.signal,
            description: `the connection of endpoint ${inputs.endpointId} to service ${inputs.endpointServiceId} (is the endpoint connecting to this service?)`,
        });
        const connection = await decide(c, inputs.endpointServiceId, inputs.endpointId, inputs.decision ?? "accept", budget.deadline, budget.signal);
        return { serviceId: inputs.endpointServiceId, connection };
    },

    async read(c, _id, inputs) {
        const [connection] = (await orUndefined(() => vpcep.listServiceConnections(c, inputs.endpointServiceId, { id: inputs.endpointId }))) ?? [];
        return connection ? { serviceId: inputs.endpointServiceId, connection } : undefined;
    },

    async update(c, _id, _olds, news, _changed, budget) {
        const connection = await decide(c, news.endpointServiceId, news.endpointId, news.decision ?? "accept", budget.deadline, budget.signal);
        return { serviceId: news.endpointServiceId, connection };
    },

    async delete(c, _id, inputs, budget) {
        // Nothing to reject once the endpoint (or the service) is gone.
        const [connection] = (await orUndefined(() => vpcep.listServiceConnections(c, inputs.endpointServiceId, { id: inputs.endpointId }))) ?? [];
        if (!connection || connection.status === "rejected" || connection.status === "deleting") return;
        try {
            await vpcep.acceptOrRejectEndpoint(c, inputs.endpointServiceId, { action: "reject", endpoints: [inputs.endpointId] }, { signal: budget.signal });
        } catch (e) {
            // The endpoint or the service is already gone: there is no connection left to reject.
            if (!(e instanceof NotFoundError)) throw e;
        }
    },

    id: (w) => `${w.serviceId}/${w.connection.id}`,
    observe: (w) => {
        const s = w.connection.status;
        return s === "accepted" ? { decision: "accept" } : s === "rejected" ? { decision: "reject" } : {};
    },
    outputs: (w) => ({ status: w.connection.status, markerId: w.connection.marker_id, consumerDomainId: w.connection.domain_id }),
};

/**
 * The service owner's approval (or rejection) of one endpoint's connection to a service that has
 * `approvalEnabled`. Creating it waits until the service is available and the connection appears,
 * then accepts it and waits until it is `accepted`. Deleting it rejects the connection.
 */
export class ConnectionApproval extends pulumi.dynamic.Resource {
    /** The connection's status as the owner sees it: `accepted`, `rejected`, `pendingAcceptance`… */
    declare readonly status: pulumi.Output<string>;
    declare readonly markerId: pulumi.Output<number | undefined>;
    /** The account (domain) id that owns the endpoint. */
    declare readonly consumerDomainId: pulumi.Output<string | undefined>;
    declare readonly endpointServiceId: pulumi.Output<string>;
    declare readonly endpointId: pulumi.Output<string>;

    constructor(name: string, args: ConnectionApprovalArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, status: undefined, markerId: undefined, consumerDomainId: undefined }, opts, "huaweicloud-vpcep", "ConnectionApproval");
        warnPlainTextCredentials("huaweicloud", this);
    }
}

const provider = providerStub("huaweicloud:vpcep:ConnectionApproval");
