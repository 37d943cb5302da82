// POST   /v2.1/resolverrules                             CreateResolverRule
// GET    /v2.1/resolverrules                             ListResolverRules
// GET    /v2.1/resolverrules/{id}                        ShowResolverRule
// PUT    /v2.1/resolverrules/{id}                        UpdateResolverRule
// DELETE /v2.1/resolverrules/{id}                        DeleteResolverRule
// POST   /v2.1/resolverrules/{id}/associaterouter        AssociateResolverRuleRouter
// POST   /v2.1/resolverrules/{id}/disassociaterouter     DisassociateResolverRuleRouter
import { parseRequest } from "../../core/schema";
import { type HuaweiClient, seg } from "../client";
import { type CallOptions, type ListOptions, listAll } from "../operation";
import { dnsOp } from "./operation";
import {
    CreateResolverRuleRequest,
    ListResolverRulesFilter,
    ListResolverRulesResponse,
    type ResolverRule,
    ResolverRuleResponse,
    RuleRouterRequest,
    UpdateResolverRuleRequest,
} from "./schemas";

const BASE = "/v2.1/resolverrules";

/** Creates a rule on an outbound endpoint. Not idempotent: a lost response raises OutcomeUnknownError. */
export async function createResolverRule(client: HuaweiClient, input: CreateResolverRuleRequest, opts: CallOptions = {}): Promise<ResolverRule> {
    const body = parseRequest(CreateResolverRuleRequest, input, "dns", "CreateResolverRule");
    return (await client.call(dnsOp("CreateResolverRule", "POST", BASE, { body, signal: opts.signal }), ResolverRuleResponse)).resolver_rule;
}

/** All rules matching the filter (every page). */
export async function listResolverRules(
    client: HuaweiClient,
    filter: ListResolverRulesFilter = {},
    opts: ListOptions<ResolverRule> = {},
): Promise<ResolverRule[]> {
    const q = parseRequest(ListResolverRulesFilter, filter, "dns", "ListResolverRules");
    return listAll(
        client,
        dnsOp("ListResolverRules", "GET", BASE),
        ListResolverRulesResponse,
        (p) => ({ items: p.resolver_rules, total: p.metadata?.total_count }),
        q,
        { ...opts, maxPageSize: 500 },
    );
}

/** One rule, with its routers. Raises NotFoundError when it does not exist. */
export async function showResolverRule(client: HuaweiClient, ruleId: string, opts: CallOptions = {}): Promise<ResolverRule> {
    return (await client.call(dnsOp("ShowResolverRule", "GET", `${BASE}/${seg(ruleId)}`, { signal: opts.signal }), ResolverRuleResponse)).resolver_rule;
}

/** Renames the rule and/or replaces its forwarding addresses, in place. */
export async function updateResolverRule(
    client: HuaweiClient,
    ruleId: string,
    input: UpdateResolverRuleRequest,
    opts: CallOptions = {},
): Promise<ResolverRule> {
    const body = parseRequest(UpdateResolverRuleRequest, input, "dns", "UpdateResolverRule");
    return (await client.call(dnsOp("UpdateResolverRule", "PUT", `${BASE}/${seg(ruleId)}`, { body, signal: opts.signal }), ResolverRuleResponse)).resolver_rule;
}

/** Starts the deletion (the rule then reads `PENDING_DELETE` until it is gone). */
export async function deleteResolverRule(client: HuaweiClient, ruleId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(dnsOp("DeleteResolverRule", "DELETE", `${BASE}/${seg(ruleId)}`, { signal: opts.signal }));
}

/** Associates a VPC with the rule: its queries for the rule's domain are forwarded. */
export async function associateResolverRuleRouter(client: HuaweiClient, ruleId: string, input: RuleRouterRequest, opts: CallOptions = {}): Promise<void> {
    const body = parseRequest(RuleRouterRequest, input, "dns", "AssociateResolverRuleRouter");
    await client.call(dnsOp("AssociateResolverRuleRouter", "POST", `${BASE}/${seg(ruleId)}/associaterouter`, { body, signal: opts.signal }));
}

/** Ends a VPC's association with the rule. */
export async function disassociateResolverRuleRouter(client: HuaweiClient, ruleId: string, input: RuleRouterRequest, opts: CallOptions = {}): Promise<void> {
    const body = parseRequest(RuleRouterRequest, input, "dns", "DisassociateResolverRuleRouter");
    await client.call(dnsOp("DisassociateResolverRuleRouter", "POST", `${BASE}/${seg(ruleId)}/disassociaterouter`, { body, signal: opts.signal }));
}
