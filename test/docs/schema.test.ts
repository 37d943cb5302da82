/**
 * The package schema is generated from the declarations; a stale schema.json fails here, and so
 * does a schema that leaves out or misstates what a user relies on: a token per kind, every input
 * with its required-ness, secrecy and replacement, every output, every lookup form, every setting.
 * test/docs/schema-check.test.ts has the Pulumi CLI check it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { z } from "zod";
import { CLOUD_SETTINGS } from "../../provider/config/cloud-settings";
import type { Field } from "../../provider/model/field";
import type { AnyModel } from "../../provider/model/resource";
import { configKey, functionToken, PACKAGE, resourceToken } from "../../provider/model/token";
import { KINDS, modelOf } from "../../provider/runtime/kinds";
import { findLookups } from "../../scripts/docs/functions";
import type { PackageSpec, PropertySpec } from "../../scripts/schema/pulumi-schema";
import { generateSchema, SCHEMA_FILE, schemaText } from "../../scripts/schema/schema";

const REPO_ROOT = path.join(__dirname, "..", "..");

/** Whether a value may be left out: what check accepts, not what the JSON Schema says. */
const optional = (schema: z.ZodType) => schema.safeParse(undefined).success;

/** Every `$ref` in a part of the schema. */
function refsIn(v: unknown): string[] {
    if (Array.isArray(v)) return v.flatMap(refsIn);
    if (v && typeof v === "object")
        return Object.entries(v).flatMap(([k, x]) => (k === "$ref" && typeof x === "string" ? [x.replace("#/types/", "")] : refsIn(x)));
    return [];
}

/** Every property spec in the schema, with where it is. */
function propertiesIn(schema: PackageSpec): Array<[string, PropertySpec]> {
    const out: Array<[string, PropertySpec]> = [];
    const add = (where: string, props: Record<string, PropertySpec> | undefined) => {
        for (const [k, p] of Object.entries(props ?? {})) out.push([`${where}.${k}`, p]);
    };
    add("config", schema.config.variables);
    for (const [t, r] of Object.entries(schema.resources)) {
        add(`${t} input`, r.inputProperties);
        add(`${t} output`, r.properties);
    }
    for (const [t, f] of Object.entries(schema.functions)) {
        add(`${t} argument`, f.inputs.properties);
        add(`${t} result`, f.outputs.properties);
    }
    for (const [t, type] of Object.entries(schema.types)) if ("properties" in type) add(t, type.properties);
    return out;
}

