/**
 * A lookup is one declaration, like a resource: its arguments (each a schema with its limits and a
 * TSDoc comment), the fields of one result item (each a function of what the API returns, with its
 * TSDoc), the list call and the filters the API lacks. From it come the argument checks (the same
 * messages as a resource's `check`), the plain and the `Output` functions, the exactly-one form,
 * and the reference page.
 */
import { z } from "zod";
import { CloudError } from "../../sdk/core/errors";
import { failuresFromIssues, formatPath, show, valueAt } from "../lifecycle/validate";
import type { Computed, Field } from "../model/field";
import type { Cloud, InputsOf, RuleViolation, Schemas } from "../model/resource";
import { LookupAmbiguousError, LookupArgumentError, LookupNotFoundError, lookupFailure } from "./errors";
import { useProgramConfig } from "./program-config";

type Fields = Record<string, Field>;

/** The fields of one result item, each computed from what the API returns. */
export type Items<W> = Record<string, Computed<W>>;

/** One result item. */
export type ItemOf<I extends Items<any>> = { [K in keyof I]: ReturnType<I[K]> };

/** Arguments as plain values (what the Promise form takes). */
export type PlainArgsOf<F extends Schemas> = {
    [K in keyof F as undefined extends z.input<F[K]["schema"]> ? never : K]: z.input<F[K]["schema"]>;
} & {
    [K in keyof F as undefined extends z.input<F[K]["schema"]> ? K : never]?: z.input<F[K]["schema"]>;
};

export interface LookupDeclaration<A extends Schemas, CA extends Fields, W, C, L extends string, I extends Items<W>> {
    /** `<cloud>:<api>`: where the functions live (`huaweicloud.vpcep.getPublicServices`). */
    module: `${string}:${string}`;
    /** The function that returns every match: `getPublicServices` (absent when only one can match). */
    name?: `get${string}`;
    /** The function that returns exactly one match, where that makes sense: `getPublicService`. */
    one?: `get${string}`;
    /** The type name of one result item, in the cloud's vocabulary: `PublicService`. */
    itemType: string;
    /** One item in words, for messages: "public endpoint service". */
    what: string;
    cloud: Cloud<C, CA>;
    args: A;
    /** Rules across arguments. */
    refine?(args: InputsOf<A & CA>): RuleViolation[];
    /** The result's list property: `services`. */
    list: L;
    item: I;
    /** The API operations it calls (the permissions it needs), for the reference page. */
    calls: string[];
    /** Every object the API returns for the arguments it filters on, every page. */
    fetch(c: C, args: InputsOf<A & CA>): Promise<W[]>;
    /** The filters the API lacks, applied to what `fetch` returned. */
    keep?(w: W, args: InputsOf<A & CA>): boolean;
    /** Exactly-one form: among several matches, the ones that match exactly (a full name) win. */
    exact?(w: W, args: InputsOf<A & CA>): boolean;
    /** How a message names one match: "cn-north-4.com.myhuaweicloud.v4.obsv2 (2222…)". */
    label(w: W): string;
    /** How to narrow a search that matched several: "give serviceId, or the full serviceName". */
    narrow: string;
}

/** A declared lookup, with what is derived from it. */
export interface Lookup<A extends Schemas, CA extends Fields, W, C, L extends string, I extends Items<W>> extends LookupDeclaration<A, CA, W, C, L, I> {
    readonly lookup: true;
    /** "huaweicloud.vpcep": how messages and docs name the module. */
    title: string;
    /** Every argument, the cloud's included. */
    all: A & CA;
    /** The strict schema of all arguments. */
    schema: z.ZodObject<any>;
    /** Every match. */
    find(args: PlainArgsOf<A & CA>): Promise<{ [K in L]: ItemOf<I>[] }>;
    /** Exactly one match (raises when there are none or several). */
    findOne(args: PlainArgsOf<A & CA>): Promise<ItemOf<I>>;
}

export type AnyLookup = Lookup<any, any, any, any, any, any>;

