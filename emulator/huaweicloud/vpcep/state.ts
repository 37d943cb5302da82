import { accounts, DEMO_REGION } from "../../core/accounts";
import type { ApiState, ResourceView } from "../../core/api-module";
import { type ObserveMode, observe, startLifecycle } from "../../core/lifecycle";
import { type Scope, ScopedStore } from "../../core/scoped-store";
import { endpointsOf, findService } from "../../core/service-lookup";
import type { World } from "../../core/world";
import { type EndpointRecord, type EndpointStatus, endpointToWire, type ServiceRecord, type ServiceStatus, serviceToWire } from "./models";

/** Resource kinds as timings and the resources view name them. */
export const SERVICE_KIND = "vpcep:endpoint_service";
export const ENDPOINT_KIND = "vpcep:endpoint";

/** The VPCEP resources of one project and region. */
export interface VpcepScope {
    services: Record<string, ServiceRecord>;
    endpoints: Record<string, EndpointRecord>;
}

/**
 * Status transition tables: the transitional statuses while creating/deleting, and the settled
 * status once creation completed (failure, approval and the owner's decision decide which).
 */
const SERVICE_STATUS = {
    creating: "creating",
    deleting: "deleting",
    settled: (s: ServiceRecord): ServiceStatus => (s.lifecycle.fail ? "failed" : "available"),
} as const;

const ENDPOINT_STATUS = {
    creating: "creating",
    deleting: "deleting",
    settled: (e: EndpointRecord): EndpointStatus => (e.lifecycle.fail ? "failed" : (e.decision ?? (e.approvalRequired ? "pendingAcceptance" : "accepted"))),
} as const;

/** The scope public (O&M-owned) services live in (per region: `{ ...PUBLIC_SCOPE, region }`). */
export const PUBLIC_SCOPE: Scope = { projectId: "public", region: DEMO_REGION };
export const PUBLIC_OWNER = "huaweicloud";

/**
 * The regions whose public catalogue exists (the demo region first, so its services keep the ids
 * tests and docs use).
 */
export const PUBLIC_REGIONS = [DEMO_REGION, "cn-north-1", "cn-east-3", "cn-south-1", "ap-southeast-1", "ap-southeast-3", "eu-west-101", "la-south-2"];

/**
 * The cloud services of a region, published by the O&M account: names as the VPCEP user guide
 * gives them (`com.myhuaweicloud.<region>.dns`, `com.myhuaweicloud.<region>.obs`; the OBS gateway
 * service `<region>.com.myhuaweicloud.v4.obsv2`), so lookups by name behave as in the console:
 * `obs` matches both OBS services, one of each type.
 */
const CATALOGUE: Array<{ name: (region: string) => string; type: "interface" | "gateway"; ports: number[]; pool: string; policy?: boolean }> = [
    // OBS's gateway service takes endpoint policies (`policy_statement`: which buckets and actions).
    { name: (r) => `${r}.com.myhuaweicloud.v4.obsv2`, type: "gateway", ports: [], pool: "pool-obs", policy: true },
    { name: (r) => `com.myhuaweicloud.${r}.dns`, type: "interface", ports: [53], pool: "pool-dns" },
    { name: (r) => `com.myhuaweicloud.${r}.obs`, type: "interface", ports: [80, 443], pool: "pool-obs-interface" },
    { name: (r) => `com.myhuaweicloud.${r}.swr`, type: "interface", ports: [443], pool: "pool-swr" },
    { name: (r) => `com.myhuaweicloud.${r}.lts`, type: "interface", ports: [443], pool: "pool-lts" },
];

/** Public services every account can connect to without permission, for one region. */
function seedPublicServices(now: number, region: string, regionIndex: number): ServiceRecord[] {
    return CATALOGUE.map((entry, i) => ({
        projectId: PUBLIC_SCOPE.projectId,
        region,
        domainId: PUBLIC_OWNER,
        vpcId: "22222222-2222-4222-8222-100000000000",
        serverType: "VM",
        approvalEnabled: false,
        tcpProxy: "close",
        tags: [],
        description: "",
        permissions: [],
        isPublic: true,
        updatedAt: now,
        lifecycle: startLifecycle(now, "immediate", false),
        id: `22222222-2222-4222-8222-${regionIndex.toString(16).padStart(4, "0")}${(i + 1).toString(16).padStart(8, "0")}`,
        fixedFullName: entry.name(region),
        serviceType: entry.type,
        ports: entry.ports.map((p) => ({ client_port: p, server_port: p, protocol: "TCP" })),
        poolId: entry.pool,
        ...(entry.policy ? { enablePolicy: true } : {}),
    }));
}

/** All VPCEP state, with statuses computed lazily from the world clock. */
export class VpcepState implements ApiState {
    readonly store = new ScopedStore<VpcepScope>(() => ({ services: {}, endpoints: {} }));
    private markerSeq = 0;

    constructor(private readonly world: World) {}

