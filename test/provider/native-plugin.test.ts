/**
 * The plugin as the engine starts it: the shim (`bin/pulumi-resource-privatelink`) runs the bundle
 * (dist/plugin, built by `npm run build` and set-up), which prints its port and answers a real gRPC
 * client — GetPluginInfo, GetSchema, and the requests that load a resource kind's chunk and a
 * lookup's (Check and Invoke with input they refuse), and Configure, whose settings a lookup's cloud
 * client then uses against the emulator. Without the CLI.
 */
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { TestCloud } from "../../harness/cloud";
import { FUNCTION_TOKENS } from "../../provider/native/functions";
import { emptyproto, grpc, proto, provrpc, structproto } from "../../provider/native/protocol";

const ROOT = path.join(__dirname, "..", "..");
const SHIM = path.join(ROOT, "bin", "pulumi-resource-privatelink");
const BUNDLE = path.join(ROOT, "dist", "plugin", "pulumi-resource-privatelink.mjs");

// The client speaks through the same library and messages as the plugin.

type Client = Record<string, (req: unknown, cb: (err: Error | null, res: any) => void) => void> & { close(): void };

/** Calls one method of the client, as a promise. */
function rpc<T>(client: Client, method: string, req: unknown): Promise<T> {
    return new Promise((resolve, reject) => client[method]!(req, (err, res) => (err ? reject(err) : resolve(res as T))));
}

/** This process's environment without any cloud's settings: the plugin gets them from Configure only. */
const envWithoutClouds = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(HW_|ALIBABA_|ALICLOUD_|PULUMI_CONFIG)/.test(k)));

/** Starts the shim and waits for the port line. */
async function startPlugin(): Promise<{ child: ChildProcess; port: number }> {
    const child = spawn(SHIM, [], { env: envWithoutClouds(), stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr!.on("data", (d) => {
        err += d;
    });
    const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (d) => {
            out += d;
            if (out.includes("\n")) resolve(Number(out.split("\n")[0]));
        });
        child.on("exit", (code) => reject(new Error(`the plugin exited ${code} before printing its port: ${err}`)));
    });
    return { child, port };
}

describe("the plugin started by its shim", () => {
    let child: ChildProcess;
    let client: Client;

    beforeAll(async () => {
        if (!fs.existsSync(BUNDLE)) throw new Error(`${path.relative(ROOT, BUNDLE)} is missing: npm run build writes it`);
        const started = await startPlugin();
        child = started.child;
        client = new provrpc.ResourceProviderClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure()) as Client;
    });
    afterAll(() => {
        client?.close();
        child?.kill();
    });

    test("runs the bundle (the shim execs node on it)", () => {
        // Linux names a process's arguments in /proc; the shim's exec makes node this very process.
        const argv = fs.readFileSync(`/proc/${child.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
        expect(argv.slice(1).map((a) => path.resolve(a))).toEqual([BUNDLE]);
    });

    test("answers GetPluginInfo with the package's version", async () => {
        const info = await rpc<{ getVersion(): string }>(client, "getPluginInfo", new emptyproto.Empty());
        const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
        expect(info.getVersion()).toBe(version);
    });

    test("answers GetSchema with schema.json, whose every function the plugin serves", async () => {
        const res = await rpc<{ getSchema(): string }>(client, "getSchema", new proto.GetSchemaRequest());
        expect(res.getSchema()).toBe(fs.readFileSync(path.join(ROOT, "schema.json"), "utf8"));
        const schema = JSON.parse(res.getSchema()) as { name: string; functions: Record<string, unknown> };
        expect(schema.name).toBe("privatelink");
        expect([...FUNCTION_TOKENS].sort()).toEqual(Object.keys(schema.functions).sort());
    });

    test("loads a resource kind on Check and refuses its bad input, naming the field", async () => {
        const req = new proto.CheckRequest()
            .setUrn("urn:pulumi:dev::p::privatelink:huaweicloud/vpcep:EndpointService::svc")
            .setType("privatelink:huaweicloud/vpcep:EndpointService")
            .setNews(
                structproto.Struct.fromJavaScript({
                    vpcId: "not-a-uuid",
                    portId: "not-a-uuid",
                    serverType: "VM",
                    ports: [{ clientPort: 70000, serverPort: 80 }],
                }),
            );
        const res = await rpc<provproto.CheckResponse>(client, "check", req);
        const failures = res.getFailuresList().map((f) => `${f.getProperty()}: ${f.getReason()}`);
        expect(failures.join("\n")).toMatch(/ports\[0\]\.clientPort/);
    });

    test("loads a lookup on Invoke and refuses its bad argument with the rule", async () => {
        const req = new proto.InvokeRequest()
            .setTok("privatelink:huaweicloud/vpcep:getEndpointServices")
            .setArgs(structproto.Struct.fromJavaScript({ serviceId: "nope" }));
        const res = await rpc<provproto.InvokeResponse>(client, "invoke", req);
        expect(res.getFailuresList().map((f) => f.getReason())).toEqual([expect.stringMatching(/serviceId.*nope/)]);
    });

    test("takes its settings from Configure: a lookup's client calls the emulator with them", async () => {
        const cloud = await TestCloud.start({ timings: "fast" });
        try {
            const a = cloud.account("consumer");
            const args = {
                huaweicloudRegion: cloud.project("consumer").region,
                huaweicloudProjectId: cloud.project("consumer").id,
                huaweicloudAccessKey: a.accessKey,
                huaweicloudSecretKey: a.secretKey,
                huaweicloudEndpoints: { vpcep: cloud.url, iam: cloud.url },
            };
            await rpc(client, "configure", new proto.ConfigureRequest().setArgs(structproto.Struct.fromJavaScript(args)));
            const mark = await cloud.mark();
            const req = new proto.InvokeRequest().setTok("privatelink:huaweicloud/vpcep:getPublicServices").setArgs(structproto.Struct.fromJavaScript({}));
            const res = await rpc<provproto.InvokeResponse>(client, "invoke", req);
            expect(res.getFailuresList()).toEqual([]);
            const services = (res.getReturn()!.toJavaScript() as { services: unknown[] }).services;
            expect(services.length).toBeGreaterThan(0);
            // signed with the configured account's keys (the emulator names who signed each request)
            const accounts = (await cloud.requests(mark)).map((r) => r.account);
            expect(accounts.length).toBeGreaterThan(0);
            for (const who of accounts) expect([a.name, a.domainId]).toContain(who);
        } finally {
            await cloud.close();
        }
    });
});
