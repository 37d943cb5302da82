// POST / Action=ListVpcEndpointConnections
import { z } from "zod";
import * as pl from "../../../../sdk/alicloud/privatelink";
import { defineLookup } from "../../../lookup/declaration";
import { is } from "../../../lookup/match";
import { alicloud } from "../../connect";
import { accountUid, acsId } from "../../inputs";
import { CONNECTION_STATUSES } from "./common";

/** The endpoints connected to one of this account's endpoint services, as its owner sees them. */
export const vpcEndpointConnections = defineLookup({
    module: "alicloud:privatelink",
    name: "getVpcEndpointConnections",
    itemType: "VpcEndpointConnectionInfo",
    what: "connection",
    cloud: alicloud,
    args: {
        /** The endpoint service (its id). */
        serviceId: { schema: acsId("epsrv", "endpoint service id") },
        /** Only the connection of this endpoint. */
        endpointId: { schema: acsId("ep", "endpoint id").optional() },
        /** Only endpoints of this account (its UID). */
        endpointOwnerId: { schema: accountUid.optional() },
        /** Only connections in this status: `Pending`, `Connecting`, `Connected`, `Disconnecting`, `Disconnected` or `Deleting`. */
        connectionStatus: { schema: z.enum(CONNECTION_STATUSES, `is not a connection status (${CONNECTION_STATUSES.join(", ")})`).optional() },
    },
    calls: ["ListVpcEndpointConnections"],
    fetch: (c, a) => pl.listVpcEndpointConnections(c, a.serviceId, { EndpointId: a.endpointId, ConnectionStatus: a.connectionStatus }),
    keep: (w, a) => is(a.endpointOwnerId, w.EndpointOwnerId),
    label: (w) => `${w.EndpointId} (${w.ConnectionStatus})`,
    narrow: "give endpointId",
    list: "connections",
    item: {
        /** The endpoint's id. */
        endpointId: (w) => w.EndpointId,
        /** The account (UID) the endpoint belongs to. */
        endpointOwnerId: (w) => w.EndpointOwnerId ?? "",
        /** `Pending`, `Connecting`, `Connected`, `Disconnecting`, `Disconnected` or `Deleting`. */
        connectionStatus: (w) => w.ConnectionStatus ?? "",
        /** The connection's bandwidth in Mbit/s. */
        bandwidth: (w) => w.Bandwidth ?? 0,
    },
});
