/** Reading the provider's sources: the TSDoc of declarations, and the types TypeScript gives them. */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

/** The repository root, whether this runs from dist/ or from source (tests). */
export const ROOT = (() => {
    let d = __dirname;
    while (!fs.existsSync(path.join(d, "package.json")) || !fs.existsSync(path.join(d, "provider"))) d = path.dirname(d);
    return d;
})();
export const PROVIDER = path.join(ROOT, "provider");

export function sourceFiles(dir: string): string[] {
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

/** The object literal an expression is, under `satisfies`, `as` and parentheses. */
function objectLiteral(e: ts.Expression): ts.ObjectLiteralExpression | undefined {
    if (ts.isObjectLiteralExpression(e)) return e;
    if (ts.isSatisfiesExpression(e) || ts.isAsExpression(e) || ts.isParenthesizedExpression(e)) return objectLiteral(e.expression);
    return undefined;
}

/** What the TSDoc says: resource classes, and the properties of declaration objects, by file. */
export interface Declarations {
    /** The JSDoc of the properties of object literals in a file, by `<variable>.<property>`. */
    properties(file: string): Map<string, { doc: string; node: ts.PropertyAssignment }>;
    /** The JSDoc of `export const <name> = …` in a file. */
    exported(file: string, name: string): string;
    /** The type TypeScript gives `export const <name> = …` in a file. */
    exportedType(file: string, name: string): ts.Type | undefined;
    /**
     * The plain forms of schema objects a file exports by name: `export type PortMapping =
     * z.input<typeof port>` (or `z.output<…>`), with their TSDoc and their types.
     */
    schemaTypes(file: string): Array<{ name: string; doc: string; type: ts.Type }>;
    /** The type of a computed output (what its function returns), as TypeScript prints it. */
    outputType(node: ts.PropertyAssignment): string;
    /** The type a computed output's function returns, for reading its structure (scripts/schema/). */
    returnType(node: ts.PropertyAssignment): ts.Type | undefined;
    /**
     * The TSDoc of the properties of the objects inside a declared schema (`{ schema: z.array(z.object({…})) }`
     * or `f.input(z.object({…}), …)`), by their path of property names: `subnetId`, `a.b`.
     */
    schemaDocs(node: ts.PropertyAssignment): Map<string, string>;
    /** The TSDoc of a property of a TypeScript type (an interface's member). */
    symbolDoc(symbol: ts.Symbol): string;
    checker: ts.TypeChecker;
}

export function readDeclarations(): Declarations {
    const files = sourceFiles(PROVIDER);
    const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const props = new Map<string, Map<string, { doc: string; node: ts.PropertyAssignment }>>();
    const exportDocs = new Map<string, string>();
    const exportNodes = new Map<string, ts.VariableDeclaration>();
    const schemaTypes = new Map<string, Array<{ name: string; doc: string; type: ts.Type }>>();
    for (const file of files) {
        const sf = program.getSourceFile(file)!;
        const found = new Map<string, { doc: string; node: ts.PropertyAssignment }>();
        const visit = (n: ts.Node) => {
            // The direct properties of an object literal held by a variable: `fields.vpcId`, `outputs.status`
            // (also `{ … } satisfies T` and `{ … } as T`: `huaweicloudSettings.region`).
            const literal = ts.isVariableDeclaration(n) && n.initializer ? objectLiteral(n.initializer) : undefined;
            if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && literal) {
                for (const p of literal.properties) {
                    if (!ts.isPropertyAssignment(p) || !ts.isIdentifier(p.name)) continue;
                    const doc = docOf(p);
                    if (doc) found.set(`${n.name.text}.${p.name.text}`, { doc, node: p });
                }
            }
            // A lookup's arguments and result fields: `publicServices.args.serviceName`, `publicServices.item.id`.
            if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && ts.isCallExpression(n.initializer)) {
                const [arg] = n.initializer.arguments;
                if (n.initializer.expression.getText(sf) === "defineLookup" && arg && ts.isObjectLiteralExpression(arg)) {
                    for (const part of arg.properties) {
                        if (!ts.isPropertyAssignment(part) || !ts.isIdentifier(part.name) || !ts.isObjectLiteralExpression(part.initializer)) continue;
                        for (const p of part.initializer.properties) {
                            if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name))
                                found.set(`${n.name.text}.${part.name.text}.${p.name.text}`, { doc: docOf(p), node: p });
                        }
                    }
                }
            }
            if (ts.isVariableStatement(n) && n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
                for (const d of n.declarationList.declarations) {
                    if (!ts.isIdentifier(d.name)) continue;
                    exportDocs.set(`${file}#${d.name.text}`, docOf(n));
                    exportNodes.set(`${file}#${d.name.text}`, d);
                }
            }
            if (
                ts.isTypeAliasDeclaration(n) &&
                n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
                ts.isTypeReferenceNode(n.type) &&
                /^z\.(input|output)$/.test(n.type.typeName.getText(sf))
            ) {
                const list = schemaTypes.get(file) ?? [];
                list.push({ name: n.name.text, doc: docOf(n), type: checker.getTypeAtLocation(n.name) });
                schemaTypes.set(file, list);
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
    const returnType = (node: ts.PropertyAssignment) => {
        const sig = checker.getTypeAtLocation(node.initializer).getCallSignatures()[0];
        return sig ? checker.getReturnTypeOfSignature(sig) : undefined;
    };
    const symbolDoc = (symbol: ts.Symbol) => (symbol.declarations ?? []).map(docOf).find(Boolean) ?? "";
    /** Walks a zod type down to its objects' shapes: `shape` is a ZodObject's, `unwrap()` every wrapper's and a ZodArray's. */
    const zodDocs = (type: ts.Type, prefix: string, out: Map<string, string>, depth: number) => {
        if (depth > 8) return;
        const shape = checker.getPropertyOfType(type, "shape");
        if (shape) {
            for (const p of checker.getPropertiesOfType(checker.getTypeOfSymbol(shape))) {
                const doc = symbolDoc(p);
                if (doc) out.set(`${prefix}${p.name}`, doc);
                zodDocs(checker.getTypeOfSymbol(p), `${prefix}${p.name}.`, out, depth + 1);
            }
            return;
        }
        const unwrap = checker.getPropertyOfType(type, "unwrap");
        const sig = unwrap && checker.getTypeOfSymbol(unwrap).getCallSignatures()[0];
        if (sig) zodDocs(checker.getReturnTypeOfSignature(sig), prefix, out, depth + 1);
    };
    return {
        properties: (file) => props.get(file) ?? new Map(),
        exported: (file, name) => exportDocs.get(`${file}#${name}`) ?? "",
        exportedType(file, name) {
            const node = exportNodes.get(`${file}#${name}`);
            return node && checker.getTypeAtLocation(node.name);
        },
        schemaTypes: (file) => schemaTypes.get(file) ?? [],
        outputType(node) {
            const type = returnType(node);
            return type ? checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation) : "unknown";
        },
        returnType,
        schemaDocs(node) {
            const out = new Map<string, string>();
            const schema = checker.getPropertyOfType(checker.getTypeAtLocation(node.initializer), "schema");
            if (schema) zodDocs(checker.getTypeOfSymbol(schema), "", out, 0);
            return out;
        },
        symbolDoc,
        checker,
    };
}
