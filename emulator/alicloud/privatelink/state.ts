import { ACCOUNTS } from "../../core/accounts";
import type { ApiState, ResourceView } from "../../core/api-module";
import { type ObserveMode, observe } from "../../core/lifecycle";
import { type Scope, ScopedStore } from "../../core/scoped-store";
import { endpointsOf, findService } from "../../core/service-lookup";
import type { World } from "../../core/world";
import { seedAlicloudNetworks } from "../network";
import {
    type ConnectionStatus,
    type EndpointRecord,
    type EndpointStatus,
    endpointToWire,
    type ServiceRecord,
    type ServiceStatus,
    serviceToWire,
    type ZoneRecord,
    type ZoneStatus,
} from "./models";

/** Resource kinds as timings and the resources view name them. */
export const ENDPOINT_KIND = "privatelink:endpoint";
export const SERVICE_KIND = "privatelink:endpoint_service";
/**
 * Endpoint connections (the owner's EnableVpcEndpointConnection, DisableVpcEndpointConnection,
 * UpdateVpcEndpointConnectionAttribute): `create` times Connecting → Connected and
 * Pending → Connected, `delete` times Disconnecting → Disconnected; `fail` does not apply.
 */
export const CONNECTION_KIND = "privatelink:connection";

/** The status an owner's operation shows while it runs. */
const OP_STATUS = { enable: "Connecting", disable: "Disconnecting", modify: "Pending" } as const;

/** One account's PrivateLink objects in one region. */
export interface PrivateLinkScope {
    services: Record<string, ServiceRecord>;
    endpoints: Record<string, EndpointRecord>;
    /** `Action/ClientToken` → the first answer (idempotent creates). */
    tokens: Record<string, unknown>;
}

/**
 * All PrivateLink state. Statuses are computed when read from the lifecycles and the world
 * clock (no timers): `Creating → Active`, `Pending` while a modification runs, `Deleting → gone`;
 * endpoint connections `Disconnected → Connecting → Connected → Pending → Connected`,
 * `Connected/Disconnected → Disconnecting → Disconnected` (see {@link connectionStatus}).
 */
export class PrivateLinkState implements ApiState {
    readonly store = new ScopedStore<PrivateLinkScope>(() => ({ services: {}, endpoints: {}, tokens: {} }));

    constructor(private readonly world: World) {}

    scope(s: Scope): PrivateLinkScope {
        return this.store.get(s);
    }

    private phase(lc: Parameters<typeof observe>[0], mode: ObserveMode) {
        const r = observe(lc, this.world.now(), mode);
        if (r.changed) this.world.markDirty();
        return r.phase;
    }

    /** A zone's status, or gone (its ENI address is then released). */
    zoneStatus(e: EndpointRecord, z: ZoneRecord, mode: ObserveMode = "read"): ZoneStatus | "gone" {
        const ph = this.phase(z.lifecycle, mode);
        if (ph === "gone") {
            this.releaseZone(e, z);
            return "gone";
        }
        if (ph === "creating") return "Creating";
        if (ph === "deleting") return "Deleting";
        // A zone follows the endpoint's connection (a peek: reading zones is not a read of the connection).
        switch (this.connectionStatus(e, "Active", "peek")) {
            case "Connecting":
                return "Connecting";
            case "Connected":
            case "Pending":
                return "Connected";
            case "Disconnecting":
                return "Disconnecting";
            case "ServiceDeleted":
                return "Disconnected";
            default:
                // Waiting for the owner's approval, or disconnected by the owner.
                return e.connectionOp?.kind === "disable" ? "Disconnected" : "Wait";
        }
    }

    /**
     * The endpoint's connection status, given the endpoint's own status (already read). While the
     * endpoint is created its connection is `Connecting` if the service accepts automatically,
     * `Disconnected` (waiting for the owner) otherwise — "Disable: After you create an endpoint that
     * is associated with the endpoint service, the endpoint connection is in the Disconnected state"
     * (PrivateLink user guide, Manage endpoint connection requests). An owner's operation shows
     * `Connecting` / `Disconnecting` / `Pending` until its `privatelink:connection` timing completes
     * (EnableVpcEndpointConnection and DisableVpcEndpointConnection pages: asynchronous, Connecting
     * then Connected, Disconnecting then Disconnected; SDK ListVpcEndpointConnectionsRequest:
     * Pending = being modified). A deleting endpoint's connection is `Deleting`; once its service is
     * gone, `ServiceDeleted`.
     */
    connectionStatus(e: EndpointRecord, endpoint: EndpointStatus | "gone", mode: ObserveMode = "read"): ConnectionStatus {
        if (endpoint === "Deleting" || endpoint === "gone") return "Deleting";
        if (endpoint === "Creating") return e.connected ? "Connecting" : "Disconnected";
        if (e.connectionOp && this.phase(e.connectionOp.lifecycle, mode) === "creating") return OP_STATUS[e.connectionOp.kind];
        if (!this.findService(e.serviceId)) return "ServiceDeleted";
        return e.connected ? "Connected" : "Disconnected";
    }

