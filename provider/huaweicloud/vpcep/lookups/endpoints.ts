// GET /v1/{project_id}/vpc-endpoints   ListEndpoints
import { z } from "zod";
import * as vpcep from "../../../../sdk/huaweicloud/vpcep";
import { withoutCreationTags } from "../../../lifecycle/creation";
import { defineLookup } from "../../../lookup/declaration";
import { hasTags, is } from "../../../lookup/match";
import { huaweicloud } from "../../connect";
import { tags, tagsFromWire, uuid } from "../../inputs";

/** This account's VPC endpoints: by the service they connect to, their VPC, id, status or tags. */
export const endpoints = defineLookup({
    module: "huaweicloud:vpcep",
    name: "getEndpoints",
    one: "getEndpoint",
    itemType: "EndpointInfo",
    what: "VPC endpoint",
    cloud: huaweicloud,
    args: {
        /** The endpoint service's name, or part of it, as the API matches it. */
        endpointServiceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** Only endpoints connected to this endpoint service (its id). */
        endpointServiceId: { schema: uuid("endpoint service id").optional() },
        /** Only endpoints in this VPC. */
        vpcId: { schema: uuid("VPC id").optional() },
        /** The endpoint's id. */
        endpointId: { schema: uuid("endpoint id").optional() },
        /** Only endpoints in this status: `creating`, `pendingAcceptance`, `accepted`, `rejected`, `failed` or `deleting`. */
        status: { schema: z.enum(vpcep.EndpointStatus, `is not an endpoint status (${vpcep.EndpointStatus.join(", ")})`).optional() },
        /** Only endpoints with every one of these tags (an empty value matches any value of the key). */
        tags: { schema: tags.optional() },
    },
    calls: ["ListEndpoints"],
    fetch: (c, a) => vpcep.listEndpoints(c, { endpoint_service_name: a.endpointServiceName, vpc_id: a.vpcId, id: a.endpointId }),
    keep: (w, a) => is(a.endpointServiceId, w.endpoint_service_id) && is(a.status, w.status) && hasTags(withoutCreationTags(tagsFromWire(w.tags)), a.tags),
    label: (w) => `${w.id} (to ${w.endpoint_service_name}, ${w.status})`,
    narrow: "give endpointId, vpcId, endpointServiceId or tags",
    list: "endpoints",
    item: {
        /** The endpoint's id. */
        id: (w) => w.id,
        /** `creating`, `pendingAcceptance`, `accepted`, `rejected`, `failed` or `deleting`. */
        status: (w) => w.status ?? "",
        /** The endpoint service's id. */
        endpointServiceId: (w) => w.endpoint_service_id ?? "",
        /** The endpoint service's full name. */
        endpointServiceName: (w) => w.endpoint_service_name ?? "",
        /** `interface` or `gateway`. */
        serviceType: (w) => w.service_type ?? "",
        /** The VPC the endpoint is in. */
        vpcId: (w) => w.vpc_id ?? "",
        /** The subnet of an interface endpoint. */
        subnetId: (w) => w.subnet_id ?? "",
        /** The private address of an interface endpoint (empty until accepted). */
        ip: (w) => w.ip ?? "",
        /** The private domain names, when DNS is enabled. */
        dnsNames: (w) => w.dns_names,
        /** The route tables of a gateway endpoint. */
        routeTables: (w) => w.routetables,
        /** The connection's marker id, as the service owner sees it. */
        markerId: (w) => w.marker_id ?? 0,
        /** The endpoint's tags. */
        tags: (w) => withoutCreationTags(tagsFromWire(w.tags)),
        /** When it was created (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
