/**
 * Generates docs/resources/*.md from the resource models themselves: each input's schema (types
 * and limits, through JSON Schema), change behaviour, comparison and default from the model, and
 * its description from the TSDoc comment on its declaration (read with the TypeScript compiler,
 * which also gives each computed output's type). The pages cannot drift: a test regenerates them
 * and compares.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { z } from "zod";
import { classSpecOf } from "../../provider/model/class";
import type { Field } from "../../provider/model/field";
import type { AnyModel } from "../../provider/model/resource";
import { KINDS, modelOf } from "../../provider/runtime/kinds";

/** The repository root, whether this runs from dist/ or from source (tests). */
const ROOT = (() => {
    let d = __dirname;
    while (!fs.existsSync(path.join(d, "package.json")) || !fs.existsSync(path.join(d, "provider"))) d = path.dirname(d);
    return d;
})();
const PROVIDER = path.join(ROOT, "provider");

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? sourceFiles(p) : e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
    });
}

function docOf(node: ts.Node): string {
    return (
        ts
            .getJSDocCommentsAndTags(node)
            .filter(ts.isJSDoc)
            .map((d) => (typeof d.comment === "string" ? d.comment : (ts.getTextOfJSDocComment(d.comment) ?? "")))
            .join("\n")
            .replace(/\{@link ([^}]+)\}/g, "`$1`")
            .trim() || ""
    );
}

/** What the TSDoc says: resource classes, and the properties of declaration objects, by file. */
interface Declarations {
    /** The JSDoc of the properties of object literals in a file, by `<variable>.<property>`. */
    properties(file: string): Map<string, { doc: string; node: ts.PropertyAssignment }>;
    /** The JSDoc of `export const <name> = …` in a file. */
    exported(file: string, name: string): string;
    /** The type of a computed output (what its function returns), as TypeScript prints it. */
    outputType(node: ts.PropertyAssignment): string;
}

function readDeclarations(): Declarations {
    const files = sourceFiles(PROVIDER);
    const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const props = new Map<string, Map<string, { doc: string; node: ts.PropertyAssignment }>>();
    const exports = new Map<string, string>();
    for (const file of files) {
        const sf = program.getSourceFile(file)!;
        const found = new Map<string, { doc: string; node: ts.PropertyAssignment }>();
        const visit = (n: ts.Node) => {
            // The direct properties of an object literal held by a variable: `fields.vpcId`, `outputs.status`.
            if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isObjectLiteralExpression(n.initializer)) {
                for (const p of n.initializer.properties) {
                    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
                    const doc = docOf(p);
                    if (doc) found.set(`${n.name.text}.${p.name.text}`, { doc, node: p });
                }
            }
            if (ts.isVariableStatement(n) && n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
                for (const d of n.declarationList.declarations) if (ts.isIdentifier(d.name)) exports.set(`${file}#${d.name.text}`, docOf(n));
            }
            // What a function returns as an object literal: `adoptField(…)`'s `adopt`.
            if (ts.isReturnStatement(n) && n.expression && ts.isObjectLiteralExpression(n.expression)) {
                for (const p of n.expression.properties) {
                    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && docOf(p)) found.set(`return.${p.name.text}`, { doc: docOf(p), node: p });
                }
            }
            ts.forEachChild(n, visit);
        };
        visit(sf);
        props.set(file, found);
    }
    return {
        properties: (file) => props.get(file) ?? new Map(),
        exported: (file, name) => exports.get(`${file}#${name}`) ?? "",
        outputType(node) {
            const sig = checker.getTypeAtLocation(node.initializer).getCallSignatures()[0];
            return sig ? checker.typeToString(checker.getReturnTypeOfSignature(sig), undefined, ts.TypeFormatFlags.NoTruncation) : "unknown";
        },
    };
}

/** The source file that declares a kind. */
function fileOfKind(kind: string): string {
    const file = sourceFiles(PROVIDER).find((f) => fs.readFileSync(f, "utf8").includes(`kind: "${kind}"`));
    if (!file) throw new Error(`no file under provider/ declares the kind ${kind}`);
    return file;
}

