/**
 * Generates docs/resources/*.md from what the code itself uses: each resource's table (which
 * inputs replace, update or stay local, and the cloud's defaults), its zod schema (types and
 * limits, through JSON Schema) and the TSDoc of its Args interface and Resource class (read with
 * the TypeScript compiler). The pages cannot drift: a test regenerates them and compares.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { z } from "zod";
import type { ResourceSpec } from "../../provider/lifecycle/spec";

/** The repository root, whether this runs from dist/ or from source (tests). */
const ROOT = (() => {
    let d = __dirname;
    while (!fs.existsSync(path.join(d, "package.json")) || !fs.existsSync(path.join(d, "provider"))) d = path.dirname(d);
    return d;
})();
const PROVIDER = path.join(ROOT, "provider");

interface Member {
    name: string;
    type: string;
    doc: string;
    optional: boolean;
}

/** Interfaces and classes of provider/, by name, with their members' TSDoc. */
function readDeclarations(): { interfaces: Map<string, Member[]>; classes: Map<string, { doc: string; members: Member[]; file: string }> } {
    const interfaces = new Map<string, Member[]>();
    const classes = new Map<string, { doc: string; members: Member[]; file: string }>();
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name.endsWith(".ts")) files.push(p);
        }
    };
    walk(PROVIDER);
    const docOf = (node: ts.Node, sf: ts.SourceFile): string =>
        ts
            .getJSDocCommentsAndTags(node)
            .filter(ts.isJSDoc)
            .map((d) => (typeof d.comment === "string" ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? ""))
            .join("\n")
            .replace(/\{@link ([^}]+)\}/g, "`$1`")
            .trim() || "";
    for (const file of files.sort()) {
        const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
        const members = (list: ts.NodeArray<ts.TypeElement | ts.ClassElement>): Member[] =>
            list
                .filter((m): m is ts.PropertySignature | ts.PropertyDeclaration => ts.isPropertySignature(m) || ts.isPropertyDeclaration(m))
                .map((m) => ({ name: m.name.getText(sf), type: m.type ? m.type.getText(sf).replace(/\s+/g, " ") : "", doc: docOf(m, sf), optional: !!m.questionToken }));
        sf.forEachChild((n) => {
            if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, members(n.members));
            if (ts.isClassDeclaration(n) && n.name) classes.set(n.name.text, { doc: docOf(n, sf), members: members(n.members), file });
        });
    }
    return { interfaces, classes };
}

/** All resource tables: every `export const xSpec: ResourceSpec<…>` under provider/. */
function resourceTables(): Array<{ spec: ResourceSpec<any, any, any>; file: string }> {
    const out: Array<{ spec: ResourceSpec<any, any, any>; file: string }> = [];
    const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const p = path.join(dir, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) {
                const text = fs.readFileSync(p, "utf8");
                for (const m of text.matchAll(/export const (\w+): ResourceSpec</g)) {
                    const compiled = path.join(ROOT, "dist", path.relative(ROOT, p)).replace(/\.ts$/, ".js");
                    out.push({ spec: require(compiled)[m[1]], file: p });
                }
            }
        }
    };
    walk(PROVIDER);
    return out.sort((a, b) => a.spec.title.localeCompare(b.spec.title));
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

/** The Markdown page of one resource. */
export function renderResourcePage(spec: ResourceSpec<any, any, any>, decl: ReturnType<typeof readDeclarations>): string {
    const className = spec.title.split(".").pop()!;
    const cls = decl.classes.get(className);
    const args = decl.interfaces.get(`${className}Args`) ?? [];
    const json = z.toJSONSchema(spec.schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    const required = new Set<string>(json.required ?? []);
    const lines: string[] = [];
    lines.push(`# ${spec.title}`, "");
    lines.push("<!-- generated by scripts/docs/reference.ts from the resource's table, schema and TSDoc: do not edit -->", "");
    if (cls?.doc) lines.push(cls.doc, "");
    lines.push(`Type token: \`pulumi-nodejs:dynamic/${spec.kind.split(":").slice(0, 2).join("-")}:${className}\``, "");
    lines.push(`Default time limits: create ${spec.timeouts.create / 60000} min, update ${spec.timeouts.update / 60000} min, delete ${spec.timeouts.delete / 60000} min (the \`timeouts\` input changes them).`, "");
    lines.push("## Inputs", "", "| input | type | required | default | limits | on change | description |", "|---|---|---|---|---|---|---|");
    for (const [name, prop] of Object.entries<JsonSchema>(json.properties ?? {})) {
        const field = (spec.fields as Record<string, any>)[name];
        const doc = args.find((m) => m.name === name)?.doc ?? "";
        const onChange = !field ? "—" : field.local ? "state only (no cloud call)" : field.change === "replace" ? "**replaces**" : "updates in place";
        const def = field?.default !== undefined ? `\`${JSON.stringify(field.default)}\`` : prop.default !== undefined ? `\`${JSON.stringify(prop.default)}\`` : "";
        const order = field?.compare === "set" && !/order does not matter/i.test(doc) ? " Order does not matter." : "";
        lines.push(`| \`${name}\` | ${cell(typeOf(prop))} | ${required.has(name) ? "yes" : "no"} | ${cell(def)} | ${cell(limitsOf(prop).join("; "))} | ${onChange} | ${cell(doc + order)} |`);
    }
    lines.push("", "## Outputs", "", "Every input is also an output, with the value recorded at the last update. In addition:", "", "| output | type | description |", "|---|---|---|");
    const inputNames = new Set(Object.keys(json.properties ?? {}));
    for (const m of cls?.members ?? []) {
        if (inputNames.has(m.name) && !m.doc) continue;
        const type = m.type.replace(/^pulumi\.Output<(.*)>$/, "$1");
        lines.push(`| \`${m.name}\` | \`${cell(type)}\` | ${cell(m.doc)} |`);
    }
    lines.push("");
    return lines.join("\n");
}

/** Every generated page by its path relative to the repository. */
export function generateReference(): Map<string, string> {
    const decl = readDeclarations();
    const pages = new Map<string, string>();
    const index: string[] = ["# Resource reference", "", "<!-- generated by scripts/docs/reference.ts: do not edit -->", "", "| resource | kind |", "|---|---|"];
    for (const { spec } of resourceTables()) {
        if (spec.kind.includes(":testing:")) continue;
        const file = `docs/resources/${spec.title.replace(/\./g, "-")}.md`;
        pages.set(file, renderResourcePage(spec, decl));
        index.push(`| [${spec.title}](${path.basename(file)}) | \`${spec.kind}\` |`);
    }
    pages.set("docs/resources/README.md", index.join("\n") + "\n");
    return pages;
}

if (require.main === module) {
    for (const [file, text] of generateReference()) {
        fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
        fs.writeFileSync(path.join(ROOT, file), text);
        console.log(`wrote ${file}`);
    }
}
