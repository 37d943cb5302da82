/**
 * Measure 2 (and its half of measure 3): N endpoints waiting at once. Ours runs as in one provider
 * process (one shared client: one watcher, one poll per tick); the baseline polls each resource on
 * its own. Reported: the reads made while waiting, in total and per second of waiting, the busiest
 * second, and for ours the reads per watcher tick (the watcher's own counter).
 */

import { getHuaweiClient } from "../../sdk/huaweicloud/client";
import { endpointWatcher } from "../../sdk/huaweicloud/vpcep/waiters";
import { Emu } from "../lib/emu";
import { ACCOUNT_OF, clientConfig, configureProvider, createMany, implFor, inputsFor, makeService, type Variant } from "./common";

export interface CoalescingRow {
    waiting: number;
    provisioningMs: number;
    variant: Variant;
    failures: number;
    /** Reads while waiting. */
    totalCalls: number;
    /** Reads per second, over the time from the first create to the last return. */
    callsPerSecond: number;
    /** Reads in the busiest one-second window. */
    peakCallsPerSecond: number;
    /** Ours only: watcher ticks and reads per tick. */
    ticks?: number;
    callsPerTick?: number;
    waitedMs: number;
}

const VARIANTS: Variant[] = ["ours", "baseline"];

export async function coalescingScenario(waiting: number, provisioningMs: number): Promise<CoalescingRow[]> {
    const emu = await Emu.start({
        "vpcep:endpoint_service": { create: "immediate", delete: "immediate" },
        "vpcep:endpoint": { create: { afterMs: provisioningMs }, delete: "immediate" },
    } as any);
    try {
        configureProvider(emu, ACCOUNT_OF.ours);
        const services: Partial<Record<Variant, string>> = {};
        for (const v of VARIANTS) services[v] = await makeService(emu, ACCOUNT_OF[v]);
        const offsets = Array.from({ length: waiting }, () => 0);
        const mark = await emu.mark();
        const t0 = Date.now();
        const results = await Promise.all(
            VARIANTS.map(async (v) => ({
                v,
                ...(await createMany(implFor("endpoint", v, emu), (i) => inputsFor("endpoint", emu, ACCOUNT_OF[v], i, services[v]), offsets)),
            })),
        );
        const requests = await emu.requests(mark);
        // The watcher the provider's shared client used (the registry returns the existing one).
        const watcher = endpointWatcher(getHuaweiClient(clientConfig(emu, ACCOUNT_OF.ours)));
        return results.map(({ v, created, failures }) => {
            const end = Math.max(t0 + 1, ...created.map((c) => c.returnedAt));
            const reads = requests.filter((r) => r.method === "GET" && (r.account === ACCOUNT_OF[v] || r.account === emu.account(ACCOUNT_OF[v]).domainId));
            const perSecond = new Map<number, number>();
            for (const r of reads) perSecond.set(Math.floor((r.time - t0) / 1000), (perSecond.get(Math.floor((r.time - t0) / 1000)) ?? 0) + 1);
            const row: CoalescingRow = {
                waiting,
                provisioningMs,
                variant: v,
                failures: failures.length,
                totalCalls: reads.length,
                callsPerSecond: reads.length / ((end - t0) / 1000),
                peakCallsPerSecond: Math.max(0, ...perSecond.values()),
                waitedMs: end - t0,
            };
            if (v === "ours") {
                row.ticks = watcher.stats.ticks;
                row.callsPerTick = watcher.stats.ticks ? reads.length / watcher.stats.ticks : NaN;
            }
            return row;
        });
    } finally {
        await emu.close();
    }
}
