/**
 * A resource is one declaration: its fields (each with schema, doc, change behaviour, comparison,
 * default and wire mapping), its computed outputs, and the few hooks only it can know (the create,
 * read and delete calls, and the waits). Everything else is derived from it: the `Args` type, the
 * class and its outputs, check, diff, the create and update requests, drift and the reference docs.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { CloudError } from "../../sdk/core/errors";
import { adoptField, commonFields } from "./common";
import type { Computed, Field, FieldOptions, OperationBudget, UpdateNotes } from "./field";
import { joinId } from "./id-parts";
import { resourceToken } from "./token";

export type { OperationBudget } from "./field";

/** A cross-field rule violation, with the path of the input it is reported on. */
export interface RuleViolation {
    path: PropertyKey[];
    message: string;
}

export interface CreateBudget extends OperationBudget {
    /**
     * Must be called as soon as the cloud object exists, so a later failure can remove it. Without
     * an id where the declaration has `idParts`: the engine makes it from the inputs, as it makes
     * the id it records.
     */
    onCreated(id?: string): void;
    /**
     * The engine's cancellation (Ctrl-C). `signal` is held back until the object's id is known, so
     * that the create call is never cut off; this one stops repeating a call whose outcome is unknown.
     */
    cancelled?: AbortSignal;
}

/**
 * What a creation writes on the cloud object so that a later run can find it and prove it is this
 * stack's (provider/lifecycle/creation.ts): absent where the resource has no `find` hook, or the
 * engine did not name the resource.
 */
export interface Creation {
    /** Derived from the URN and the replace-only inputs: what the next run looks the object up by. */
    key: string;
    /** Random, recorded in the stack's state with the inputs: whose the object is. */
    token: string;
}

/** What a resource's `find` reports of an object carrying a creation key (provider/lifecycle/creation.ts). */
export interface KeyedObject {
    id: string;
    /** The creation token the object carries (undefined when it carries none). */
    token?: string;
    /** The cloud reports the creation failed. */
    failed?: boolean;
}

/** A cloud: its config namespace, the inputs all its resources take, and how to get a client. */
export interface Cloud<C, F extends Record<string, Field> = Record<string, Field>> {
    /** The stack config namespace (`huaweicloud`), whose plain-text credentials are warned about. */
    namespace: string;
    /** Inputs every resource of the cloud takes (region, project). */
    fields: F;
    connect(inputs: Record<string, any>): C | Promise<C>;
    /**
     * What to check when the cloud refuses a call (an `auth` error): the settings behind the
     * credentials in use, and where they were used. Undefined when there is nothing to add.
     */
    explain?(e: CloudError, inputs: Record<string, any>): string | undefined;
}

type Fields = Record<string, Field>;

/** The wire name a field declares (never when it has none). */
type WireKey<X> = X extends Field<any, any, any, infer K> ? (string extends K ? never : K) : never;

/**
 * The body the engine builds for a create request from a resource's fields: each field with a
 * wire name `K` gives `Req[K]` — required when the field's value is, optional otherwise. A create
 * hook adds what is irregular; the sdk call then type-checks against the request's own type.
 */
export type BodyOf<F, Req> = {
    [P in keyof F as F[P] extends Field<infer S> ? (undefined extends z.output<S> ? never : WireKey<F[P]>) : never]: WireKey<F[P]> extends keyof Req
        ? Req[WireKey<F[P]>]
        : unknown;
} & {
    [P in keyof F as F[P] extends Field<infer S> ? (undefined extends z.output<S> ? WireKey<F[P]> : never) : never]?: WireKey<F[P]> extends keyof Req
        ? Req[WireKey<F[P]>]
        : unknown;
};
type Outputs = Record<string, Computed>;
/** Anything declared with a schema: resource inputs, lookup arguments. */
export type Schemas = Record<string, { schema: z.ZodType }>;

/** The checked inputs of a field set, as the provider sees them. */
export type InputsOf<F extends Schemas> = {
    [K in keyof F as undefined extends z.output<F[K]["schema"]> ? never : K]: z.output<F[K]["schema"]>;
} & {
    [K in keyof F as undefined extends z.output<F[K]["schema"]> ? K : never]?: z.output<F[K]["schema"]>;
};

