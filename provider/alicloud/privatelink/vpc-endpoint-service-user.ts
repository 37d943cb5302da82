// AddUserToVpcEndpointService        allow an account (UserId) or an ARN entry (UserARN)
// ListVpcEndpointServiceUsers        read (UserListType Users or UserARNs)
// RemoveUserFromVpcEndpointService   on delete
/** `alicloud.privatelink.VpcEndpointServiceUser`: one account (or ARN entry) allowed to connect to an endpoint service. */
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf, type RuleViolation } from "../../model/resource";
import { alicloud } from "../connect";
import { accountUid, acsId } from "../inputs";

/** What a read gathers: the service and the allow-list entry, a UID or an ARN. */
export interface VpcEndpointServiceUserWire {
    serviceId: string;
    userId?: string;
    userArn?: string;
}

const f = fieldsOf<VpcEndpointServiceUserWire, AlibabaClient>();

/**
 * An allow-list entry in ARN form: `acs:ram:<region>:<account-id>:<resource>`, such as
 * `acs:ram:*:1234567890123456:*` (the ARN example of the RemoveUserFromVpcEndpointService page and of
 * terraform-provider-alicloud's alicloud_privatelink_vpc_endpoint_service_user test).
 */
export const userArn = z
    .string()
    .regex(/^acs:ram:[^:]*:(\d{1,20}|\*):[^:\s]+$/, "is not a RAM ARN of an account (acs:ram:*:<account-id>:<resource>, such as acs:ram:*:1234567890123456:*)");

/** The entry a resource of these inputs (or of this id) manages. */
const entryOf = (w: { userId?: string; userArn?: string }): pl.ServiceUser => (w.userId !== undefined ? w.userId : { userArn: w.userArn! });

/** The id `<serviceId>/<userId or userArn>`, taken apart: an ARN starts with `acs:`. */
function fromId(id: string): VpcEndpointServiceUserWire {
    const at = id.indexOf("/");
    const serviceId = id.slice(0, at);
    const member = id.slice(at + 1);
    return member.startsWith("acs:") ? { serviceId, userArn: member } : { serviceId, userId: member };
}

async function find(c: AlibabaClient, want: VpcEndpointServiceUserWire): Promise<VpcEndpointServiceUserWire | undefined> {
    const list = want.userId !== undefined ? pl.listVpcEndpointServiceUsers : pl.listVpcEndpointServiceUserArns;
    const entries = await orUndefined(() => list(c, want.serviceId));
    return entries?.includes(want.userId ?? want.userArn ?? "") ? want : undefined;
}

const fields = {
    /** The endpoint service (owned by the provider's account). */
    serviceId: f.input(acsId("epsrv", "endpoint service id"), { change: "replace", read: (w) => w.serviceId }),
    /**
     * The account (UID, digits) allowed to create endpoints for the service. Give this or
     * `userArn`. Manage a service's allowed accounts either with these resources or with the
     * service's `allowedUsers`, not both.
     */
    userId: f.input(accountUid.optional(), { change: "replace", read: (w) => w.userId }),
    /**
     * The allow-list entry in ARN form instead of `userId`: `acs:ram:*:<account-id>:*` allows the
     * account, as `userId` does (AddUserToVpcEndpointService `UserARN`). Give this or `userId`.
     */
    userArn: f.input(userArn.optional(), { change: "replace", read: (w) => w.userArn }),
};

/**
 * Allows one account to create endpoints for an endpoint service — declared in the service
 * owner's stack, one per consumer account, by UID (`userId`) or in ARN form (`userArn`).
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpointServiceUser",
    cloud: alicloud,
    fields,
    outputs: {},
    // Not `idParts`: the second part is either input, told apart by its form.
    idForm: "<serviceId>/<userId or userArn>",
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        // AddUserToVpcEndpointServiceRequest takes `user_id` or `user_arn`; ListVpcEndpointServiceUsers lists them
        // apart (Users, UserARNs): one entry is one of them.
        if (known("userId") && known("userArn") && (inputs.userId === undefined) === (inputs.userArn === undefined))
            out.push({
                path: ["userId"],
                message:
                    inputs.userId === undefined
                        ? "is missing: give exactly one of userId and userArn"
                        : `and userArn "${inputs.userArn}" are both given; give exactly one of userId and userArn`,
            });
        return out;
    },
    hooks: {
        async create({ c, inputs, budget }) {
            await pl.waitForVpcEndpointServiceActive(c, inputs.serviceId, budget);
            const entry = entryOf(inputs);
            // Adding an entry that is there already is harmless: repeated until the answer is known.
            await untilKnown({ attempt: () => pl.addUserToVpcEndpointService(c, inputs.serviceId, entry, { signal: budget.signal }), budget });
            const wire = { serviceId: inputs.serviceId, ...(inputs.userId !== undefined ? { userId: inputs.userId } : { userArn: inputs.userArn }) };
            budget.onCreated(`${inputs.serviceId}/${inputs.userId ?? inputs.userArn}`);
            return wire;
        },
        // From the id, which names the entry also when nothing is recorded (`pulumi import`).
        read: (c, id) => find(c, fromId(id)),
        async delete(c, id, _inputs, budget) {
            const want = fromId(id);
            if (await find(c, want)) await pl.removeUserFromVpcEndpointService(c, want.serviceId, entryOf(want), { signal: budget.signal });
        },
        id: (w) => `${w.serviceId}/${w.userId ?? w.userArn}`,
    },
});
