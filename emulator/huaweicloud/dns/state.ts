import { accounts } from "../../core/accounts";
import type { ApiState, ResourceView } from "../../core/api-module";
import { type ObserveMode, observe, type Phase } from "../../core/lifecycle";
import { type Scope, ScopedStore } from "../../core/scoped-store";
import type { World } from "../../core/world";
import {
    type AddressRecord,
    addressToWire,
    type DnsStatus,
    type EndpointRecord,
    endpointToWire,
    type RouterRecord,
    type RuleRecord,
    type RuleStatus,
    ruleToWire,
} from "./models";

/** The resource kinds as timings and the resources view name them. */
export const ENDPOINT_KIND = "dns:endpoint";
/** Resolver rules: create (`PENDING_CREATE → ACTIVE | ERROR`) and delete (`PENDING_DELETE → DELETED`). */
export const RULE_KIND = "dns:resolver_rule";
/** VPC associations of a rule: associate (`PENDING_CREATE → ACTIVE | ERROR`), disassociate (`PENDING_DELETE → gone`). */
export const ROUTER_KIND = "dns:resolver_rule_router";

/** The DNS resolver endpoints and resolver rules of one project and region. */
export interface DnsScope {
    endpoints: Record<string, EndpointRecord>;
    /** Rules, the gone ones kept: ShowResolverRule answers them `DELETED`. */
    rules: Record<string, RuleRecord>;
}

/** An endpoint with its computed status, its live addresses with theirs, and its rules that are not gone. */
export interface EndpointView {
    endpoint: EndpointRecord;
    status: DnsStatus;
    addresses: Array<{ address: AddressRecord; status: DnsStatus }>;
    ruleCount: number;
}

/** A rule with its computed status (`DELETED` once gone) and its associations that are not gone. */
export interface RuleView {
    rule: RuleRecord;
    status: RuleStatus;
    routers: Array<{ router: RouterRecord; status: DnsStatus }>;
}

/** Endpoint status while its own lifecycle is transitional, or once settled. */
const ENDPOINT_STATUS: Record<Exclude<Phase, "gone">, DnsStatus> = { creating: "PENDING_CREATE", ready: "ACTIVE", deleting: "PENDING_DELETE" };

/**
 * All DNS state, statuses computed lazily from the world clock. An endpoint's addresses have
 * their own lifecycles (added and removed ones settle with the `dns:endpoint` timings); while
 * one is transitional the endpoint reads `PENDING_UPDATE`. Every address holds a port of the
 * shared network model, released when the address (or its endpoint) is gone. Resolver rules
 * (`dns:resolver_rule`) and each of their VPC associations (`dns:resolver_rule_router`) have
 * lifecycles of their own too.
 */
export class DnsState implements ApiState {
    readonly store = new ScopedStore<DnsScope>(() => ({ endpoints: {}, rules: {} }));

    constructor(private readonly world: World) {}

    scope(s: Scope): DnsScope {
        const v = this.store.get(s);
        // Snapshots written before resolver rules existed have no `rules`.
        v.rules ??= {};
        return v;
    }

    private phase(lc: EndpointRecord["lifecycle"], mode: ObserveMode): Phase {
        const { phase, changed } = observe(lc, this.world.now(), mode);
        if (changed) this.world.markDirty();
        return phase;
    }

    private release(e: EndpointRecord, a: AddressRecord): void {
        if (a.portId === undefined) return;
        this.world.network.releasePort({ projectId: e.projectId, region: e.region }, a.portId);
        a.portId = undefined;
        this.world.markDirty();
    }

    /** The endpoint's status and live addresses, or undefined once it is gone; `read` counts toward `afterReads`. */
    view(e: EndpointRecord, mode: ObserveMode = "read"): EndpointView | undefined {
        const phase = this.phase(e.lifecycle, mode);
        if (phase === "gone") {
            for (const a of e.addresses) this.release(e, a);
            return undefined;
        }
        const addresses: EndpointView["addresses"] = [];
        let busy = false;
        for (const a of e.addresses) {
            const ap = this.phase(a.lifecycle, mode);
            if (ap === "gone") {
                this.release(e, a);
                continue;
            }
            busy ||= ap !== "ready";
            addresses.push({
                address: a,
                status: ap !== "ready" ? ENDPOINT_STATUS[ap] : phase === "creating" ? "PENDING_CREATE" : e.lifecycle.fail ? "ERROR" : "ACTIVE",
            });
        }
        if (addresses.length !== e.addresses.length) {
            e.addresses = addresses.map((x) => x.address);
            this.world.markDirty();
        }
        let status = ENDPOINT_STATUS[phase];
        if (phase === "ready") status = e.lifecycle.fail ? "ERROR" : busy ? "PENDING_UPDATE" : "ACTIVE";
        const ruleCount = this.liveRules({ projectId: e.projectId, region: e.region }).filter((r) => r.rule.endpointId === e.id).length;
        return { endpoint: e, status, addresses, ruleCount };
    }

