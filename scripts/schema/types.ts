/**
 * Pulumi schema types from what the declarations say: an input's or argument's zod schema (through
 * its JSON Schema), and a computed output's or result field's TypeScript type (the type its
 * function returns, read with the compiler, since an output has no run-time schema). Objects and
 * string enums become named types, under names derived from where they occur
 * (docs/native-provider.md, "Type tokens").
 */
import * as ts from "typescript";
import { typeToken } from "../../provider/model/token";
import type { JsonSchema } from "../docs/schema-text";
import type { EnumTypeSpec, ObjectTypeSpec, PropertySpec, TypeSpec } from "./pulumi-schema";

export const upper = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** One item of a list property, in words: `ports` → `Port`, `ipAddresses` → `IpAddress`, `vpcs` → `Vpc`. */
export function singular(name: string): string {
    if (/(ss|x|sh|ch)es$/.test(name)) return name.slice(0, -2);
    if (/ies$/.test(name)) return `${name.slice(0, -3)}y`;
    if (/[^s]s$/.test(name)) return name.slice(0, -1);
    return `${name}Item`;
}

/** The named types of the schema, by token. */
export class NamedTypes {
    readonly all = new Map<string, ObjectTypeSpec | EnumTypeSpec>();

    /** Declares a named type and refers to it; a name declared twice must name the same type. */
    declare(module: string, name: string, spec: ObjectTypeSpec | EnumTypeSpec): TypeSpec {
        const token = typeToken(module, name);
        const before = this.all.get(token);
        if (before && JSON.stringify(before) !== JSON.stringify(spec))
            throw new Error(`two different types would both be named ${token}:\n${JSON.stringify(before)}\n${JSON.stringify(spec)}`);
        this.all.set(token, spec);
        return { $ref: `#/types/${token}` };
    }
}

/** Where a property's named types go: the module, and the name their names start with. */
export interface Place {
    /** `huaweicloud:vpcep`, or `index` for the inputs every resource shares. */
    module: string;
    /** The resource's type or the lookup's item type (empty for shared inputs): `EndpointService`. */
    owner: string;
    types: NamedTypes;
}

const PRIMITIVES = new Set(["string", "number", "integer", "boolean"]);

/**
 * An input's or argument's property from its JSON Schema (zod's, `io: "input"`). `docs` holds the
 * TSDoc of the properties of the objects inside, by path (`subnetId`).
 */
export function inputProperty(s: JsonSchema, prop: string, place: Place, docs: Map<string, string>, path = ""): PropertySpec {
    const out: PropertySpec = { ...inputType(s, prop, place, docs, path) };
    if (s.const !== undefined) out.const = s.const;
    if (s.default !== undefined && PRIMITIVES.has(typeof s.default === "number" ? "number" : typeof s.default)) out.default = s.default;
    return out;
}

function inputType(s: JsonSchema, prop: string, place: Place, docs: Map<string, string>, path: string, listItem = false): TypeSpec {
    const where = `${place.owner || place.module}.${path}${prop}`;
    if (s.anyOf || s.oneOf || s.allOf || s.$ref) throw new Error(`${where}: a union or reference has no Pulumi type; declare a plain type`);
    const name = listItem ? upper(singular(prop)) : upper(prop);
    if (s.const !== undefined) return { type: primitive(typeof s.const, where) };
    if (s.enum) {
        if (!s.enum.every((v: unknown) => typeof v === "string")) throw new Error(`${where}: only string enums have a Pulumi type`);
        return place.types.declare(place.module, `${place.owner}${name}`, { type: "string", enum: s.enum.map((value: string) => ({ value })) });
    }
    switch (s.type) {
        case "string":
        case "number":
        case "integer":
        case "boolean":
            return { type: s.type };
        case "array":
            return { type: "array", items: inputType(s.items ?? {}, prop, place, docs, path, true) };
        case "object": {
            if (!s.properties && s.additionalProperties && typeof s.additionalProperties === "object")
                return { type: "object", additionalProperties: inputType(s.additionalProperties, prop, place, docs, path) };
            if (!s.properties) break;
            const inner = `${path}${prop}.`;
            const properties: Record<string, PropertySpec> = {};
            for (const [k, v] of Object.entries<JsonSchema>(s.properties)) {
                const doc = docs.get(`${path}${k}`) ?? docs.get(`${inner}${k}`);
                properties[k] = { ...(doc ? { description: doc } : {}), ...inputProperty(v, k, place, docs, inner) };
            }
            // A list's entries are named for what one entry is (`VpcEndpointZoneEntry`), which also keeps
            // them apart from a resource of the same name (`VpcEndpointZone`).
            return place.types.declare(place.module, `${place.owner}${name}${listItem ? "Entry" : ""}`, {
                type: "object",
                properties,
                ...(s.required?.length ? { required: [...s.required] } : {}),
            });
        }
    }
    throw new Error(`${where}: the JSON Schema ${JSON.stringify(s)} has no Pulumi type`);
}

