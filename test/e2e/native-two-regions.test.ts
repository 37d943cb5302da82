/**
 * One program, two regions: `examples/vpcep-two-regions` (YAML, two explicit providers of the
 * native plugin, one per region) with the real CLI against the emulator, whose demo account has a
 * project in cn-north-4 and one in cn-south-1. Each service and endpoint lands in its provider's
 * region; the same names and addresses live side by side (one per region); a preview is empty;
 * destroy leaves both regions empty.
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
        await p.expectNoChanges("preview");
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
    });
});
