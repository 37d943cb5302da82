/**
 * What a demanding user expects of the VPCEP resources beyond the happy path, with the real CLI
 * against the emulator: the approval flow, adoption, bad input at preview with no API call, a
 * creation the cloud fails, a creation whose response is lost, and a burst over the rate limit.
 */
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";
import { signedHuaweiRequest } from "../helpers/huawei-request";

const PKG = `{"name":"t","main":"index.ts"}`;
const YAML = (name: string) => `name: ${name}\nruntime: nodejs\n`;

describe("VPCEP resources with the real CLI", () => {
    let cloud: TestCloud;
    const programs: PulumiProgram[] = [];
    const program = async (opts: Parameters<typeof PulumiProgram.create>[0]) => {
        const p = await PulumiProgram.create({ env: cloud.huaweiEnv(), ...opts });
        programs.push(p);
        return p;
    };

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterEach(async () => {
        await cloud.control("PUT", "faults", { rules: [] });
        await cloud.control("PUT", "timings", "fast");
    });
    afterAll(async () => {
        for (const p of programs) p.dispose();
        await cloud?.close();
    });

    test("approval: the endpoint waits in pendingAcceptance until the owner's ConnectionApproval accepts it", async () => {
        await cloud.control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterReads: 1 } }, "vpcep:endpoint": { create: { afterReads: 1 } } });
        const p = await program({ fromDir: path.join(REPO_ROOT, "examples/vpcep-approval") });
        const net = cloud.account().network;
        for (const [k, v] of Object.entries({
            backendVpcId: net.backendVpcId,
            backendPortId: net.backendPortId,
            clientVpcId: net.clientVpcId,
            clientSubnetId: net.clientSubnetId,
            consumerAccountId: cloud.account("consumer").domainId,
        })) {
            await p.setConfig(k, v);
        }
        await p.up();
        const out = await p.outputs();
        expect(out.endpointStatusWhenCreated).toBe("pendingAcceptance");
        expect(out.connectionStatus).toBe("accepted");
        expect(out.permissionGranted).toBe(`iam:domain::${cloud.account("consumer").domainId}`);
        const ep = await cloud.resource("vpcep:endpoint");
        expect(ep.status).toBe("accepted");
        await p.expectNoChanges("preview");
        await p.expectNoChanges("refresh");

        // the owner changes its mind: rejecting updates the approval in place
        await p.setConfig("decision", "reject");
        const mark = await cloud.mark();
        const up = await p.up();
        expect(up.changeSummary.update).toBe(1);
        expect((await cloud.requests(mark)).map((r) => r.operation)).toContain("AcceptOrRejectEndpoint");
        expect((await cloud.resource("vpcep:endpoint")).status).toBe("rejected");

        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });

    test("bad input fails at preview naming field, value and rule, with no API request", async () => {
        const net = cloud.account().network;
        const p = await program({
            files: {
                "Pulumi.yaml": YAML("bad-input"),
                "package.json": PKG,
                "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
new huaweicloud.vpcep.EndpointService("bad", {
    vpcId: "${net.backendVpcId}", portId: "not-a-uuid", serverType: "VM",
    serviceName: "this-name-is-far-too-long",
    ports: [{ clientPort: 8080, serverPort: 80 }, { clientPort: 70000, serverPort: 80 }, { clientPort: 8080, serverPort: 80 }],
    tags: { "bad=key": "v" },
});
`,
            },
        });
        const p2 = await program({
            files: {
                "Pulumi.yaml": YAML("bad-input-endpoint"),
                "package.json": PKG,
                "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
new huaweicloud.vpcep.Endpoint("bad-endpoint", { endpointServiceId: "${net.backendVpcId}", vpcId: "${net.clientVpcId}", subnetId: "${net.clientSubnetId}", whitelist: ["10.0.0.0/33"] });
`,
            },
        });
        const mark = await cloud.mark();
        const pre = await p.preview();
        expect(pre.result.code).not.toBe(0);
        const errors = pre.errors.join("\n");
        expect(errors).toContain('portId: "not-a-uuid" is not a valid port id');
        expect(errors).toContain('serviceName: "this-name-is-far-too-long" must be 1–16 letters, digits, _ or -');
        expect(errors).toContain("ports[1].clientPort: 70000 is out of range 1–65535");
        expect(errors).toContain('tags: key "bad=key" contains one of = * < > \\ , | / which tag keys cannot contain');
        const pre2 = await p2.preview();
        expect(pre2.result.code).not.toBe(0);
        const errors2 = pre2.errors.join("\n");
        expect(errors2).toContain('whitelist[0]: "10.0.0.0/33" is not an IPv4 address or CIDR block');
        expect(await cloud.requests(mark)).toEqual([]);
    });

    test("a creation the cloud fails is reported with the cloud's message and leaves nothing behind", async () => {
        await cloud.control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterReads: 1 }, failNamesMatching: "^doomed" } });
        const net = cloud.account().network;
        const p = await program({
            files: {
                "Pulumi.yaml": YAML("cloud-failure"),
                "package.json": PKG,
                "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
new huaweicloud.vpcep.EndpointService("doomed", { vpcId: "${net.backendVpcId}", portId: "${net.backendPortId}", serverType: "VM", serviceName: "doomed", ports: [{ clientPort: 81, serverPort: 81 }] });
`,
            },
        });
        const r = await p.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
        expect(r.code).not.toBe(0);
        expect(r.stdout + r.stderr).toMatch(/creation failed and [0-9a-f-]{36} was removed: .*failed/);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        const state = await p.exportState();
        expect((state.deployment.resources ?? []).filter((x) => x.type.includes("EndpointService"))).toEqual([]);
    });

    test("a creation whose response is lost ends with exactly one service, recorded in the state", async () => {
        await cloud.control("PUT", "faults", { rules: [{ api: "vpcep", operation: "CreateEndpointService", drop: "after", times: 1 }] });
        const mark = await cloud.mark();
        const net = cloud.account().network;
        const p = await program({
            files: {
                "Pulumi.yaml": YAML("lost-response"),
                "package.json": PKG,
                "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
const s = new huaweicloud.vpcep.EndpointService("lost", { vpcId: "${net.backendVpcId}", portId: "${net.backendPortId}", serverType: "VM", ports: [{ clientPort: 82, serverPort: 82 }] });
export const id = s.id;
`,
            },
        });
        await p.up();
        const services = await cloud.resources("vpcep:endpoint_service");
        expect(services).toHaveLength(1);
        expect((await p.outputs()).id).toBe(services[0]?.id);
        const creates = (await cloud.requests(mark)).filter((r) => r.operation === "CreateEndpointService");
        expect(creates).toHaveLength(1); // adopted by its marker, not created twice
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });

    test("a creation whose outcome stays unknown to its time limit is recorded; the next up replaces it and destroy leaves nothing", async () => {
        const net = cloud.account().network;
        // The create is performed and its answer lost; the look-ups for it are refused until the time limit.
        const lost = {
            rules: [
                { api: "vpcep", operation: "CreateEndpointService", drop: "after", times: 1 },
                { api: "vpcep", operation: "ListEndpointServices", error: { status: 403, code: "VPC.0015", message: "no permission (test)" } },
            ],
        };
        await cloud.control("PUT", "faults", lost);
        const p = await program({
            files: {
                "Pulumi.yaml": YAML("outcome-unknown"),
                "package.json": PKG,
                "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
const s = new huaweicloud.vpcep.EndpointService("unknown", {
    vpcId: "${net.backendVpcId}", portId: "${net.backendPortId}", serverType: "VM", ports: [{ clientPort: 84, serverPort: 84 }],
    timeouts: { create: "3s" },
});
export const id = s.id;
`,
            },
        });
        const failed = await p.run(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack]);
        expect(failed.code).not.toBe(0);
        expect(failed.stdout + failed.stderr).toContain("the outcome of creating it is unknown");
        const made = await cloud.resources("vpcep:endpoint_service");
        expect(made).toHaveLength(1);
        const [recorded] = resourcesOfType(await p.exportState(), "pulumi-nodejs:dynamic/huaweicloud-vpcep:EndpointService");
        expect(recorded?.id).toMatch(/^outcome-unknown-[0-9a-f]{32}$/);

        // destroy removes what the lost call made, found by the recorded token.
        await cloud.control("PUT", "faults", { rules: [] });
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);

        // The same again, then an up: the recorded creation is replaced by exactly one service.
        await cloud.control("PUT", "faults", lost);
        expect((await p.run(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", p.stack])).code).not.toBe(0);
        await cloud.control("PUT", "faults", { rules: [] });
        const up = await p.up();
        expect(up.changeSummary.replace).toBe(1);
        const services = await cloud.resources("vpcep:endpoint_service");
        expect(services).toHaveLength(1);
        expect((await p.outputs()).id).toBe(services[0]!.id);
        await p.expectNoChanges("preview");
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });

    test("a burst over the account's rate limit is paced: no call refused twice, nothing fails or is left", async () => {
        await cloud.control("PUT", "limits", { requestsPerSecond: 4 });
        try {
            const net = cloud.account().network;
            const p = await program({
                files: {
                    "Pulumi.yaml": YAML("throttled-burst"),
                    "package.json": PKG,
                    "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
const s = new huaweicloud.vpcep.EndpointService("svc", { vpcId: "${net.backendVpcId}", portId: "${net.backendPortId}", serverType: "VM", ports: [{ clientPort: 83, serverPort: 83 }] });
for (let i = 0; i < 16; i++) new huaweicloud.vpcep.Endpoint("ep" + i, { endpointServiceId: s.id, vpcId: "${net.clientVpcId}", subnetId: "${net.clientSubnetId}", portIp: "10.0.0." + (60 + i) });
`,
                },
            });
            const mark = await cloud.mark();
            const up = await p.up();
            expect(up.changeSummary.create).toBe(18); // the stack, the service and 16 endpoints
            expect(await cloud.resources("vpcep:endpoint")).toHaveLength(16);
            const log = (await cloud.requests(mark)).filter((r) => r.api === "vpcep");
            // The burst of creates is refused beyond the limit until the provider has read the limit
            // the gateway states; from then on its calls are paced, so no call is refused twice.
            expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
            expect(Math.max(...log.map((r) => r.attempt ?? 1))).toBeLessThanOrEqual(2);
            expect(log.filter((r) => r.operation === "CreateEndpoint" && r.status === 200)).toHaveLength(16);
            await p.expectNoChanges("preview");
            await p.destroy();
            expect(await cloud.resources("vpcep:endpoint")).toEqual([]);
            expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
        } finally {
            await cloud.control("PUT", "limits", { requestsPerSecond: null });
        }
    });

    test("adopt brings an existing service under management without recreating it", async () => {
        const demo = cloud.account();
        const net = demo.network;
        const made = await signedHuaweiRequest(cloud.url, demo, "POST", `/v1/${cloud.project().id}/vpc-endpoint-services`, {
            vpc_id: net.backendVpcId,
            port_id: net.backendPortId,
            server_type: "VM",
            approval_enabled: false,
            ports: [{ client_port: 83, server_port: 83, protocol: "TCP" }],
            description: "made by hand",
        });
        expect(made.status).toBe(200);
        const existing = made.json.id as string;
        const src = (ports: string, desc: string, adopt = true) => `
import { huaweicloud } from "pulumi-privatelink";
const s = new huaweicloud.vpcep.EndpointService("adopted", { ${adopt ? `adopt: "${existing}", ` : ""}vpcId: "${net.backendVpcId}", portId: "${net.backendPortId}", serverType: "VM", approvalEnabled: false, ports: ${ports}, description: "${desc}" });
export const id = s.id;
`;
        const p = await program({
            files: { "Pulumi.yaml": YAML("adopt"), "package.json": PKG, "index.ts": src("[{ clientPort: 84, serverPort: 84 }]", "made by hand") },
        });

        // a mismatch in an input that cannot change in place is refused, nothing is touched
        p.writeFile("index.ts", src("[{ clientPort: 83, serverPort: 83 }]", "made by hand").replace('serverType: "VM"', 'serverType: "LB"'));
        const refused = await p.run(["up", "--yes", "--skip-preview", "--non-interactive"]);
        expect(refused.code).not.toBe(0);
        expect(refused.stdout).toMatch(/serverType: the object has "VM", the program wants "LB"/);

        // matching: adopted as is, updatable differences applied in place
        p.writeFile("index.ts", src("[{ clientPort: 83, serverPort: 83 }]", "managed now"));
        const mark = await cloud.mark();
        await p.up();
        expect((await p.outputs()).id).toBe(existing);
        const ops = (await cloud.requests(mark)).map((r) => r.operation);
        expect(ops).not.toContain("CreateEndpointService");
        expect(ops).toContain("UpdateEndpointService");
        expect((await cloud.resources("vpcep:endpoint_service")).map((s) => [s.id, s.body.description])).toEqual([[existing, "managed now"]]);

        // dropping `adopt` afterwards changes nothing in the cloud
        p.writeFile("index.ts", src("[{ clientPort: 83, serverPort: 83 }]", "managed now", false));
        const m2 = await cloud.mark();
        await p.up();
        expect((await cloud.requests(m2)).map((r) => r.operation).filter((o) => /^(Create|Delete)/.test(o))).toEqual([]);
        await p.expectNoChanges("preview");
        await p.destroy();
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });

    test("credentials in plain-text stack config draw a warning; secret ones do not, and neither reaches the state", async () => {
        const demo = cloud.account();
        const env = cloud.huaweiEnv();
        delete (env as any).HW_SECRET_KEY;
        const p = await PulumiProgram.create({
            env,
            files: {
                "Pulumi.yaml": YAML("plain-secret"),
                "package.json": PKG,
                "index.ts": `
import { huaweicloud } from "pulumi-privatelink";
new huaweicloud.vpcep.ServicePermission("p", { endpointServiceId: "${demo.network.backendVpcId}", permission: "*" });
`,
            },
        });
        programs.push(p);
        await p.setConfig("huaweicloud:secretKey", demo.secretKey);
        const plain = await p.run(["preview", "--non-interactive"]);
        expect(plain.stdout).toContain(
            "huaweicloud:secretKey is stored in plain text in the stack's config; store it encrypted instead: pulumi config set --secret huaweicloud:secretKey <value>",
        );
        expect(plain.stdout).not.toContain(demo.secretKey);
        await p.setConfig("huaweicloud:secretKey", demo.secretKey, { secret: true });
        const secret = await p.run(["preview", "--non-interactive"]);
        expect(secret.stdout).not.toContain("stored in plain text");
    });
});
