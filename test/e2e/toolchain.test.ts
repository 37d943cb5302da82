/**
 * The toolchain end to end: the real `pulumi` CLI, the language host, the dynamic-provider
 * process and this package's serialized stub, through the whole lifecycle of a resource that
 * needs no cloud (`Echo`, served by the package's runtime but not part of its public exports).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";

const ECHO = "pulumi-nodejs:dynamic/privatelink-testing:Echo";

const program = `
import * as pulumi from "@pulumi/pulumi";
import * as path from "path";
// Echo is a test fixture, not an export of the package: it is loaded from the package's files.
const { Echo } = require(path.join(require.resolve("pulumi-privatelink/package.json"), "..", "dist", "provider", "testing"));
const cfg = new pulumi.Config();
const echo = new Echo("greeting", { message: cfg.get("message") ?? "hello", label: cfg.get("label") });
export const message = echo.message;
export const revision = echo.revision;
export const echoId = echo.id;
`;

describe("the Pulumi toolchain", () => {
    test("pulumi version prints the pinned version or a newer one", () => {
        const pinned = /PULUMI_MIN_VERSION=(\S+)/.exec(fs.readFileSync(path.join(REPO_ROOT, "scripts/versions.sh"), "utf8"))?.[1];
        if (!pinned) throw new Error("scripts/versions.sh sets no PULUMI_MIN_VERSION");
        const out = execFileSync("pulumi", ["version"], { encoding: "utf8", env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" } }).trim();
        expect(out).toMatch(/^v\d+\.\d+\.\d+/);
        const version = (v: string): [number, number, number] => {
            const [major = 0, minor = 0, patch = 0] = v.split(/[.-]/).map(Number);
            return [major, minor, patch];
        };
        const [a, b] = [version(out.slice(1)), version(pinned)];
        const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
        expect(cmp).toBeGreaterThanOrEqual(0);
    });

    test("node running the suite is >= 22", () => {
        expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(22);
    });
});

describe("a dynamic resource through the real CLI", () => {
    let p: PulumiProgram;
    let store: string;
    beforeAll(async () => {
        store = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "echo-store-")), "store.json");
        p = await PulumiProgram.create({
            env: { ECHO_STORE: store },
            files: {
                "Pulumi.yaml": "name: toolchain-smoke\nruntime: nodejs\n",
                "package.json": '{"name":"toolchain-smoke","main":"index.ts"}',
                "index.ts": program,
            },
        });
    });
    afterAll(() => {
        p?.dispose();
        fs.rmSync(path.dirname(store), { recursive: true, force: true });
    });

    test("goes through preview, up, empty preview, empty refresh, update, replace, bad input and destroy", async () => {
        // preview plans the creation and creates nothing
        const pre = await p.preview();
        expect(pre.result.code).toBe(0);
        expect(pre.steps.filter((s) => s.urn.endsWith("::greeting")).map((s) => s.op)).toEqual(["create"]);
        expect(resourcesOfType(await p.exportState(), ECHO)).toHaveLength(0);

        // up creates it and returns its outputs
        const up1 = await p.up();
        expect(up1.changeSummary.create).toBe(2); // the stack and the resource
        const out1 = await p.outputs();
        expect(out1.message).toBe("hello");
        expect(out1.revision).toBe(1);

        // the serialized provider stub stays small: it is stored with every resource
        const state = await p.exportState();
        const [echo] = resourcesOfType(state, ECHO);
        if (!echo) throw new Error(`no ${ECHO} in the state after up`);
        const stub = String(echo.outputs!.__provider);
        expect(stub).toContain('require("pulumi-privatelink/runtime/v1")');
        expect(Buffer.byteLength(stub)).toBeLessThanOrEqual(2048);
        console.log(`__provider: ${Buffer.byteLength(stub)} bytes per resource`);

        // nothing to do afterwards: preview and refresh report no changes
        const again = await p.run(["preview", "--expect-no-changes", "--non-interactive"]);
        expect(again.code).toBe(0);
        const refreshed = await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"]);
        expect(refreshed.code).toBe(0);

        // ... and the same refresh does see a change made behind the program's back
        const held = JSON.parse(fs.readFileSync(store, "utf8"));
        held[String(out1.echoId)].message = "changed elsewhere";
        fs.writeFileSync(store, JSON.stringify(held));
        const drifted = await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"]);
        expect(drifted.code).not.toBe(0);
        expect(resourcesOfType(await p.exportState(), ECHO)[0]?.outputs?.message).toBe("changed elsewhere");

        // changing an updatable input updates in place
        await p.setConfig("message", "hello again");
        const pre2 = await p.preview();
        expect(pre2.steps.filter((s) => s.urn.endsWith("::greeting")).map((s) => s.op)).toEqual(["update"]);
        await p.up();
        const out2 = await p.outputs();
        expect(out2).toMatchObject({ message: "hello again", revision: 2, echoId: out1.echoId });

        // changing an immutable input replaces
        await p.setConfig("label", "blue");
        const up3 = await p.up();
        expect(up3.changeSummary.replace).toBe(1);
        const out3 = await p.outputs();
        expect(out3.echoId).not.toBe(out1.echoId);
        expect(out3.revision).toBe(1);

        // bad input fails at preview, naming the field, the value and the rule
        await p.setConfig("message", "x".repeat(70));
        const bad = await p.preview();
        expect(bad.result.code).not.toBe(0);
        expect(bad.errors.join("\n")).toMatch(/message: "x+…" has 70 characters; at most 64 are allowed/);

        // destroy removes it from the state
        await p.setConfig("message", "bye");
        const down = await p.destroy();
        expect(down.changeSummary.delete).toBe(2);
        expect(resourcesOfType(await p.exportState(), ECHO)).toHaveLength(0);
    });
});