type JsonSchema = Record<string, any>;

/** Patterns the schemas share, in words. */
const KNOWN_PATTERNS: Record<string, string> = {
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$": "a UUID",
    "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$": "an IPv4 address",
    "^[a-z]{2}(-[a-z0-9]+)+$": "a region name such as cn-north-4",
    "^[0-9a-f]{32}$": "32 hexadecimal characters",
};

function typeOf(s: JsonSchema): string {
    if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
    if (s.enum) return s.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(" \\| ");
    if (s.type === "array") return `list of ${typeOf(s.items ?? {})}`;
    if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") return `map of ${typeOf(s.additionalProperties)}`;
    if (s.type === "object") return "object";
    if (s.anyOf) return s.anyOf.map(typeOf).join(" \\| ");
    return s.type ?? "any";
}

function limitsOf(s: JsonSchema, prefix = ""): string[] {
    const out: string[] = [];
    const p = prefix ? `${prefix} ` : "";
    if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`${p}${s.minLength ?? 0}–${s.maxLength ?? "∞"} characters`);
    if (s.pattern) out.push(`${p}${KNOWN_PATTERNS[s.pattern] ?? `matches \`${s.pattern}\``}`);
    if (s.minimum !== undefined || s.maximum !== undefined) out.push(`${p}${s.minimum ?? "−∞"}–${s.maximum ?? "∞"}`);
    if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`${p}${s.minItems ?? 0}–${s.maxItems ?? "∞"} entries`);
    if (s.type === "array" && s.items) out.push(...limitsOf(s.items, "each"));
    if (s.propertyNames) out.push(...limitsOf(s.propertyNames, "keys"));
    if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") out.push(...limitsOf(s.additionalProperties, "values"));
    if (s.type === "object" && s.properties && !prefix) {
        for (const [k, v] of Object.entries<JsonSchema>(s.properties)) out.push(...limitsOf(v, `\`${k}\``));
    }
    return out;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n+/g, " ");

/** Where the TSDoc of an input is: its resource's file, its cloud's, or the common inputs'. */
const SHARED_DOCS = ["provider/model/common.ts", "provider/huaweicloud/connect.ts", "provider/alicloud/connect.ts"];

