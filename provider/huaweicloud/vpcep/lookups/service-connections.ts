// GET /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/connections   ListServiceConnections
import { z } from "zod";
import * as vpcep from "../../../../sdk/huaweicloud/vpcep";
import { defineLookup } from "../../../lookup/declaration";
import { huaweicloud } from "../../connect";
import { uuid } from "../../inputs";

const CONNECTION_STATUSES = ["pendingAcceptance", "creating", "accepted", "rejected", "failed", "deleting"] as const;

/**
 * The endpoints connected to one of this account's endpoint services, as its owner sees them —
 * including other accounts' endpoints, with the account (domain) each belongs to.
 */
export const serviceConnections = defineLookup({
    module: "huaweicloud:vpcep",
    name: "getServiceConnections",
    itemType: "ServiceConnection",
    what: "connection",
    cloud: huaweicloud,
    args: {
        /** The endpoint service (its id). */
        endpointServiceId: { schema: uuid("endpoint service id") },
        /** Only the connection of this endpoint (its id). */
        endpointId: { schema: uuid("endpoint id").optional() },
        /** Only the connection with this marker id. */
        markerId: { schema: z.number().int("must be a whole number").min(0, "must not be negative").optional() },
        /** Only connections in this status: `pendingAcceptance`, `creating`, `accepted`, `rejected`, `failed` or `deleting`. */
        status: { schema: z.enum(CONNECTION_STATUSES, `is not a connection status (${CONNECTION_STATUSES.join(", ")})`).optional() },
    },
    calls: ["ListServiceConnections"],
    fetch: (c, a) =>
        vpcep.listServiceConnections(c, a.endpointServiceId, {
            id: a.endpointId,
            marker_id: a.markerId === undefined ? undefined : String(a.markerId),
            status: a.status,
        }),
    label: (w) => `${w.id} (${w.status})`,
    narrow: "give endpointId",
    list: "connections",
    item: {
        /** The endpoint's id. */
        endpointId: (w) => w.id,
        /** The marker id that identifies the endpoint to the owner. */
        markerId: (w) => w.marker_id ?? 0,
        /** The account (domain) the endpoint belongs to. */
        domainId: (w) => w.domain_id ?? "",
        /** `pendingAcceptance`, `creating`, `accepted`, `rejected`, `failed` or `deleting`. */
        status: (w) => w.status ?? "",
        /** The owner's note on the connection. */
        description: (w) => w.description ?? "",
        /** When the endpoint connected (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
