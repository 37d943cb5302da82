/** The resource reference pages are generated from the code; a stale page fails here. */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as pkg from "../../index";
import { KINDS } from "../../provider/runtime/kinds";
import { generateReference } from "../../scripts/docs/reference";
import { type JsonSchema, limitsOf } from "../../scripts/docs/schema-text";

const REPO_ROOT = path.join(__dirname, "..", "..");

/** The kind a page of docs/resources/ documents, from its file name (`huaweicloud-vpcep-Endpoint.md`). */
const kindOfPage = (file: string) => path.basename(file, ".md").split("-").join(":");

/** The kinds of the resource classes the package exports (`huaweicloud.vpcep.Endpoint` → `huaweicloud:vpcep:Endpoint`). */
function exportedKinds(): string[] {
    const kinds: string[] = [];
    for (const [cloud, apis] of Object.entries(pkg)) {
        if (typeof apis !== "object") continue;
        for (const [api, members] of Object.entries(apis as Record<string, Record<string, unknown>>)) {
            for (const [name, value] of Object.entries(members)) {
                if (typeof value === "function" && value.prototype instanceof pulumi.CustomResource) kinds.push(`${cloud}:${api}:${name}`);
            }
        }
    }
    return kinds;
}

/** The text of a page after its `heading`, up to `until` (or the end); a page without the heading fails. */
function section(file: string, text: string, heading: string, until?: string): string {
    const [, after] = text.split(heading);
    if (after === undefined) throw new Error(`${file} has no "${heading}"`);
    const end = until === undefined ? -1 : after.indexOf(until);
    return end === -1 ? after : after.slice(0, end);
}

describe("docs/resources", () => {
    let pages: Map<string, string>;
    beforeAll(async () => {
        pages = await generateReference();
    });

    test("documents every resource kind the runtime serves", () => {
        const served = [...KINDS].sort();
        // The index lists exactly the served kinds, each once…
        const listed = [...pages.get("docs/resources/README.md")!.matchAll(/^\| \[.*\]\(.*\) \| `([^`]+)` \|$/gm)].map((m) => m[1]!);
        expect([...listed].sort()).toEqual(served);
        // …there is one page per kind, generated and on disk, and no page for a kind that is not served…
        const generated = [...pages.keys()].filter((f) => f.startsWith("docs/resources/") && !f.endsWith("README.md"));
        expect(generated.map(kindOfPage).sort()).toEqual(served);
        const onDisk = fs.readdirSync(path.join(REPO_ROOT, "docs", "resources")).filter((f) => f !== "README.md");
        expect(onDisk.map(kindOfPage).sort()).toEqual(served);
        // …and the package exports a class for each of them, and for no other kind.
        expect(exportedKinds().sort()).toEqual(served);
    });

    test("every page and every generated class file is up to date (regenerate: npm run docs)", () => {
        for (const [file, text] of pages) {
            const onDisk = fs.existsSync(path.join(REPO_ROOT, file)) ? fs.readFileSync(path.join(REPO_ROOT, file), "utf8") : "(missing)";
            expect({ file, onDisk }).toEqual({ file, onDisk: text });
        }
    });

    test("a program that imports the package loads the classes, not the schemas or the cloud clients", () => {
        const loaded = execFileSync(
            process.execPath,
            [
                "-e",
                'require("./dist/index"); console.log(JSON.stringify(Object.keys(require.cache).filter((k) => /node_modules\\/(zod|undici)\\/|dist\\/sdk\\//.test(k))))',
            ],
            { cwd: REPO_ROOT, encoding: "utf8" },
        );
        expect(JSON.parse(loaded)).toEqual([]);
    });

    test("every computed output has a description and a known type", () => {
        for (const [file, text] of pages) {
            if (!file.startsWith("docs/resources/") || file.endsWith("README.md")) continue;
            for (const row of section(file, text, "## Outputs")
                .split("\n")
                .filter((l) => l.startsWith("| `"))) {
                expect({ file, row, ok: !row.includes("`unknown`") && !row.trimEnd().endsWith("|  |") }).toEqual({ file, row, ok: true });
            }
        }
    });

    test("every input of every resource has a description", () => {
        for (const [file, text] of pages) {
            if (!file.startsWith("docs/resources/") || file.endsWith("README.md")) continue;
            const inputs = section(file, text, "## Inputs", "## Outputs");
            for (const row of inputs.split("\n").filter((l) => l.startsWith("| `"))) {
                const description = row.split(" | ").pop()!.replace(/\|$/, "").trim();
                expect({ file, row: row.slice(0, 40), description: description.length > 0 }).toEqual({ file, row: row.slice(0, 40), description: true });
            }
        }
    });
});

describe("limits in the reference pages", () => {
    // A whole number's JSON schema carries ±MAX_SAFE_INTEGER when no bound was given.
    test.each([
        [{ type: "integer", minimum: 100, maximum: Number.MAX_SAFE_INTEGER }, ["at least 100"]],
        [{ type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: 65535 }, ["at most 65535"]],
        [{ type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }, []],
        [{ type: "integer", minimum: 1, maximum: 65535 }, ["1–65535"]],
    ])("%j reads %j", (schema, text) => {
        expect(limitsOf(schema as JsonSchema)).toEqual(text);
    });

    test("no page states the largest safe integer as a limit", () => {
        for (const dir of ["resources", "functions"])
            for (const f of fs.readdirSync(path.join(REPO_ROOT, "docs", dir)))
                expect([f, fs.readFileSync(path.join(REPO_ROOT, "docs", dir, f), "utf8").includes(String(Number.MAX_SAFE_INTEGER))]).toEqual([f, false]);
    });
});