/** A plain value as a program may give it: `pulumi.Input` at every level. */
export type Inputs<T> = T extends string | number | boolean | null | undefined
    ? T
    : T extends ReadonlyArray<infer U>
      ? Array<pulumi.Input<Inputs<U>>>
      : T extends object
        ? { [K in keyof T]: pulumi.Input<Inputs<T[K]>> }
        : T;

/** The program-side arguments of a field set. */
export type ArgsOfFields<F extends Schemas> = {
    [K in keyof F as undefined extends z.input<F[K]["schema"]> ? never : K]: pulumi.Input<Inputs<z.input<F[K]["schema"]>>>;
} & {
    [K in keyof F as undefined extends z.input<F[K]["schema"]> ? K : never]?: pulumi.Input<Inputs<z.input<F[K]["schema"]>>>;
};

/**
 * The hooks: what only this resource knows. `I` is its checked inputs, `W` what a read returns,
 * `C` its client, `B` the request body its wire fields make (see {@link BodyOf}).
 */
export interface Hooks<I, W, C, B = Record<string, unknown>> {
    /**
     * Creates the object and waits until it is ready (or failed: then throw). `body` holds every
     * set input that has a wire name, in the wire's form; the hook adds what is irregular.
     */
    create(ctx: { c: C; inputs: I; body: B; budget: CreateBudget; creation?: Creation; urn?: string }): Promise<W>;
    /**
     * The objects that carry the creation key `key` (with the token each carries, and whether its
     * creation failed). With `resume`, it lets `pulumi up` take over what an interrupted run of
     * this stack created instead of creating it again. `tokens` are the creation tokens that would
     * prove an object this stack's (this creation's, and those of this stack's interrupted
     * creations of the same resource): for an object that carries no marker until after its create
     * call, whose token only a repeated idempotent call can show (alicloud/pvtz/zone.ts).
     */
    find?(c: C, inputs: I, key: string, tokens: string[]): Promise<KeyedObject[]>;
    /** Waits until an object whose creation is under way (or done) is ready, and reads it; throws when it failed. */
    resume?(ctx: { c: C; id: string; inputs: I; budget: OperationBudget; urn?: string }): Promise<W>;
    /** The object as the cloud has it now, or undefined when it no longer exists (or is being deleted). */
    read(c: C, id: string, inputs: I): Promise<W | undefined>;
    /** Sends the regular update request: the changed inputs that have a wire name, in the wire's form. */
    put?(c: C, id: string, body: Partial<B>, budget: OperationBudget): Promise<unknown>;
    /** Runs before any update call (waiting for the object to settle). */
    beforeUpdate?(c: C, id: string, budget: OperationBudget): Promise<unknown>;
    /**
     * Runs after the update calls: waits until the object settles and reads it. `olds` are the
     * recorded outputs; `notes` holds what the apply hooks noted on the way. Needed when (and
     * only when) some input updates in place.
     */
    afterUpdate?(ctx: { c: C; id: string; olds: Record<string, any>; news: I; budget: OperationBudget; notes: UpdateNotes }): Promise<W>;
    /** Deletes the object and waits until it is gone; already gone is success. */
    delete(c: C, id: string, inputs: I, budget: OperationBudget): Promise<void>;
    /**
     * The cloud object's id, from what a create or read returned. Left out where the declaration
     * has `idParts` (the engine joins them); a declaration has one or the other, never both.
     */
    id?(wire: W): string;
}

export interface ResourceDeclaration<
    F extends Fields,
    CF extends Fields,
    O extends Outputs,
    W,
    C,
    A extends z.ZodType<string> | undefined,
    Req = Record<string, unknown>,
