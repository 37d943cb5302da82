// GET  /v1/{project_id}/vpc-endpoint-services/{id}/permissions          read
// POST /v1/{project_id}/vpc-endpoint-services/{id}/permissions/action   add / remove
/** `huaweicloud.vpcep.ServicePermission`: one account allowed to connect to an endpoint service. */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import type { ResourceSpec } from "../../lifecycle/spec";
import { providerStub } from "../../stub";
import { warnPlainTextCredentials } from "../../config/warnings";
import { connectFor, locationFields } from "../connect";
import { ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";
import { projectId, region, timeouts, uuid } from "../inputs";
import { normalizePermission } from "./permissions";

/** Inputs of {@link ServicePermission}. */
export interface ServicePermissionArgs {
    /** The service (owned by the provider's account). Changing it replaces the permission. */
    endpointServiceId: pulumi.Input<string>;
    /**
     * The account allowed to connect: an account (domain) id, `iam:domain::<id>`,
     * `organizations:orgPath::<path>`, or `*`. Changing it replaces the permission.
     * Manage a service's permissions either with these resources or with the service's
     * `permissions` input, not both: each would remove the other's entries.
     */
    permission: pulumi.Input<string>;
    /** The region, when not the provider's. Changing it replaces the permission. */
    region?: pulumi.Input<string>;
    /** The project, when not the provider's. Changing it replaces the permission. */
    projectId?: pulumi.Input<string>;
    /** Time limits ("5m") for creation and deletion. Default 5 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
}

const schema = z
    .object({
        endpointServiceId: uuid("endpoint service id"),
        permission: z.string().transform((s, ctx) => {
            const n = normalizePermission(s);
            if (typeof n === "string") {
                ctx.addIssue({ code: "custom", message: n });
                return z.NEVER;
            }
            return n.value;
        }),
        region: region.optional(),
        projectId: projectId.optional(),
        timeouts: timeouts.optional(),
    })
    .strict();

type Inputs = z.output<typeof schema>;
interface Wire {
    serviceId: string;
    permission: vpcep.Permission;
}

const typeOf = (p: string) => (p.startsWith("organizations:") ? "orgPath" : "domainId");

async function find(c: HuaweiClient, serviceId: string, permission: string): Promise<vpcep.Permission | undefined> {
    const list = await orUndefined(() => vpcep.listServicePermissionsDetails(c, serviceId));
    return list?.find((p) => p.permission === permission);
}

export const servicePermissionSpec: ResourceSpec<Inputs, Wire, HuaweiClient> = {
    kind: "huaweicloud:vpcep:ServicePermission",
    title: "huaweicloud.vpcep.ServicePermission",
    schema,
    fields: {
        endpointServiceId: { change: "replace" },
        permission: { change: "replace" },
        ...locationFields,
    },
    timeouts: { create: 5 * 60_000, update: 5 * 60_000, delete: 5 * 60_000 },
    connect: connectFor,

    async create(c, inputs, budget) {
        await vpcep.waitForEndpointServiceAvailable(c, inputs.endpointServiceId, { deadline: budget.deadline, signal: budget.signal });
        await vpcep.batchAddOrRemoveEndpointServicePermissions(c, inputs.endpointServiceId, { action: "add", permissions: [inputs.permission], permission_type: typeOf(inputs.permission) }, { signal: budget.signal });
        // The permission exists from here on: if reading it back fails, the engine removes it
        // rather than leave it outside the state (an orphan found by the chaos run, test/chaos).
        budget.onCreated(`${inputs.endpointServiceId}/${inputs.permission}`);
        const permission: vpcep.Permission = (await find(c, inputs.endpointServiceId, inputs.permission)) ?? ({ permission: inputs.permission } as vpcep.Permission);
        return { serviceId: inputs.endpointServiceId, permission };
    },

    async read(c, _id, inputs) {
        const permission = await find(c, inputs.endpointServiceId, inputs.permission);
        return permission ? { serviceId: inputs.endpointServiceId, permission } : undefined;
    },

    async update(c, _id, _olds, news) {
        const permission = await find(c, news.endpointServiceId, news.permission);
        if (!permission) throw new Error(`the permission ${news.permission} is no longer on service ${news.endpointServiceId}`);
        return { serviceId: news.endpointServiceId, permission };
    },

    async delete(c, _id, inputs, budget) {
        await ignoreNotFound(() =>
            vpcep.batchAddOrRemoveEndpointServicePermissions(c, inputs.endpointServiceId, { action: "remove", permissions: [inputs.permission], permission_type: typeOf(inputs.permission) }, { signal: budget.signal }),
        );
    },

    id: (w) => `${w.serviceId}/${w.permission.permission}`,
    observe: (w) => ({ permission: w.permission.permission }),
    outputs: (w) => ({ permissionId: w.permission.id, createdAt: w.permission.created_at }),
};

/**
 * Allows one account to connect to an endpoint service — typically declared in the service
 * owner's stack for each consumer team. The owner's own account needs no permission.
 */
export class ServicePermission extends pulumi.dynamic.Resource {
    /** The permission in the API's form (`iam:domain::<id>`, `organizations:orgPath::<path>` or `*`). */
    declare readonly permission: pulumi.Output<string>;
    declare readonly permissionId: pulumi.Output<string | undefined>;
    declare readonly createdAt: pulumi.Output<string | undefined>;
    declare readonly endpointServiceId: pulumi.Output<string>;

    constructor(name: string, args: ServicePermissionArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { ...args, permissionId: undefined, createdAt: undefined }, opts, "huaweicloud-vpcep", "ServicePermission");
        warnPlainTextCredentials("huaweicloud", this);
    }
}

const provider = providerStub("huaweicloud:vpcep:ServicePermission");
