/**
 * `npm run chaos -- [--seed N] [--resources N]`: the full chaos run (test/chaos/run.ts) — the
 * program with every resource kind, up/refresh/preview/destroy with the real CLI against a
 * misbehaving emulator — then its figures. Exits 1 when an invariant broke; the seed printed
 * first replays the same fault mix.
 */
import { figures, runChaos } from "../test/chaos/run";

function option(name: string): number | undefined {
    const i = process.argv.indexOf(`--${name}`);
    const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
    const raw = eq ? eq.slice(name.length + 3) : i >= 0 ? process.argv[i + 1] : undefined;
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) {
        console.error(`--${name} must be a non-negative integer, got ${raw}`);
        process.exit(2);
    }
    return n;
}

async function main(): Promise<void> {
    const seed = option("seed") ?? Math.floor(Math.random() * 1_000_000);
    const resources = option("resources") ?? 34;
    if (resources < 30) console.log(`note: --resources ${resources} is below the full run's 30`);
    const report = await runChaos({ seed, resources });
    console.log("\nchaos figures:");
    for (const line of figures(report)) console.log(`  ${line}`);
    if (report.failures.length) {
        for (const e of report.errors) console.log(`\n${e}`);
        process.exit(1);
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
