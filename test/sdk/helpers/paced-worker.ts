/**
 * One process of the shared-pace test (test/sdk/integration/shared-pace.emulator.test.ts): a
 * client of the emulator's demo account that, from a given epoch millisecond, makes `calls`
 * quota lookups, `parallel` at a time, pacing with the machine-wide shared pace (given its
 * folder) or alone (`off`), and prints what it saw as one JSON line.
 *
 * argv: url, calls, parallel, startAt (epoch ms), pace folder or "off"
 */
import { PacerRegistry } from "../../../sdk/core/pacer";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { akskClient } from "./emulator";

async function main(): Promise<void> {
    const [url, calls, parallel, startAt, dir] = process.argv.slice(2) as [string, string, string, string, string];
    const pacers = new PacerRegistry({ sharedAcrossProcesses: dir === "off" ? false : { dir } });
    // The default retry policy, as a provider process runs with; only the pacers are the test's.
    const client = akskClient(url, "demo", { pacers, retry: {} });
    await new Promise((r) => setTimeout(r, Math.max(0, Number(startAt) - Date.now())));
    let left = Number(calls);
    let failed = 0;
    const started = Date.now();
    await Promise.all(
        Array.from({ length: Number(parallel) }, async () => {
            while (left > 0) {
                left--;
                await vpcep.listQuotaDetails(client).catch(() => failed++);
            }
        }),
    );
    process.stdout.write(`${JSON.stringify({ pid: process.pid, ms: Date.now() - started, failed })}\n`);
}

void main();