    scope(s: Scope): VpcepScope {
        return this.store.get(s);
    }

    nextMarkerId(): number {
        this.markerSeq++;
        this.world.markDirty();
        return 302010000 + this.markerSeq;
    }

    /** A service's status, or `gone`; `read` counts toward `afterReads` timings. */
    serviceStatus(s: ServiceRecord, mode: ObserveMode = "read"): ServiceStatus | "gone" {
        const { phase, changed } = observe(s.lifecycle, this.world.now(), mode);
        if (changed) this.world.markDirty();
        if (phase === "gone") return "gone";
        return phase === "ready" ? SERVICE_STATUS.settled(s) : SERVICE_STATUS[phase];
    }

    /** An endpoint's status, or `gone` (its port is released when it goes). */
    endpointStatus(e: EndpointRecord, mode: ObserveMode = "read"): EndpointStatus | "gone" {
        const { phase, changed } = observe(e.lifecycle, this.world.now(), mode);
        if (changed) this.world.markDirty();
        if (phase === "gone") {
            if (e.portId !== undefined) {
                this.world.network.releasePort({ projectId: e.projectId, region: e.region }, e.portId);
                e.portId = undefined;
                this.world.markDirty();
            }
            return "gone";
        }
        return phase === "ready" ? ENDPOINT_STATUS.settled(e) : ENDPOINT_STATUS[phase];
    }

    /**
     * Releases the ports of the scope's endpoints whose deletion has completed. Statuses are
     * computed when read, so an endpoint nobody has looked at since it went still holds its port:
     * a create that checks an address must not meet it.
     */
    settleDeletedEndpoints(s: Scope): void {
        for (const e of Object.values(this.scope(s).endpoints)) this.endpointStatus(e, "peek");
    }

    /** A service by id in any scope, unless gone (checked without counting a read). */
    findService(id: string): ServiceRecord | undefined {
        return findService(this.store, id, (s) => this.serviceStatus(s, "peek") === "gone");
    }

    /** Every endpoint (any account) connected to a service, unless gone. */
    endpointsOf(serviceId: string): EndpointRecord[] {
        return endpointsOf(this.store, serviceId, (e) => this.endpointStatus(e, "peek") === "gone");
    }

    /** Every service visible to a domain for describe/connect: own, public, or permitted. */
    canConnect(s: ServiceRecord, domainId: string): boolean {
        if (s.isPublic || s.domainId === domainId) return true;
        return s.permissions.some((p) => p.permission === "*" || p.permission === `iam:domain::${domainId}`);
    }

    reset(): void {
        this.store.reset();
        this.markerSeq = 0;
        PUBLIC_REGIONS.forEach((region, i) => {
            const pub = this.scope({ ...PUBLIC_SCOPE, region });
            for (const s of seedPublicServices(this.world.now(), region, i)) pub.services[s.id] = s;
        });
    }

    snapshot(): unknown {
        return { markerSeq: this.markerSeq, scopes: this.store.snapshot() };
    }

    restore(data: unknown): void {
        const d = (data ?? {}) as { markerSeq?: number; scopes?: unknown };
        this.markerSeq = d.markerSeq ?? 0;
        this.store.restore(d.scopes);
        if (!d.scopes) this.reset();
    }

    resources({ includeDeleted }: { includeDeleted: boolean }): ResourceView[] {
        const out: ResourceView[] = [];
        for (const { scope, value } of this.store.entries()) {
            const account = accounts.byProjectId(scope.projectId)?.name ?? (scope.projectId === PUBLIC_SCOPE.projectId ? PUBLIC_OWNER : undefined);
            for (const s of Object.values(value.services)) {
                const st = this.serviceStatus(s, "peek");
                if (st === "gone" && !includeDeleted) continue;
                out.push({
                    api: "vpcep",
                    kind: "endpoint_service",
                    id: s.id,
                    account,
                    projectId: scope.projectId,
                    region: scope.region,
                    status: st === "gone" ? "deleted" : st,
                    createdAt: s.lifecycle.createdAt,
                    readyAt: s.lifecycle.readyAt,
                    deletedAt: s.lifecycle.deletedAt,
                    body: serviceToWire(s, st === "gone" ? "deleting" : st, this.endpointsOf(s.id).length),
                });
            }
            for (const e of Object.values(value.endpoints)) {
                const st = this.endpointStatus(e, "peek");
                if (st === "gone" && !includeDeleted) continue;
                out.push({
                    api: "vpcep",
                    kind: "endpoint",
                    id: e.id,
                    account,
                    projectId: scope.projectId,
                    region: scope.region,
                    status: st === "gone" ? "deleted" : st,
                    createdAt: e.lifecycle.createdAt,
                    readyAt: e.lifecycle.readyAt,
                    deletedAt: e.lifecycle.deletedAt,
                    body: endpointToWire(e, st === "gone" ? "deleting" : st),
                });
            }
        }
        return out;
    }
}
