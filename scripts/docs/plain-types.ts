/**
 * The types a program compiles against, written out: a resource's `Args` and output properties, a
 * lookup's arguments and result, and every object inside them as a named interface. Each is the
 * type TypeScript derives from the declaration (what `ArgsOf`, `OutputsOf` and the lookup types
 * compute), read with the compiler and printed with nothing but interfaces, unions, literals,
 * arrays, index signatures and `pulumi.Input` / `pulumi.Output`: no mapped or conditional type
 * for a program's compiler to expand, in any TypeScript a Pulumi program may be compiled with
 * (Pulumi compiles with its own TypeScript 3.8 a program that has none).
 *
 * Named objects follow the package schema's names (docs/native-provider.md, "Type tokens"): the
 * object as a program gives it is `<Name>Args` (`pulumi.Input` at every level), as an output or a
 * result holds it `<Name>`.
 */
import * as ts from "typescript";
import { singular, upper } from "../schema/types";

/** How a value is written: as a program may give it (`pulumi.Input` at every level), or as it is. */
export type Form = "input" | "plain";

/** The type of a property of a type (which must have it). */
export function propertyType(checker: ts.TypeChecker, type: ts.Type, key: string, where: string): ts.Type {
    const p = checker.getPropertyOfType(type, key);
    if (!p) throw new Error(`${where}: no property ${key} on ${checker.typeToString(type)}`);
    return checker.getTypeOfSymbol(p);
}

/** What a zod schema's type takes (`input`, as `z.input` says) or gives (`output`). */
export function zodType(checker: ts.TypeChecker, schema: ts.Type, io: "input" | "output", where: string): ts.Type {
    return propertyType(checker, propertyType(checker, schema, "_zod", where), io, where);
}

/** What names an object, and what its TSDoc says. */
export interface Naming {
    name: string;
    doc: string;
}

/**
 * How the objects found at a property (or at an entry of its list) are named in a form: `ports` →
 * `EndpointServicePortEntryArgs` as a program gives it, `EndpointServicePortEntry` as it is.
 */
export type Namer = (prop: string, listItem: boolean, form: Form) => Naming;

/**
 * Objects of an input's or argument's schema, by the schema's input names: `<Owner><Prop>`, a
 * list's entries `<Owner><Item>Entry`, and `Args` added to the form a program gives. `whose` says
 * whose input it is in the TSDoc: "`EndpointService`'s ", or "" for the inputs every resource takes.
 */
export const inputNames =
    (owner: string, whose: string): Namer =>
    (prop, listItem, form) => ({
        name: `${owner}${upper(listItem ? singular(prop) : prop)}${listItem ? "Entry" : ""}${form === "input" ? "Args" : ""}`,
        doc: `${listItem ? "An entry of" : "The value of"} ${whose}\`${prop}\`.`,
    });

/** What the TSDoc of an object adds in the form a program gives. */
const INPUT_FORM = "As a program gives it: each value may be an `Input`.";

/** Objects a computed output or a result field holds, by the schema's output names: `<Owner><Prop>`, a list's items `<Owner><Item>`. */
export const outputNames =
    (owner: string, whose: string): Namer =>
    (prop, listItem) => ({
        name: `${owner}${upper(listItem ? singular(prop) : prop)}`,
        doc: `${listItem ? "An item of" : "The value of"} ${whose}\`${prop}\`.`,
    });

/** A TSDoc comment, indented. */
export function tsdoc(text: string, indent = ""): string[] {
    if (!text) return [];
    const lines = text.split("\n");
    if (lines.length === 1) return [`${indent}/** ${text} */`];
    return [`${indent}/**`, ...lines.map((l) => `${indent} *${l ? ` ${l}` : ""}`), `${indent} */`];
}

/** One property of an interface: its TSDoc, and its declaration. */
export interface Member {
    name: string;
    doc: string;
    optional?: boolean;
    readonly?: boolean;
    type: string;
}

/** The text of an interface's members. */
export function members(list: Member[]): string[] {
    return list.flatMap((m) => [...tsdoc(m.doc, "    "), `    ${m.readonly ? "readonly " : ""}${m.name}${m.optional ? "?" : ""}: ${m.type};`]);
}

/** An exported interface. */
export function interfaceText(name: string, doc: string, body: Member[], heritage = ""): string[] {
    return [...tsdoc(doc), `export interface ${name}${heritage ? ` extends ${heritage}` : ""} {`, ...members(body), "}"];
}

const SIMPLE =
    ts.TypeFlags.String |
    ts.TypeFlags.Number |
    ts.TypeFlags.Boolean |
    ts.TypeFlags.BigInt |
    ts.TypeFlags.StringLiteral |
    ts.TypeFlags.NumberLiteral |
    ts.TypeFlags.BooleanLiteral |
    ts.TypeFlags.BigIntLiteral |
    ts.TypeFlags.Undefined |
    ts.TypeFlags.Null |
    ts.TypeFlags.Never;

/** The named objects of one generated file, and the printer that names them. */
export class PlainTypes {
    /** Each named object: its TSDoc and members' text. */
    readonly declared = new Map<string, { doc: string; body: string[] }>();

    constructor(
        readonly checker: ts.TypeChecker,
        /** The TSDoc of a property symbol (an interface's member, a schema object's property). */
        readonly symbolDoc: (s: ts.Symbol) => string,
    ) {}

