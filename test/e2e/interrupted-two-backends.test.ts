/**
 * Two stacks with the same project and stack names in two backends (two developers' local `dev`
 * stacks) against one account derive the same creation keys. Stack A's `pulumi up` is killed
 * after its create calls reached the cloud; stack B's `pulumi up` then finds A's objects by
 * their keys and must leave them alone; A's next `up` takes them over; destroying B leaves A's.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram } from "../../harness/pulumi-program";

const program = `
import { alicloud, huaweicloud } from "pulumi-privatelink";
const net = JSON.parse(process.env.TEST_NETWORK!);
const ali = JSON.parse(process.env.TEST_ALICLOUD!);
const port = Number(process.env.PORT);
export const svc = new huaweicloud.vpcep.EndpointService("svc", {
    vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: port, serverPort: port }], approvalEnabled: false,
}).id;
export const asvc = new alicloud.privatelink.VpcEndpointService("asvc", {
    resources: [{ resourceId: ali.network.loadBalancerId, resourceType: "slb", zoneId: process.env.ZONE! }], autoAcceptEnabled: true,
}).id;
`;

describe("two same-named stacks in two backends", () => {
    let cloud: TestCloud;
    const programs: PulumiProgram[] = [];
    afterAll(async () => {
        for (const p of programs) p.dispose();
        await cloud?.close();
    });

    test("never touch each other's objects, interrupted or not", async () => {
        cloud = await TestCloud.start({ timings: "demo" });
        // Each its own port and zone (a backend port or a load balancer's zone serves one service);
        // neither is part of the creation key, so both stacks derive the same keys.
        const make = async (port: number, zone: string) => {
            const backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-backend-"));
            const p = await PulumiProgram.create({
                files: { "Pulumi.yaml": "name: twins\nruntime: nodejs\n", "package.json": '{"name":"twins","main":"index.ts"}', "index.ts": program },
                stack: "dev",
                backendDir,
                env: {
                    ...cloud.huaweiEnv(),
                    ...alicloudEnv(cloud),
                    TEST_NETWORK: JSON.stringify(cloud.account().network),
                    TEST_ALICLOUD: JSON.stringify(alicloudAccount(cloud)),
                    PORT: String(port),
                    ZONE: zone,
                },
            });
            programs.push(p);
            return p;
        };
        const a = await make(81, "cn-hangzhou-h");
        const b = await make(82, "cn-hangzhou-i");
        const ids = async (kind: string) => (await cloud.resources(kind)).map((r) => r.id).sort();

        // A is killed once both creations reached the cloud.
        const mark = await cloud.mark();
        const both = async () => {
            const ops = (await cloud.requests(mark)).filter((r) => r.status < 300).map((r) => r.operation);
            return ops.includes("CreateEndpointService") && ops.includes("CreateVpcEndpointService");
        };
        const killed = await a.killDuring(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", "dev"], both, 200);
        expect(killed.killed).toBe(true);
        const aObjects = { svc: await ids("vpcep:endpoint_service"), asvc: await ids("privatelink:endpoint_service") };
        expect(aObjects.svc).toHaveLength(1);
        expect(aObjects.asvc).toHaveLength(1);

        // B finds A's objects by their keys and leaves them alone: it makes its own.
        await b.up();
        const bOut = await b.outputs();
        expect(bOut.svc).not.toBe(aObjects.svc[0]);
        expect(bOut.asvc).not.toBe(aObjects.asvc[0]);

        // A takes its own over, not B's.
        await a.cancel();
        const again = await a.up();
        expect(again.result.stdout).toContain("taking over");
        const aOut = await a.outputs();
        expect(aOut.svc).toBe(aObjects.svc[0]);
        expect(aOut.asvc).toBe(aObjects.asvc[0]);
        expect(await ids("vpcep:endpoint_service")).toEqual([aOut.svc, bOut.svc].sort());
        expect(await ids("privatelink:endpoint_service")).toEqual([aOut.asvc, bOut.asvc].sort());

        // Destroying B leaves A's objects; destroying A leaves nothing.
        await b.destroy();
        expect(await ids("vpcep:endpoint_service")).toEqual([aOut.svc]);
        expect(await ids("privatelink:endpoint_service")).toEqual([aOut.asvc]);
        await a.destroy();
        expect(await ids("vpcep:endpoint_service")).toEqual([]);
        expect(await ids("privatelink:endpoint_service")).toEqual([]);
    });
});
