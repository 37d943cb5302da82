import { accounts } from "../../core/accounts";
import type { ApiState, ResourceView } from "../../core/api-module";
import { type ObserveMode, observe, type Phase } from "../../core/lifecycle";
import { type Scope, ScopedStore } from "../../core/scoped-store";
import type { World } from "../../core/world";
import { type AddressRecord, addressToWire, type DnsStatus, type EndpointRecord, endpointToWire } from "./models";

/** The resource kind as timings and the resources view name it. */
export const ENDPOINT_KIND = "dns:endpoint";

/** The DNS resolver endpoints of one project and region. */
export interface DnsScope {
    endpoints: Record<string, EndpointRecord>;
}

/** An endpoint with its computed status and its live addresses with theirs. */
export interface EndpointView {
    endpoint: EndpointRecord;
    status: DnsStatus;
    addresses: Array<{ address: AddressRecord; status: DnsStatus }>;
}

/** Endpoint status while its own lifecycle is transitional, or once settled. */
const ENDPOINT_STATUS: Record<Exclude<Phase, "gone">, DnsStatus> = { creating: "PENDING_CREATE", ready: "ACTIVE", deleting: "PENDING_DELETE" };

/**
 * All DNS state, statuses computed lazily from the world clock. An endpoint's addresses have
 * their own lifecycles (added and removed ones settle with the `dns:endpoint` timings); while
 * one is transitional the endpoint reads `PENDING_UPDATE`. Every address holds a port of the
 * shared network model, released when the address (or its endpoint) is gone.
 */
export class DnsState implements ApiState {
    readonly store = new ScopedStore<DnsScope>(() => ({ endpoints: {} }));

    constructor(private readonly world: World) {}

    scope(s: Scope): DnsScope {
        return this.store.get(s);
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
        return { endpoint: e, status, addresses };
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
                        ...endpointToWire(e, v?.status ?? "PENDING_DELETE", v?.addresses.length ?? 0),
                        ipaddresses: (v?.addresses ?? []).map((x) => addressToWire(x.address, x.status)),
                    },
                });
            }
        }
        return out;
    }
}
