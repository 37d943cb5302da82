import { ACCOUNTS } from "../../core/accounts";
import type { ApiState, ResourceView } from "../../core/api-module";
import { type Scope, ScopedStore } from "../../core/scoped-store";
import { type RecordRec, recordWire, type ZoneRec, zoneSummaryWire } from "./models";

/** One account's PrivateZone objects: zones and records belong to the account, not to a region. */
export interface PvtzAccount {
    zones: Record<string, ZoneRec>;
    records: Record<string, RecordRec>;
    /** The last record id given (ids are Longs, increasing). */
    lastRecordId: number;
    /** `Action/ClientToken` → the first answer (idempotent calls). */
    tokens: Record<string, unknown>;
}

/** The scope region of an account's PrivateZone state: the API has one endpoint for all regions. */
export const PVTZ_REGION = "global";

/**
 * All PrivateZone state. Every action takes effect at once (the API pages describe no
 * transitional statuses), so nothing here is timed.
 */
export class PvtzState implements ApiState {
    readonly store = new ScopedStore<PvtzAccount>(() => ({ zones: {}, records: {}, lastRecordId: 100000, tokens: {} }));

    account(uid: string): PvtzAccount {
        return this.store.get(this.scopeOf(uid));
    }

    scopeOf(uid: string): Scope {
        return { projectId: `alicloud:${uid}`, region: PVTZ_REGION };
    }

    /** The zone's records, in the order they were added. */
    recordsOf(a: PvtzAccount, zoneId: string): RecordRec[] {
        return Object.values(a.records)
            .filter((r) => r.zoneId === zoneId)
            .sort((x, y) => x.id - y.id);
    }

    reset(): void {
        // The Alibaba networks are seeded by the PrivateLink module's reset; zones only refer to them.
        this.store.reset();
    }

    snapshot(): unknown {
        return this.store.snapshot();
    }

    restore(data: unknown): void {
        if (!data) {
            this.store.reset();
            return;
        }
        this.store.restore(data);
    }

    resources(_opts: { includeDeleted: boolean }): ResourceView[] {
        const out: ResourceView[] = [];
        for (const { scope, value } of this.store.entries()) {
            const uid = scope.projectId.replace(/^alicloud:/, "");
            const account = ACCOUNTS.find((a) => a.alicloud.accountId === uid)?.name;
            const base = { api: "pvtz", account, projectId: scope.projectId, region: scope.region };
            for (const z of Object.values(value.zones)) {
                const records = this.recordsOf(value, z.id);
                const body = { ...zoneSummaryWire(z, records.length), Vpcs: z.vpcs.map((v) => ({ VpcId: v.vpcId, RegionId: v.regionId })) };
                out.push({ ...base, kind: "zone", id: z.id, status: "Active", createdAt: z.createdAt, readyAt: z.createdAt, body });
            }
            for (const r of Object.values(value.records))
                out.push({ ...base, kind: "record", id: String(r.id), status: r.status, createdAt: r.createdAt, readyAt: r.createdAt, body: recordWire(r) });
        }
        return out;
    }
}
