/**
 * A graceful Ctrl-C (issue 21): `pulumi up` interrupted with SIGINT, as a terminal sends it, while
 * the cloud provisions an endpoint. The CLI forwards a Cancel to the engine, which the provider
 * turns into an abort of its waits (provider/runtime/requests.ts): the CLI exits within seconds,
 * not at the end of the 10-minute create timeout, and names the object it left on its way
 * (docs/troubleshooting.md). The object is recorded, so the next `pulumi up` waits for it instead
 * of creating a second one; then nothing is left to change, and destroy leaves nothing. The same
 * holds when the SIGINT comes while the cloud still holds the create call: the call is let finish
 * (provider/lifecycle/engine.ts, heldUntilCreated), since cut off it would leave an object no run
 * records or finds (measured before that: the CLI exited at once, and the endpoint the emulator
 * then made was in no state).
 *
 * Measured (Pulumi CLI 3.259, emulator, this 2-core machine busy with other work): the CLI exited
 * 34–56 ms after SIGINT while the endpoint provisioned (5 runs), and 2.7 s after it when the
 * emulator held the create call (3 s, SIGINT 0.3 s in): the rest of that call, then at once.
 */
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, resourcesOfType } from "../../harness/pulumi-program";

const SERVICE = "pulumi-nodejs:dynamic/huaweicloud-vpcep:EndpointService";
const ENDPOINT = "pulumi-nodejs:dynamic/huaweicloud-vpcep:Endpoint";

const program = `
import { huaweicloud } from "pulumi-privatelink";
const net = JSON.parse(process.env.TEST_NETWORK!);
const svc = new huaweicloud.vpcep.EndpointService("svc", {
    vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: 80, serverPort: 80 }], approvalEnabled: false,
});
const ep = new huaweicloud.vpcep.Endpoint("ep", { endpointServiceId: svc.id, vpcId: net.clientVpcId, subnetId: net.clientSubnetId, portIp: "10.0.0.200" });
export const serviceId = svc.id;
export const endpointId = ep.id;
export const endpointStatus = ep.status;
`;

/** The most the CLI may take to exit after SIGINT: a few seconds, with room for a loaded machine. */
const EXIT_LIMIT_MS = 15_000;

describe("pulumi up interrupted with Ctrl-C", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;
    beforeAll(async () => {
        // The service is ready after one status read; the endpoint provisions far longer than the
        // test (the 10-minute create timeout would be the limit), so SIGINT lands while the provider waits.
        cloud = await TestCloud.start({
            timings: {
                "vpcep:endpoint_service": { create: { afterReads: 1 }, delete: "immediate" },
                "vpcep:endpoint": { create: { afterMs: 600_000 }, delete: "immediate" },
            },
        });
        p = await PulumiProgram.create({
            files: { "Pulumi.yaml": "name: ctrl-c\nruntime: nodejs\n", "package.json": '{"name":"ctrl-c","main":"index.ts"}', "index.ts": program },
            env: { ...cloud.huaweiEnv(), TEST_NETWORK: JSON.stringify(cloud.account().network) },
        });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    const args = () => ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack];

    /** `pulumi up` again, as the user would: after `pulumi cancel` when the stack is still locked. */
    async function upAgain(): Promise<void> {
        let again = await p.run(args());
        if (again.code !== 0 && /locked/.test(again.stdout + again.stderr)) {
            await p.cancel();
            again = await p.run(args());
        }
        if (again.code !== 0) throw new Error(`pulumi up after Ctrl-C failed (exit ${again.code}):\n${again.stdout}\n${again.stderr}`);
    }

    /** One object per resource in the emulator, the state names them, nothing to change; destroy leaves nothing. */
    async function expectConverged(endpointId: string): Promise<void> {
        const services = await cloud.resources("vpcep:endpoint_service");
        const endpoints = await cloud.resources("vpcep:endpoint");
        expect(endpoints.map((e) => e.id)).toEqual([endpointId]);
        expect(services).toHaveLength(1);
        const state = await p.exportState();
        expect(resourcesOfType(state, SERVICE).map((x) => x.id)).toEqual(services.map((s) => s.id));
        expect(resourcesOfType(state, ENDPOINT).map((x) => x.id)).toEqual([endpointId]);
        const out = await p.outputs();
        expect(out.serviceId).toBe(services[0]!.id);
        expect(out.endpointId).toBe(endpointId);
        expect(out.endpointStatus).toBe("accepted");
        await p.expectNoChanges("preview");

        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    }

    /** Interrupts `pulumi up` with SIGINT once `reached`; checks the prompt exit and the message naming the endpoint. */
    async function interrupt(label: string, reached: () => Promise<boolean>, delayMs: number, settleMs = 0): Promise<string> {
        const r = await p.signalDuring(args(), reached, delayMs, "SIGINT");
        // A call the cloud still holds is acted on after the CLI is gone.
        await new Promise((done) => setTimeout(done, settleMs));
        console.log(`ctrl-c (${label}): the CLI exited ${r.exitMs} ms after SIGINT (exit code ${r.code})`);
        expect(r.signalled).toBe(true);
        expect(r.exitMs).toBeLessThan(EXIT_LIMIT_MS);
        expect(r.code).not.toBe(0);
        const [endpoint, ...more] = await cloud.resources("vpcep:endpoint");
        expect(more).toEqual([]);
        expect(endpoint?.status).toBe("creating");
        const recorded = resourcesOfType(await p.exportState(), ENDPOINT).map((x) => x.id);
        if (!r.output.includes(`the deployment was cancelled (Ctrl-C) while ${endpoint!.id} was being created`))
            throw new Error(`the output does not name ${endpoint!.id} as cancelled while being created (state records [${recorded}]):\n${r.output}`);
        // It is recorded (not ready yet), so the next run finds it.
        expect(recorded).toEqual([endpoint!.id]);
        return endpoint!.id;
    }

    test("stops within seconds while the endpoint provisions, naming it, and the next up waits for it", async () => {
        const mark = await cloud.mark();
        const created = async () => (await cloud.requests(mark)).some((q) => q.operation === "CreateEndpoint" && q.status >= 200 && q.status < 300);
        const id = await interrupt("while provisioning", created, 500);
        // The cloud finishes meanwhile; the next up waits for the object and records it as ready.
        await cloud.control("POST", "clock", { advanceMs: 600_000 });
        await upAgain();
        await expectConverged(id);
    });

    test("records the endpoint when Ctrl-C comes while its create call is in flight", async () => {
        // The cloud holds the create call for 3 s before it acts (and answers); SIGINT comes meanwhile.
        // Cut off, the call would leave an object that neither this run records nor the next one finds.
        // (A minute of provisioning: the emulator's clock, advanced by both tests, must stay within the
        // 15 minutes of skew that request signing allows.)
        await cloud.control("PUT", "timings", { "vpcep:endpoint": { create: { afterMs: 60_000 } } });
        await cloud.control("PUT", "faults", { rules: [{ operation: "CreateEndpoint", latencyMs: 3_000, times: 1 }] });
        const held = async () => (await cloud.control<{ rules: Array<{ times?: number }> }>("GET", "faults")).rules[0]?.times === 0;
        const id = await interrupt("create call in flight", held, 300, 3_000);
        await cloud.control("PUT", "faults", { rules: [] });
        await cloud.control("POST", "clock", { advanceMs: 60_000 });
        await upAgain();
        await expectConverged(id);
    });
});
