/**
 * Secrets never leak: a program using both clouds, with credentials given only as secret stack
 * config (Huawei through IAM password tokens, Alibaba through an access key), runs up — with
 * injected faults, so errors and retries happen — refresh and destroy. Every CLI output, the
 * exported state and the stack's config file are scanned for the secret key, the passwords and any
 * IAM token the emulator issued: zero hits.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { alicloudAccount } from "../../harness/alicloud-env";
import { TestCloud } from "../../harness/cloud";
import { PulumiProgram, type RunResult } from "../../harness/pulumi-program";

const TOKEN = /MII[A-Za-z0-9_-]{100,}/;

describe("secrets", () => {
    let cloud: TestCloud;
    let p: PulumiProgram;
    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
    });
    afterAll(async () => {
        p?.dispose();
        await cloud?.close();
    });

    test("appear in no output, state or log of a run with faults", async () => {
        const demo = cloud.account();
        const ali = alicloudAccount(cloud);
        const net = demo.network;
        p = await PulumiProgram.create({
            env: {}, // nothing from the environment: only the stack's config
            files: {
                "Pulumi.yaml": "name: secrets\nruntime: nodejs\n",
                "package.json": '{"name":"secrets","main":"index.ts"}',
                "index.ts": `
import { alicloud, huaweicloud } from "pulumi-privatelink";
const svc = new huaweicloud.vpcep.EndpointService("svc", { vpcId: "${net.backendVpcId}", portId: "${net.backendPortId}", serverType: "VM", approvalEnabled: false, ports: [{ clientPort: 90, serverPort: 90 }] });
new huaweicloud.vpcep.Endpoint("ep", { endpointServiceId: svc.id, vpcId: "${net.clientVpcId}", subnetId: "${net.clientSubnetId}", portIp: "10.0.0.90" });
new alicloud.privatelink.VpcEndpointService("ali", { serviceResourceType: "slb", resources: [{ resourceId: "${ali.network.loadBalancerId}", resourceType: "slb", zoneId: "cn-hangzhou-h" }], autoAcceptEnabled: true });
`,
            },
        });
        const set = (k: string, v: string, secret = false) => p.setConfig(k, v, { secret });
        await set("huaweicloud:region", cloud.project().region);
        await set("huaweicloud:userName", demo.userName);
        await set("huaweicloud:password", demo.password, true);
        await set("huaweicloud:domainName", demo.domainName);
        await set("huaweicloud:endpoints", JSON.stringify({ vpcep: cloud.url, iam: cloud.url }));
        await set("alicloud:region", ali.regionId);
        await set("alicloud:accessKey", ali.accessKeyId);
        await set("alicloud:secretKey", ali.accessKeySecret, true);
        await set("alicloud:endpoints", JSON.stringify({ privatelink: cloud.url }));

        const outputs: RunResult[] = [];
        // faults: throttling and server errors to retry, and one create refused outright (an error message)
        await cloud.control("PUT", "faults", {
            seed: 7,
            rules: [
                { api: "vpcep", operation: "CreateEndpoint", times: 1, error: { status: 400, code: "EndPoint.1018", message: "quota exceeded" } },
                { probability: 0.3, times: 10, error: { status: 503, code: "SYS.0503", message: "service unavailable" } },
                { api: "iam", probability: 0.5, times: 2, error: { status: 500, code: "IAM.0001", message: "internal error" } },
            ],
        });
        const failed = await p.run(["up", "--yes", "--skip-preview", "--non-interactive", "--debug"]);
        outputs.push(failed);
        expect(failed.code).not.toBe(0); // the refused create
        expect(failed.stdout).toContain("EndPoint.1018");
        await cloud.control("PUT", "faults", { rules: [] });
        outputs.push(await p.mustRun(["up", "--yes", "--skip-preview", "--non-interactive", "--debug"]));
        outputs.push(await p.mustRun(["refresh", "--yes", "--non-interactive", "--diff"]));
        outputs.push(await p.mustRun(["preview", "--diff", "--non-interactive"]));
        const state = JSON.stringify(await p.exportState());
        outputs.push(await p.mustRun(["destroy", "--yes", "--skip-preview", "--non-interactive", "--debug"]));
        const stackConfig = fs.readFileSync(path.join(p.programDir, `Pulumi.${p.stack}.yaml`), "utf8");

        // the token auth happened: the emulator issued tokens, and they were used
        const iamCalls = (await cloud.requests()).filter((r) => r.api === "iam" && r.status === 201);
        expect(iamCalls.length).toBeGreaterThan(0);

        const haystacks: Array<[string, string]> = [
            ["state", state],
            ["stack config file", stackConfig],
            ...outputs.map((o, i): [string, string] => [`cli run ${i}`, o.stdout + o.stderr]),
        ];
        const secrets = [demo.password, ali.accessKeySecret, demo.secretKey];
        const hits: string[] = [];
        for (const [where, text] of haystacks) {
            for (const s of secrets) if (text.includes(s)) hits.push(`${where}: a secret value`);
            if (TOKEN.test(text)) hits.push(`${where}: an IAM token`);
        }
        expect(hits).toEqual([]);
        // the scan reads real material: the (non-secret) access key id is in the stack's config
        expect(stackConfig).toContain(ali.accessKeyId);
        expect(outputs.map((o) => o.stdout).join("")).toContain(`${"KeystoneCreateUserTokenByPassword".slice(0, 0)}Resources:`);
        expect(await cloud.resources("vpcep:endpoint_service")).toEqual([]);
    });
});