function primitive(t: string, where: string): "string" | "number" | "boolean" {
    if (t === "string" || t === "number" || t === "boolean") return t;
    throw new Error(`${where}: a constant of type ${t} has no Pulumi type`);
}

/** A computed output's or result field's type, from the TypeScript type its function returns; optional when it may be undefined. */
export function outputType(
    type: ts.Type,
    prop: string,
    place: Place,
    checker: ts.TypeChecker,
    symbolDoc: (s: ts.Symbol) => string,
    listItem = false,
): { type: TypeSpec; optional: boolean } {
    const where = `${place.owner}.${prop}`;
    let t = type;
    let optional = false;
    if (t.isUnion()) {
        const kept = t.types.filter((u) => !(u.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)));
        optional = kept.length < t.types.length;
        const all = (flag: ts.TypeFlags) => kept.length > 0 && kept.every((u) => u.flags & flag);
        if (all(ts.TypeFlags.StringLike)) return { type: { type: "string" }, optional };
        if (all(ts.TypeFlags.NumberLike)) return { type: { type: "number" }, optional };
        if (all(ts.TypeFlags.BooleanLike)) return { type: { type: "boolean" }, optional };
        if (kept.length !== 1) throw new Error(`${where}: the union ${checker.typeToString(t)} has no Pulumi type; return one type`);
        t = kept[0]!;
    }
    const plain = (spec: TypeSpec) => ({ type: spec, optional });
    if (t.flags & ts.TypeFlags.StringLike) return plain({ type: "string" });
    if (t.flags & ts.TypeFlags.NumberLike) return plain({ type: "number" });
    if (t.flags & ts.TypeFlags.BooleanLike) return plain({ type: "boolean" });
    if (checker.isArrayType(t)) {
        const [item] = checker.getTypeArguments(t as ts.TypeReference);
        return plain({ type: "array", items: outputType(item!, prop, place, checker, symbolDoc, true).type });
    }
    if (t.flags & ts.TypeFlags.Object) {
        const members = checker.getPropertiesOfType(t);
        const index = checker.getIndexInfoOfType(t, ts.IndexKind.String);
        if (index && members.length === 0) return plain({ type: "object", additionalProperties: outputType(index.type, prop, place, checker, symbolDoc).type });
        if (members.length > 0 && !index) {
            const properties: Record<string, PropertySpec> = {};
            const required: string[] = [];
            for (const m of members) {
                const member = outputType(checker.getTypeOfSymbol(m), m.name, place, checker, symbolDoc);
                const doc = symbolDoc(m);
                properties[m.name] = { ...(doc ? { description: doc } : {}), ...member.type };
                if (!member.optional && !(m.flags & ts.SymbolFlags.Optional)) required.push(m.name);
            }
            const name = `${place.owner}${listItem ? upper(singular(prop)) : upper(prop)}`;
            return plain(place.types.declare(place.module, name, { type: "object", properties, ...(required.length ? { required } : {}) }));
        }
    }
    throw new Error(`${where}: the type ${checker.typeToString(t)} has no Pulumi type`);
}
