/**
 * The acceptance shape for EndpointService and Endpoint, with the real CLI against the emulator:
 * preview → up → the emulator holds exactly what the program declares → empty preview → empty
 * refresh → in-place update → replacement → out-of-band change shows as drift → out-of-band
 * deletion is noticed and recreated → destroy leaves the emulator empty.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";
import { signedHuaweiRequest } from "../helpers/huawei-request";

const SERVICE = "pulumi-nodejs:dynamic/huaweicloud-vpcep:EndpointService";
const ENDPOINT = "pulumi-nodejs:dynamic/huaweicloud-vpcep:Endpoint";

describe("examples/vpcep-cross-vpc end to end", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;

    beforeAll(async () => {
        cloud = await TestCloud.start({
            timings: { "vpcep:endpoint_service": { create: { afterReads: 2 } }, "vpcep:endpoint": { create: { afterReads: 2 } } },
        });
        p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc"), env: cloud.huaweiEnv() });
        const net = cloud.account().network;
        await p.setConfig("backendVpcId", net.backendVpcId);
        await p.setConfig("backendPortId", net.backendPortId);
        await p.setConfig("clientVpcId", net.clientVpcId);
        await p.setConfig("clientSubnetId", net.clientSubnetId);
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("walks the whole lifecycle", async () => {
        // preview: plans two creations, calls no API
        const before = await cloud.mark();
        const pre = await p.preview();
        expect(pre.result.code).toBe(0);
        expect(pre.changeSummary.create).toBe(3);
        expect(await cloud.requests(before)).toEqual([]);

        // up: exactly one service and one endpoint, settled
        await p.up();
        const out = await p.outputs();
        const services = await cloud.resources("vpcep:endpoint_service");
        const endpoints = await cloud.resources("vpcep:endpoint");
        expect(services.map((s) => s.id)).toEqual([out.serviceId]);
        expect(endpoints.map((e) => e.id)).toEqual([out.endpointId]);
        expect(out.endpointStatus).toBe("accepted");
        expect(out.endpointIp).toBe("10.0.0.200");
        expect(String(out.serviceName)).toMatch(/^cn-north-4\.backend\./);
        expect(out.endpointDnsName).toEqual(expect.any(String));

        // nothing to do afterwards
        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        // in place: a new description is one update call, no create or delete
        await p.setConfig("serviceDescription", "backend, updated");
        let mark = await cloud.mark();
        const up2 = await p.up();
        expect(up2.changeSummary.update).toBe(1);
        const ops2 = (await cloud.requests(mark)).map((r) => r.operation);
        expect(ops2).toContain("UpdateEndpointService");
        expect(ops2.filter((o) => /^(Create|Delete)/.test(o))).toEqual([]);

        // replacement: a new endpoint address replaces the endpoint (and only it)
        await p.setConfig("endpointIp", "10.0.0.201");
        mark = await cloud.mark();
        const up3 = await p.up();
        expect(up3.changeSummary.replace).toBe(1);
        const ops3 = (await cloud.requests(mark)).map((r) => r.operation);
        expect(ops3).toEqual(expect.arrayContaining(["CreateEndpoint", "DeleteEndpoint"]));
        const out3 = await p.outputs();
        expect(out3.endpointIp).toBe("10.0.0.201");
        expect((await cloud.resources("vpcep:endpoint")).map((e) => e.id)).toEqual([out3.endpointId]);

        // out-of-band change: refresh reports it as drift
        const demo = cloud.account();
        const put = await signedHuaweiRequest(cloud.url, demo, "PUT", `/v1/${cloud.project().id}/vpc-endpoint-services/${out.serviceId}`, {
            description: "changed by hand",
        });
        expect(put.status).toBe(200);
        const drift = await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"]);
        expect(drift.code).not.toBe(0);
        // …and up puts it back
        mark = await cloud.mark();
        await p.up();
        expect((await cloud.requests(mark)).map((r) => r.operation)).toContain("UpdateEndpointService");
        const svcNow = await cloud.resource("vpcep:endpoint_service");
        expect(svcNow.body.description).toBe("backend, updated");

        // out-of-band deletion: refresh drops it from the state, up recreates it
        const del = await signedHuaweiRequest(cloud.url, demo, "DELETE", `/v1/${cloud.project().id}/vpc-endpoints/${out3.endpointId}`);
        expect([200, 202, 204]).toContain(del.status);
        const refreshed = await p.refresh();
        expect(refreshed.changeSummary.delete).toBe(1);
        expect(resourcesOfType(await p.exportState(), ENDPOINT)).toHaveLength(0);
        const up5 = await p.up();
        expect(up5.changeSummary.create).toBe(1);
        expect(await cloud.resources("vpcep:endpoint")).toHaveLength(1);

        // destroy: the emulator is empty
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        expect(resourcesOfType(await p.exportState(), SERVICE)).toHaveLength(0);
    });
});
