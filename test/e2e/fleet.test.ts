/**
 * examples/fleet with the real CLI, through the Automation API: four environments, two at a time,
 * against the emulator, state in a file backend. One environment's input is bad (an endpoint
 * address that is no IPv4 address): that stack fails at its check and the three others come up;
 * the fleet's progress lines tell which stacks run, wait, are done or failed; a second run changes
 * nothing; `preview --refresh --expect-no-changes` (a CI check) passes the unchanged stacks, fails
 * one changed out of band and a new environment, and leaves no stack for the new one; destroy
 * leaves neither cloud objects nor stacks.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TestCloud } from "../../harness/cloud";
import { REPO_ROOT } from "../../harness/pulumi-program";
import { signedHuaweiRequest } from "../helpers/huawei-request";

const FLEET = path.join(REPO_ROOT, "examples", "fleet", "fleet.ts");

describe("examples/fleet: four environments, two at a time", () => {
    let cloud: TestCloud;
    let dir: string;

    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-fleet-"));
        fs.mkdirSync(path.join(dir, "home"));
        fs.writeFileSync(
            path.join(dir, "environments.json"),
            JSON.stringify({
                environments: [
                    { name: "team-a", endpointIp: "10.0.0.101" },
                    { name: "team-b", endpointIp: "10.0.0.999" },
                    { name: "team-c", endpointIp: "10.0.0.103", domain: "c.corp.example.com" },
                    { name: "team-d", endpointIp: "10.0.0.104" },
                ],
            }),
        );
    });
    afterAll(async () => {
        fs.rmSync(dir, { recursive: true, force: true });
        await cloud?.close();
    });

    /** Runs the fleet (the example's entry through ts-node, as its README says); resolves with its exit code, output and JSON report. */
    const fleet = (command: string, ...extra: string[]) =>
        new Promise<{ code: number | null; out: string; report: any }>((resolve, reject) => {
            const json = path.join(dir, `${command}.json`);
            const child = spawn(
                process.execPath,
                [
                    "-r",
                    "ts-node/register/transpile-only",
                    FLEET,
                    command,
                    "--environments",
                    path.join(dir, "environments.json"),
                    "--parallel",
                    "2",
                    "--json",
                    json,
                    ...extra,
                ],
                {
                    cwd: path.dirname(FLEET),
                    env: {
                        ...process.env,
                        ...cloud.huaweiEnv(),
                        PATH: `${path.join(REPO_ROOT, "bin")}${path.delimiter}${process.env.PATH}`,
                        PULUMI_HOME: path.join(dir, "home"),
                        PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
                        PULUMI_CONFIG_PASSPHRASE: "fleet-passphrase",
                        PULUMI_SKIP_UPDATE_CHECK: "true",
                        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
                        PRIVATELINK_SHARED_PACE_DIR: path.join(dir, "pace"),
                        TS_NODE_SWC: "true",
                    },
                    stdio: ["ignore", "pipe", "pipe"],
                },
            );
            let out = "";
            child.stdout.on("data", (d) => (out += d));
            child.stderr.on("data", (d) => (out += d));
            child.on("error", reject);
            child.on("close", (code) => resolve({ code, out, report: fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : undefined }));
        });
    const phase = (report: any, operation: string) => report.phases.find((p: any) => p.operation === operation).results as any[];
    const objects = async () => (await cloud.resources()).filter((r) => r.api === "vpcep" || r.api === "dns").map((r) => `${r.api}:${r.kind}`);

    test("brings up every good environment though one fails, changes nothing the second time, and destroys them all", async () => {
        const up = await fleet("up");
        expect(up.code).toBe(1); // one stack failed
        const results = phase(up.report, "up");
        expect(results.map((r) => [r.stack, r.ok])).toEqual([
            ["team-a", true],
            ["team-b", false],
            ["team-c", true],
            ["team-d", true],
        ]);
        for (const r of results.filter((x) => x.ok)) expect(r.changes).toEqual({ create: 3 });
        expect(results[1].error).toContain("portIp");
        // progress while it ran: starts with the counts, objects as they are made, the failure, the totals
        expect(up.out).toMatch(/team-a: up started \(running 1, waiting 3, done 0, failed 0\)/);
        expect(up.out).toMatch(/team-c: create Endpoint service/);
        expect(up.out).toMatch(/team-b: up FAILED: .*portIp/);
        expect(up.out).toMatch(/up: 4 stacks in [\d.]+ s — 3 ok, 1 failed; objects: create 9/);
        // the shared stack's two objects and three environments of three; the failed stack's rule,
        // which does not wait for its endpoint, may have been made before the engine stopped (it
        // is in that stack's state: destroy removes it below)
        const good = (await cloud.resources()).filter(
            (r) => (r.api === "vpcep" || r.api === "dns") && !(r.api === "dns" && r.kind === "resolver_rule" && r.body.name === "team-b-corp"),
        );
        expect(good.map((r) => `${r.api}:${r.kind}`).sort()).toEqual(
            ["dns:endpoint", ...Array(3).fill("dns:resolver_rule"), ...Array(3).fill("vpcep:endpoint"), "vpcep:endpoint_service"].sort(),
        );
        // the three associations are on the good stacks' rules
        expect(good.filter((r) => r.api === "dns" && r.kind === "resolver_rule").map((r) => r.body.routers?.length)).toEqual([1, 1, 1]);

        const again = await fleet("up");
        for (const r of phase(again.report, "up").filter((x) => x.ok)) expect(r.changes).toEqual({ same: 3 });
        expect(phase(again.report, "up shared")[0].changes).toEqual({ same: 2 });

        // The CI check: team-a's rule changed by hand, and a new environment in the file.
        const ruleA = (await cloud.resources("dns:resolver_rule")).find((r) => r.body.name === "team-a-corp")!;
        const put = await signedHuaweiRequest(cloud.url, cloud.account(), "PUT", `/v2.1/resolverrules/${ruleA.id}`, { ipaddresses: [{ ip: "10.1.0.99" }] });
        expect(put.status).toBeLessThan(300);
        const file = path.join(dir, "environments.json");
        const listed = JSON.parse(fs.readFileSync(file, "utf8"));
        fs.writeFileSync(file, JSON.stringify({ environments: [...listed.environments, { name: "team-e", endpointIp: "10.0.0.105" }] }));
        const mark = await cloud.mark();
        const check = await fleet("preview", "--refresh", "--expect-no-changes");
        fs.writeFileSync(file, JSON.stringify(listed));
        expect(check.code).toBe(1);
        const checked = phase(check.report, "preview (refreshed)");
        expect(checked.map((r) => [r.stack, r.ok])).toEqual([
            ["team-a", false],
            ["team-b", false],
            ["team-c", true],
            ["team-d", true],
            ["team-e", false],
        ]);
        expect(checked[0].error).toMatch(/would change: update 1/);
        expect(checked[4].error).toMatch(/would change: create 3/);
        for (const i of [2, 3]) expect(checked[i].changes).toEqual({ same: 3 });
        expect(check.out).toMatch(/team-a: would update ResolverRule corporate/);
        // A preview changes nothing in the cloud, and leaves no stack for the new environment.
        expect((await cloud.requests(mark)).filter((r) => r.method !== "GET").map((r) => r.operation)).toEqual([]);
        expect(fs.existsSync(path.join(dir, "backend", ".pulumi", "stacks", "privatelink-fleet", "team-e.json"))).toBe(false);

        const down = await fleet("destroy");
        expect(down.code).toBe(0);
        const destroyed = phase(down.report, "destroy");
        expect(destroyed.map((r) => [r.stack, r.ok])).toEqual([
            ["team-a", true],
            ["team-b", true],
            ["team-c", true],
            ["team-d", true],
        ]);
        for (const i of [0, 2, 3]) expect(destroyed[i].changes).toEqual({ delete: 3 });
        // what the failed stack made before its endpoint was refused (the rule, started alongside) goes too
        expect(destroyed[1].changes.delete ?? 0).toBeLessThanOrEqual(2);
        expect(await objects()).toEqual([]);
        const stacks = path.join(dir, "backend", ".pulumi", "stacks", "privatelink-fleet");
        expect(fs.existsSync(stacks) ? fs.readdirSync(stacks).filter((f) => f.endsWith(".json")) : []).toEqual([]);
    }, 900_000);
});
