/**
 * The acceptance shape for alicloud.privatelink.VpcEndpointService and VpcEndpoint, with the real
 * CLI against the emulator (examples/alicloud-privatelink): preview calls no API → up (with the
 * endpoint create's answer dropped once: the ClientToken makes the retry return the same
 * endpoint) → exactly what the program declares → empty preview and refresh → in-place zone,
 * security-group and description changes → drift → destroy leaves nothing. Then: DryRun-detected
 * errors reported clearly with nothing created, and bad inputs rejected at preview without a call.
 */
import * as path from "node:path";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";
import { rpc } from "../helpers/alicloud-request";

const ENDPOINT = "pulumi-nodejs:dynamic/alicloud-privatelink:VpcEndpoint";
const SERVICE = "pulumi-nodejs:dynamic/alicloud-privatelink:VpcEndpointService";
const quick = { create: { afterReads: 1 }, delete: { afterReads: 1 } };

describe("examples/alicloud-privatelink end to end", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;
    const ops = async (since: number) => (await cloud.requests(since)).map((r) => r.operation);

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: { "privatelink:endpoint": quick, "privatelink:endpoint_service": quick } });
        p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/alicloud-privatelink"), env: alicloudEnv(cloud) });
        const a = alicloudAccount(cloud);
        await p.setConfig("vpcId", a.network.vpcId);
        await p.setConfig("loadBalancerId", a.network.loadBalancerId);
        await p.setConfig("vswitchH", a.network.vSwitchIds["cn-hangzhou-h"]!);
        await p.setConfig("vswitchI", a.network.vSwitchIds["cn-hangzhou-i"]!);
        await p.mustRun(["config", "set", "--path", "securityGroupIds[0]", a.network.securityGroupIds[0]!, "--stack", p.stack]);
        await p.setConfig("allowedUser", alicloudAccount(cloud, "consumer").accountId);
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("walks the whole lifecycle", async () => {
        const a = alicloudAccount(cloud);
        const [sg1, sg2] = a.network.securityGroupIds as [string, string];

        // preview: plans the creations, calls no API
        let mark = await cloud.mark();
        const pre = await p.preview();
        expect(pre.result.code).toBe(0);
        expect(pre.changeSummary.create).toBe(3);
        expect(await cloud.requests(mark)).toEqual([]);

        // up, with the real CreateVpcEndpoint's answer lost once (the first rule lets the DryRun through)
        await cloud.control("PUT", "faults", {
            rules: [
                { api: "privatelink", operation: "CreateVpcEndpoint", times: 1 },
                { api: "privatelink", operation: "CreateVpcEndpoint", times: 1, drop: "after" },
            ],
        });
        mark = await cloud.mark();
        await p.up();
        const out = await p.outputs();
        const creates = (await cloud.requests(mark)).filter((r: any) => r.operation === "CreateVpcEndpoint" && !/DryRun=true/.test(r.query ?? ""));
        expect(creates.map((r) => r.status)).toEqual([0, 200]);
        const token = (r: any) => /ClientToken=([^&]+)/.exec(r.query)?.[1];
        expect(token(creates[0])).toBeDefined();
        expect(token(creates[1])).toBe(token(creates[0]));
        const services = await cloud.resources("privatelink:endpoint_service");
        const endpoints = await cloud.resources("privatelink:endpoint");
        expect(services.map((s) => s.id)).toEqual([out.serviceId]);
        expect(endpoints.map((e) => e.id)).toEqual([out.endpointId]);
        expect(out.serviceStatus).toBe("Active");
        expect(out.endpointStatus).toBe("Active");
        expect(out.connectionStatus).toBe("Connected");
        expect(out.endpointIps).toHaveLength(2);
        expect(String(out.serviceName)).toBe(`com.aliyuncs.privatelink.cn-hangzhou.${out.serviceId}`);
        expect(services[0]!.body.Users).toEqual([alicloudAccount(cloud, "consumer").accountId]);
        expect(endpoints[0]!.body.Zones.map((z: any) => z.ZoneId).sort()).toEqual(["cn-hangzhou-h", "cn-hangzhou-i"]);

        // nothing to do afterwards
        expect((await p.run(["preview", "--expect-no-changes", "--non-interactive"])).code).toBe(0);
        expect((await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"])).code).toBe(0);

        // zones in place: drop zone i (RemoveZone), no create or delete
        await p.mustRun(["config", "set", "--path", "endpointZones[0]", "cn-hangzhou-h", "--stack", p.stack]);
        mark = await cloud.mark();
        let up = await p.up();
        expect(up.changeSummary.update).toBe(1);
        let seen = await ops(mark);
        expect(seen).toContain("RemoveZoneFromVpcEndpoint");
        expect(seen.filter((o) => /^(Create|Delete)/.test(o))).toEqual([]);
        expect((await cloud.resources("privatelink:endpoint"))[0]!.body.Zones.map((z: any) => z.ZoneId)).toEqual(["cn-hangzhou-h"]);

        // …and back (AddZone)
        await p.mustRun(["config", "set", "--path", "endpointZones[1]", "cn-hangzhou-i", "--stack", p.stack]);
        mark = await cloud.mark();
        up = await p.up();
        expect(up.changeSummary.update).toBe(1);
        seen = await ops(mark);
        expect(seen).toContain("AddZoneToVpcEndpoint");
        expect(seen.filter((o) => /^(Create|Delete)/.test(o))).toEqual([]);

        // security groups in place: sg1 → sg2 is an attach and a detach
        await p.mustRun(["config", "set", "--path", "securityGroupIds[0]", sg2, "--stack", p.stack]);
        mark = await cloud.mark();
        up = await p.up();
        expect(up.changeSummary.update).toBe(1);
        seen = await ops(mark);
        expect(seen).toEqual(expect.arrayContaining(["AttachSecurityGroupToVpcEndpoint", "DetachSecurityGroupFromVpcEndpoint"]));
        expect(seen.filter((o) => /^(Create|Delete)/.test(o))).toEqual([]);
        expect((await cloud.resources("privatelink:endpoint"))[0]!.body.SecurityGroupIds).toEqual([sg2]);
        expect(sg1).not.toBe(sg2);

        // the service's description in place
        await p.setConfig("serviceDescription", "backend, updated");
        mark = await cloud.mark();
        up = await p.up();
        expect(up.changeSummary.update).toBe(1);
        expect(await ops(mark)).toContain("UpdateVpcEndpointServiceAttribute");
        expect((await p.run(["preview", "--expect-no-changes", "--non-interactive"])).code).toBe(0);

        // out-of-band change (V1-signed, as Terraform sends it): refresh shows drift, up puts it back
        const creds = { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret };
        const oob = await rpc(
            cloud.url,
            creds,
            "UpdateVpcEndpointAttribute",
            { RegionId: "cn-hangzhou", EndpointId: out.endpointId, EndpointDescription: "changed by hand" },
            { signature: "v1" },
        );
        expect(oob.status).toBe(200);
        expect((await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"])).code).not.toBe(0);
        mark = await cloud.mark();
        await p.up();
        expect(await ops(mark)).toContain("UpdateVpcEndpointAttribute");
        expect((await cloud.resources("privatelink:endpoint"))[0]!.body.EndpointDescription).toBe("reaches the backend privately");

        // destroy: the emulator is empty
        await p.destroy();
        expect(await cloud.resources("privatelink:endpoint")).toEqual([]);
        expect(await cloud.resources("privatelink:endpoint_service")).toEqual([]);
        expect(resourcesOfType(await p.exportState(), ENDPOINT)).toHaveLength(0);
        expect(resourcesOfType(await p.exportState(), SERVICE)).toHaveLength(0);
    });

    test("reports DryRun-detected errors clearly and rejects bad inputs at preview without a call", async () => {
        const a = alicloudAccount(cloud);
        const program = (sg: string, ip: string) => `
import { alicloud } from "pulumi-privatelink";
const svc = new alicloud.privatelink.VpcEndpointService("svc", {
    resources: [{ resourceId: "${a.network.loadBalancerId}", resourceType: "slb", zoneId: "cn-hangzhou-h" }],
    autoAcceptEnabled: true,
});
new alicloud.privatelink.VpcEndpoint("ep", {
    serviceId: svc.id,
    vpcId: "${a.network.vpcId}",
    securityGroupIds: ["${sg}"],
    zones: [{ zoneId: "cn-hangzhou-h", vswitchId: "${a.network.vSwitchIds["cn-hangzhou-h"]}", ip: "${ip}" }],
});
`;
        const q = await PulumiProgram.create({
            files: { "Pulumi.yaml": "name: alicloud-errors\nruntime: nodejs\n", "index.ts": program(a.network.securityGroupIds[0]!, "300.1.1.1") },
            env: alicloudEnv(cloud),
        });
        try {
            // a bad address: preview fails naming the field, and no API request is made
            let mark = await cloud.mark();
            const pre = await q.preview();
            expect(pre.result.code).not.toBe(0);
            expect(pre.errors.join("\n") + pre.result.stdout).toContain('zones[0].ip: "300.1.1.1" is not a valid IPv4 address');
            expect(await cloud.requests(mark)).toEqual([]);

            // a security group that does not exist: local rules pass, the cloud's DryRun refuses it
            q.writeFile("index.ts", program("sg-doesnotexist00000001", "172.16.1.60"));
            mark = await cloud.mark();
            const r = await q.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
            expect(r.code).not.toBe(0);
            expect(r.stdout + r.stderr).toMatch(/the cloud's dry run rejected the request, nothing was created: SecurityGroupNotFound/);
            const creates = (await cloud.requests(mark)).filter((x: any) => x.operation === "CreateVpcEndpoint");
            expect(creates.length).toBeGreaterThan(0);
            expect(creates.every((x: any) => /DryRun=true/.test(x.query ?? ""))).toBe(true);
            expect(await cloud.resources("privatelink:endpoint")).toEqual([]);
            await q.destroy();
            expect(await cloud.resources("privatelink:endpoint_service")).toEqual([]);
        } finally {
            q.dispose();
        }
    });
});