describe("schema.json", () => {
    let schema: PackageSpec;
    let models: AnyModel[];
    beforeAll(async () => {
        schema = await generateSchema();
        models = await Promise.all(KINDS.map(modelOf));
    });

    test("is up to date (regenerate: npm run schema)", () => {
        const file = path.join(REPO_ROOT, SCHEMA_FILE);
        const onDisk = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "(missing)";
        // Compared as text, but reported as objects: the diff then names the token and property.
        if (onDisk !== schemaText(schema)) expect(onDisk === "(missing)" ? onDisk : JSON.parse(onDisk)).toEqual(schema);
        expect(onDisk).toBe(schemaText(schema));
    });

    test("the README names every resource's type token", () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        expect(KINDS.map(resourceToken).filter((token) => !readme.includes(`\`${token}\``))).toEqual([]);
    });

    test(`is the ${PACKAGE} package, with one resource per registered kind and no other`, () => {
        expect(schema.name).toBe(PACKAGE);
        expect(Object.keys(schema.resources).sort()).toEqual(KINDS.map(resourceToken).sort());
    });

    test("every input of every resource is there, required or not as check has it, secret and replacing as declared", () => {
        for (const model of models) {
            const r = schema.resources[model.token]!;
            const fields = Object.entries(model.all as Record<string, Field>);
            const want = fields.map(([k, f]) => ({
                input: k,
                required: !optional(f.schema),
                secret: f.secret === true,
                replaces: f.change === "replace",
                // The SDKs' replaceOnChanges would also replace when `adopt` is removed, which changes only the state.
                replaceOnChanges: f.change === "replace" && f.removal !== "state",
            }));
            const have = fields.map(([k]) => ({
                input: k,
                required: (r.requiredInputs ?? []).includes(k),
                secret: r.inputProperties[k]?.secret === true && r.properties[k]?.secret === true,
                replaces: r.inputProperties[k]?.willReplaceOnChanges === true,
                replaceOnChanges: r.properties[k]?.replaceOnChanges === true,
            }));
            expect({ kind: model.kind, inputs: have }).toEqual({ kind: model.kind, inputs: want });
            expect(Object.keys(r.inputProperties).sort()).toEqual(fields.map(([k]) => k).sort());
        }
    });

    test("an input's default is in the schema where its type allows one", () => {
        for (const model of models) {
            for (const [k, f] of Object.entries(model.all as Record<string, Field>)) {
                if (!["string", "number", "boolean"].includes(typeof f.default)) continue;
                expect({ kind: model.kind, input: k, default: schema.resources[model.token]!.inputProperties[k]?.default }).toEqual({
                    kind: model.kind,
                    input: k,
                    default: f.default,
                });
            }
        }
    });

    test("every resource's outputs are its inputs and its computed outputs, and required outputs are required inputs or always computed", () => {
        for (const model of models) {
            const r = schema.resources[model.token]!;
            const names = new Set([...Object.keys(model.all), ...Object.keys(model.outputs)]);
            expect({ kind: model.kind, outputs: Object.keys(r.properties).sort() }).toEqual({ kind: model.kind, outputs: [...names].sort() });
            const requiredInputs = (r.requiredInputs ?? []).filter((k) => !(k in model.outputs));
            expect((r.required ?? []).filter((k) => !(k in model.outputs))).toEqual(requiredInputs);
        }
    });

    test("every lookup form is a function: the every-match form returns the list, the exactly-one form one item", () => {
        const lookups = findLookups();
        const expected: string[] = [];
        for (const { lookup: l } of lookups) {
            const args = Object.entries(l.all as Record<string, { schema: z.ZodType }>);
            const required = args.filter(([, a]) => !optional(a.schema)).map(([k]) => k);
            for (const fn of [l.name, l.one].filter((x) => x !== undefined)) {
                const token = functionToken(l.module, fn);
                expected.push(token);
                const f = schema.functions[token]!;
                expect({ token, args: Object.keys(f.inputs.properties).sort(), required: f.inputs.required ?? [] }).toEqual({
                    token,
                    args: args.map(([k]) => k).sort(),
                    required,
                });
                const result = fn === l.name ? [l.list] : Object.keys(l.item);
                expect({ token, result: Object.keys(f.outputs.properties) }).toEqual({ token, result });
            }
            if (l.name) expect(schema.functions[functionToken(l.module, l.name)]!.outputs.properties[l.list]).toMatchObject({ type: "array" });
        }
        expect(Object.keys(schema.functions).sort()).toEqual(expected.sort());
    });

    test("the provider's config is each cloud's declared settings, credentials secret", () => {
        const want = Object.entries(CLOUD_SETTINGS).flatMap(([ns, settings]) =>
            Object.entries(settings).map(([k, s]) => ({ key: configKey(ns, k), secret: s.secret === true })),
        );
        const have = (props: Record<string, PropertySpec>) => Object.entries(props).map(([key, p]) => ({ key, secret: p.secret === true }));
        expect(have(schema.config.variables)).toEqual(want);
        expect(have(schema.provider.inputProperties)).toEqual(want);
    });

    test("every type referred to is declared, and every declared type is referred to", () => {
        const { types, ...rest } = schema;
        const referred = new Set([...refsIn(rest), ...refsIn(types)]);
        expect([...referred].filter((t) => !(t in types))).toEqual([]);
        expect(Object.keys(types).filter((t) => !referred.has(t))).toEqual([]);
    });

    test("every property, resource and function has a description", () => {
        const missing = [
            ...propertiesIn(schema)
                .filter(([, p]) => !p.description)
                .map(([where]) => where),
            ...Object.entries({ ...schema.resources, ...schema.functions })
                .filter(([, x]) => !x.description)
                .map(([t]) => t),
        ];
        expect(missing).toEqual([]);
    });
});
