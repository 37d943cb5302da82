/**
 * The Pulumi CLI's own check of schema.json: the schema spec and what the language code
 * generators require (offline, under a second). It starts the CLI, so `npm run test:unit`
 * leaves it to `npm test` (it uses the harness).
 */
import { runPulumi } from "../../harness/pulumi-program";
import { SCHEMA_FILE } from "../../scripts/schema/schema";

test("pulumi schema check accepts schema.json", () => {
    const r = runPulumi(["schema", "check", "--color", "never", SCHEMA_FILE]);
    expect({ code: r.code, output: `${r.stdout}${r.stderr}`.trim() }).toEqual({ code: 0, output: "" });
});
