/**
 * What an end-to-end test of the CLI needs around it: an emulator for the file's tests, programs
 * disposed of at the end, and the environment that finds the native provider plugin.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { type ProgramOptions, PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";

/** PATH with the repository's `bin/` (the plugin's shim) first. */
export function pluginPath(): Record<string, string> {
    return { PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}` };
}

/**
 * Starts an emulator before the file's tests and stops it after them, disposing of every program
 * made with `program()`. Call at the top of a `describe`.
 */
export function e2eCloud(opts: Parameters<typeof TestCloud.start>[0] = { timings: "fast" }): {
    cloud(): TestCloud;
    program(o: ProgramOptions): Promise<PulumiProgram>;
} {
    let cloud: TestCloud | undefined;
    const programs: PulumiProgram[] = [];
    beforeAll(async () => {
        cloud = await TestCloud.start(opts);
    });
    afterAll(async () => {
        for (const p of programs) p.dispose();
        await cloud?.close();
    });
    return {
        cloud: () => {
            if (!cloud) throw new Error("the emulator is not started yet (use it inside a test)");
            return cloud;
        },
        async program(o) {
            const p = await PulumiProgram.create(o);
            programs.push(p);
            return p;
        },
    };
}
