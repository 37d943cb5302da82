/**
 * A Python program (`runtime: python`, examples/vpcep-cross-vpc-python) with the real CLI against
 * the emulator: the project's Python language host (scripts/language-host-python, on PATH from
 * scripts/env.sh) runs it in the virtualenv set-up made, with the Python SDK (sdks/python)
 * installed as a user installs it, and the native provider plugin serves the SDK's resources, its
 * lookup and its explicit provider. Bad input fails at preview naming the field, `up` creates what
 * the program declares with the outputs it computes in Python, a second preview and a refresh find
 * nothing to do, and `destroy` leaves the emulator empty.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";

const SERVICE = "privatelink:huaweicloud/vpcep:EndpointService";
const ENDPOINT = "privatelink:huaweicloud/vpcep:Endpoint";
/** The package's version, which the SDK carries and asks the engine's plugin for. */
const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;

/**
 * Installs the Python SDK from its folder into `<dir>/site` with the virtualenv's pip, as the
 * example's README says, from a copy (pip builds in the source folder) and offline: its
 * dependencies are the virtualenv's already (scripts/python-requirements.txt), and so is the build
 * backend (--no-build-isolation). About 2 s. The folder to put on PYTHONPATH.
 */
function installPythonSdk(dir: string): string {
    const venv = process.env.PULUMI_PRIVATELINK_PYTHON_VENV;
    if (!venv) throw new Error("PULUMI_PRIVATELINK_PYTHON_VENV is not set: source scripts/env.sh after bash scripts/setup.sh");
    const src = path.join(dir, "sdk-src");
    fs.cpSync(path.join(REPO_ROOT, "sdks", "python"), src, { recursive: true });
    const site = path.join(dir, "site");
    execFileSync(path.join(venv, "bin", "pip"), ["install", "--quiet", "--no-deps", "--no-build-isolation", "--no-index", "--target", site, src], {
        stdio: ["ignore", "pipe", "pipe"],
    });
    return site;
}

describe("a Python program through the native provider plugin", () => {
    let cloud: TestCloud;
    let p: PulumiProgram | undefined;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-pysdk-"));

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        fs.rmSync(tmp, { recursive: true, force: true });
        await cloud?.close();
    });

    test("examples/vpcep-cross-vpc-python: checked at preview, created, unchanged, no drift, destroyed", async () => {
        const net = cloud.account().network;
        p = await PulumiProgram.create({
            fromDir: path.join(REPO_ROOT, "examples/vpcep-cross-vpc-python"),
            env: { ...cloud.huaweiEnv(), PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}`, PYTHONPATH: installPythonSdk(tmp) },
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
        // Computed by the program's own `apply` in Python: the first of the endpoint's DNS names.
        expect(out.endpointDnsName).toEqual(expect.stringContaining(String(out.serviceName)));
        const state = await p.exportState();
        expect(resourcesOfType(state, SERVICE).map((r) => r.id)).toEqual([out.serviceId]);
        expect(resourcesOfType(state, ENDPOINT).map((r) => r.id)).toEqual([out.endpointId]);
        // The endpoint went through the program's own provider (privatelink.Provider), the service
        // through the default one; the SDK asked for the plugin of its own version.
        const providerOf = (type: string) => (resourcesOfType(state, type)[0] as { provider?: string } | undefined)?.provider;
        const consumer = resourcesOfType(state, "pulumi:providers:privatelink").find((r) => r.urn.endsWith("::consumer"));
        expect(consumer).toMatchObject({ inputs: { huaweicloudRegion: "cn-north-4", version: VERSION } });
        expect(providerOf(ENDPOINT)).toBe(`${consumer!.urn}::${consumer!.id}`);
        expect(providerOf(SERVICE)).toMatch(/::default/);

        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });
});
