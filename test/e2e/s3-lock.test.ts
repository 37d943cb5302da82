/**
 * Two `pulumi up`s of one stack at once, with the state on an S3 server (harness/s3.ts): while the
 * first waits for its object to provision, the second fails at once with the backend's lock
 * message and changes nothing — no cloud call that makes anything, no update in the stack's
 * history — and the first finishes as if alone. Also prints how long the first `up` took to reach
 * its create call (the record of interrupted creations is read before it). Then two `up`s started at
 * the same instant, a few times over: never do both go on (the backend writes its lock, then looks
 * for another: both may be refused), no object is made twice, no lock is left behind, and the
 * next `up` runs.
 */
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram } from "../../harness/pulumi-program";
import { S3Server } from "../../harness/s3";

const program = `
import { huaweicloud } from "pulumi-privatelink";
const net = JSON.parse(process.env.TEST_NETWORK!);
export const id = new huaweicloud.vpcep.EndpointService("svc", {
    vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: 80, serverPort: 80 }], approvalEnabled: false,
}).id;
`;

describe("a stack on an S3 backend", () => {
    let cloud: TestCloud;
    let server: S3Server;
    let p: PulumiProgram;
    beforeAll(async () => {
        // The first up's object provisions for 20 s: the second up runs meanwhile.
        cloud = await TestCloud.start({ timings: { "vpcep:endpoint_service": { create: { afterMs: 20_000 } } } });
        server = await S3Server.start();
        p = await PulumiProgram.create({
            files: { "Pulumi.yaml": "name: s3-lock\nruntime: nodejs\n", "package.json": '{"name":"s3-lock","main":"index.ts"}', "index.ts": program },
            backendUrl: server.backendUrl(),
            env: { ...cloud.huaweiEnv(), ...server.env(), TEST_NETWORK: JSON.stringify(cloud.account().network) },
        });
    });
    afterAll(async () => {
        p?.dispose();
        await server?.close();
        await cloud?.close();
    });

    test("refuses a second up while one runs, at once and without changing anything", async () => {
        const args = ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack];
        const started = Date.now();
        const first = p.start(args);
        let firstOutput = "";
        for (const s of [first.stdout, first.stderr]) s?.on("data", (d) => (firstOutput += d));
        let firstEnded = false;
        const firstExit = new Promise<number | null>((resolve) => first.on("close", (code) => resolve(code)));
        void firstExit.then(() => (firstEnded = true));
        try {
            const creates = async () => (await cloud.requests()).filter((r) => r.operation === "CreateEndpointService");
            while (!firstEnded && (await creates()).length === 0) await new Promise((r) => setTimeout(r, 20));
            const toCreate = Date.now() - started;
            expect(firstEnded).toBe(false);
            // The first holds the stack's lock, an object in the bucket.
            expect(server.objects(".pulumi/locks")).toHaveLength(1);

            const mark = await cloud.mark();
            const secondStarted = Date.now();
            const second = await p.run(args);
            const secondMs = Date.now() - secondStarted;
            expect(second.code).not.toBe(0);
            expect(second.stdout + second.stderr).toContain("the stack is currently locked by 1 lock(s)");
            // At once: while the first still waits for its object.
            expect(firstEnded).toBe(false);
            // Nothing made, nothing recorded by the second.
            expect((await cloud.requests(mark)).filter((r) => r.method !== "GET").map((r) => r.operation)).toEqual([]);

            expect(await firstExit).toBe(0);
            const history = JSON.parse((await p.mustRun(["stack", "history", "--json", "--stack", p.stack])).stdout) as Array<{ result: string }>;
            expect(history.map((h) => h.result)).toEqual(["succeeded"]);
            const svcs = await cloud.resources("vpcep:endpoint_service");
            expect(svcs).toHaveLength(1);
            const recorded = ((await p.exportState()).deployment.resources ?? []).filter((r) => r.type.endsWith("vpcep:EndpointService"));
            expect(recorded.map((r) => r.id)).toEqual([svcs[0]!.id]);
            expect((await p.outputs()).id).toBe(svcs[0]!.id);
            expect(server.objects(".pulumi/locks")).toEqual([]);
            console.log(
                `s3 backend: versitygw started in ${server.startMs} ms; the first up reached its create call ${toCreate} ms after it started; ` +
                    `the second up was refused in ${secondMs} ms`,
            );
        } catch (e) {
            throw new Error(`${(e as Error).message}\n--- the first up's output:\n${firstOutput}`);
        } finally {
            first.kill("SIGKILL");
        }
    });

    test("two ups started at the same instant: never both go on, nothing made twice, no lock left", async () => {
        await cloud.emulator.setTimings({ "vpcep:endpoint_service": { create: { afterMs: 1_500 } } });
        const up = ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack];
        const outcomes: string[] = [];
        for (let round = 0; round < 3; round++) {
            // Each round makes the service anew: the first round's object (made by the test above) goes first.
            await p.mustRun(["destroy", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
            const mark = await cloud.mark();
            const [a, b] = await Promise.all([p.run(up), p.run(up)]);
            const ok = [a, b].filter((r) => r.code === 0).length;
            // Refused with the lock message, or — when the other run's lock was gone by the time the
            // CLI read it to say whose it is — with the bucket's NoSuchKey for that lock: either way
            // before the update began.
            for (const r of [a, b].filter((x) => x.code !== 0)) expect(r.stdout + r.stderr).toMatch(/currently locked|NoSuchKey/);
            expect(ok).toBeLessThanOrEqual(1);
            outcomes.push(ok === 1 ? "one went on" : "both refused");
            expect(server.objects(".pulumi/locks")).toEqual([]);
            // Nothing made twice; when both were refused, nothing made at all, and the next up makes it.
            const creates = (await cloud.requests(mark)).filter((r) => r.operation === "CreateEndpointService" && r.status < 300);
            expect(creates).toHaveLength(ok);
            if (ok === 0) await p.mustRun(up);
            expect(await cloud.resources("vpcep:endpoint_service")).toHaveLength(1);
        }
        const history = JSON.parse((await p.mustRun(["stack", "history", "--json", "--stack", p.stack])).stdout) as Array<{ result: string }>;
        expect(history.every((h) => h.result === "succeeded")).toBe(true);
        console.log(`s3 backend, two ups at the same instant, three rounds: ${outcomes.join(", ")}`);
    });
});
