/**
 * `npm run chaos -- [--seed N] [--resources N] [--mix classic|lossy] [--seeds K]`: the full chaos
 * run (harness/chaos.ts) — the program with every resource kind, up/refresh/preview/destroy with
 * the real CLI against a misbehaving emulator — then its figures. `--seeds K` runs K seeds one
 * after another (N, N+1, …) and ends with a line per seed. Exits 1 when an invariant broke; the
 * seed printed first replays the same fault mix.
 */
import { type ChaosReport, figures, runChaos } from "../harness/chaos";

function argument(name: string): string | undefined {
    const i = process.argv.indexOf(`--${name}`);
    const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : i >= 0 ? process.argv[i + 1] : undefined;
}

function option(name: string): number | undefined {
    const raw = argument(name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
        console.error(`--${name} must be a non-negative integer, got ${raw}`);
        process.exit(2);
    }
    return n;
}

async function main(): Promise<void> {
    const first = option("seed") ?? Math.floor(Math.random() * 1_000_000);
    const resources = option("resources") ?? 34;
    const seeds = option("seeds") ?? 1;
    const mix = argument("mix") ?? "classic";
    if (mix !== "classic" && mix !== "lossy") {
        console.error(`--mix must be classic or lossy, got ${mix}`);
        process.exit(2);
    }
    if (resources < 30) console.log(`note: --resources ${resources} is below the full run's 30`);
    const reports: ChaosReport[] = [];
    for (let seed = first; seed < first + seeds; seed++) {
        const started = Date.now();
        const report = await runChaos({ seed, resources, mix });
        reports.push(report);
        console.log(`\nchaos figures (${Math.round((Date.now() - started) / 1000)} s):`);
        for (const line of figures(report)) console.log(`  ${line}`);
        if (report.failures.length) for (const e of report.errors) console.log(`\n${e}`);
    }
    if (seeds > 1) {
        console.log(`\n${seeds} seeds, mix ${mix}:`);
        for (const r of reports)
            console.log(
                `  seed ${r.seed}: ${r.failures.length ? "FAILED" : "passed"}; up runs ${r.upAttempts}, destroy runs ${r.destroyAttempts}; ` +
                    `requests ${r.requests}, faults ${Object.values(r.faults).reduce((a, b) => a + b, 0)} (${Object.entries(r.faults)
                        .map(([k, v]) => `${k} ${v}`)
                        .join(", ")}); orphans ${r.orphans}, duplicates ${r.duplicates}, missing ${r.missing}, leaked ports ${r.leakedPorts}`,
            );
        console.log(`  ${reports.filter((r) => !r.failures.length).length} of ${seeds} passed`);
    }
    if (reports.some((r) => r.failures.length)) process.exit(1);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
