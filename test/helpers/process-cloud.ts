/** An emulator for one test file, with this process pointed at it (jest hooks; tests only). */
import type { startEmulator } from "../../emulator";
import { TestCloud } from "../../harness/cloud";

/**
 * An emulator for the tests of one file, with this process's environment pointed at it (the
 * provider code under test reads its settings from there) and restored afterwards.
 */
export function cloudForThisProcess(
    env: (cloud: TestCloud) => Record<string, string>,
    opts: Parameters<typeof startEmulator>[0] = { timings: "fast" },
): () => TestCloud {
    let cloud: TestCloud | undefined;
    const saved = { ...process.env };
    beforeAll(async () => {
        cloud = await TestCloud.start(opts);
        Object.assign(process.env, env(cloud));
    });
    afterAll(async () => {
        process.env = saved;
        await cloud?.close();
    });
    return () => cloud!;
}
