/**
 * A lookup's failure, as a program prints it: one plain message that names the function, the
 * cloud's code and request id, and what to check — no stack trace, no inspected properties, no
 * `promise: Promise { <rejected> … }`. Pulumi's run script prints a `RunError` as its message and
 * anything else with `util.inspect(err, { colors: true })`: both are checked, in this process and
 * in a `node` process running the built package (dist/) as a program would.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as util from "node:util";
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud, LookupNotFoundError } from "../../index";
import { setStackConfig, stackConfig } from "../../provider/config/stack-config";
import { explainRefusal } from "../../provider/huaweicloud/connect";
import { configFromProvider } from "../../provider/native/config";
import { AuthError } from "../../sdk/core/errors";
import { cloudForThisProcess } from "../helpers/process-cloud";

const REPO_ROOT = path.join(__dirname, "..", "..");
const vpcep = huaweicloud.vpcep;

/** Runs `f` with this process's environment changed by `env` (undefined removes a variable). */
async function withEnv<T>(env: Record<string, string | undefined>, f: () => Promise<T>): Promise<T> {
    const saved = { ...process.env };
    for (const [k, v] of Object.entries(env)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    try {
        return await f();
    } finally {
        process.env = saved;
    }
}

/** Runs `node script` (asynchronously: the emulator answering it lives in this process). */
function runNode(script: string, env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [script], { env, timeout: 30_000 });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout, stderr }));
    });
}

/** What Pulumi's run script would print, and what inspect prints. */
function printed(e: unknown): { run: string; inspected: string } {
    const err = e as Error;
    return { run: pulumi.RunError.isInstance(err) ? err.message : util.inspect(err, { colors: true }), inspected: util.inspect(err, { colors: true }) };
}

const PLAIN_AUTH =
    /^huaweicloud\.vpcep\.getPublicService: vpcep ListServicePublicDetails failed: APIGW\.0301: Incorrect IAM authentication information: verify aksk signature fail \(HTTP 401, request id [0-9a-f]{32}\)\. Check huaweicloud:accessKey and huaweicloud:secretKey \(HW_ACCESS_KEY, HW_SECRET_KEY\): Huawei Cloud refused them in region cn-north-4, project [0-9a-f]{32}\.$/;

describe("a lookup's failure reads as one plain message", () => {
    const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

    test("a wrong secret key: the cloud's code, the request id and the settings to check, as a RunError, keeping its class", async () => {
        await withEnv({ HW_SECRET_KEY: "wrong-secret" }, async () => {
            const e = await vpcep.getPublicService({ serviceName: "obs", serviceType: "gateway" }).catch((x) => x);
            expect(e).toBeInstanceOf(AuthError);
            expect(e).toMatchObject({ code: "APIGW.0301", httpStatus: 401 });
            const { run, inspected } = printed(e);
            expect(run).toMatch(PLAIN_AUTH);
            expect(inspected).toBe(`[${run}]`);
        });
    });

    test("missing credentials and a lookup that finds nothing print plain too; a refusal with a token names the token", async () => {
        await withEnv({ HW_ACCESS_KEY: undefined, HW_SECRET_KEY: undefined }, async () => {
            const e = await vpcep.getPublicServices({ serviceName: "obs" }).catch((x) => x);
            expect(printed(e).run).toMatch(/^huaweicloud\.vpcep\.getPublicServices: no Huawei Cloud credentials found\. Set them in stack config:\n/);
            expect(printed(e).inspected).toBe(`[${printed(e).run}]`);
        });
        await withEnv({ HW_ACCESS_KEY: undefined, HW_SECRET_KEY: undefined, HW_AUTH_TOKEN: "not-a-token" }, async () => {
            const e = await vpcep.getPublicServices({ serviceName: "obs" }).catch((x) => x);
            expect(printed(e).run).toMatch(/Check huaweicloud:authToken \(HW_AUTH_TOKEN\): Huawei Cloud refused them in region cn-north-4/);
        });
        const none = await vpcep.getPublicService({ serviceName: "no-such-service" }).catch((x) => x);
        expect(none).toBeInstanceOf(LookupNotFoundError);
        expect(printed(none)).toEqual({
            run: 'huaweicloud.vpcep.getPublicService: found no public endpoint service with serviceName "no-such-service".',
            inspected: '[huaweicloud.vpcep.getPublicService: found no public endpoint service with serviceName "no-such-service".]',
        });
    });

    test("a program on the built package prints it without a stack trace or a promise", async () => {
        if (!fs.existsSync(path.join(REPO_ROOT, "dist", "index.js")))
            throw new Error("dist/index.js is missing: build the package first (tsc -p tsconfig.json)");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lookup-errors-"));
        const script = path.join(dir, "program.js");
        // The Output form's rejection is left unhandled, as a program's would be.
        fs.writeFileSync(
            script,
            `const { huaweicloud } = require(${JSON.stringify(path.join(REPO_ROOT, "dist"))});\n` +
                `huaweicloud.vpcep.getPublicServiceOutput({ serviceName: "obs", serviceType: "gateway" }).apply((s) => console.log(s.id));\n`,
        );
        try {
            const r = await runNode(script, { ...process.env, ...cloudOf().huaweiEnv(), HW_SECRET_KEY: "wrong-secret" });
            expect(r.status).not.toBe(0);
            expect(r.stdout).toBe("");
            const lines = r.stderr.split("\n");
            expect(lines.filter((l) => PLAIN_AUTH.test(l.replace(/^\[|\]$/g, "")))).toHaveLength(1);
            expect(r.stderr).not.toMatch(/^\s+at /m);
            expect(r.stderr).not.toContain("Promise {");
            expect(r.stderr).not.toMatch(/\b(kind|requestId|cloudMessage):/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    test("what to check names the keys as the user sets them (the native plugin's own), and a refused permission names the call", () => {
        const refused = (httpStatus: number) =>
            new AuthError({ api: "vpcep", operation: "ListEndpoints", code: httpStatus === 401 ? "APIGW.0301" : "APIGW.0302", message: "refused", httpStatus });
        const saved = stackConfig();
        try {
            configFromProvider(
                { huaweicloudRegion: "cn-south-1", huaweicloudProjectId: "b".repeat(32), huaweicloudAccessKey: "AK", huaweicloudSecretKey: "SK" },
                {},
            );
            expect(explainRefusal(refused(401))).toBe(
                `Check privatelink:huaweicloudAccessKey and privatelink:huaweicloudSecretKey (HW_ACCESS_KEY, HW_SECRET_KEY): Huawei Cloud refused them in region cn-south-1, project ${"b".repeat(32)}.`,
            );
            expect(explainRefusal(refused(403))).toBe(
                `These credentials may not call vpcep ListEndpoints in region cn-south-1, project ${"b".repeat(32)}: check the IAM user's permissions.`,
            );
        } finally {
            setStackConfig(saved);
        }
    });
});
