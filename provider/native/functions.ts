/**
 * The lookups as the native provider's functions (Invoke): `privatelink:huaweicloud/vpcep:getEndpoints`
 * returns every match, `…:getEndpoint` exactly one — the same declarations, arguments, checks and
 * errors as the TypeScript functions. They are found where the declarations live
 * (`provider/<cloud>/<api>/lookups/`), once per process, on the first Invoke.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { AnyLookup } from "../lookup/declaration";
import { functionToken } from "../model/token";

/** A function: its lookup, and whether it returns every match or exactly one. */
export interface NativeFunction {
    lookup: AnyLookup;
    form: "find" | "findOne";
}

let functions: Map<string, NativeFunction> | undefined;

/** Every lookup function of this package, by token. */
export function nativeFunctions(root = path.join(__dirname, "..")): Map<string, NativeFunction> {
    if (functions) return functions;
    const out = new Map<string, NativeFunction>();
    for (const cloud of ["huaweicloud", "alicloud"]) {
        const cloudDir = path.join(root, cloud);
        if (!fs.existsSync(cloudDir)) continue;
        for (const api of fs.readdirSync(cloudDir)) {
            const dir = path.join(cloudDir, api, "lookups");
            if (!fs.existsSync(dir)) continue;
            for (const file of fs.readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith(".d.ts"))) {
                const mod = require(path.join(dir, file)) as Record<string, unknown>;
                for (const value of Object.values(mod)) {
                    const lookup = value as AnyLookup;
                    if (!lookup || typeof lookup !== "object" || lookup.lookup !== true) continue;
                    if (lookup.name) out.set(functionToken(lookup.module, lookup.name), { lookup, form: "find" });
                    if (lookup.one) out.set(functionToken(lookup.module, lookup.one), { lookup, form: "findOne" });
                }
            }
        }
    }
    functions = out;
    return out;
}
