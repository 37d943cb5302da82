/**
 * A Python program (`runtime: python`, examples/vpcep-cross-vpc-python) with the real CLI against
 * the emulator: the project's Python language host (scripts/language-host-python, on PATH from
 * scripts/env.sh) runs it in the virtualenv set-up made, and the native provider plugin serves its
 * resources and its lookup by token. Bad input fails at preview naming the field, `up` creates what
 * the program declares with the outputs it computes in Python, a second preview and a refresh find
 * nothing to do, and `destroy` leaves the emulator empty.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";

const SERVICE = "privatelink:huaweicloud/vpcep:EndpointService";
const ENDPOINT = "privatelink:huaweicloud/vpcep:Endpoint";

describe("a Python program through the native provider plugin", () => {
    let cloud: TestCloud;
    let p: PulumiProgram | undefined;

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("examples/vpcep-cross-vpc-python: checked at preview, created, unchanged, no drift, destroyed", async () => {
        const net = cloud.account().network;
        p = await PulumiProgram.create({
            fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc-python"),
            env: { ...cloud.huaweiEnv(), PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}` },
            linkNodeModules: false,
        });
        await p.setConfig("backendVpcId", net.backendVpcId);
        await p.setConfig("clientVpcId", net.clientVpcId);
        await p.setConfig("clientSubnetId", net.clientSubnetId);

        // Bad input: refused at preview by the plugin's check, naming the field and the rule, and
        // no resource call is made (the program ran: its Python is what registered the resource).
        await p.setConfig("backendPortId", "not-a-uuid");
        const mark = await cloud.mark();
        const bad = await p.run(["preview", "--non-interactive", "--stack", p.stack]);
        expect(bad.code).not.toBe(0);
        expect(bad.stdout + bad.stderr).toMatch(/portId: "not-a-uuid" is not a valid port id/);
        expect((await cloud.requests(mark)).filter((r) => r.method !== "GET")).toEqual([]);
        await p.setConfig("backendPortId", net.backendPortId);

        const up = await p.up();
        expect(up.changeSummary.create).toBe(3); // the stack, the service, the endpoint
        const out = await p.outputs();
        const services = await cloud.resources("vpcep:endpoint_service");
        const endpoints = await cloud.resources("vpcep:endpoint");
        expect(services.map((s) => s.id)).toEqual([out.serviceId]);
        expect(endpoints.map((e) => e.id)).toEqual([out.endpointId]);
        expect(services[0]!.body).toMatchObject({ port_id: net.backendPortId, vpc_id: net.backendVpcId, approval_enabled: false });
        expect(endpoints[0]!.body).toMatchObject({ endpoint_service_id: out.serviceId, vpc_id: net.clientVpcId });
        expect(out).toMatchObject({
            serviceStatus: "available",
            endpointStatus: "accepted",
            endpointIp: "10.0.0.200",
            // The lookup, answered through Invoke, sees the service the program made.
            foundStatus: "available",
        });
        expect(String(out.serviceName)).toMatch(/^cn-north-4\.backend\./);
        // Computed by the program's own `apply` in Python: the first of the endpoint's DNS names.
        expect(out.endpointDnsName).toEqual(expect.stringContaining(String(out.serviceName)));
        const state = await p.exportState();
        expect(resourcesOfType(state, SERVICE).map((r) => r.id)).toEqual([out.serviceId]);
        expect(resourcesOfType(state, ENDPOINT).map((r) => r.id)).toEqual([out.endpointId]);

        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });
});
