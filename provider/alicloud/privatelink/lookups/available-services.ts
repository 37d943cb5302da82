// POST / Action=ListVpcEndpointServicesByEndUser
import { z } from "zod";
import * as pl from "../../../../sdk/alicloud/privatelink";
import { defineLookup } from "../../../lookup/declaration";
import { alicloud } from "../../connect";
import { acsId } from "../../inputs";

/**
 * The endpoint services this account may connect to — its own, and other accounts' that list it
 * as a user — with the zones each serves: how a consumer finds a service published by another
 * team by its name, and which zones its `VpcEndpoint` can use.
 */
export const availableServices = defineLookup({
    module: "alicloud:privatelink",
    name: "getAvailableVpcEndpointServices",
    one: "getAvailableVpcEndpointService",
    itemType: "AvailableVpcEndpointService",
    what: "endpoint service available to this account",
    cloud: alicloud,
    args: {
        /** The service's name (`com.aliyuncs.privatelink.<region>.epsrv-…`). */
        serviceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters").optional() },
        /** The service's id. */
        serviceId: { schema: acsId("epsrv", "endpoint service id").optional() },
        /** `Interface` (endpoints reach the service) or `Reverse`. */
        serviceType: { schema: z.enum(["Interface", "Reverse"], "is not a service type (Interface or Reverse)").optional() },
    },
    calls: ["ListVpcEndpointServicesByEndUser"],
    fetch: (c, a) => pl.listVpcEndpointServicesByEndUser(c, { ServiceId: a.serviceId, ServiceName: a.serviceName, ServiceType: a.serviceType }),
    label: (w) => `${w.ServiceName} (${w.ServiceId})`,
    narrow: "give serviceId or the service's full name",
    list: "services",
    item: {
        /** The service's id: what a `VpcEndpoint`'s `serviceId` takes. */
        id: (w) => w.ServiceId,
        /** The service's name. */
        serviceName: (w) => w.ServiceName ?? "",
        /** The domain endpoints resolve the service by. */
        serviceDomain: (w) => w.ServiceDomain ?? "",
        /** `Interface`, or `GatewayLoadBalancer` for a service of GWLB resources: the `endpointType` its endpoints take. */
        serviceType: (w) => w.ServiceType ?? "",
        /** The kind of load balancer behind it: `slb`, `alb`, `nlb` or `gwlb`. */
        serviceResourceType: (w) => w.ServiceResourceType ?? "",
        /** Who pays for the connections: `Endpoint` or `EndpointService`. */
        payer: (w) => w.Payer ?? "",
        /** The zones it serves: a `VpcEndpoint`'s zones must be among them. */
        zones: (w) => w.Zones,
    },
});
