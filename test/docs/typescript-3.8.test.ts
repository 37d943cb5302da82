/**
 * A TypeScript program without a `typescript` dependency of its own is compiled by Pulumi with the
 * TypeScript it vendors, 3.8.3, through its vendored ts-node 7, which type-checks
 * (@pulumi/pulumi's tsutils.js and cmd/run/run.js). The package's declarations must read in that
 * compiler: here the examples' programs are compiled by it against the built package (dist/, which
 * `npm test` builds before jest runs), installed as a program installs it, with the options Pulumi
 * and ts-node give a program that has no tsconfig.json. The end-to-end tests do not see this: they
 * set PULUMI_NODEJS_TRANSPILE_ONLY.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as ts from "typescript";

// As the compiler names files: through no symbolic link.
const REPO_ROOT = fs.realpathSync(path.join(__dirname, "..", ".."));
const PULUMI = path.dirname(require.resolve("@pulumi/pulumi"));
/** The vendored compiler, as tsutils.js loads it when the program has no `typescript`. */
const ts38 = require(path.join(PULUMI, "vendor", "typescript@3.8.3", "typescript.js")) as typeof ts;

/** Every example program, by its folder under examples/. */
function examplePrograms(dir = path.join(REPO_ROOT, "examples")): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (!e.isDirectory() || e.name === "node_modules") return [];
        return fs.existsSync(path.join(p, "index.ts")) ? [p] : examplePrograms(p);
    });
}

/**
 * The options a program without tsconfig.json is compiled with: Pulumi's (cmd/run/run.js, for a
 * TypeScript older than 4.7) under ts-node 7's own, which win, read as ts-node reads them.
 */
function pulumiOptions(dir: string): ts.CompilerOptions {
    const pulumi = { target: "ES2020", module: "commonjs", moduleResolution: "node", sourceMap: "true" };
    const tsNode = { sourceMap: true, inlineSourceMap: false, inlineSources: true, declaration: false, noEmit: false, outDir: "$$ts-node$$" };
    const parsed = ts38.parseJsonConfigFileContent({ compilerOptions: { ...pulumi, ...tsNode } }, ts38.sys, dir);
    expect(parsed.errors.map((d) => d.messageText)).toEqual([]);
    return parsed.options;
}

/** What ts-node reports for a file: the options' diagnostics and the file's own, less the three it ignores. */
const TS_NODE_IGNORED = [6059, 18002, 18003];

const format = (diagnostics: readonly ts.Diagnostic[], dir: string) =>
    ts38.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dir, getNewLine: () => "\n" }).trim();

describe("a program compiled by Pulumi's vendored TypeScript 3.8.3", () => {
    let dir: string;
    let program: ts.Program;
    let programs: string[];

    beforeAll(() => {
        if (!fs.existsSync(path.join(REPO_ROOT, "dist", "index.d.ts")))
            throw new Error("dist/index.d.ts is missing: build the package first (tsc -p tsconfig.json; npm test does)");
        expect(ts38.version).toBe("3.8.3");
        // A program's folder with the package installed: node_modules/pulumi-privatelink is the
        // repository (its package.json's "types" names dist/index.d.ts), beside @pulumi/pulumi.
        dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-ts38-")));
        fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
        fs.symlinkSync(REPO_ROOT, path.join(dir, "node_modules", "pulumi-privatelink"), "dir");
        fs.symlinkSync(PULUMI, path.join(dir, "node_modules", "@pulumi", "pulumi"), "dir");
        programs = examplePrograms().map((example) => {
            const to = path.join(dir, path.relative(path.join(REPO_ROOT, "examples"), example), "index.ts");
            fs.mkdirSync(path.dirname(to), { recursive: true });
            fs.copyFileSync(path.join(example, "index.ts"), to);
            return to;
        });
        program = ts38.createProgram(programs, pulumiOptions(dir));
    });

    afterAll(() => {
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    test("every example program compiles without a diagnostic, as ts-node reports them", () => {
        expect(programs.length).toBeGreaterThanOrEqual(10);
        const reported = programs.map((file) => {
            const sf = program.getSourceFile(file)!;
            return [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].filter(
                (d) => !TS_NODE_IGNORED.includes(d.code),
            );
        });
        expect(format(reported.flat(), dir)).toBe("");
    });

    test("the package's declarations read and check in TypeScript 3.8, and need nothing but @pulumi/pulumi", () => {
        const dist = `${path.join(REPO_ROOT, "dist")}${path.sep}`;
        const own = program.getSourceFiles().filter((sf) => sf.fileName.startsWith(dist));
        expect(own.map((sf) => path.relative(REPO_ROOT, sf.fileName))).toContain("dist/index.d.ts");
        const diagnostics = own.flatMap((sf) => [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]);
        expect(format(diagnostics, REPO_ROOT)).toBe("");
        // Another package's declarations (zod's, undici's) are written for a recent TypeScript.
        const pulumiRoot = `${fs.realpathSync(PULUMI)}${path.sep}`;
        const outside = new Set<string>();
        for (const sf of own) {
            for (const name of ts38.preProcessFile(sf.text, true, true).importedFiles.map((f) => f.fileName)) {
                if (name.startsWith(".")) continue;
                const resolved = ts38.resolveModuleName(name, sf.fileName, program.getCompilerOptions(), ts38.sys).resolvedModule;
                if (!resolved || !fs.realpathSync(resolved.resolvedFileName).startsWith(pulumiRoot))
                    outside.add(`${path.relative(REPO_ROOT, sf.fileName)}: ${name}`);
            }
        }
        expect([...outside]).toEqual([]);
    });
});
