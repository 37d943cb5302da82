// GET  /v2.1/resolverrules/{id}                      wait for the rule; read the association from its routers
// POST /v2.1/resolverrules/{id}/associaterouter      associate the VPC, then wait until ACTIVE
// POST /v2.1/resolverrules/{id}/disassociaterouter   disassociate, then wait until it is no longer listed
/** `huaweicloud.dns.ResolverRuleAssociation`: one VPC whose queries follow a resolver rule. */
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf } from "../../model/resource";
import { huaweicloud } from "../connect";
import { uuid } from "../inputs";
import { normalizeDomain, resolverId } from "./names";

/** What a read gathers: the rule and this VPC's entry in its routers. */
export interface ResolverRuleAssociationWire {
    rule: dns.ResolverRule;
    router: dns.ResolverRuleRouter;
}

const f = fieldsOf<ResolverRuleAssociationWire, HuaweiClient>();

async function readAssociation(c: HuaweiClient, ruleId: string, vpcId: string): Promise<ResolverRuleAssociationWire | undefined> {
    const found = await orUndefined(() => dns.showResolverRule(c, ruleId));
    const rule = found?.status === "DELETED" ? undefined : found;
    const router = rule?.routers.find((r) => r.router_id === vpcId);
    // Being disassociated (out of band) is as good as gone.
    return rule && router && router.status !== "PENDING_DELETE" ? { rule, router } : undefined;
}

const fields = {
    /** The resolver rule (its id). */
    resolverRuleId: f.input(resolverId("resolver rule id"), { change: "replace", read: (w) => w.rule.id }),
    /** The VPC whose DNS queries for the rule's domain are forwarded (its id). */
    vpcId: f.input(uuid("VPC id"), { change: "replace", read: (w) => w.router.router_id }),
};

const outputs = {
    /** The association's status: `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
    status: f.output((w) => w.router.status),
    /** The region of the VPC. */
    vpcRegion: f.output((w) => w.router.router_region),
    /** The domain the VPC's queries are forwarded for. */
    domainName: f.output((w) => (w.rule.domain_name === undefined ? undefined : normalizeDomain(w.rule.domain_name))),
};

/**
 * Associates a VPC with a DNS resolver rule: the VPC's queries for the rule's domain are
 * forwarded to the rule's DNS servers. Creating it waits until the rule is ready and the
 * association is `ACTIVE`; deleting it disassociates the VPC and waits until it is no longer
 * listed.
 */
export const model = f.define({
    kind: "huaweicloud:dns:ResolverRuleAssociation",
    cloud: huaweicloud,
    fields,
    outputs,
    idParts: ["resolverRuleId", "vpcId"],
    hooks: {
        async create({ c, inputs, budget }) {
            // Wait for the rule rather than fail while it is still being created.
            await dns.waitForResolverRuleActive(c, inputs.resolverRuleId, budget);
            const router = { router: { router_id: inputs.vpcId, router_region: c.region } };
            // Not idempotent: after a lost answer the association is looked for before associating again.
            await untilKnown<unknown>({
                attempt: () => dns.associateResolverRuleRouter(c, inputs.resolverRuleId, router, { signal: budget.signal }),
                find: () => readAssociation(c, inputs.resolverRuleId, inputs.vpcId),
                budget,
            });
            budget.onCreated();
            await dns.waitForResolverRuleRouter(c, inputs.resolverRuleId, inputs.vpcId, "present", budget);
            const wire = await readAssociation(c, inputs.resolverRuleId, inputs.vpcId);
            if (!wire) throw new Error(`the association of VPC ${inputs.vpcId} with rule ${inputs.resolverRuleId} disappeared right after creation`);
            return wire;
        },

        read: (c, _id, inputs) => readAssociation(c, inputs.resolverRuleId, inputs.vpcId),

        async delete(c, _id, inputs, budget) {
            const router = { router: { router_id: inputs.vpcId, router_region: c.region } };
            // Not idempotent either: after a lost answer, an association already on its way out is done.
            await untilKnown({
                attempt: async () => {
                    await ignoreNotFound(() => dns.disassociateResolverRuleRouter(c, inputs.resolverRuleId, router, { signal: budget.signal }));
                    return true;
                },
                find: async () => ((await readAssociation(c, inputs.resolverRuleId, inputs.vpcId)) === undefined ? true : undefined),
                budget,
            });
            await dns.waitForResolverRuleRouter(c, inputs.resolverRuleId, inputs.vpcId, "absent", budget);
        },
    },
});
