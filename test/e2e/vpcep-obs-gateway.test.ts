/**
 * examples/vpcep-obs-gateway with the real CLI: the program looks the OBS gateway service up among
 * the region's public services (read-only calls, at preview too) and connects the VPC to it on a
 * route table; an unchanged program previews empty; destroy removes the endpoint. A wrong secret
 * key stops the preview with the lookup's one plain message.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";

describe("examples/vpcep-obs-gateway end to end", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: { "vpcep:endpoint": { create: { afterReads: 1 } } } });
        p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/vpcep-obs-gateway"), env: cloud.huaweiEnv() });
        const net = cloud.account().network;
        await p.setConfig("vpcId", net.clientVpcId);
        await p.setConfig("routeTableId", net.clientRouteTableId);
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("a wrong secret key stops the preview with one plain message: the cloud's code, the request id, what to check", async () => {
        await p.setConfig("huaweicloud:secretKey", "not-the-secret-key", { secret: true });
        try {
            const r = await p.run(["preview", "--non-interactive", "--color", "never", "--stack", p.stack]);
            const all = `${r.stdout}\n${r.stderr}`;
            expect(r.code).not.toBe(0);
            // The display prints it beside the stack and under Diagnostics; Pulumi's serializer names the
            // property the lookup's Output was given to.
            const said = all.split("\n").filter((l) => l.includes("huaweicloud.vpcep.getPublicService:"));
            expect(said.length).toBeGreaterThanOrEqual(1);
            for (const line of said)
                expect(line).toMatch(
                    /error: (error serializing property "endpointServiceId": )?huaweicloud\.vpcep\.getPublicService: vpcep ListServicePublicDetails failed: APIGW\.0301: .+ \(HTTP 401, request id [0-9a-f]{32}\)\. Check huaweicloud:accessKey and huaweicloud:secretKey \(HW_ACCESS_KEY, HW_SECRET_KEY\): Huawei Cloud refused them in region cn-north-4, project [0-9a-f]{32}\.$/,
                );
            expect(all).not.toMatch(/^\s+at /m);
            expect(all).not.toContain("Promise {");
            expect(all).not.toContain("\u001b[");
            expect(all).not.toContain("unhandled exception");
        } finally {
            await p.mustRun(["config", "rm", "huaweicloud:secretKey", "--stack", p.stack]);
        }
    });

    test("finds OBS by name and type, connects a gateway endpoint, previews empty, destroys", async () => {
        // preview: the lookup is the only call, and it only reads
        const before = await cloud.mark();
        const pre = await p.preview();
        expect(pre.result.code).toBe(0);
        expect(pre.changeSummary.create).toBe(2);
        expect((await cloud.requests(before)).map((r) => `${r.method} ${r.operation}`)).toEqual(["GET ListServicePublicDetails"]);

        await p.up();
        const out = await p.outputs();
        expect(out.obsServiceName).toBe("cn-north-4.com.myhuaweicloud.v4.obsv2");
        expect(out.endpointStatus).toBe("accepted");
        const ep = await cloud.resource("vpcep:endpoint");
        expect(ep.id).toBe(out.endpointId);
        expect(ep.body).toMatchObject({
            service_type: "gateway",
            endpoint_service_name: out.obsServiceName,
            routetables: [cloud.account().network.clientRouteTableId],
        });

        await p.expectNoChanges("preview");
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
    });
});
