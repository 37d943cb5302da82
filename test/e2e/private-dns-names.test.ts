/**
 * `examples/private-dns-names` with the real CLI against the emulator: on each cloud a consumer's
 * endpoint is reached as orders.internal.example.com through the team's own private zone. The
 * Huawei record set holds the endpoint's address and the Alibaba record points at the endpoint's
 * domain, as the clouds hold them; a preview is empty; moving the name to another host changes
 * only the records (in place on Alibaba, where the host record updates; a new set on Huawei, whose
 * record set name replaces), never the endpoints; destroy leaves both clouds empty.
 */
import * as path from "node:path";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { REPO_ROOT } from "../../harness/pulumi-program";
import { e2eCloud } from "../helpers/e2e";

/** The team's enterprise project on Huawei Cloud. */
const EPS = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

describe("examples/private-dns-names", () => {
    const e2e = e2eCloud();

    test("orders.internal.example.com names the endpoint on both clouds", async () => {
        const cloud = e2e.cloud();
        const net = cloud.account().network;
        const ali = alicloudAccount(cloud).network;
        const p = await e2e.program({ fromDir: path.join(REPO_ROOT, "examples", "private-dns-names"), env: { ...cloud.huaweiEnv(), ...alicloudEnv(cloud) } });
        const config: Record<string, string> = {
            backendVpcId: net.backendVpcId,
            backendPortId: net.backendPortId,
            clientVpcId: net.clientVpcId,
            clientSubnetId: net.clientSubnetId,
            aliLoadBalancerId: ali.loadBalancerId,
            aliVpcId: ali.vpcId,
            aliVswitchId: ali.vSwitchIds["cn-hangzhou-h"]!,
            aliSecurityGroupId: ali.securityGroupIds[0]!,
            enterpriseProjectId: EPS,
        };
        for (const [k, v] of Object.entries(config)) await p.setConfig(k, v);
        await p.up();
        const out = await p.outputs();
        expect(out.huaweiName).toMatch(/^orders\.internal\.example\.com\.?$/);
        expect(out.huaweiAddress).toBe(out.endpointIp);
        expect(out.endpointIp).toBe("10.0.0.80");
        expect(out.alicloudName).toBe("orders.internal.example.com");
        expect(out.alicloudTarget).toBe(out.endpointDomain);
        expect(out.endpointDomain).toMatch(/^ep-/);

        // As the clouds hold them: the zones serve the consumers' VPCs and the records say so.
        const [zone] = await cloud.resources("dns:private_zone");
        expect(zone?.body).toMatchObject({ name: "internal.example.com." });
        const sets = (await cloud.resources("dns:recordset")).filter((r) => r.body.type === "A");
        expect(sets.map((r) => [r.body.name, r.body.records])).toEqual([["orders.internal.example.com.", ["10.0.0.80"]]]);
        const records = await cloud.resources("pvtz:record");
        expect(records.map((r) => [r.body.Rr, r.body.Type, r.body.Value])).toEqual([["orders", "CNAME", out.endpointDomain]]);
        // The Huawei zone in the team's enterprise project, the Alibaba zone with the team's tag
        // beside the package's two, the service's connection defaults.
        expect(zone?.body.enterprise_project_id).toBe(EPS);
        const [aliZone] = await cloud.resources("pvtz:zone");
        expect(Object.fromEntries(aliZone!.body.ResourceTags.ResourceTag.map((t: { Key: string; Value: string }) => [t.Key, t.Value]))).toMatchObject({
            team: "orders",
            "pulumi-privatelink-key": expect.any(String),
        });
        const [service] = await cloud.resources("privatelink:endpoint_service");
        expect(service?.body).toMatchObject({ ConnectBandwidth: 2048, ZoneAffinityEnabled: true });
        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        // Another host name: the records move, the endpoints stay.
        const endpoints = [...(await cloud.resources("vpcep:endpoint")), ...(await cloud.resources("privatelink:endpoint"))].map((r) => r.id);
        await p.setConfig("host", "orders-v2");
        await p.up();
        expect((await p.outputs()).alicloudName).toBe("orders-v2.internal.example.com");
        expect((await cloud.resources("pvtz:record")).map((r) => r.body.Rr)).toEqual(["orders-v2"]);
        expect((await cloud.resources("dns:recordset")).filter((r) => r.body.type === "A").map((r) => r.body.name)).toEqual([
            "orders-v2.internal.example.com.",
        ]);
        expect([...(await cloud.resources("vpcep:endpoint")), ...(await cloud.resources("privatelink:endpoint"))].map((r) => r.id)).toEqual(endpoints);

        await p.destroy();
        for (const kind of ["dns:private_zone", "dns:recordset", "pvtz:zone", "pvtz:record", "vpcep:endpoint", "privatelink:endpoint"])
            expect(await cloud.resources(kind)).toEqual([]);
    });
});
