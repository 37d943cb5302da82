// GET /v2.1/endpoints/{id}                       (one endpoint waiting)
// GET /v2.1/endpoints?direction=inbound|outbound (several waiting: the lists of both directions per tick)
/**
 * Waiting on DNS resolver endpoints through the client's shared watcher (core/waiter.ts): every
 * waiter in the process shares one poll loop.
 */
import { findByIds, type WaitOptions, type WaitResult, type WaitSpec, type Watcher, type WatcherSource } from "../../core/waiter";
import type { HuaweiClient } from "../client";
import { listResolverEndpoints, showResolverEndpoint } from "./endpoints";
import { listResolverRules, showResolverRule } from "./rules";
import type { ResolverEndpoint, ResolverRule } from "./schemas";

export type { WaitOptions } from "../../core/waiter";

export function resolverEndpointWatcher(client: HuaweiClient): Watcher<ResolverEndpoint> {
    return client.watcher<ResolverEndpoint>(
        "dns:endpoint",
        (): WatcherSource<ResolverEndpoint> => ({
            getOne: (id, signal) => showResolverEndpoint(client, id, { signal }),
            // The list needs a direction: both are read, each only as far as needed.
            listMany: (ids, signal) =>
                findByIds<ResolverEndpoint>(
                    ids,
                    (e) => e.id,
                    (until) => listResolverEndpoints(client, { direction: "inbound" }, { signal, until }),
                    (until) => listResolverEndpoints(client, { direction: "outbound" }, { signal, until }),
                ),
        }),
    );
}

export function waitForResolverEndpoint(client: HuaweiClient, id: string, spec: WaitSpec<ResolverEndpoint>): Promise<WaitResult<ResolverEndpoint>> {
    return resolverEndpointWatcher(client).wait(id, { description: `DNS resolver endpoint ${id}`, ...spec });
}

/** PENDING_CREATE / PENDING_UPDATE → ACTIVE (ERROR raises WaitFailedError). */
export function waitForResolverEndpointActive(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverEndpoint>> {
    return waitForResolverEndpoint(client, id, { target: ["ACTIVE"], failure: ["ERROR"], pending: ["PENDING_CREATE", "PENDING_UPDATE"], ...opts });
}

/** Settled either way (ACTIVE or ERROR): what a deletion needs before it may start. */
export function waitForResolverEndpointSettled(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverEndpoint>> {
    return waitForResolverEndpoint(client, id, {
        target: ["ACTIVE", "ERROR"],
        pending: ["PENDING_CREATE", "PENDING_UPDATE", "PENDING_DELETE"],
        gone: "target",
        ...opts,
    });
}

/** PENDING_DELETE → gone (404). */
export function waitForResolverEndpointDeleted(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverEndpoint>> {
    return waitForResolverEndpoint(client, id, {
        target: [],
        gone: "target",
        pending: ["PENDING_DELETE", "ACTIVE", "ERROR", "PENDING_CREATE", "PENDING_UPDATE"],
        ...opts,
    });
}

// GET /v2.1/resolverrules/{id}   (one rule waiting)
// GET /v2.1/resolverrules        (several waiting: one list per tick)

/** Rule statuses while it settles; the API pages name the settled one ACTIVE (older pages: COMPLETED). */
const RULE_SETTLED = ["ACTIVE", "COMPLETED"];
const RULE_PENDING = ["PENDING_CREATE", "PENDING_UPDATE", "PENDING"];

export function resolverRuleWatcher(client: HuaweiClient): Watcher<ResolverRule> {
    return client.watcher<ResolverRule>(
        "dns:resolver_rule",
        (): WatcherSource<ResolverRule> => ({
            getOne: (id, signal) => showResolverRule(client, id, { signal }),
            listMany: (ids, signal) =>
                findByIds<ResolverRule>(
                    ids,
                    (r) => r.id,
                    (until) => listResolverRules(client, {}, { signal, until }),
                ),
        }),
    );
}

/** PENDING_* → ACTIVE (ERROR raises WaitFailedError). */
export function waitForResolverRuleActive(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverRule>> {
    return resolverRuleWatcher(client).wait(id, {
        description: `DNS resolver rule ${id}`,
        target: RULE_SETTLED,
        failure: ["ERROR"],
        pending: RULE_PENDING,
        ...opts,
    });
}

/**
 * PENDING_DELETE → DELETED: a deleted rule still reads, with status DELETED, and leaves the list
 * (terraform-provider-huaweicloud's GetResolverRuleById); a 404 is as good.
 */
export function waitForResolverRuleDeleted(client: HuaweiClient, id: string, opts: WaitOptions = {}): Promise<WaitResult<ResolverRule>> {
    return resolverRuleWatcher(client).wait(id, {
        description: `DNS resolver rule ${id}`,
        target: ["DELETED"],
        gone: "target",
        pending: ["PENDING_DELETE", "ERROR", ...RULE_SETTLED, ...RULE_PENDING],
        ...opts,
    });
}

/**
 * The association of `routerId` with a rule, read from the rule's `routers`: settled when it is
 * ACTIVE (`state: "present"`) or no longer listed (`state: "absent"`).
 */
export function waitForResolverRuleRouter(
    client: HuaweiClient,
    ruleId: string,
    routerId: string,
    state: "present" | "absent",
    opts: WaitOptions = {},
): Promise<WaitResult<ResolverRule>> {
    const routerStatus = (r: ResolverRule) => r.routers.find((x) => x.router_id === routerId)?.status ?? "ABSENT";
    return resolverRuleWatcher(client).wait(ruleId, {
        description: `the association of VPC ${routerId} with DNS resolver rule ${ruleId}`,
        status: routerStatus,
        target: state === "present" ? RULE_SETTLED : ["ABSENT"],
        failure: ["ERROR"],
        pending: state === "present" ? [...RULE_PENDING, "ABSENT"] : ["PENDING_DELETE", ...RULE_SETTLED, ...RULE_PENDING],
        gone: state === "present" ? "failure" : "target",
        ...opts,
    });
}
