// GET  /v1/{project_id}/vpc-endpoint-services/{id}/permissions          read
// POST /v1/{project_id}/vpc-endpoint-services/{id}/permissions/action   add / remove
/** `huaweicloud.vpcep.ServicePermission`: one account allowed to connect to an endpoint service. */
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf } from "../../model/resource";
import { huaweicloud } from "../connect";
import { uuid } from "../inputs";
import { normalizedPermission } from "./permissions";

/** What a read gathers: the service and the permission. */
export interface ServicePermissionWire {
    serviceId: string;
    permission: vpcep.Permission;
}

const f = fieldsOf<ServicePermissionWire, HuaweiClient>();
const typeOf = (p: string) => (p.startsWith("organizations:") ? "orgPath" : "domainId");

async function find(c: HuaweiClient, serviceId: string, permission: string): Promise<vpcep.Permission | undefined> {
    const list = await orUndefined(() => vpcep.listServicePermissionsDetails(c, serviceId));
    return list?.find((p) => p.permission === permission);
}

const fields = {
    /** The service (owned by the provider's account). */
    endpointServiceId: f.input(uuid("endpoint service id"), { change: "replace", read: false }),
    /**
     * The account allowed to connect: an account (domain) id, `iam:domain::<id>`,
     * `organizations:orgPath::<path>`, or `*`; the output holds it in the API's form. Manage a
     * service's permissions either with these resources or with the service's `permissions`
     * input, not both.
     */
    permission: f.input(normalizedPermission, { change: "replace", read: (w) => w.permission.permission }),
};

const outputs = {
    /** The permission's id in the cloud. */
    permissionId: f.output((w) => w.permission.id),
    /** When the permission was added. */
    createdAt: f.output((w) => w.permission.created_at),
};

/**
 * Allows one account to connect to an endpoint service — typically declared in the service
 * owner's stack for each consumer team. The owner's own account needs no permission.
 */
export const model = f.define({
    kind: "huaweicloud:vpcep:ServicePermission",
    cloud: huaweicloud,
    fields,
    outputs,
    timeouts: { create: 5 * 60_000, update: 5 * 60_000, delete: 5 * 60_000 },
    idParts: ["endpointServiceId", "permission"],
    hooks: {
        async create({ c, inputs, budget }) {
            await vpcep.waitForEndpointServiceAvailable(c, inputs.endpointServiceId, budget);
            // Adding a present permission is harmless: repeated until the answer is known.
            const add = () =>
                vpcep.batchAddOrRemoveEndpointServicePermissions(
                    c,
                    inputs.endpointServiceId,
                    { action: "add", permissions: [inputs.permission], permission_type: typeOf(inputs.permission) },
                    { signal: budget.signal },
                );
            await untilKnown({ attempt: add, budget });
            // The permission exists from here on: if reading it back fails, the engine removes it
            // rather than leave it outside the state (an orphan found by the chaos run, test/chaos).
            budget.onCreated();
            const permission: vpcep.Permission =
                (await find(c, inputs.endpointServiceId, inputs.permission)) ?? ({ permission: inputs.permission } as vpcep.Permission);
            return { serviceId: inputs.endpointServiceId, permission };
        },

        async read(c, _id, inputs) {
            const permission = await find(c, inputs.endpointServiceId, inputs.permission);
            return permission ? { serviceId: inputs.endpointServiceId, permission } : undefined;
        },

        async delete(c, _id, inputs, budget) {
            await ignoreNotFound(() =>
                vpcep.batchAddOrRemoveEndpointServicePermissions(
                    c,
                    inputs.endpointServiceId,
                    { action: "remove", permissions: [inputs.permission], permission_type: typeOf(inputs.permission) },
                    { signal: budget.signal },
                ),
            );
        },
    },
});
