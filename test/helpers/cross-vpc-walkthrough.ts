/**
 * The cross-VPC walkthrough (examples/vpcep-cross-vpc-<language>: a service, an endpoint to it
 * through the program's own provider, a lookup, a DNS name computed by the program) checked the
 * same way in every language the plugin serves: bad input refused at preview with no cloud write,
 * `up`, the outputs and the state, an empty preview and refresh, and a destroy that empties the
 * emulator. The program's network config other than `backendPortId` is set by the caller.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { TestCloud } from "../../harness/cloud";
import { type PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";

const SERVICE = "privatelink:huaweicloud/vpcep:EndpointService";
const ENDPOINT = "privatelink:huaweicloud/vpcep:Endpoint";
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** `afterUp` gets the exported state after `up`, for what one language's example adds. */
export async function checkCrossVpcWalkthrough(
    p: PulumiProgram,
    cloud: TestCloud,
    afterUp: (state: Awaited<ReturnType<PulumiProgram["exportState"]>>) => void = () => {},
): Promise<void> {
    const net = cloud.account().network;
    // Bad input: refused at preview by the plugin's check, naming the field and the rule, and no
    // resource call is made (the program ran: its own code is what registered the resource).
    await p.setConfig("backendPortId", "not-a-uuid");
    const mark = await cloud.mark();
    const bad = await p.run(["preview", "--non-interactive", "--stack", p.stack]);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout + bad.stderr).toMatch(/portId: "not-a-uuid" is not a valid port id/);
    expect((await cloud.requests(mark)).filter((r) => r.method !== "GET")).toEqual([]);
    await p.setConfig("backendPortId", net.backendPortId);

    const up = await p.up();
    expect(up.changeSummary.create).toBe(4); // the stack, the service, the explicit provider, the endpoint
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
    // Computed by the program's own code (an apply): the first of the endpoint's DNS names.
    expect(out.endpointDnsName).toEqual(expect.stringContaining(String(out.serviceName)));
    const state = await p.exportState();
    expect(resourcesOfType(state, SERVICE).map((r) => r.id)).toEqual([out.serviceId]);
    expect(resourcesOfType(state, ENDPOINT).map((r) => r.id)).toEqual([out.endpointId]);
    // The endpoint went through the program's own provider, the service through the default one;
    // the SDK asked for the plugin of its own version.
    const providerOf = (type: string) => (resourcesOfType(state, type)[0] as { provider?: string } | undefined)?.provider;
    const consumer = resourcesOfType(state, "pulumi:providers:privatelink").find((r) => r.urn.endsWith("::consumer"));
    expect(consumer).toMatchObject({ inputs: { huaweicloudRegion: "cn-north-4", version: VERSION } });
    expect(providerOf(ENDPOINT)).toBe(`${consumer!.urn}::${consumer!.id}`);
    expect(providerOf(SERVICE)).toMatch(/::default/);
    afterUp(state);

    await p.expectNoChanges("preview");
    await p.expectNoChanges("refresh");

    await p.destroy();
    expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
    expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
}
