// GET /v1/{project_id}/vpc-endpoint-services/public   ListServicePublicDetails
import { z } from "zod";
import * as vpcep from "../../../../sdk/huaweicloud/vpcep";
import { defineLookup } from "../../../lookup/declaration";
import { is } from "../../../lookup/match";
import { huaweicloud } from "../../connect";
import { uuid } from "../../inputs";

/**
 * The cloud services of a region that VPC endpoints connect to without any permission — OBS, DNS,
 * SWR and others, published by Huawei Cloud under names such as `com.myhuaweicloud.cn-north-4.dns`.
 * Look one up to create an `Endpoint` to it (a gateway endpoint for OBS, an interface endpoint for
 * the others).
 */
export const publicServices = defineLookup({
    module: "huaweicloud:vpcep",
    name: "getPublicServices",
    one: "getPublicService",
    itemType: "PublicService",
    what: "public endpoint service",
    cloud: huaweicloud,
    args: {
        /**
         * Part of the service's name, as the API matches it: `obs` finds every service whose name
         * contains `obs`. The exactly-one form prefers the service whose name is this value or ends
         * with `.` and this value (`dns` picks `com.myhuaweicloud.cn-north-4.dns`).
         */
        serviceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** The service's id. */
        serviceId: { schema: uuid("endpoint service id").optional() },
        /** `interface` (reached through an address in your subnet) or `gateway` (reached through route tables, as OBS is). */
        serviceType: { schema: z.enum(["interface", "gateway"], "is not a service type (interface or gateway)").optional() },
    },
    calls: ["ListServicePublicDetails"],
    fetch: (c, a) => vpcep.listServicePublicDetails(c, { endpoint_service_name: a.serviceName, id: a.serviceId }),
    keep: (w, a) => is(a.serviceType, w.service_type),
    exact: (w, a) => a.serviceName !== undefined && (w.service_name === a.serviceName || !!w.service_name?.endsWith(`.${a.serviceName}`)),
    label: (w) => `${w.service_name} (${w.service_type}, ${w.id})`,
    narrow: "give serviceId, serviceType, or the service's full name",
    list: "services",
    item: {
        /** The service's id: what an `Endpoint`'s `endpointServiceId` takes. */
        id: (w) => w.id,
        /** The full name, such as `com.myhuaweicloud.cn-north-4.dns`. */
        serviceName: (w) => w.service_name ?? "",
        /** `interface` or `gateway`. */
        serviceType: (w) => w.service_type ?? "",
        /** Who publishes it (`huaweicloud` for the cloud's own services). */
        owner: (w) => w.owner ?? "",
        /** Whether endpoints to it are charged. */
        isCharge: (w) => w.is_charge ?? false,
        /** When it was published (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
