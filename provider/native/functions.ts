/**
 * The lookups as the native provider's functions (Invoke): `privatelink:huaweicloud/vpcep:getEndpoints`
 * returns every match, `…:getEndpoint` exactly one — the same declarations, arguments, checks and
 * errors as the TypeScript functions. The tokens and the loaders of their declarations are
 * generated from the declarations (`provider/native/lookups.ts`, `npm run docs`); a declaration is
 * loaded on the first Invoke of one of its tokens.
 */
import type { AnyLookup } from "../lookup/declaration";
import { LOOKUPS } from "./lookups";

/** A function: its lookup, and whether it returns every match or exactly one. */
export interface NativeFunction {
    lookup: AnyLookup;
    form: "find" | "findOne";
}

/** Every function token this version of the plugin serves. */
export const FUNCTION_TOKENS: readonly string[] = Object.keys(LOOKUPS);

/** The function of a token, its declaration loaded; undefined for a token this version does not know. */
export async function nativeFunction(token: string): Promise<NativeFunction | undefined> {
    const entry = Object.hasOwn(LOOKUPS, token) ? LOOKUPS[token] : undefined;
    return entry && { lookup: await entry.load(), form: entry.form };
}
