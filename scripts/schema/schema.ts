/**
 * Generates schema.json, the Pulumi package schema of the native provider, from the same
 * declarations as everything else: a resource per registered kind (its inputs' types from their
 * zod schemas, its computed outputs' types from what their functions return, descriptions from
 * the TSDoc the reference pages print), a function per lookup form, and the provider's config from
 * each cloud's declared settings. A test regenerates it and compares (test/docs/schema.test.ts);
 * `npm run schema` (and `npm run docs`) writes it. docs/native-provider.md says what each part
 * becomes and why.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { CLOUD_SETTINGS } from "../../provider/config/cloud-settings";
import { commonFields } from "../../provider/model/common";
import type { Field } from "../../provider/model/field";
import type { AnyModel } from "../../provider/model/resource";
import { configKey, functionToken, PACKAGE } from "../../provider/model/token";
import { KINDS, modelOf } from "../../provider/runtime/kinds";
import { type Declarations, ROOT, readDeclarations } from "../docs/declarations";
import { argumentDeclarations, type Found, findLookups, forms } from "../docs/functions";
import { fileOfKind, importSection, inputDeclarations, inputDescription } from "../docs/reference";
import type { JsonSchema } from "../docs/schema-text";
import { languageSection } from "./languages";
import type { FunctionSpec, PackageSpec, PropertySpec, ResourceSpec } from "./pulumi-schema";
import { inputProperty, NamedTypes, outputType, type Place, upper } from "./types";

/** Where the schema is written, relative to the repository. */
export const SCHEMA_FILE = "schema.json";

/** A default the schema can carry: Pulumi allows them on primitive properties only. */
const primitiveDefault = (v: unknown): v is string | number | boolean => ["string", "number", "boolean"].includes(typeof v);

/** The cloud API of a kind or lookup module: `huaweicloud:vpcep:Endpoint` → `huaweicloud:vpcep`. */
const apiOf = (kindOrModule: string) => kindOrModule.split(":").slice(0, 2).join(":");

const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;

/** One resource: every input (the cloud's and the common ones included), and every output. */
export function resourceSpec(model: AnyModel, file: string, decl: Declarations, types: NamedTypes): ResourceSpec {
    const fields = model.all as Record<string, Field>;
    const declared = inputDeclarations(file, decl);
    const json = jsonSchemaOf(model.schema);
    const own: Place = { module: apiOf(model.kind), owner: model.type, types };
    const shared: Place = { module: "index", owner: "", types };
    const inputProperties: Record<string, PropertySpec> = {};
    const properties: Record<string, PropertySpec> = {};
    const required: string[] = [];
    for (const [name, s] of Object.entries<JsonSchema>(json.properties ?? {})) {
        const field = fields[name]!;
        const d = declared(name);
        if (!d?.doc) throw new Error(`${model.kind}: the input ${name} has no TSDoc`);
        const type = inputProperty(s, name, name in commonFields ? shared : own, decl.schemaDocs(d.node));
        const description = inputDescription(field, d.doc);
        const secret = field.secret ? { secret: true } : {};
        inputProperties[name] = {
            description,
            ...type,
            ...(primitiveDefault(field.default) ? { default: field.default } : {}),
            ...secret,
            ...(field.change === "replace" ? { willReplaceOnChanges: true } : {}),
        };
        // Every input is also an output, holding the value recorded at the last update. The SDKs'
        // replaceOnChanges makes the engine replace on any change the provider reports, so it is
        // left off an input whose removal changes only the state (`adopt`): the provider alone decides.
        const { default: _, ...asOutput } = type;
        properties[name] = {
            description,
            ...asOutput,
            ...secret,
            ...(field.change === "replace" && field.removal !== "state" ? { replaceOnChanges: true } : {}),
        };
        if (json.required?.includes(name)) required.push(name);
    }
    const outputs = decl.properties(file);
    for (const name of Object.keys(model.outputs)) {
        const p = outputs.get(`outputs.${name}`);
        const returned = p && decl.returnType(p.node);
        if (!p?.doc || !returned) throw new Error(`${model.kind}: the output ${name} has no TSDoc or no declared function in ${file}`);
        // An output of an input's name holds the cloud's fuller form of it (`ipAddresses` with ids)
        // under the input's rules: a change of the input still replaces, a secret stays secret.
        const out = outputType(returned, name, own, decl.checker, decl.symbolDoc);
        const { secret, replaceOnChanges } = properties[name] ?? {};
        properties[name] = { description: p.doc, ...out.type, ...(secret ? { secret } : {}), ...(replaceOnChanges ? { replaceOnChanges } : {}) };
        const at = required.indexOf(name);
        if (at >= 0) required.splice(at, 1);
        if (!out.optional) required.push(name);
    }
    return {
        description: [decl.exported(file, "model"), "", ...importSection(model)].join("\n").trimEnd(),
        properties,
        ...(required.length ? { required } : {}),
        inputProperties,
        ...(json.required?.length ? { requiredInputs: [...json.required] } : {}),
    };
}