    /**
     * The rule's status and its associations (gone ones pruned); `read` counts toward `afterReads`.
     * A gone rule reads `DELETED` with no associations (it cannot be deleted while it has any).
     */
    ruleView(r: RuleRecord, mode: ObserveMode = "read"): RuleView {
        const phase = this.phase(r.lifecycle, mode);
        if (phase === "gone") return { rule: r, status: "DELETED", routers: [] };
        const routers: RuleView["routers"] = [];
        for (const x of r.routers) {
            const rp = this.phase(x.lifecycle, mode);
            if (rp === "gone") continue;
            routers.push({ router: x, status: rp === "ready" && x.lifecycle.fail ? "ERROR" : ENDPOINT_STATUS[rp] });
        }
        if (routers.length !== r.routers.length) {
            r.routers = routers.map((x) => x.router);
            this.world.markDirty();
        }
        const status: RuleStatus = phase === "ready" ? (r.lifecycle.fail ? "ERROR" : "ACTIVE") : phase === "creating" ? "PENDING_CREATE" : "PENDING_DELETE";
        return { rule: r, status, routers };
    }

    /** Every rule of a scope that is not gone (peeked unless told otherwise). */
    liveRules(s: Scope, mode: ObserveMode = "peek"): RuleView[] {
        return Object.values(this.scope(s).rules)
            .map((r) => this.ruleView(r, mode))
            .filter((v) => v.status !== "DELETED");
    }

    /** Every endpoint of a scope that is not gone (peeked: releases the ports of vanished ones first). */
    live(s: Scope, mode: ObserveMode = "peek"): EndpointView[] {
        const out: EndpointView[] = [];
        for (const e of Object.values(this.scope(s).endpoints)) {
            const v = this.view(e, mode);
            if (v) out.push(v);
        }
        return out;
    }

    reset(): void {
        this.store.reset();
    }

    snapshot(): unknown {
        return { scopes: this.store.snapshot() };
    }

    restore(data: unknown): void {
        this.store.restore((data as { scopes?: unknown } | undefined)?.scopes);
    }

    resources({ includeDeleted }: { includeDeleted: boolean }): ResourceView[] {
        const out: ResourceView[] = [];
        for (const { scope, value } of this.store.entries()) {
            const account = accounts.byProjectId(scope.projectId)?.name;
            value.rules ??= {};
            for (const e of Object.values(value.endpoints)) {
                const v = this.view(e, "peek");
                if (!v && !includeDeleted) continue;
                out.push({
                    api: "dns",
                    kind: "endpoint",
                    id: e.id,
                    account,
                    projectId: scope.projectId,
                    region: scope.region,
                    status: v ? v.status : "deleted",
                    createdAt: e.lifecycle.createdAt,
                    readyAt: e.lifecycle.readyAt,
                    deletedAt: e.lifecycle.deletedAt,
                    body: {
                        ...endpointToWire(e, v?.status ?? "PENDING_DELETE", v?.addresses.length ?? 0, v?.ruleCount ?? 0),
                        ipaddresses: (v?.addresses ?? []).map((x) => addressToWire(x.address, x.status)),
                    },
                });
            }
            for (const r of Object.values(value.rules)) {
                const v = this.ruleView(r, "peek");
                if (v.status === "DELETED" && !includeDeleted) continue;
                out.push({
                    api: "dns",
                    kind: "resolver_rule",
                    id: r.id,
                    account,
                    projectId: scope.projectId,
                    region: scope.region,
                    status: v.status === "DELETED" ? "deleted" : v.status,
                    createdAt: r.lifecycle.createdAt,
                    readyAt: r.lifecycle.readyAt,
                    deletedAt: r.lifecycle.deletedAt,
                    // The associations are inside the rule, as ShowResolverRule lists them.
                    body: ruleToWire(r, v.status, v.routers, "full"),
                });
            }
        }
        return out;
    }
}
