// GET /v1/{project_id}/vpc-endpoint-services   ListEndpointServices
import { z } from "zod";
import * as vpcep from "../../../../sdk/huaweicloud/vpcep";
import { withoutCreationTags } from "../../../lifecycle/creation";
import { defineLookup } from "../../../lookup/declaration";
import { hasTags } from "../../../lookup/match";
import { huaweicloud } from "../../connect";
import { tags, tagsFromWire, uuid } from "../../inputs";
import { shortServiceName } from "../endpoint-service";

/**
 * This account's endpoint services in the region (and project): by name, id, status or tags — to
 * hand a service made elsewhere to this program, or to find another stack's service by its tags.
 */
export const endpointServices = defineLookup({
    module: "huaweicloud:vpcep",
    name: "getEndpointServices",
    one: "getEndpointService",
    itemType: "EndpointServiceInfo",
    what: "endpoint service",
    cloud: huaweicloud,
    args: {
        /**
         * The name, or part of it, as the API matches it (`orders` finds `cn-north-4.orders.<id>` and
         * also `cn-north-4.orders-v2.<id>`). The exactly-one form prefers the service whose short
         * name (the `serviceName` input of an `EndpointService`) or full name is exactly this.
         */
        serviceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** The service's id. */
        serviceId: { schema: uuid("endpoint service id").optional() },
        /** Only services in this status: `creating`, `available`, `failed` or `deleting`. */
        status: { schema: z.enum(vpcep.EndpointServiceStatus, "is not a service status (creating, available, failed or deleting)").optional() },
        /** Only services with every one of these tags (an empty value matches any value of the key). */
        tags: { schema: tags.optional() },
    },
    calls: ["ListEndpointServices"],
    fetch: (c, a) => vpcep.listEndpointServices(c, { endpoint_service_name: a.serviceName, id: a.serviceId, status: a.status }),
    keep: (w, a) => hasTags(withoutCreationTags(tagsFromWire(w.tags)), a.tags),
    exact: (w, a) => a.serviceName !== undefined && (w.service_name === a.serviceName || shortServiceName(w.service_name) === a.serviceName),
    label: (w) => `${w.service_name} (${w.id})`,
    narrow: "give serviceId, tags, or the service's exact name",
    list: "services",
    item: {
        /** The service's id: what an `Endpoint`'s `endpointServiceId` takes. */
        id: (w) => w.id,
        /** The full name `{region}.{name}.{id}` that consumers of other accounts look it up by. */
        serviceName: (w) => w.service_name ?? "",
        /** `creating`, `available`, `failed` or `deleting`. */
        status: (w) => w.status ?? "",
        /** `interface` or `gateway`. */
        serviceType: (w) => w.service_type ?? "",
        /** The backend's kind: `VM`, `VIP` or `LB`. */
        serverType: (w) => w.server_type ?? "",
        /** The backend's VPC. */
        vpcId: (w) => w.vpc_id ?? "",
        /** The backend's NIC (port) id. */
        portId: (w) => w.port_id ?? "",
        /** Whether connections wait for the owner's approval. */
        approvalEnabled: (w) => w.approval_enabled ?? false,
        /** The port mappings. */
        ports: (w) =>
            w.ports.map((p) => ({
                /** The port endpoints connect to. */
                clientPort: p.client_port,
                /** The port the backend listens on. */
                serverPort: p.server_port,
                /** `TCP`. */
                protocol: p.protocol ?? "TCP",
            })),
        /** The service's tags. */
        tags: (w) => withoutCreationTags(tagsFromWire(w.tags)),
        /** The description. */
        description: (w) => w.description ?? "",
        /** How many endpoints are connected to it. */
        connectionCount: (w) => w.connection_count ?? 0,
        /** When it was created (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
