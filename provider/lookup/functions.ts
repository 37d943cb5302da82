/**
 * The program-side half of a lookup: the functions a program calls. They load the lookup's
 * declaration (its schemas and the cloud client) on first call, so a program that never looks
 * anything up loads neither.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ArgsOfFields } from "../model/resource";
import type { AnyLookup, Lookup, LookupArgs, LookupItem, LookupResult } from "./declaration";

/** Arguments as a program may give them to the `Output` form: `pulumi.Input` at every level. */
export type LookupOutputArgs<D extends AnyLookup> = D extends Lookup<infer A, infer CA, any, any, any, any> ? ArgsOfFields<A & CA> : never;

/** The argument list: optional when no argument is required. */
type Params<T> = {} extends T ? [args?: T] : [args: T];

export function lookupFunctions<D extends AnyLookup>(load: () => Promise<D>) {
    const unwrap = (args: unknown) => pulumi.output(args ?? {}) as pulumi.Output<LookupArgs<D>>;
    return {
        find: (...[args]: Params<LookupArgs<D>>): Promise<LookupResult<D>> => load().then((d) => d.find(args ?? {}) as Promise<LookupResult<D>>),
        findOutput: (...[args]: Params<LookupOutputArgs<D>>): pulumi.Output<LookupResult<D>> =>
            unwrap(args).apply((plain) => load().then((d) => d.find(plain) as Promise<LookupResult<D>>)),
        findOne: (...[args]: Params<LookupArgs<D>>): Promise<LookupItem<D>> => load().then((d) => d.findOne(args ?? {}) as Promise<LookupItem<D>>),
        findOneOutput: (...[args]: Params<LookupOutputArgs<D>>): pulumi.Output<LookupItem<D>> =>
            unwrap(args).apply((plain) => load().then((d) => d.findOne(plain) as Promise<LookupItem<D>>)),
    };
}