> {
    /**
     * `<cloud>:<api>:<Name>`: written into the state of every resource (inside the serialized
     * provider), so never renamed. The type token and the title derive from it.
     */
    kind: `${string}:${string}:${string}`;
    cloud: Cloud<C, CF>;
    fields: F;
    outputs: O;
    /** The form of an adoptable object's id; absent when the resource cannot adopt. */
    adopt?: A;
    /**
     * For a resource read through its parents (a permission of a service, a zone of an endpoint):
     * the inputs its id is made of, in order, joined by `/` (the last one takes the rest). The
     * engine makes the id from them and `pulumi import` takes it apart again, both by
     * provider/model/id-parts.ts, so an imported id gives back the inputs it was made of. Such a
     * declaration has no id hook: one besides would be a second way to write the same id.
     */
    idParts?: readonly (keyof F & string)[];
    /**
     * The form of the id, for messages and docs, when the object is read through a parent whose
     * id is an input but its own id is not (a record set of a zone: `<zoneId>/<recordSetId>`); the
     * read hook then takes the parent's id from the id itself.
     */
    idForm?: string;
    /** Cross-field rules; `known(k)` is false for inputs still unknown during preview. */
    refine?(inputs: Partial<InputsOf<F & CF>>, known: (key: keyof F & string) => boolean): RuleViolation[];
    /** Default time limits in ms (10 minutes each unless given). */
    timeouts?: Partial<Timeouts>;
    /** The object that regular fields are read from (default: the read result itself). */
    wire?(w: W): Record<string, any>;
    hooks: Hooks<InputsOf<F & CF> & { timeouts?: unknown; adopt?: string }, W, C, BodyOf<F & CF, Req>>;
}

/** Time limits of the three operations, in ms. */
export interface Timeouts {
    create: number;
    update: number;
    delete: number;
}

const DEFAULT_TIMEOUTS: Timeouts = { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 };

type AdoptFields<A> = A extends z.ZodType<string> ? ReturnType<typeof adoptField<A>> : {};

/** Every input of a declared resource: its own, its cloud's, and the common ones. */
export type AllFields<F extends Fields, CF extends Fields, A> = F & CF & typeof commonFields & AdoptFields<A>;

/** A resource model: the declaration with everything derived from it. */
export interface Model<
    F extends Fields = Fields,
    CF extends Fields = Fields,
    O extends Outputs = Outputs,
    W = any,
    C = any,
    A extends z.ZodType<string> | undefined = any,
    Req = any,
> extends Omit<ResourceDeclaration<F, CF, O, W, C, A, Req>, "timeouts"> {
    /** "huaweicloud.vpcep.EndpointService": how messages and docs name it. */
    title: string;
    /** The native provider's type token: `privatelink:huaweicloud/vpcep:EndpointService` (provider/model/token.ts). */
    token: string;
    /** The dynamic resource's module and type: `pulumi-nodejs:dynamic/<module>:<type>`. */
    module: string;
    type: string;
    /** Every input, the common ones included, by name. */
    all: AllFields<F, CF, A>;
    /** The strict schema of all inputs. */
    schema: z.ZodObject<any>;
    /** Default time limits in ms. */
    timeouts: Timeouts;
    /**
     * The id of the object a create (or adoption) returned as `wire`, for the checked `inputs`:
     * the `idParts` joined, or else what the id hook makes.
     */
    idOf(wire: W, inputs: Record<string, unknown>): string;
}

export type AnyModel = Model<any, any, any, any, any, any, any>;

/** The program-side `Args` of a model. */
export type ArgsOf<M extends AnyModel> = M extends Model<infer F, infer CF, any, any, any, infer A> ? ArgsOfFields<AllFields<F, CF, A>> : never;

/** The checked inputs of a model. */
export type CheckedInputsOf<M extends AnyModel> = M extends Model<infer F, infer CF, any, any, any, infer A> ? InputsOf<AllFields<F, CF, A>> : never;

/** The output properties of a model's resource class. */
export type OutputsOf<M extends AnyModel> =
    M extends Model<infer F, infer CF, infer O, any, any, infer A>
        ? {
              readonly [K in keyof AllFields<F, CF, A> as K extends keyof O ? never : K]: pulumi.Output<z.output<AllFields<F, CF, A>[K]["schema"]>>;
          } & {
              readonly [K in keyof O]: pulumi.Output<ReturnType<O[K]>>;
          }
        : never;

/** Builds a model from a declaration, and checks what types cannot: every update has a way to the cloud. */
export function defineResource<
    F extends Fields,
    CF extends Fields,
    O extends Outputs,
    W,
    C,
    A extends z.ZodType<string> | undefined = undefined,
    Req = Record<string, unknown>,
