// GET /v2.1/resolverrules        ListResolverRules
// GET /v2.1/resolverrules/{id}   ShowResolverRule (once per rule found: only it reports the addresses)
import { z } from "zod";
import * as dns from "../../../../sdk/huaweicloud/dns";
import { defineLookup } from "../../../lookup/declaration";
import { is } from "../../../lookup/match";
import { huaweicloud } from "../../connect";
import { domainName, normalizeDomain, resolverId } from "../names";

/** DNS resolver rules: which domains are forwarded, through which outbound endpoint, for which VPCs. */
export const resolverRules = defineLookup({
    module: "huaweicloud:dns",
    name: "getResolverRules",
    one: "getResolverRule",
    itemType: "ResolverRuleInfo",
    what: "resolver rule",
    cloud: huaweicloud,
    args: {
        /** Only the rule for this domain (`corp.example.com`; case and a trailing dot make no difference). */
        domainName: { schema: domainName.optional() },
        /** The rule's name, or part of it, as the API matches it. The exactly-one form prefers the rule with exactly this name. */
        name: { schema: z.string().min(1, "is empty").max(64, "is longer than 64 characters").optional() },
        /** Only rules forwarding through this outbound endpoint (its id). */
        endpointId: { schema: resolverId("resolver endpoint id").optional() },
    },
    calls: ["ListResolverRules", "ShowResolverRule"],
    async fetch(c, a) {
        const found = await dns.listResolverRules(c, { domain_name: a.domainName, name: a.name });
        // The list leaves out the forwarding addresses (ListResolverRuleParam in the official SDKs); the rule itself has them.
        return Promise.all(found.map(async (r) => ({ ...r, ...(await dns.showResolverRule(c, r.id)), routers: r.routers })));
    },
    keep: (w, a) => is(a.endpointId, w.endpoint_id) && (a.domainName === undefined || normalizeDomain(w.domain_name ?? "") === a.domainName),
    exact: (w, a) => w.name === a.name,
    label: (w) => `${w.name} for ${w.domain_name} (${w.id})`,
    narrow: "give domainName, endpointId or the rule's exact name",
    list: "rules",
    item: {
        /** The rule's id: what a `ResolverRuleAssociation`'s `resolverRuleId` takes. */
        id: (w) => w.id,
        /** The rule's name. */
        name: (w) => w.name ?? "",
        /** The domain it forwards (lower case, no trailing dot). */
        domainName: (w) => normalizeDomain(w.domain_name ?? ""),
        /** The outbound endpoint it forwards through. */
        endpointId: (w) => w.endpoint_id ?? "",
        /** The addresses of the DNS servers queries are forwarded to. */
        ipAddresses: (w) => w.ipaddresses.map((x) => x.ip ?? ""),
        /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE` or `ERROR`. */
        status: (w) => w.status ?? "",
        /** The VPCs it applies to, each with its region and association status. */
        vpcs: (w) =>
            w.routers.map((r) => ({
                /** The VPC's id. */
                vpcId: r.router_id,
                /** The VPC's region. */
                region: r.router_region ?? "",
                /** The association's status: `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
                status: r.status ?? "",
            })),
        /** When it was created (UTC). */
        createdAt: (w) => w.create_time ?? "",
    },
});
