/**
 * The shape of provider/: its folders form layers, and an import only ever points down (or
 * sideways within a layer). The hosts — the dynamic-resource runtime, the Echo kind it serves for
 * the toolchain tests — sit below nothing: they hand the lifecycle engine what it needs (URN,
 * cancellation, the stack's record) instead of the engine reaching up for it. sdk/ knows nothing
 * of Pulumi or of provider/.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/** Layers, bottom first. A file may import from its own layer or a lower one. */
const LAYERS: string[][] = [
    ["stub.ts", "config"], // the serialized stub, the stack config and its warnings
    ["model"], // the one-declaration model: fields, compare, the resource and class types
    ["lifecycle"], // the engine and what it uses: creation keys, outcomes, validation, the context a host gives
    ["huaweicloud", "alicloud", "lookup"], // declarations of resources and lookups
    ["runtime", "native", "testing"], // hosts: the dynamic-resource runtime, the native provider plugin
];

function layerOf(rel: string): number {
    const top = rel.split(path.sep)[0]!.replace(/^stub$/, "stub.ts");
    const i = LAYERS.findIndex((names) => names.includes(top));
    if (i < 0) throw new Error(`provider/${rel}: its folder ${top} is in no layer of this test`);
    return i;
}

function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? filesUnder(full) : e.name.endsWith(".ts") ? [full] : [];
    });
}

/** Relative module specifiers of a file: static imports and re-exports, `import()` and `require()`. */
function importsOf(file: string): string[] {
    const text = fs.readFileSync(file, "utf8");
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["'](\.[^"']+)["']/g)].map((m) => m[1]!);
    return [...new Set(specs)];
}

const provider = path.join(ROOT, "provider");

test("every import in provider/ points to its own layer or a lower one", () => {
    const upward: string[] = [];
    for (const file of filesUnder(provider)) {
        const from = path.relative(provider, file);
        for (const spec of importsOf(file)) {
            const target = path.relative(provider, path.resolve(path.dirname(file), spec));
            if (target.startsWith("..")) continue; // sdk/ and the package root are checked below
            if (layerOf(target) > layerOf(from)) upward.push(`provider/${from} imports provider/${target} (layer ${layerOf(target)} above ${layerOf(from)})`);
        }
    }
    expect(upward).toEqual([]);
});

test("the lifecycle engine reaches for no host: nothing in provider/lifecycle imports provider/runtime", () => {
    const reached = filesUnder(path.join(provider, "lifecycle")).flatMap((f) =>
        importsOf(f)
            .filter((s) => /\/runtime\//.test(`${s}/`))
            .map((s) => `${f}: ${s}`),
    );
    expect(reached).toEqual([]);
});

test("the lifecycle engine has no `as any`", () => {
    const found = filesUnder(path.join(provider, "lifecycle")).flatMap((f) =>
        fs
            .readFileSync(f, "utf8")
            .split("\n")
            .flatMap((line, i) => (/\bas any\b/.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
});

test("sdk/ imports nothing of provider/, emulator/ or Pulumi", () => {
    const bad = filesUnder(path.join(ROOT, "sdk")).flatMap((f) => {
        const text = fs.readFileSync(f, "utf8");
        const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1]!);
        return specs
            .filter(
                (s) => s.startsWith("@pulumi/") || (s.startsWith(".") && /^(provider|emulator)\//.test(path.relative(ROOT, path.resolve(path.dirname(f), s)))),
            )
            .map((s) => `${path.relative(ROOT, f)}: ${s}`);
    });
    expect(bad).toEqual([]);
});

test("the layer check sees an upward import when there is one", () => {
    // The lookups' program-config reads the stack config from provider/config (layer 0) — down;
    // were the engine to import the runtime, this is what the first test would report.
    expect(layerOf(path.join("runtime", "requests.ts"))).toBeGreaterThan(layerOf(path.join("lifecycle", "engine.ts")));
    expect(importsOf(path.join(provider, "runtime", "host.ts"))).toContain("../lifecycle/engine");
});
