/**
 * This stack's record of interrupted creations, read from a file backend's checkpoint without the
 * CLI: the project layout and the older one, gzipped or not, a half-written file left to the CLI,
 * and the pending creations (with their tokens) it lists.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { pendingCreationsOf, readFileCheckpoint } from "../../provider/runtime/stack-record";

const URN = "urn:pulumi:dev::shop::pulumi-nodejs:dynamic/huaweicloud-vpcep:Endpoint::ep";
const checkpoint = {
    version: 3,
    checkpoint: {
        stack: "organization/shop/dev",
        latest: {
            resources: [],
            pending_operations: [
                { type: "creating", resource: { urn: URN, inputs: { __creationToken: "t1" } } },
                { type: "creating", resource: { urn: URN, inputs: { __creationToken: "t2" } } },
                { type: "deleting", resource: { urn: URN, inputs: { __creationToken: "t3" } } },
            ],
        },
    },
};

describe("stack record from a file backend", () => {
    let root: string;
    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-record-"));
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
    const env = () => ({ PULUMI_BACKEND_URL: `file://${root}` });
    const write = (rel: string, bytes: string | Buffer) => {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), bytes);
    };

    test.each([
        ["the project layout", ".pulumi/stacks/shop/dev.json", (s: string) => s],
        ["the older layout", ".pulumi/stacks/dev.json", (s: string) => s],
        ["a gzipped checkpoint", ".pulumi/stacks/shop/dev.json.gz", (s: string) => zlib.gzipSync(s)],
    ])("reads %s and lists the pending creations' tokens", (_what, rel, encode) => {
        write(rel, encode(JSON.stringify(checkpoint)) as string);
        const doc = readFileCheckpoint(URN, env());
        expect(pendingCreationsOf(doc, "__creationToken")).toEqual(new Map([[URN, new Set(["t1", "t2"])]]));
    });

    test("leaves a half-written file, another backend, or a stack absent from the login's backend to the CLI", () => {
        write(".pulumi/stacks/shop/dev.json", JSON.stringify(checkpoint).slice(0, 40));
        expect(readFileCheckpoint(URN, env())).toBeUndefined();
        expect(readFileCheckpoint(URN, { PULUMI_BACKEND_URL: "https://api.pulumi.com" })).toBeUndefined();
        // Only logged in there: a project's backend.url may name another backend, where the stack is.
        write("home/credentials.json", JSON.stringify({ current: `file://${root}` }));
        expect(readFileCheckpoint(URN.replace(":dev::", ":prod::"), { PULUMI_HOME: path.join(root, "home") })).toBeUndefined();
    });

    test("reads a stack absent from the backend PULUMI_BACKEND_URL names as one with nothing pending, without the CLI", () => {
        write(".pulumi/stacks/shop/dev.json", JSON.stringify(checkpoint));
        const doc = readFileCheckpoint(URN.replace(":dev::", ":prod::"), env());
        expect(doc).toBeDefined();
        expect(pendingCreationsOf(doc, "__creationToken")).toEqual(new Map());
    });

    test("reads the same record as `pulumi stack export` gives", () => {
        const exported = { version: 3, deployment: checkpoint.checkpoint.latest };
        expect(pendingCreationsOf(exported, "__creationToken")).toEqual(new Map([[URN, new Set(["t1", "t2"])]]));
    });
});