/** The plain arguments of a lookup. */
export type LookupArgs<D extends AnyLookup> = D extends Lookup<infer A, infer CA, any, any, any, any> ? PlainArgsOf<A & CA> : never;
/** One result item of a lookup. */
export type LookupItem<D extends AnyLookup> = D extends Lookup<any, any, any, any, any, infer I> ? ItemOf<I> : never;
/** The result of a lookup's every-match form. */
export type LookupResult<D extends AnyLookup> = D extends Lookup<any, any, any, any, infer L, infer I> ? { [K in L]: ItemOf<I>[] } : never;

/** The arguments given, in words: `serviceName "obs", serviceType "gateway"`. */
function described(args: Record<string, unknown>): string {
    const given = Object.entries(args).filter(([, v]) => v !== undefined);
    return given.length ? given.map(([k, v]) => `${k} ${show(v)}`).join(", ") : "no filter";
}

export function defineLookup<A extends Schemas, CA extends Fields, W, C, L extends string, I extends Items<W>>(
    decl: LookupDeclaration<A, CA, W, C, L, I>,
): Lookup<A, CA, W, C, L, I> {
    const all = { ...decl.args, ...decl.cloud.fields } as A & CA;
    const schema = z.object(Object.fromEntries(Object.entries(all as Schemas).map(([k, f]) => [k, f.schema]))).strict();
    if (!decl.name && !decl.one) throw new Error(`${decl.module}: a lookup needs a name, a one, or both`);
    const title = decl.module.replace(":", ".");
    const fnName = (name: string) => `${title}.${name}`;

    /** Checked arguments, or the error naming each argument, its value and the rule it breaks. */
    const check = (fn: string, raw: unknown): InputsOf<A & CA> => {
        const given: Record<string, unknown> = {};
        for (const [k, v] of Object.entries((raw ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== null) given[k] = v;
        const parsed = schema.safeParse(given);
        if (!parsed.success) {
            const reasons = failuresFromIssues(parsed.error.issues, given, [], "is not an argument of this function").map((f) => f.reason);
            throw new LookupArgumentError(fn, reasons);
        }
        const args = parsed.data as InputsOf<A & CA>;
        const violations = decl.refine?.(args) ?? [];
        if (violations.length)
            throw new LookupArgumentError(
                fn,
                violations.map((v) => `${formatPath(v.path)}: ${show(valueAt(args, v.path))} ${v.message}`),
            );
        return args;
    };

    /** What the API returns for the arguments; its errors as one plain message with what to check. */
    const matches = async (fn: string, args: InputsOf<A & CA>): Promise<W[]> => {
        try {
            useProgramConfig();
            const c = await decl.cloud.connect(args as Record<string, any>);
            const found = await decl.fetch(c, args);
            return decl.keep ? found.filter((w) => decl.keep!(w, args)) : found;
        } catch (e) {
            throw lookupFailure(fn, e, (err) => (err instanceof CloudError ? decl.cloud.explain?.(err, args as Record<string, any>) : undefined));
        }
    };

    const toItem = (w: W): ItemOf<I> => {
        const out: Record<string, unknown> = {};
        for (const [k, from] of Object.entries(decl.item)) out[k] = from(w);
        return out as ItemOf<I>;
    };

    return {
        ...decl,
        lookup: true,
        title,
        all,
        schema,
        async find(raw) {
            const fn = fnName(decl.name ?? decl.one!);
            const found = await matches(fn, check(fn, raw));
            return { [decl.list]: found.map(toItem) } as { [K in L]: ItemOf<I>[] };
        },
        async findOne(raw) {
            const fn = fnName((decl.one ?? decl.name)!);
            const args = check(fn, raw);
            const found = await matches(fn, args);
            const exact = decl.exact ? found.filter((w) => decl.exact!(w, args)) : [];
            const pick = exact.length === 1 ? exact : found;
            const [only, ...others] = pick;
            if (only === undefined) throw new LookupNotFoundError(fn, `found no ${decl.what} with ${described(args)}.`);
            if (others.length === 0) return toItem(only);
            const labels = pick.map((w) => decl.label(w));
            const shown = labels.length > 10 ? [...labels.slice(0, 10), `… ${labels.length - 10} more`] : labels;
            throw new LookupAmbiguousError(
                fn,
                `found ${pick.length} ${decl.what}s with ${described(args)}: ${shown.join(", ")}. It must find exactly one: ${decl.narrow}.`,
                labels,
            );
        },
    };
}
