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
import { type RecordSetRecord, type RecordSetStatus, recordSetToWire, type ZoneRecord, type ZoneStatus, zoneToWire } from "./zone-models";

/** The resource kinds as timings and the resources view name them. */
export const ENDPOINT_KIND = "dns:endpoint";
/** Resolver rules: create (`PENDING_CREATE → ACTIVE | ERROR`) and delete (`PENDING_DELETE → DELETED`). */
export const RULE_KIND = "dns:resolver_rule";
/** VPC associations of a rule: associate (`PENDING_CREATE → ACTIVE | ERROR`), disassociate (`PENDING_DELETE → gone`). */
export const ROUTER_KIND = "dns:resolver_rule_router";
/** Private zones: create (`PENDING_CREATE → ACTIVE | ERROR`, `fail` matching the name) and delete (`PENDING_DELETE → gone`). */
export const ZONE_KIND = "dns:private_zone";
/** VPC associations of a zone after its first: associate (`PENDING_CREATE → ACTIVE | ERROR`), disassociate (`PENDING_DELETE → gone`). */
export const ZONE_ROUTER_KIND = "dns:private_zone_router";
/** Record sets: create (`PENDING_CREATE → ACTIVE | ERROR`, `fail` matching the name) and delete (`PENDING_DELETE → gone`). */
export const RECORDSET_KIND = "dns:recordset";

/** The DNS resolver endpoints and resolver rules of one project and region. */
export interface DnsScope {
    endpoints: Record<string, EndpointRecord>;
    /** Rules, the gone ones kept: ShowResolverRule answers them `DELETED`. */
    rules: Record<string, RuleRecord>;
    /** Private zones, each holding its record sets. */
    zones: Record<string, ZoneRecord>;
}

/** A zone with its computed status, its associations and its record sets that are not gone. */
export interface ZoneView {
    zone: ZoneRecord;
    status: ZoneStatus;
    routers: Array<{ router: RouterRecord; status: DnsStatus }>;
    recordsets: Array<{ recordset: RecordSetRecord; status: RecordSetStatus }>;
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
    readonly store = new ScopedStore<DnsScope>(() => ({ endpoints: {}, rules: {}, zones: {} }));

    constructor(private readonly world: World) {}

    scope(s: Scope): DnsScope {
        const v = this.store.get(s);
        // Snapshots written before resolver rules existed have no `rules`.
        v.rules ??= {};
        v.zones ??= {};
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

    /**
     * The zone's status, associations and record sets (gone ones pruned), or undefined once the
     * zone is gone; `read` counts toward `afterReads`. While the zone is being created, so are the
     * VPC it was created with and its SOA and NS sets; while it is deleted, so are they all. A
     * settled zone whose resolution is paused reads `DISABLE`; its associations and sets keep theirs.
     */
    zoneView(z: ZoneRecord, mode: ObserveMode = "read"): ZoneView | undefined {
        const phase = this.phase(z.lifecycle, mode);
        if (phase === "gone") return undefined;
        const status: DnsStatus = phase === "ready" ? (z.lifecycle.fail ? "ERROR" : "ACTIVE") : ENDPOINT_STATUS[phase];
        const own = (p: Phase, fail: boolean | undefined): DnsStatus =>
            phase !== "ready" ? status : p === "ready" ? (fail ? "ERROR" : "ACTIVE") : ENDPOINT_STATUS[p as Exclude<Phase, "gone">];
        const routers: ZoneView["routers"] = [];
        for (const x of z.routers) {
            const rp = this.phase(x.lifecycle, mode);
            if (rp !== "gone") routers.push({ router: x, status: own(rp, x.lifecycle.fail) });
        }
        if (routers.length !== z.routers.length) {
            z.routers = routers.map((x) => x.router);
            this.world.markDirty();
        }
        const recordsets: ZoneView["recordsets"] = [];
        for (const r of Object.values(z.recordsets)) {
            const rp = this.phase(r.lifecycle, mode);
            if (rp === "gone") {
                delete z.recordsets[r.id];
                this.world.markDirty();
                continue;
            }
            const s = own(rp, r.lifecycle.fail);
            recordsets.push({ recordset: r, status: s === "ACTIVE" && !r.enabled ? "DISABLE" : s });
        }
        return { zone: z, status: status === "ACTIVE" && z.enabled === false ? "DISABLE" : status, routers, recordsets };
    }

    /** Every zone of a scope that is not gone (peeked unless told otherwise). */
    liveZones(s: Scope, mode: ObserveMode = "peek"): ZoneView[] {
        return Object.values(this.scope(s).zones).flatMap((z) => this.zoneView(z, mode) ?? []);
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
            value.zones ??= {};
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
            for (const z of Object.values(value.zones)) {
                const v = this.zoneView(z, "peek");
                if (!v && !includeDeleted) continue;
                const base = { api: "dns", account, projectId: scope.projectId, region: scope.region };
                out.push({
                    ...base,
                    kind: "private_zone",
                    id: z.id,
                    status: v ? v.status : "deleted",
                    createdAt: z.lifecycle.createdAt,
                    readyAt: z.lifecycle.readyAt,
                    deletedAt: z.lifecycle.deletedAt,
                    // The associations are inside the zone, as ShowPrivateZone lists them.
                    body: zoneToWire(z, v?.status ?? "PENDING_DELETE", v?.routers ?? [], v?.recordsets.length ?? 0, "list"),
                });
                for (const r of v?.recordsets ?? []) {
                    if (r.recordset.isDefault) continue;
                    out.push({
                        ...base,
                        kind: "recordset",
                        id: r.recordset.id,
                        status: r.status,
                        createdAt: r.recordset.lifecycle.createdAt,
                        readyAt: r.recordset.lifecycle.readyAt,
                        deletedAt: r.recordset.lifecycle.deletedAt,
                        body: recordSetToWire(r.recordset, z, r.status),
                    });
                }
            }
        }
        return out;
    }
}