/** The functions of one lookup: the every-match form and the exactly-one form, each where declared. */
export function functionSpecs(found: Found, decl: Declarations, types: NamedTypes): Record<string, FunctionSpec> {
    const { lookup: l, file, name } = found;
    const place: Place = { module: l.module, owner: l.itemType, types };
    const declared = argumentDeclarations(found, decl);
    const json = jsonSchemaOf(l.schema);
    const args: Record<string, PropertySpec> = {};
    for (const [arg, s] of Object.entries<JsonSchema>(json.properties ?? {})) {
        const d = declared(arg);
        if (!d?.doc) throw new Error(`${l.title}.${name}: the argument ${arg} has no TSDoc`);
        args[arg] = { description: d.doc, ...inputProperty(s, arg, place, decl.schemaDocs(d.node)) };
    }
    const inputs = { properties: args, ...(json.required?.length ? { required: [...json.required] } : {}) };
    const props = decl.properties(file);
    const itemProperties: Record<string, PropertySpec> = {};
    const itemRequired: string[] = [];
    for (const field of Object.keys(l.item)) {
        const p = props.get(`${name}.item.${field}`);
        const returned = p && decl.returnType(p.node);
        if (!p?.doc || !returned) throw new Error(`${l.title}.${name}: the result field ${field} has no TSDoc or no declared function`);
        const out = outputType(returned, field, place, decl.checker, decl.symbolDoc);
        itemProperties[field] = { description: p.doc, ...out.type };
        if (!out.optional) itemRequired.push(field);
    }
    // The item is a named type where a list holds it (the every-match form); the exactly-one form returns its fields.
    const itemType = { properties: itemProperties, ...(itemRequired.length ? { required: itemRequired } : {}) };
    const list = () => types.declare(l.module, l.itemType, { type: "object", description: `One ${l.what}, as the lookup returns it.`, ...itemType });
    const doc = decl.exported(file, name);
    const out: Record<string, FunctionSpec> = {};
    for (const form of forms(l).filter((f) => !f.fn.endsWith("Output"))) {
        const outputs =
            form.fn === l.name
                ? { properties: { [l.list]: { description: `Every ${l.what} that matches.`, type: "array" as const, items: list() } }, required: [l.list] }
                : itemType;
        out[functionToken(l.module, form.fn)] = { description: `${doc}\n\n${upper(form.what)}.`, inputs, outputs };
    }
    return out;
}

/** The provider's config: each cloud's declared settings, one flat key each (`huaweicloudRegion`). */
export function configVariables(decl: Declarations): Record<string, PropertySpec> {
    const docs = decl.properties(path.join(ROOT, "provider/config/cloud-settings.ts"));
    const out: Record<string, PropertySpec> = {};
    for (const [namespace, settings] of Object.entries(CLOUD_SETTINGS)) {
        for (const [key, s] of Object.entries(settings)) {
            const doc = docs.get(`${namespace}Settings.${key}`)?.doc;
            if (!doc) throw new Error(`the setting ${namespace}:${key} has no TSDoc in provider/config/cloud-settings.ts`);
            const vars = s.env.map((v) => `\`${v}\``);
            const env = vars.length === 1 ? `the environment variable ${vars[0]}` : `the first set of the environment variables ${vars.join(", ")}`;
            out[configKey(namespace, key)] = {
                description: `${doc} Unset, it is read from ${env}.`,
                ...(s.map ? { type: "object" as const, additionalProperties: { type: "string" as const } } : { type: "string" as const }),
                ...(s.secret ? { secret: true } : {}),
            };
        }
    }
    return out;
}

/** The version in package.json: the npm package's, and the plugin's it ships. */
const packageVersion = (): string => (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

const sorted = <T>(entries: Iterable<[string, T]>): Record<string, T> => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The package schema, from the registry, the lookups and the settings (no side effects). */
export async function generateSchema(decl: Declarations = readDeclarations()): Promise<PackageSpec> {
    const types = new NamedTypes();
    const resources: Array<[string, ResourceSpec]> = [];
    for (const kind of KINDS) {
        const model = await modelOf(kind);
        resources.push([model.token, resourceSpec(model, fileOfKind(kind), decl, types)]);
    }
    const functions = findLookups().flatMap((found) => Object.entries(functionSpecs(found, decl, types)));
    const variables = configVariables(decl);
    // A type named like a resource (or its Args) collides in the SDKs of most languages.
    for (const [token] of resources) {
        for (const clash of [token, `${token}Args`, `${token}State`]) {
            if ([...types.all.keys()].some((t) => t.toLowerCase() === clash.toLowerCase()))
                throw new Error(`the type ${clash} would collide with the resource ${token}`);
        }
    }
    // The modules (cloud APIs) of every token, for the languages that name each one.
    const modules = [...new Set([...resources.map(([t]) => t), ...functions.map(([t]) => t), ...types.all.keys()].map((t) => t.split(":")[1]!))]
        .filter((m) => m !== "index")
        .sort();
    return {
        name: PACKAGE,
        displayName: "PrivateLink",
        description: "Private network endpoints: Huawei Cloud VPC endpoints and DNS resolver endpoints, Alibaba Cloud PrivateLink.",
        keywords: ["pulumi", "huaweicloud", "alicloud", "privatelink", "vpcep", "dns", "category/network", "kind/native"],
        license: "Apache-2.0",
        publisher: "pulumi-privatelink",
        // The package's version: the plugin's, which the generated SDKs ask the engine for.
        version: packageVersion(),
        // supportPack lays the SDKs out for packing, as `pulumi package gen-sdk` writes them: the Go
        // SDK with its go.mod, each package with the schema's version (which it then requires).
        meta: { moduleFormat: "(.*)", supportPack: true },
        language: languageSection(PACKAGE, modules),
        config: { variables },
        provider: {
            description:
                "The provider: each cloud's credentials, region and endpoints. A setting left unset is read from the environment variables its description names, as the clouds' own tools do.",
            inputProperties: variables,
        },
        resources: sorted(resources),
        functions: sorted(functions),
        types: sorted(types.all),
    };
}

/** The schema as written to schema.json. */
export const schemaText = (schema: PackageSpec) => `${JSON.stringify(schema, null, 2)}\n`;

if (require.main === module) {
    void generateSchema().then((schema) => {
        fs.writeFileSync(path.join(ROOT, SCHEMA_FILE), schemaText(schema));
        console.log(`wrote ${SCHEMA_FILE}`);
    });
}
