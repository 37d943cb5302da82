/**
 * Measure 1 (and its half of measure 3): readiness overshoot. The emulator makes each resource
 * ready exactly `provisioningMs` after its create call (`readyAt` in GET /_emulator/resources);
 * the overshoot is the time from then until the provider's create returned. API calls while
 * waiting are the reads each group made (every GET in its account: the create POSTs excluded).
 */
import { Emu } from "../lib/emu";
import { max, median, p95 } from "../lib/stats";
import { ACCOUNT_OF, configureProvider, createMany, implFor, inputsFor, type Kind, makeService, seeded, type Variant } from "./common";

export interface ReadinessRow {
    kind: Kind;
    provisioningMs: number;
    variant: Variant;
    resources: number;
    failures: number;
    failureMessages: string[];
    overshootMs: { median: number; p95: number; max: number; all: number[] };
    /** Reads made while waiting, divided by the number of resources. */
    callsPerResource: number;
    /** Every call the group made (creates included). */
    totalCalls: number;
}

const VARIANTS: Variant[] = ["ours", "ours-alone", "baseline"];

const KINDS: Kind[] = ["endpoint_service", "endpoint"];

/**
 * Both kinds at one provisioning time, on one emulator (the provider's stack config is process-wide,
 * so one emulator per scenario keeps every group pointed at the right place). Reads are told apart
 * by account (variant) and path (kind).
 */
export async function readinessScenario(provisioningMs: number, count: number, spreadMs: number): Promise<ReadinessRow[]> {
    const timing = { create: { afterMs: provisioningMs }, delete: "immediate" };
    const emu = await Emu.start({ "vpcep:endpoint_service": timing, "vpcep:endpoint": timing } as any);
    try {
        configureProvider(emu, ACCOUNT_OF.ours);
        // The services the endpoints connect to (made before the measured window).
        const services = Object.fromEntries(await Promise.all(VARIANTS.map(async (v) => [v, await makeService(emu, ACCOUNT_OF[v])] as const))) as Record<
            Variant,
            string
        >;
        const rnd = seeded(provisioningMs);
        // Resources start a little apart, as the engine issues them, so their schedules differ.
        const offsets = Array.from({ length: count }, () => Math.round(rnd() * spreadMs));
        const mark = await emu.mark();
        const groups = KINDS.flatMap((kind) => VARIANTS.map((variant) => ({ kind, variant })));
        const results = await Promise.all(
            groups.map(async ({ kind, variant }) => ({
                kind,
                variant,
                ...(await createMany(
                    implFor(kind, variant, emu),
                    (i) => inputsFor(kind, emu, ACCOUNT_OF[variant], i + (kind === "endpoint_service" ? 1 : 0), services[variant]),
                    offsets,
                )),
            })),
        );
        const resources = await emu.vpcepResources();
        const readyAt = new Map(resources.map((r) => [r.id, r.readyAt]));
        const requests = await emu.requests(mark);
        return results.map(({ kind, variant, created, failures }) => {
            const overshoot = created.map((c) => c.returnedAt - (readyAt.get(c.id) ?? NaN)).filter((x) => Number.isFinite(x));
            const account = emu.account(ACCOUNT_OF[variant]);
            const prefix = kind === "endpoint_service" ? "/vpc-endpoint-services" : "/vpc-endpoints";
            const mine = requests.filter((r) => (r.account === account.name || r.account === account.domainId) && r.path.includes(prefix));
            const reads = mine.filter((r) => r.method === "GET").length;
            return {
                kind,
                provisioningMs,
                variant,
                resources: count,
                failures: failures.length,
                failureMessages: failures.slice(0, 3),
                overshootMs: { median: median(overshoot), p95: p95(overshoot), max: max(overshoot), all: overshoot },
                callsPerResource: reads / count,
                totalCalls: mine.length,
            };
        });
    } finally {
        await emu.close();
    }
}
