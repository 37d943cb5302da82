/**
 * One program, two regions: `examples/vpcep-two-regions` (YAML, two explicit providers of the
 * native plugin, one per region) with the real CLI against the emulator, whose demo account has a
 * project in cn-north-4 and one in cn-south-1. Each service and endpoint lands in its provider's
 * region; the same names and addresses live side by side (one per region); one private zone of
 * the first region names both endpoints and is resolved by a client VPC of the second (its
 * association names that region); a preview and a refresh are empty; destroy leaves both regions
 * empty.
 */
import * as path from "node:path";
import { REPO_ROOT } from "../../harness/pulumi-program";
import { e2eCloud, pluginPath } from "../helpers/e2e";

describe("two regions in one program, through explicit providers", () => {
    const e2e = e2eCloud();

    test("each region gets its service and endpoint", async () => {
        const cloud = e2e.cloud();
        const a = cloud.account();
        const [north, south] = a.projects;
        expect(south?.region).toBe("cn-south-1");
        const p = await e2e.program({
            fromDir: path.join(REPO_ROOT, "examples", "vpcep-two-regions"),
            linkNodeModules: false,
            env: { ...cloud.huaweiEnv(), ...pluginPath() },
        });
        await p.setConfig("primaryProjectId", north!.id);
        await p.setConfig("secondaryProjectId", south!.id);
        await p.setConfig("backendVpcId", a.network.backendVpcId);
        await p.setConfig("backendPortId", a.network.backendPortId);
        await p.setConfig("clientVpcId", a.network.clientVpcId);
        await p.setConfig("clientSubnetId", a.network.clientSubnetId);
        // A VPC only the second region has (the emulator seeds the same ids in both).
        const southVpc = (await cloud.control("POST", "network/vpcs", { projectId: south!.id, cidr: "172.20.0.0/16", name: "south-clients" })).vpc.id as string;
        await p.setConfig("secondaryClientVpcId", southVpc);
        await p.up();
        const outputs = await p.outputs();
        expect(outputs.primaryEndpointIp).toBe("10.0.0.201");
        expect(outputs.secondaryEndpointIp).toBe("10.0.0.201");
        const byRegion = async (kind: string) => (await cloud.resources(kind)).map((r) => r.region).sort();
        expect(await byRegion("vpcep:endpoint_service")).toEqual(["cn-north-4", "cn-south-1"]);
        expect(await byRegion("vpcep:endpoint")).toEqual(["cn-north-4", "cn-south-1"]);
        // The generated service names carry the region they were made in.
        expect(outputs.primaryServiceName).toMatch(/^cn-north-4\./);
        expect(outputs.secondaryServiceName).toMatch(/^cn-south-1\./);
        // One zone, made in the first region, resolved in the client VPCs of both.
        const [zone] = await cloud.resources("dns:private_zone");
        expect(zone?.region).toBe("cn-north-4");
        expect(zone?.body.routers.map((r: { router_id: string; router_region: string }) => [r.router_id, r.router_region])).toEqual([
            [a.network.clientVpcId, "cn-north-4"],
            [southVpc, "cn-south-1"],
        ]);
        expect(outputs.southClientsRegion).toBe("cn-south-1");
        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("dns:private_zone")).toEqual([]);
    });
});