/** The Markdown page of one resource. */
export function renderResourcePage(model: AnyModel, file: string, decl: Declarations): string {
    const own = decl.properties(file);
    const shared = (name: string) =>
        SHARED_DOCS.flatMap((f) => [...decl.properties(path.join(ROOT, f))].filter(([k]) => k.endsWith(`.${name}`)).map(([, v]) => v.doc))[0];
    const docs = (name: string) => own.get(`fields.${name}`)?.doc ?? shared(name) ?? "";
    const fields = model.all as Record<string, Field>;
    const json = z.toJSONSchema(model.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    const required = new Set<string>(json.required ?? []);
    const lines: string[] = [];
    lines.push(`# ${model.title}`, "");
    lines.push("<!-- generated by scripts/docs/reference.ts from the resource's model and TSDoc: do not edit -->", "");
    const classDoc = decl.exported(file, "model");
    if (classDoc) lines.push(classDoc, "");
    lines.push(`Type token: \`pulumi-nodejs:dynamic/${model.module}:${model.type}\``, "");
    lines.push(
        `Default time limits: create ${model.timeouts.create / 60000} min, update ${model.timeouts.update / 60000} min, delete ${model.timeouts.delete / 60000} min (the \`timeouts\` input changes them).`,
        "",
    );
    lines.push("## Inputs", "", "| input | type | required | default | limits | on change | description |", "|---|---|---|---|---|---|---|");
    for (const [name, prop] of Object.entries<JsonSchema>(json.properties ?? {})) {
        const field = fields[name];
        const onChange =
            field.change === "state"
                ? "state only (no cloud call)"
                : field.change === "replace"
                  ? field.removal === "state"
                      ? "**replaces** (removing it changes only the state)"
                      : "**replaces**"
                  : "updates in place";
        const def =
            field.default !== undefined
                ? `\`${JSON.stringify(field.default)}\``
                : prop.default !== undefined
                  ? `\`${JSON.stringify(prop.default)}\``
                  : field.computed
                    ? "the cloud's"
                    : "";
        const doc = docs(name);
        const order = field.unordered && !/order does not matter/i.test(doc) ? " Order does not matter." : "";
        const repeats = field.distinct ? " Entries must not repeat." : "";
        lines.push(
            `| \`${name}\` | ${cell(typeOf(prop))} | ${required.has(name) ? "yes" : "no"} | ${cell(def)} | ${cell(limitsOf(prop).join("; "))} | ${onChange} | ${cell(doc + order + repeats)} |`,
        );
    }
    lines.push(
        "",
        "## Outputs",
        "",
        "Every input is also an output, with the value recorded at the last update. In addition:",
        "",
        "| output | type | description |",
        "|---|---|---|",
    );
    for (const name of Object.keys(model.outputs)) {
        const p = own.get(`outputs.${name}`);
        const type = p ? decl.outputType(p.node) : "unknown";
        lines.push(`| \`${name}\` | \`${cell(type)}\` | ${cell(p?.doc ?? "")} |`);
    }
    lines.push("");
    return lines.join("\n");
}

/**
 * The program-side classes of one API folder (`provider/<cloud>/<api>/classes.ts`): each built
 * from its model's class spec alone, so a program loads neither schemas nor cloud clients, and
 * typed (erased at run time) by the model. The class's TSDoc is its model's.
 */
export function renderClasses(models: Array<{ model: AnyModel; file: string }>, decl: Declarations): string {
    const lines = [
        "// Generated by scripts/docs/reference.ts from the resource models (npm run docs): do not edit.",
        "/** The resource classes of this API, as programs construct them. */",
        'import { resourceClass } from "../../model/class";',
    ];
    for (const { model, file } of models) lines.push(`import type { model as ${model.type}Model } from "./${path.basename(file, ".ts")}";`);
    for (const { model, file } of models) {
        const doc = decl.exported(file, "model");
        lines.push("", "/**", ...doc.split("\n").map((l) => ` *${l ? ` ${l}` : ""}`), " */");
        lines.push(`export const ${model.type} = resourceClass<typeof ${model.type}Model>(${JSON.stringify(classSpecOf(model))});`);
        lines.push(`export type ${model.type} = InstanceType<typeof ${model.type}>;`);
    }
    return `${lines.join("\n")}\n`;
}

/** Every generated file (reference pages, class files) by its path relative to the repository. */
export async function generateReference(): Promise<Map<string, string>> {
    const decl = readDeclarations();
    const pages = new Map<string, string>();
    const index: string[] = [
        "# Resource reference",
        "",
        "<!-- generated by scripts/docs/reference.ts: do not edit -->",
        "",
        "| resource | kind |",
        "|---|---|",
    ];
    const models = (await Promise.all(KINDS.map(modelOf))).sort((a, b) => a.title.localeCompare(b.title));
    for (const model of models) {
        const file = `docs/resources/${model.title.replace(/\./g, "-")}.md`;
        pages.set(file, renderResourcePage(model, fileOfKind(model.kind), decl));
        index.push(`| [${model.title}](${path.basename(file)}) | \`${model.kind}\` |`);
    }
    pages.set("docs/resources/README.md", `${index.join("\n")}\n`);
    const byFolder = new Map<string, Array<{ model: AnyModel; file: string }>>();
    for (const model of models) {
        const file = fileOfKind(model.kind);
        const folder = path.relative(ROOT, path.dirname(file));
        byFolder.set(folder, [...(byFolder.get(folder) ?? []), { model, file }]);
    }
    for (const [folder, list] of byFolder) pages.set(`${folder}/classes.ts`, renderClasses(list, decl));
    return pages;
}

if (require.main === module) {
    void generateReference().then((pages) => {
        for (const [file, text] of pages) {
            fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
            fs.writeFileSync(path.join(ROOT, file), text);
            console.log(`wrote ${file}`);
        }
    });
}
