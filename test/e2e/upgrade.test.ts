/**
 * State written by an earlier version keeps working: test/fixtures/state-v1.json is a stack
 * exported by this version of the package (serialized provider stub and all, frozen in the
 * repository). Whatever the code becomes, the current package must refresh that state with no
 * changes, plan no change when the same program runs again, and destroy it. See docs/upgrades.md for the rules that keep this true.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT } from "../../harness/pulumi-program";
import { signedHuaweiRequest } from "../helpers/huawei-request";

const FIXTURE = path.join(REPO_ROOT, "test/fixtures/state-v1.json");

describe("a state written by runtime v1", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;
    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("is refreshed with no changes and destroyed by the current code", async () => {
        const fixture = fs.readFileSync(FIXTURE, "utf8");
        expect(fixture).toContain('require(\\"pulumi-privatelink/runtime/v1\\")');

        // the cloud objects the fixture describes, made by another tool
        const demo = cloud.account();
        const pid = cloud.project().id;
        const net = demo.network;
        const svc = await signedHuaweiRequest(cloud.url, demo, "POST", `/v1/${pid}/vpc-endpoint-services`, {
            vpc_id: net.backendVpcId,
            port_id: net.backendPortId,
            server_type: "VM",
            service_name: "backend",
            approval_enabled: false,
            ports: [{ client_port: 8080, server_port: 80, protocol: "TCP" }],
            description: "backend web server",
            tags: [{ key: "example", value: "vpcep-cross-vpc" }],
        });
        expect(svc.status).toBe(200);
        const ep = await signedHuaweiRequest(cloud.url, demo, "POST", `/v1/${pid}/vpc-endpoints`, {
            endpoint_service_id: svc.json.id,
            vpc_id: net.clientVpcId,
            subnet_id: net.clientSubnetId,
            port_ip: "10.0.0.200",
            enable_dns: true,
            tags: [{ key: "example", value: "vpcep-cross-vpc" }],
        });
        expect(ep.status).toBe(200);

        p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc"), env: cloud.huaweiEnv(), stack: "upgrade" });
        const stateFile = path.join(p.dir, "state.json");
        fs.writeFileSync(stateFile, fixture.split("{{SERVICE_ID}}").join(svc.json.id).split("{{ENDPOINT_ID}}").join(ep.json.id));
        await p.mustRun(["stack", "import", "--file", stateFile, "--stack", "upgrade"]);

        await p.expectNoChanges("refresh");
        // The same program run by the current code plans nothing, though the provider text the code
        // now writes differs from the one in the state.
        for (const key of ["backendVpcId", "backendPortId", "clientVpcId", "clientSubnetId"] as const) await p.setConfig(key, net[key]);
        await p.setConfig("endpointIp", "10.0.0.200");
        await p.expectNoChanges("preview");
        const down = await p.destroy();
        expect(down.changeSummary.delete).toBe(3);
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });
});
