/**
 * A `pulumi up` killed outright (SIGKILL, as a cancelled CI job is) while a resource provisions:
 * within seconds nothing it started keeps running — not the language host, not the program, not
 * the dynamic-provider process — and nothing keeps calling the cloud.
 */
import * as fs from "node:fs";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram } from "../../harness/pulumi-program";

const program = `
import { huaweicloud } from "pulumi-privatelink";
const net = JSON.parse(process.env.TEST_NETWORK!);
export const id = new huaweicloud.vpcep.EndpointService("slow", {
    vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: 80, serverPort: 80 }], approvalEnabled: false,
}).id;
`;

/** Processes whose command line names `text`, from /proc. */
function processesNaming(text: string): Array<{ pid: number; cmd: string }> {
    const out: Array<{ pid: number; cmd: string }> = [];
    for (const name of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(name)) continue;
        try {
            const cmd = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").replace(/\0/g, " ");
            if (cmd.includes(text)) out.push({ pid: Number(name), cmd });
        } catch {
            // gone meanwhile
        }
    }
    return out;
}

const until = async (what: string, test: () => Promise<boolean> | boolean, ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
        if (await test()) return;
        await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`timed out waiting for ${what}`);
};

describe("a killed pulumi up", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;
    beforeAll(async () => {
        // Provisioning takes far longer than the test: the provider is still waiting when the CLI dies.
        cloud = await TestCloud.start({ timings: { "vpcep:endpoint_service": { create: { afterMs: 600_000 } } } });
        p = await PulumiProgram.create({
            files: { "Pulumi.yaml": "name: killed-cli\nruntime: nodejs\n", "package.json": '{"name":"killed-cli","main":"index.ts"}', "index.ts": program },
            env: { ...cloud.huaweiEnv(), TEST_NETWORK: JSON.stringify(cloud.account().network) },
        });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("leaves no process behind and stops calling the cloud", async () => {
        const cli = p.start(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
        try {
            await until("the create call", async () => (await cloud.requests()).some((r) => r.operation === "CreateEndpointService"), 120_000);
            // The engine's address, as the program's process names it (--engine HOST:PORT).
            const programProcess = processesNaming(p.programDir).find((x) => x.cmd.includes("--engine"));
            const engine = /--engine (\S+)/.exec(programProcess?.cmd ?? "")?.[1];
            expect(engine).toBeDefined();
            await until(
                "a status poll",
                async () => (await cloud.requests()).some((r) => r.operation === "ListServiceDetails" || r.operation === "ListEndpointServices"),
                30_000,
            );
            expect(processesNaming(engine!).length).toBeGreaterThanOrEqual(2);

            cli.kill("SIGKILL");
            await until("every process of the run to stop", () => processesNaming(engine!).length === 0, 20_000);
            const mark = await cloud.mark();
            await new Promise((r) => setTimeout(r, 5_000));
            expect(await cloud.requests(mark)).toEqual([]);
        } finally {
            cli.kill("SIGKILL");
        }
    });
});
