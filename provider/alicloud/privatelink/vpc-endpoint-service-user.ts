// AddUserToVpcEndpointService        allow an account
// ListVpcEndpointServiceUsers        read
// RemoveUserFromVpcEndpointService   on delete
/** `alicloud.privatelink.VpcEndpointServiceUser`: one account allowed to connect to an endpoint service. */
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf } from "../../model/resource";
import { alicloud } from "../connect";
import { accountUid, acsId } from "../inputs";

/** What a read gathers: the service and the account allowed. */
export interface VpcEndpointServiceUserWire {
    serviceId: string;
    userId: string;
}

const f = fieldsOf<VpcEndpointServiceUserWire, AlibabaClient>();

async function find(c: AlibabaClient, serviceId: string, userId: string): Promise<VpcEndpointServiceUserWire | undefined> {
    const users = await orUndefined(() => pl.listVpcEndpointServiceUsers(c, serviceId));
    return users?.includes(userId) ? { serviceId, userId } : undefined;
}

const fields = {
    /** The endpoint service (owned by the provider's account). */
    serviceId: f.input(acsId("epsrv", "endpoint service id"), { change: "replace", read: (w) => w.serviceId }),
    /**
     * The account (UID, digits) allowed to create endpoints for the service. Manage a service's
     * allowed accounts either with these resources or with the service's `allowedUsers`, not both.
     */
    userId: f.input(accountUid, { change: "replace", read: (w) => w.userId }),
};

/**
 * Allows one account to create endpoints for an endpoint service — declared in the service
 * owner's stack, one per consumer account.
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpointServiceUser",
    cloud: alicloud,
    fields,
    outputs: {},
    idParts: ["serviceId", "userId"],
    hooks: {
        async create({ c, inputs, budget }) {
            await pl.waitForVpcEndpointServiceActive(c, inputs.serviceId, budget);
            // Adding a user who is there already is harmless: repeated until the answer is known.
            await untilKnown({ attempt: () => pl.addUserToVpcEndpointService(c, inputs.serviceId, inputs.userId, { signal: budget.signal }), budget });
            budget.onCreated();
            return { serviceId: inputs.serviceId, userId: inputs.userId };
        },
        read: (c, _id, inputs) => find(c, inputs.serviceId, inputs.userId),
        async delete(c, _id, inputs, budget) {
            if (await find(c, inputs.serviceId, inputs.userId))
                await pl.removeUserFromVpcEndpointService(c, inputs.serviceId, inputs.userId, { signal: budget.signal });
        },
    },
});
