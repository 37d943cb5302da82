/**
 * The part of the Pulumi package schema this package uses
 * (https://www.pulumi.com/docs/iac/extending-pulumi/schema/), as TypeScript types.
 */

/** A property's type: a primitive, a list, a map, or a reference to a named type. */
export type TypeSpec =
    | { type: "string" | "number" | "integer" | "boolean" }
    | { type: "array"; items: TypeSpec }
    | { type: "object"; additionalProperties: TypeSpec }
    | { $ref: string };

export type PropertySpec = TypeSpec & {
    description?: string;
    /** The only value the property takes. */
    const?: string | number | boolean;
    /** The value the SDKs send when the program gives none. */
    default?: string | number | boolean;
    secret?: boolean;
    /** The SDKs ask the engine to replace the resource when the provider reports the property changed. */
    replaceOnChanges?: boolean;
    /** Documents that the provider replaces the resource when the property changes. */
    willReplaceOnChanges?: boolean;
};

export interface ObjectTypeSpec {
    type: "object";
    description?: string;
    properties: Record<string, PropertySpec>;
    required?: string[];
}

export interface EnumTypeSpec {
    type: "string";
    description?: string;
    enum: Array<{ value: string }>;
}

export interface ResourceSpec {
    description?: string;
    properties: Record<string, PropertySpec>;
    required?: string[];
    inputProperties: Record<string, PropertySpec>;
    requiredInputs?: string[];
}

export interface FunctionSpec {
    description?: string;
    inputs: { properties: Record<string, PropertySpec>; required?: string[] };
    outputs: { properties: Record<string, PropertySpec>; required?: string[] };
}

export interface PackageSpec {
    name: string;
    displayName: string;
    description: string;
    keywords: string[];
    license: string;
    /** Who publishes the package (the .NET package's authors). */
    publisher?: string;
    /** The package's version; required with `meta.supportPack`. */
    version?: string;
    /** `supportPack`: the SDKs are laid out for packing (the Go SDK has its go.mod, each package the schema's version). */
    meta: { moduleFormat: string; supportPack?: boolean };
    /** Each language's options for its code generator (package names, import paths, namespaces). */
    language?: Record<string, Record<string, unknown>>;
    config: { variables: Record<string, PropertySpec> };
    provider: { description: string; inputProperties: Record<string, PropertySpec> };
    resources: Record<string, ResourceSpec>;
    functions: Record<string, FunctionSpec>;
    types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
}
