// GET /v1/{project_id}/vpc-endpoint-services/describe   ListServiceDescribeDetails
import { z } from "zod";
import { NotFoundError } from "../../../../sdk/core/errors";
import * as vpcep from "../../../../sdk/huaweicloud/vpcep";
import { defineLookup } from "../../../lookup/declaration";
import { huaweicloud } from "../../connect";

/**
 * An endpoint service this account may connect to — its own, a public one, or another account's
 * that permits this account — by its full name, as a consumer team finds a service published by
 * another team (the console's "find a service by name"). Fails when no such service exists or its
 * owner has not permitted this account, so a consumer's `pulumi preview` says so before any
 * endpoint is created.
 */
export const serviceByName = defineLookup({
    module: "huaweicloud:vpcep",
    one: "getServiceByName",
    itemType: "ConnectableService",
    what: "endpoint service visible to this account",
    cloud: huaweicloud,
    args: {
        /** The service's full name, `{region}.{name}.{id}` (the owner's `EndpointService.serviceName` output). */
        serviceName: { schema: z.string().min(1, "is empty").max(128, "is longer than 128 characters") },
    },
    calls: ["ListServiceDescribeDetails"],
    async fetch(c, a) {
        try {
            return [await vpcep.listServiceDescribeDetails(c, { endpoint_service_name: a.serviceName })];
        } catch (e) {
            // The API answers "not found" both for a service that does not exist and for one whose
            // owner has not permitted this account (EndPoint.0005).
            if (e instanceof NotFoundError) return [];
            throw e;
        }
    },
    label: (w) => `${w.service_name} (${w.id})`,
    narrow: "give the service's full name",
    list: "services",
    item: {
        /** The service's id: what an `Endpoint`'s `endpointServiceId` takes. */
        id: (w) => w.id,
        /** The full name. */
        serviceName: (w) => w.service_name ?? "",
        /** `interface` or `gateway`. */
        serviceType: (w) => w.service_type ?? "",
        /** Whether endpoints to it are charged. */
        isCharge: (w) => w.is_charge ?? false,
        /** When it was created (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
