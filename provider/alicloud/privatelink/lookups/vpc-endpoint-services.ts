// POST / Action=ListVpcEndpointServices
import { z } from "zod";
import * as pl from "../../../../sdk/alicloud/privatelink";
import { defineLookup } from "../../../lookup/declaration";
import { alicloud } from "../../connect";
import { acsId, privateLinkTags as tags } from "../../inputs";
import { STATUSES, tagFilter, tagsOf } from "./common";

/** This account's endpoint services in the region: by name, id, status, auto-accept or tags. */
export const vpcEndpointServices = defineLookup({
    module: "alicloud:privatelink",
    name: "getVpcEndpointServices",
    one: "getVpcEndpointService",
    itemType: "VpcEndpointServiceInfo",
    what: "endpoint service",
    cloud: alicloud,
    args: {
        /** The service's name (`com.aliyuncs.privatelink.<region>.epsrv-…`). */
        serviceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** The service's id. */
        serviceId: { schema: acsId("epsrv", "endpoint service id").optional() },
        /** Only services in this status: `Creating`, `Active`, `Pending` or `Deleting`. */
        serviceStatus: { schema: z.enum(STATUSES, `is not a service status (${STATUSES.join(", ")})`).optional() },
        /** Only services that accept connections automatically (true) or wait for approval (false). */
        autoAcceptEnabled: { schema: z.boolean().optional() },
        /** Only services with every one of these tags (an empty value matches any value of the key). */
        tags: { schema: tags.optional() },
    },
    calls: ["ListVpcEndpointServices"],
    fetch: (c, a) =>
        pl.listVpcEndpointServices(c, {
            ServiceId: a.serviceId,
            ServiceName: a.serviceName,
            ServiceStatus: a.serviceStatus,
            AutoAcceptEnabled: a.autoAcceptEnabled,
            Tag: tagFilter(a.tags),
        }),
    label: (w) => `${w.ServiceName} (${w.ServiceId})`,
    narrow: "give serviceId or tags",
    list: "services",
    item: {
        /** The service's id: what a `VpcEndpoint`'s `serviceId` takes. */
        id: (w) => w.ServiceId,
        /** The service's name. */
        serviceName: (w) => w.ServiceName ?? "",
        /** The domain endpoints resolve the service by. */
        serviceDomain: (w) => w.ServiceDomain ?? "",
        /** `Creating`, `Active`, `Pending` or `Deleting`. */
        serviceStatus: (w) => w.ServiceStatus ?? "",
        /** `Normal`, or why the service is locked (`FinancialLocked`, `SecurityLocked`). */
        serviceBusinessStatus: (w) => w.ServiceBusinessStatus ?? "",
        /** `Interface`, or `Reverse`. */
        serviceType: (w) => w.ServiceType ?? "",
        /** The kind of load balancer behind it: `slb`, `alb`, `nlb` or `gwlb`. */
        serviceResourceType: (w) => w.ServiceResourceType ?? "",
        /** Whether connections are accepted without the owner's approval. */
        autoAcceptEnabled: (w) => w.AutoAcceptEnabled ?? false,
        /** Who pays for the connections: `Endpoint` or `EndpointService`. */
        payer: (w) => w.Payer ?? "",
        /** The zones it serves. */
        zones: (w) => w.Zones,
        /** The description. */
        description: (w) => w.ServiceDescription ?? "",
        /** The service's tags. */
        tags: (w) => tagsOf(w.Tags),
        /** When it was created. */
        createdAt: (w) => w.CreateTime ?? "",
    },
});
