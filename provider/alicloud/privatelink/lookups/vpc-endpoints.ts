// POST / Action=ListVpcEndpoints
import { z } from "zod";
import * as pl from "../../../../sdk/alicloud/privatelink";
import { defineLookup } from "../../../lookup/declaration";
import { alicloud } from "../../connect";
import { acsId, privateLinkTags as tags } from "../../inputs";
import { CONNECTION_STATUSES, STATUSES, tagFilter, tagsOf } from "./common";

/** This account's VPC endpoints in the region: by name, id, service, VPC, status or tags. */
export const vpcEndpoints = defineLookup({
    module: "alicloud:privatelink",
    name: "getVpcEndpoints",
    one: "getVpcEndpoint",
    itemType: "VpcEndpointInfo",
    what: "VPC endpoint",
    cloud: alicloud,
    args: {
        /** The endpoint's id. */
        endpointId: { schema: acsId("ep", "endpoint id").optional() },
        /** The endpoint's name. */
        endpointName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** Only endpoints to the service of this name. */
        serviceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** Only endpoints in this VPC. */
        vpcId: { schema: acsId("vpc", "VPC id").optional() },
        /** Only endpoints in this status: `Creating`, `Active`, `Pending` or `Deleting`. */
        endpointStatus: { schema: z.enum(STATUSES, `is not an endpoint status (${STATUSES.join(", ")})`).optional() },
        /** Only endpoints whose connection is in this status: `Pending`, `Connecting`, `Connected`, `Disconnecting`, `Disconnected` or `Deleting`. */
        connectionStatus: { schema: z.enum(CONNECTION_STATUSES, `is not a connection status (${CONNECTION_STATUSES.join(", ")})`).optional() },
        /** Only endpoints with every one of these tags (an empty value matches any value of the key). */
        tags: { schema: tags.optional() },
    },
    calls: ["ListVpcEndpoints"],
    fetch: (c, a) =>
        pl.listVpcEndpoints(c, {
            EndpointId: a.endpointId,
            EndpointName: a.endpointName,
            ServiceName: a.serviceName,
            VpcId: a.vpcId,
            EndpointStatus: a.endpointStatus,
            ConnectionStatus: a.connectionStatus,
            Tag: tagFilter(a.tags),
        }),
    label: (w) => `${w.EndpointName || w.EndpointId} (${w.EndpointId}, to ${w.ServiceName})`,
    narrow: "give endpointId, vpcId or tags",
    list: "endpoints",
    item: {
        /** The endpoint's id. */
        id: (w) => w.EndpointId,
        /** The endpoint's name. */
        endpointName: (w) => w.EndpointName ?? "",
        /** `Creating`, `Active`, `Pending` or `Deleting`. */
        endpointStatus: (w) => w.EndpointStatus ?? "",
        /** `Pending`, `Connecting`, `Connected`, `Disconnecting`, `Disconnected` or `Deleting`. */
        connectionStatus: (w) => w.ConnectionStatus ?? "",
        /** The endpoint service's id. */
        serviceId: (w) => w.ServiceId ?? "",
        /** The endpoint service's name. */
        serviceName: (w) => w.ServiceName ?? "",
        /** The VPC the endpoint is in. */
        vpcId: (w) => w.VpcId ?? "",
        /** The domain clients reach the service by. */
        endpointDomain: (w) => w.EndpointDomain ?? "",
        /** `Interface`, `GatewayLoadBalancer` or `Reverse`. */
        endpointType: (w) => w.EndpointType ?? "",
        /** The endpoint's tags. */
        tags: (w) => tagsOf(w.Tags),
        /** When it was created. */
        createdAt: (w) => w.CreateTime ?? "",
    },
});
