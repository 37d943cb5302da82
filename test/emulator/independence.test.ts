import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");

function files(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
    });
}

test("no file of emulator/ imports from sdk/ or provider/ (it is an independent reading of the API pages)", () => {
    const offenders: string[] = [];
    for (const file of files(join(root, "emulator"))) {
        const text = readFileSync(file, "utf8");
        for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)["']([^"']+)["']/g)) {
            const spec = m[1]!;
            if (/(^|\/)(sdk|provider)(\/|$)/.test(spec) || spec === "pulumi-privatelink") offenders.push(`${relative(root, file)}: ${spec}`);
        }
    }
    expect(offenders).toEqual([]);
    expect(files(join(root, "emulator")).length).toBeGreaterThan(10);
});