    /** Declares a named object; a name declared twice must name the same members (the first TSDoc stays). */
    declare(name: string, doc: string, body: string[], where: string): void {
        const before = this.declared.get(name);
        if (before && before.body.join("\n") !== body.join("\n"))
            throw new Error(`${where}: two different types would both be named ${name}:\n${before.body.join("\n")}\n${body.join("\n")}`);
        if (!before) this.declared.set(name, { doc, body });
    }

    /** The declarations of every named object, by name. */
    declarations(): string[] {
        return [...this.declared.keys()]
            .sort()
            .flatMap((name) => {
                const { doc, body } = this.declared.get(name)!;
                return ["", ...tsdoc(doc), `export interface ${name} {`, ...body, "}"];
            })
            .slice(1);
    }

    /** Whether a value of the type may be left out: `undefined` (or anything) is among its values. */
    optional(type: ts.Type): boolean {
        if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Undefined)) return true;
        return type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Undefined);
    }

    /**
     * The text of `type` in the form asked: in the `input` form what `Inputs<T>` makes of it
     * (provider/model/resource.ts): a list's entries and an object's members each a `pulumi.Input`.
     * `prop` is the property it is found at (for names and messages), `name` names its objects,
     * `doc` is the property's TSDoc (an object there takes it; a list's entries are named by `name`).
     */
    text(type: ts.Type, form: Form, prop: string, name: Namer, where: string, doc = "", listItem = false): string {
        const at = `${where}.${prop}`;
        const c = this.checker;
        if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
            // `Inputs<any>` is not `any`: only `unknown` passes through it as it is.
            if (form === "input" && type.flags & ts.TypeFlags.Any) throw new Error(`${at}: an input of type any has no written form; declare its type`);
            return c.typeToString(type);
        }
        if (type.isUnion()) {
            if (type.types.filter((t) => !(t.flags & SIMPLE)).length > 1) throw new Error(`${at}: a union of objects or lists has no written form here`);
            // Booleans stay `boolean` (a union of `true` and `false` to the checker); null and undefined go last.
            const parts: string[] = [];
            const bools = type.types.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
            const nullish = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
            for (const t of [...type.types.filter((t) => !(t.flags & nullish)), ...type.types.filter((t) => t.flags & nullish)]) {
                if (bools.length === 2 && t.flags & ts.TypeFlags.BooleanLiteral) {
                    if (t === bools[0]) parts.push("boolean");
                    continue;
                }
                parts.push(this.text(t, form, prop, name, where, doc, listItem));
            }
            return parts.join(" | ");
        }
        if (type.flags & SIMPLE) return c.typeToString(type);
        if (c.isTupleType(type)) throw new Error(`${at}: a tuple has no written form here`);
        if (c.isArrayType(type)) {
            const [item] = c.getTypeArguments(type as ts.TypeReference);
            if (!item) throw new Error(`${at}: a list without an item type`);
            const inner = this.text(item, form, prop, name, where, "", true);
            // `Inputs<T>` makes any list a mutable one of inputs.
            if (form === "input") return `pulumi.Input<${inner}>[]`;
            const readonly = type.symbol?.name === "ReadonlyArray" ? "readonly " : "";
            return `${readonly}${inner.includes(" ") ? `(${inner})` : inner}[]`;
        }
        if (type.flags & ts.TypeFlags.Object) {
            if (type.getCallSignatures().length || type.getConstructSignatures().length) throw new Error(`${at}: a function has no written form here`);
            const props = c.getPropertiesOfType(type);
            const index = c.getIndexInfosOfType(type);
            if (props.length === 0 && index.length === 1 && index[0]!.keyType.flags & ts.TypeFlags.String) {
                const value = this.text(index[0]!.type, form, prop, name, where, doc);
                const readonly = index[0]!.isReadonly && form === "plain" ? "readonly " : "";
                return `{ ${readonly}[key: string]: ${form === "input" ? `pulumi.Input<${value}>` : value} }`;
            }
            if (props.length > 0 && index.length === 0) {
                const naming = name(prop, listItem, form);
                const what = (!listItem && doc) || naming.doc;
                this.named(naming.name, form === "input" ? `${what}\n\n${INPUT_FORM}` : what, type, form, name, at);
                return naming.name;
            }
        }
        throw new Error(`${at}: the type ${c.typeToString(type)} has no written form here`);
    }

    /** Declares the object `type` under `named`, in the form asked; its objects are named by `name`. */
    named(named: string, doc: string, type: ts.Type, form: Form, name: Namer, where: string): void {
        const c = this.checker;
        if (!(type.flags & ts.TypeFlags.Object) || c.getIndexInfosOfType(type).length)
            throw new Error(`${where}: ${named} is not an object with named members`);
        const body = members(
            c.getPropertiesOfType(type).map((p) => {
                const doc = this.symbolDoc(p);
                const value = this.text(c.getTypeOfSymbol(p), form, p.name, name, where, doc);
                return {
                    name: p.name,
                    doc,
                    optional: (p.flags & ts.SymbolFlags.Optional) !== 0,
                    type: form === "input" ? `pulumi.Input<${value}>` : value,
                };
            }),
        );
        this.declare(named, doc, body, where);
    }
}
