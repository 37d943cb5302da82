/** The resource reference pages are generated from the code; a stale page fails here. */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateReference } from "../../scripts/docs/reference";
import { REPO_ROOT } from "../helpers/pulumi-program";

describe("docs/resources", () => {
    const pages = generateReference();

    test("documents every resource kind the runtime serves", () => {
        const kinds = fs.readFileSync(path.join(REPO_ROOT, "provider/runtime/kinds.ts"), "utf8");
        const served = [...kinds.matchAll(/"((?:huaweicloud|alicloud):[\w:]+)"/g)].map((m) => m[1]);
        expect(served.length).toBeGreaterThan(0);
        for (const kind of served) expect(pages.get("docs/resources/README.md")).toContain(`\`${kind}\``);
    });

    test.each([...generateReference().keys()])("%s is up to date (regenerate: npm run docs)", (file) => {
        const onDisk = fs.existsSync(path.join(REPO_ROOT, file)) ? fs.readFileSync(path.join(REPO_ROOT, file), "utf8") : "(missing)";
        expect(onDisk).toBe(pages.get(file));
    });

    test("every input of every resource has a description", () => {
        for (const [file, text] of pages) {
            if (file.endsWith("README.md")) continue;
            const inputs = text.split("## Inputs")[1].split("## Outputs")[0];
            for (const row of inputs.split("\n").filter((l) => l.startsWith("| `"))) {
                const description = row.split(" | ").pop()!.replace(/\|$/, "").trim();
                expect({ file, row: row.slice(0, 40), description: description.length > 0 }).toEqual({ file, row: row.slice(0, 40), description: true });
            }
        }
    });
});
