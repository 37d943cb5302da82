/**
 * Two stacks of one program (dev and prod) provisioning into the same account at the same time
 * do not interfere; destroying one leaves the other intact.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";

describe("two stacks at once", () => {
    let cloud: TestCloud;
    let backendDir: string;
    const programs: PulumiProgram[] = [];
    beforeAll(async () => {
        cloud = await TestCloud.start({
            timings: { "vpcep:endpoint_service": { create: { afterReads: 2 } }, "vpcep:endpoint": { create: { afterReads: 2 } } },
        });
        backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-two-"));
    });
    afterAll(async () => {
        for (const p of programs) p.dispose();
        fs.rmSync(backendDir, { recursive: true, force: true });
        await cloud?.close();
    });

    test("dev and prod come up concurrently, and destroying dev leaves prod intact", async () => {
        const net = cloud.account().network;
        // Each environment has its own backend server (two services cannot share server port 80/TCP
        // on one NIC — EndPoint.3044, which the emulator enforces like the API).
        const prodNic = await cloud.control("POST", "network/ports", { account: "demo", subnetId: net.backendSubnetId });
        const nic: Record<"dev" | "prod", string> = { dev: net.backendPortId, prod: prodNic.port.id };
        const make = async (stack: "dev" | "prod", ip: string) => {
            const p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc"), stack, env: cloud.huaweiEnv(), backendDir });
            programs.push(p);
            for (const [k, v] of Object.entries({
                backendVpcId: net.backendVpcId,
                backendPortId: nic[stack],
                clientVpcId: net.clientVpcId,
                clientSubnetId: net.clientSubnetId,
                endpointIp: ip,
                serviceDescription: `backend (${stack})`,
            })) {
                await p.setConfig(k, v);
            }
            return p;
        };
        const [dev, prod] = await Promise.all([make("dev", "10.0.0.101"), make("prod", "10.0.0.102")]);
        await Promise.all([dev.up(), prod.up()]);
        const [devOut, prodOut] = await Promise.all([dev.outputs(), prod.outputs()]);

        const services = await cloud.resources("vpcep:endpoint_service");
        const endpoints = await cloud.resources("vpcep:endpoint");
        expect(services.map((s) => s.id).sort()).toEqual([devOut.serviceId, prodOut.serviceId].sort());
        expect(endpoints.map((e) => e.id).sort()).toEqual([devOut.endpointId, prodOut.endpointId].sort());
        expect(services.find((s) => s.id === prodOut.serviceId)?.body.description).toBe("backend (prod)");
        expect(endpoints.find((e) => e.id === prodOut.endpointId)?.body.ip).toBe("10.0.0.102");
        await Promise.all([dev.expectNoChanges("preview"), prod.expectNoChanges("preview")]);

        await dev.destroy();
        expect((await cloud.resources("vpcep:endpoint_service")).map((s) => s.id)).toEqual([prodOut.serviceId]);
        expect((await cloud.resources("vpcep:endpoint")).map((e) => e.id)).toEqual([prodOut.endpointId]);
        await prod.expectNoChanges("refresh");
        await prod.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
    });
});
