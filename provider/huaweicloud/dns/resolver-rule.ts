// POST   /v2.1/resolverrules           create under a creation name (found again by it, or by domain and endpoint, when the response is lost)
// GET    /v2.1/resolverrules[/{id}]    read, wait, find by creation key
// PUT    /v2.1/resolverrules/{id}      name and forwarding addresses in place (and the program's name once created)
// DELETE /v2.1/resolverrules/{id}      delete, then wait until gone
/** `huaweicloud.dns.ResolverRule`: forwards a domain's queries through an outbound endpoint. */
import { z } from "zod";
import { ConflictError } from "../../../sdk/core/errors";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget } from "../../model/resource";
import { huaweicloud } from "../connect";
import { ipv4 } from "../inputs";
import { creationName, keyedByName, nameTakenMessage } from "../marker";
import { domainName, normalizeDomain, resolverId } from "./names";

const f = fieldsOf<dns.ResolverRule, HuaweiClient, dns.CreateResolverRuleRequest>();

/** A lost create is found again: one rule per domain name and endpoint. */
async function findRule(c: HuaweiClient, domain: string, endpointId: string): Promise<dns.ResolverRule | undefined> {
    return (await dns.listResolverRules(c, { domain_name: domain })).find((r) => r.endpoint_id === endpointId && sameDomain(r.domain_name, domain));
}

/** Waits until the rule is ACTIVE, gives it the program's name, and reads it. */
async function settle(c: HuaweiClient, id: string, name: string, budget: OperationBudget): Promise<dns.ResolverRule> {
    await dns.waitForResolverRuleActive(c, id, budget);
    // Only the rule's own read lists its addresses and routers (not create, update or list).
    const rule = await dns.showResolverRule(c, id);
    if (rule.name === name) return rule;
    await dns.updateResolverRule(c, id, { name }, { signal: budget.signal });
    await dns.waitForResolverRuleActive(c, id, budget);
    return dns.showResolverRule(c, id);
}

const sameDomain = (a: string | undefined, b: string) => normalizeDomain(a ?? "") === b;

const fields = {
    /** The rule's name: 1–64 characters (letters, digits, `_`, `-`, `.`). */
    name: f.input(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 letters, digits, _, - or ."), { change: "update", wire: "name" }),
    /**
     * The domain whose queries the rule forwards, such as `corp.example.com`; with or without the
     * trailing dot, in any case, it is the same name.
     */
    domainName: f.input(domainName, {
        change: "replace",
        wire: "domain_name",
        read: (w) => (w.domain_name === undefined ? undefined : normalizeDomain(w.domain_name)),
    }),
    /** The outbound resolver endpoint the queries leave through (its id). */
    endpointId: f.input(resolverId("resolver endpoint id"), { change: "replace", wire: "endpoint_id" }),
    /** The DNS servers queries are forwarded to: 1 to 6 IPv4 addresses; order does not matter. */
    ipAddresses: f.input(z.array(ipv4()).min(1, "is empty; give at least one DNS server").max(6, "has more than 6 addresses (a rule forwards to 1–6)"), {
        change: "update",
        unordered: true,
        distinct: (ip) => ip,
        wire: "ipaddresses",
        toWire: (ips) => ips.map((ip) => ({ ip })),
        read: (w) => w.ipaddresses?.map((a) => a.ip ?? ""),
    }),
};

const outputs = {
    /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE` or `ERROR`. */
    status: f.output((r) => r.status),
    /** The rule's type as the cloud reports it (`FORWARD`). */
    ruleType: f.output((r) => r.rule_type),
    /** The VPCs associated with the rule (see `ResolverRuleAssociation`), with their statuses. */
    routers: f.output((r) =>
        r.routers.map((x) => ({
            /** The VPC's id. */
            vpcId: x.router_id,
            /** The VPC's region. */
            region: x.router_region,
            /** The association's status: `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
            status: x.status,
        })),
    ),
    /** When the rule was created. */
    createdAt: f.output((r) => r.create_time),
    /** When the rule was last changed. */
    updatedAt: f.output((r) => r.update_time),
};

/**
 * A DNS resolver rule: queries for a domain (and its subdomains) from the VPCs associated with
 * the rule are forwarded, through an outbound resolver endpoint, to DNS servers elsewhere — such as
 * on-premises resolvers. `pulumi up` waits until it is `ACTIVE`.
 */
export const model = f.define({
    kind: "huaweicloud:dns:ResolverRule",
    cloud: huaweicloud,
    fields,
    outputs,
    adopt: resolverId("resolver rule id"),
    hooks: {
        async create({ c, inputs, body, budget, creation, urn }) {
            // Created under its creation name (which carries the creation key and token), renamed once ready.
            const name = creation ? creationName(creation) : inputs.name;
            const created = await untilKnown({
                attempt: () => dns.createResolverRule(c, { ...body, name }, { signal: budget.signal }),
                find: async () => {
                    const found = await findRule(c, inputs.domainName, inputs.endpointId);
                    return creation && found?.name !== name ? undefined : found;
                },
                budget,
            }).catch(async (e) => {
                // One rule per domain and endpoint: name the rule in the way, which may be this stack's own
                // (renamed in the instant before a killed run recorded it, so it carries no creation key).
                const existing = e instanceof ConflictError && e.reason === "exists" ? await findRule(c, inputs.domainName, inputs.endpointId) : undefined;
                throw existing
                    ? new Error(
                          nameTakenMessage(
                              `a resolver rule for ${inputs.domainName} on endpoint ${inputs.endpointId}`,
                              existing.id,
                              urn,
                              "delete it, or forward the domain through another endpoint",
                          ),
                      )
                    : e;
            });
            budget.onCreated(created.id);
            return settle(c, created.id, inputs.name, budget);
        },

        async find(c, inputs, key) {
            const all = await dns.listResolverRules(c, { domain_name: inputs.domainName });
            return all
                .filter((r) => r.status !== "PENDING_DELETE" && r.status !== "DELETED")
                .flatMap((r) => keyedByName(r.id, r.name, key, r.status === "ERROR") ?? []);
        },

        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs.name, budget),

        async read(c, id) {
            const rule = await orUndefined(() => dns.showResolverRule(c, id));
            // Deletion cannot be undone: a rule being deleted (out of band), or deleted (it still
            // reads, as DELETED), is gone.
            return rule?.status === "PENDING_DELETE" || rule?.status === "DELETED" ? undefined : rule;
        },

        async put(c, id, body, budget) {
            await dns.updateResolverRule(c, id, body, { signal: budget.signal });
        },

        async afterUpdate({ c, id, budget }) {
            await dns.waitForResolverRuleActive(c, id, budget);
            return dns.showResolverRule(c, id);
        },

        async delete(c, id, _inputs, budget) {
            try {
                await ignoreNotFound(() => dns.deleteResolverRule(c, id, { signal: budget.signal }));
            } catch (e) {
                // A DELETE performed but whose answer was lost is retried by the client and meets the
                // rule already PENDING_DELETE (DNS.1607): the outcome asked for (found by the lossy
                // chaos run, harness/chaos.ts).
                if (!(e instanceof ConflictError)) throw e;
                const now = await orUndefined(() => dns.showResolverRule(c, id));
                if (now && now.status !== "PENDING_DELETE" && now.status !== "DELETED") throw e;
            }
            await dns.waitForResolverRuleDeleted(c, id, budget);
        },

        id: (r) => r.id,
    },
});
