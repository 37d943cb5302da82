// GET /v1/{project_id}/vpc-endpoint-services/{vpc_endpoint_service_id}/permissions   ListServicePermissionsDetails
import { z } from "zod";
import * as vpcep from "../../../../sdk/huaweicloud/vpcep";
import { defineLookup } from "../../../lookup/declaration";
import { huaweicloud } from "../../connect";
import { uuid } from "../../inputs";

/** The accounts (and organizations) one of this account's endpoint services permits to connect. */
export const servicePermissions = defineLookup({
    module: "huaweicloud:vpcep",
    name: "getServicePermissions",
    itemType: "ServicePermissionInfo",
    what: "permission",
    cloud: huaweicloud,
    args: {
        /** The endpoint service (its id). */
        endpointServiceId: { schema: uuid("endpoint service id") },
        /** Only this permission, or those containing it (`iam:domain::<domain id>`, `organizations:orgPath::<path>` or `*`). */
        permission: { schema: z.string().min(1, "is empty").max(300, "is longer than 300 characters").optional() },
    },
    calls: ["ListServicePermissionsDetails"],
    fetch: (c, a) => vpcep.listServicePermissionsDetails(c, a.endpointServiceId, { permission: a.permission }),
    label: (w) => w.permission,
    narrow: "give the whole permission",
    list: "permissions",
    item: {
        /** The permission entry's id. */
        id: (w) => w.id ?? "",
        /** `iam:domain::<domain id>`, `organizations:orgPath::<path>` or `*`. */
        permission: (w) => w.permission,
        /** `domainId` or `orgPath`. */
        permissionType: (w) => w.permission_type ?? "domainId",
        /** When it was added (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
