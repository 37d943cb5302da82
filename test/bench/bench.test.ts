/**
 * Smoke test of the benchmark suite: `npm run bench -- --quick` (the built entry dist/bench/run.js)
 * finishes and prints every table. Its figures are never asserted: they depend on the machine.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const ENTRY = path.join(ROOT, "dist", "bench", "run.js");

describe("bench --quick", () => {
    test("finishes and prints one table per measure", async () => {
        if (!fs.existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: build first (tsc -p tsconfig.json)`);
        const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-")), "figures.json");
        const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
            const child = spawn(process.execPath, [ENTRY, "--quick", "--json", json], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
            let stdout = "";
            let stderr = "";
            child.stdout.on("data", (d) => (stdout += d));
            child.stderr.on("data", (d) => (stderr += d));
            child.on("error", reject);
            child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
        });
        expect({ code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ code: 0, stderr: "" });
        for (const title of [
            "1. Readiness overshoot",
            "2. Coalescing",
            "3. Ours / baseline",
            "4. Scale",
            "5. State size",
            "7. Native plugin start",
            "8. No-op preview side by side",
            "Targets",
        ]) {
            expect(r.stdout).toContain(`### ${title}`);
        }
        const figures = JSON.parse(fs.readFileSync(json, "utf8"));
        expect(Object.keys(figures)).toEqual(
            expect.arrayContaining(["readiness", "coalescing", "scale", "state", "pluginStart", "noopPreview", "targets", "machine"]),
        );
        fs.rmSync(path.dirname(json), { recursive: true, force: true });
    });
});