>(decl: ResourceDeclaration<F, CF, O, W, C, A, Req>): Model<F, CF, O, W, C, A, Req> {
    const [cloud, api, type] = decl.kind.split(":");
    if (type === undefined) throw new Error(`${decl.kind}: the kind is not <cloud>:<api>:<Type>`);
    const all = { ...decl.fields, ...decl.cloud.fields, ...commonFields, ...(decl.adopt ? adoptField(decl.adopt) : {}) } as unknown as AllFields<F, CF, A>;
    const problems: string[] = [];
    for (const [key, f] of Object.entries(all as Fields)) {
        if (f.change === "update" && f.wire === undefined && f.apply === undefined)
            problems.push(`${key} updates in place but has neither a wire name nor an apply hook`);
        if (f.change === "update" && f.wire !== undefined && f.apply === undefined && !decl.hooks.put)
            problems.push(`${key} updates through the regular update request, but there is no put hook`);
        if (f.distinct && !f.unordered) problems.push(`${key} has distinct items but is not unordered`);
        if (f.change === "update" && !decl.hooks.afterUpdate) problems.push(`${key} updates in place, but there is no afterUpdate hook`);
    }
    if (decl.hooks.find && !decl.hooks.resume) problems.push("it has a find hook but no resume hook to take over what it finds");
    for (const key of decl.idParts ?? []) if (!(key in decl.fields)) problems.push(`its id part ${key} is not one of its inputs`);
    if (decl.idParts?.length === 0) problems.push("its idParts is empty (leave it out where the id hook makes the id)");
    // One way to make the id: the joined idParts are what an import splits, so a hook besides them
    // could only make an id that import would read differently.
    if (decl.idParts?.length && decl.hooks.id) problems.push("it has both idParts and an id hook: the id is its idParts joined, so the id hook must go");
    if (!decl.idParts?.length && !decl.hooks.id) problems.push("it has neither idParts nor an id hook: nothing makes its id");
    if (problems.length) throw new Error(`${decl.kind}: the declaration is incomplete:\n  ${problems.join("\n  ")}`);
    const schema = z.object(Object.fromEntries(Object.entries(all as Fields).map(([k, f]) => [k, f.schema]))).strict();
    const { idParts } = decl;
    const idOf = idParts?.length ? (_wire: W, inputs: Record<string, unknown>) => joinId(idParts, inputs) : (wire: W) => decl.hooks.id!(wire);
    return {
        ...decl,
        title: `${cloud}.${api}.${type}`,
        token: resourceToken(decl.kind),
        module: `${cloud}-${api}`,
        type,
        all,
        schema,
        timeouts: { ...DEFAULT_TIMEOUTS, ...decl.timeouts },
        idOf,
    };
}

/** A wire name and conversion checked against the request `Req`: the conversion may be left out only where the value already has the request's type. */
type WireOptions<V, Req, K extends keyof Req & string> = { wire: K } & (NonNullable<V> extends NonNullable<Req[K]>
    ? { toWire?: (value: NonNullable<V>) => Req[K] }
    : { toWire: (value: NonNullable<V>) => Req[K] });

/**
 * The declaration helpers of a resource whose read result is `W`, whose client is `C` and whose
 * create request is `Req` (the sdk's request type): its inputs, its computed outputs and the
 * resource itself, all typed against them. A wire name that is not a key of `Req`, or a value (or
 * conversion) of another type than the request's, does not compile.
 */
export function fieldsOf<W, C, Req = Record<string, unknown>>() {
    function input<S extends z.ZodType>(schema: S, options: FieldOptions<z.output<S>, W, C> & { wire?: undefined; toWire?: undefined }): Field<S, W, C, never>;
    function input<S extends z.ZodType, K extends keyof Req & string>(
        schema: S,
        options: Omit<FieldOptions<z.output<S>, W, C>, "wire" | "toWire"> & WireOptions<z.output<S>, Req, K>,
    ): Field<S, W, C, K>;
    function input(schema: z.ZodType, options: FieldOptions<unknown, W, C>): Field {
        return { schema, ...options } as Field;
    }
    return {
        /** An input with its schema and behaviour (and, when it has one, its place in the create request). */
        input,
        /** A computed output: a function of the read result. */
        output<T>(from: (wire: W) => T): Computed<W, T> {
            return from;
        },
        /** The resource: its declaration, with everything derived from it. */
        define<F extends Fields, CF extends Fields, O extends Outputs, A extends z.ZodType<string> | undefined = undefined>(
            decl: ResourceDeclaration<F, CF, O, W, C, A, Req>,
        ): Model<F, CF, O, W, C, A, Req> {
            return defineResource(decl);
        },
    };
}