    private releaseZone(e: EndpointRecord, z: ZoneRecord): void {
        if (z.portId !== undefined) {
            this.world.network.releasePort({ projectId: `alicloud:${e.accountId}`, region: e.region }, z.portId);
            z.portId = undefined;
            this.world.markDirty();
        }
    }

    /** The endpoint's live zones (removed ones dropped). */
    liveZones(e: EndpointRecord, mode: ObserveMode = "read"): Array<{ zone: ZoneRecord; status: ZoneStatus }> {
        const out: Array<{ zone: ZoneRecord; status: ZoneStatus }> = [];
        for (const z of e.zones) {
            const st = this.zoneStatus(e, z, mode);
            if (st !== "gone") out.push({ zone: z, status: st });
        }
        if (out.length !== e.zones.length && mode === "read") {
            e.zones = out.map((x) => x.zone);
            this.world.markDirty();
        }
        return out;
    }

    endpointStatus(e: EndpointRecord, mode: ObserveMode = "read"): EndpointStatus | "gone" {
        const ph = this.phase(e.lifecycle, mode);
        if (ph === "gone") {
            for (const z of e.zones) this.releaseZone(e, z);
            return "gone";
        }
        if (ph === "creating") {
            // The zones are created with the endpoint: a read of the endpoint is a read of them too.
            this.liveZones(e, mode);
            return "Creating";
        }
        if (ph === "deleting") return "Deleting";
        if (e.busy && this.phase(e.busy, mode) === "creating") return "Pending";
        // Zones still being added or removed keep the endpoint Pending.
        if (this.liveZones(e, mode).some((z) => z.status === "Creating" || z.status === "Deleting")) return "Pending";
        return "Active";
    }

    serviceStatus(s: ServiceRecord, mode: ObserveMode = "read"): ServiceStatus | "gone" {
        const ph = this.phase(s.lifecycle, mode);
        if (ph === "gone") return "gone";
        if (ph === "creating") return "Creating";
        if (ph === "deleting") return "Deleting";
        if (s.busy && this.phase(s.busy, mode) === "creating") return "Pending";
        return "Active";
    }

    /** A service by id in any scope, unless gone (peek: a consumer's look does not count as a read). */
    findService(id: string): ServiceRecord | undefined {
        return findService(this.store, id, (s) => this.serviceStatus(s, "peek") === "gone");
    }

    /** Every live endpoint (any account) connected to a service. */
    endpointsOf(serviceId: string): EndpointRecord[] {
        return endpointsOf(this.store, serviceId, (e) => this.endpointStatus(e, "peek") === "gone");
    }

    reset(): void {
        this.store.reset();
        // The core has just reset the shared network store: add the Alibaba networks to it.
        seedAlicloudNetworks(this.world.network);
    }

    snapshot(): unknown {
        return this.store.snapshot();
    }

    restore(data: unknown): void {
        if (!data) {
            this.reset();
            return;
        }
        this.store.restore(data);
    }

    resources({ includeDeleted }: { includeDeleted: boolean }): ResourceView[] {
        const out: ResourceView[] = [];
        for (const { scope, value } of this.store.entries()) {
            const uid = scope.projectId.replace(/^alicloud:/, "");
            const account = ACCOUNTS.find((a) => a.alicloud.accountId === uid)?.name;
            const base = { api: "privatelink", account, projectId: scope.projectId, region: scope.region };
            for (const s of Object.values(value.services)) {
                const st = this.serviceStatus(s, "peek");
                if (st === "gone" && !includeDeleted) continue;
                const body = { ...serviceToWire(s, st === "gone" ? "Deleting" : st, true), Resources: s.resources, Users: s.users, UserARNs: s.userArns ?? [] };
                out.push({
                    ...base,
                    kind: "endpoint_service",
                    id: s.id,
                    status: st === "gone" ? "deleted" : st,
                    createdAt: s.lifecycle.createdAt,
                    readyAt: s.lifecycle.readyAt,
                    deletedAt: s.lifecycle.deletedAt,
                    body,
                });
            }
            for (const e of Object.values(value.endpoints)) {
                const st = this.endpointStatus(e, "peek");
                if (st === "gone" && !includeDeleted) continue;
                const zones =
                    st === "gone"
                        ? []
                        : this.liveZones(e, "peek").map(({ zone, status }) => ({
                              ZoneId: zone.zoneId,
                              VSwitchId: zone.vSwitchId,
                              EniIp: zone.ip,
                              ZoneStatus: status,
                          }));
                const est = st === "gone" ? "Deleting" : st;
                const body = {
                    ...endpointToWire(e, est, this.connectionStatus(e, est, "peek"), true),
                    SecurityGroupIds: e.securityGroupIds,
                    Zones: zones,
                };
                out.push({
                    ...base,
                    kind: "endpoint",
                    id: e.id,
                    status: st === "gone" ? "deleted" : st,
                    createdAt: e.lifecycle.createdAt,
                    readyAt: e.lifecycle.readyAt,
                    deletedAt: e.lifecycle.deletedAt,
                    body,
                });
            }
        }
        return out;
    }
}
