/**
 * The native provider plugin (`bin/pulumi-resource-privatelink`), with the real CLI against the
 * emulator: the engine finds it on PATH and serves resources by their type tokens through it — the
 * same declarations and engine as the dynamic resources. A program declares them by token (as any
 * language does): bad input fails at preview naming the field, `up` creates and waits, a second
 * preview is empty, an in-place change is an update (a detailed diff), an explicit provider takes
 * its settings from its inputs, lookups answer through Invoke (bad arguments refused with the
 * rule), `destroy` leaves nothing, and `pulumi import` reads an object by its id with its inputs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";
import * as vpcep from "../../sdk/huaweicloud/vpcep";
import { akskClient } from "../sdk/helpers/emulator";

const SERVICE = "privatelink:huaweicloud/vpcep:EndpointService";

describe("the native provider plugin", () => {
    let cloud: TestCloud;
    let p: PulumiProgram | undefined;

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("serves resources by token: check, create, a detailed diff, an explicit provider, destroy", async () => {
        const net = cloud.account().network;
        // The default provider reads the environment (the demo account); the explicit one its
        // inputs (another account: where its object lands shows which settings it used).
        const a = cloud.account("consumer");
        const env = { ...cloud.huaweiEnv(), PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}` };
        const explicit = {
            huaweicloudRegion: a.projects[0]!.region,
            huaweicloudProjectId: a.projects[0]!.id,
            huaweicloudAccessKey: a.accessKey,
            huaweicloudSecretKey: a.secretKey,
            huaweicloudEndpoints: { vpcep: cloud.url, iam: cloud.url },
        };
        p = await PulumiProgram.create({
            env,
            files: {
                "Pulumi.yaml": "name: native\nruntime: nodejs\n",
                "package.json": '{"name":"native","main":"index.ts"}',
                "index.ts": `
import * as pulumi from "@pulumi/pulumi";
const config = new pulumi.Config();
const service = (name: string, clientPort: number, vpcId: string, portId: string, opts?: pulumi.CustomResourceOptions) =>
    new pulumi.CustomResource("${SERVICE}", name, {
        vpcId,
        portId: config.get("portId") ?? portId,
        serverType: "VM",
        ports: [{ clientPort, serverPort: clientPort }],
        approvalEnabled: config.getBoolean("approval") ?? false,
        status: undefined,
        serviceName: undefined,
    }, opts);
const viaDefault = service("default", 90, "${net.backendVpcId}", "${net.backendPortId}");
const provider = new pulumi.ProviderResource("privatelink", "explicit", ${JSON.stringify(explicit)});
const viaExplicit = service("explicit", 91, "${a.network.backendVpcId}", "${a.network.backendPortId}", { provider });
export const statuses = [(viaDefault as any).status, (viaExplicit as any).status];
// Lookups through Invoke: every match, exactly one, and bad arguments refused with the rule.
const invoke = (tok: string, args: object) => pulumi.output(pulumi.runtime.invoke(\`privatelink:huaweicloud/vpcep:\${tok}\`, args));
export const publicServices = invoke("getPublicServices", {}).apply((r: any) => r.services.length);
export const found = viaDefault.id.apply((id) => invoke("getEndpointService", { serviceId: id }).apply((r: any) => r.id === id && r.status));
const bad = config.get("badServiceId");
export const refused = bad === undefined ? undefined : invoke("getEndpointServices", { serviceId: bad });
`,
            },
        });

        // The schema, as the engine asks the plugin for it (GetSchema).
        const schema = JSON.parse((await p.mustRun(["package", "get-schema", path.join(REPO_ROOT, "bin", "pulumi-resource-privatelink")])).stdout);
        expect(schema.name).toBe("privatelink");
        expect(Object.keys(schema.resources)).toContain(SERVICE);
        expect(Object.keys(schema.functions)).toContain("privatelink:huaweicloud/vpcep:getEndpointService");

        // Bad input: refused at preview, naming the field and the rule, before any API call.
        await p.setConfig("portId", "not-a-uuid");
        const mark = await cloud.mark();
        const bad = await p.run(["preview", "--non-interactive", "--stack", p.stack]);
        expect(bad.code).not.toBe(0);
        expect(bad.stdout + bad.stderr).toMatch(/portId: "not-a-uuid" is not a valid/);
        // (The program's lookups read at preview; no resource call is made.)
        expect((await cloud.requests(mark)).filter((r) => r.api === "vpcep" && r.method !== "GET")).toEqual([]);
        await p.mustRun(["config", "rm", "portId", "--stack", p.stack]);
        // A lookup's bad argument: refused by Invoke with the same words as the TypeScript function's.
        await p.setConfig("badServiceId", "nope");
        const badLookup = await p.run(["preview", "--non-interactive", "--stack", p.stack]);
        expect(badLookup.code).not.toBe(0);
        expect(badLookup.stdout + badLookup.stderr).toMatch(/serviceId: "nope" is not a valid endpoint service id/);
        await p.mustRun(["config", "rm", "badServiceId", "--stack", p.stack]);

        const up = await p.up();
        expect(up.changeSummary.create).toBe(4); // the stack, the explicit provider, two services
        const outputs = await p.outputs();
        expect(outputs.statuses).toEqual(["available", "available"]);
        expect(outputs.publicServices).toBeGreaterThan(0);
        expect(outputs.found).toBe("available");
        const state = await p.exportState();
        const services = resourcesOfType(state, SERVICE);
        expect(services).toHaveLength(2);
        const demo = await cloud.resources("vpcep:endpoint_service");
        const consumer = await cloud.resources("vpcep:endpoint_service", "consumer");
        expect(demo).toHaveLength(1);
        expect(consumer).toHaveLength(1);
        expect(services.map((s) => s.id).sort()).toEqual([demo[0]!.id, consumer[0]!.id].sort());
        await p.expectNoChanges("preview");

        // An input that updates in place: an update with a detailed diff, not a replacement.
        await p.setConfig("approval", "true");
        const preview = await p.preview(["--diff"]);
        expect(preview.changeSummary.update).toBe(2);
        expect(preview.changeSummary.replace ?? 0).toBe(0);
        const changed = await p.up();
        expect(changed.changeSummary.update).toBe(2);
        const after = [...(await cloud.resources("vpcep:endpoint_service")), ...(await cloud.resources("vpcep:endpoint_service", "consumer"))];
        expect(after.map((s) => s.body.approval_enabled)).toEqual([true, true]);

        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service", "consumer")).toEqual([]);

        // pulumi import: a service made outside Pulumi is read by its id alone, with its inputs.
        const made = await vpcep.createEndpointService(akskClient(cloud.url, "demo"), {
            port_id: net.backendPortId,
            vpc_id: net.backendVpcId,
            server_type: "VM",
            service_type: "interface",
            approval_enabled: true,
            ports: [{ client_port: 93, server_port: 93, protocol: "TCP" }],
        });
        await p.mustRun(["import", SERVICE, "imported", made.id, "--yes", "--protect=false", "--generate-code=false", "--non-interactive", "--stack", p.stack]);
        const [imported] = resourcesOfType(await p.exportState(), SERVICE);
        expect(imported?.id).toBe(made.id);
        expect(imported?.inputs).toMatchObject({
            vpcId: net.backendVpcId,
            portId: net.backendPortId,
            ports: [{ clientPort: 93, serverPort: 93 }],
        });
        // What the object holds at the API's default is left out, as a program would leave it.
        expect(imported?.inputs?.approvalEnabled).toBeUndefined();
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });

    test("a YAML program: resources and a lookup by token, typed by the plugin's schema", async () => {
        const net = cloud.account().network;
        const yaml = await PulumiProgram.create({
            env: { ...cloud.huaweiEnv(), PATH: `${path.join(REPO_ROOT, "bin")}:${process.env.PATH}` },
            linkNodeModules: false,
            files: {
                "Pulumi.yaml": `name: native-yaml
runtime: yaml
resources:
  svc:
    type: ${SERVICE}
    properties:
      vpcId: ${net.backendVpcId}
      portId: ${net.backendPortId}
      serverType: VM
      approvalEnabled: false
      ports:
        - clientPort: 96
          serverPort: 96
  ep:
    type: privatelink:huaweicloud/vpcep:Endpoint
    properties:
      endpointServiceId: \${svc.id}
      vpcId: ${net.clientVpcId}
      subnetId: ${net.clientSubnetId}
      portIp: 10.0.0.96
variables:
  found:
    fn::invoke:
      function: privatelink:huaweicloud/vpcep:getEndpointService
      arguments:
        serviceId: \${svc.id}
outputs:
  serviceStatus: \${svc.status}
  endpointStatus: \${ep.status}
  foundStatus: \${found.status}
`,
            },
        });
        try {
            // A property the schema does not have is refused before anything runs.
            yaml.writeFile(
                "Pulumi.yaml",
                fs.readFileSync(path.join(yaml.programDir, "Pulumi.yaml"), "utf8").replace("serverType: VM", "serverType: VM\n      serverKind: VM"),
            );
            const bad = await yaml.run(["preview", "--non-interactive", "--stack", yaml.stack]);
            expect(bad.code).not.toBe(0);
            expect(bad.stdout + bad.stderr).toMatch(/serverKind/);
            yaml.writeFile("Pulumi.yaml", fs.readFileSync(path.join(yaml.programDir, "Pulumi.yaml"), "utf8").replace("\n      serverKind: VM", ""));

            await yaml.up();
            expect(await yaml.outputs()).toEqual({ serviceStatus: "available", endpointStatus: "accepted", foundStatus: "available" });
            await yaml.expectNoChanges("preview");
            await yaml.expectNoChanges("refresh");
            await yaml.destroy();
            expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
            expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        } finally {
            yaml.dispose();
        }
    });
});
