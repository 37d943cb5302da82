import type { ApiError } from "../../core/api-error";

/** How an API words a missing or malformed parameter (its own codes and envelope). */
export type ParamErrors = (code: "MissingParameter" | "InvalidParameter", message: string) => ApiError;

/**
 * RPC parameters as Alibaba's APIs read them: flat `Name=value` pairs from the query and the form
 * body, arrays flattened as `Key.N` (1-based) and `Key.N.Sub`.
 */
export class RpcParams {
    private readonly map = new Map<string, string>();

    constructor(
        pairs: Iterable<[string, string]>,
        protected readonly fail: ParamErrors,
    ) {
        for (const [k, v] of pairs) this.map.set(k, v);
    }

    raw(name: string): string | undefined {
        return this.map.get(name);
    }

    str(name: string, opts: { required?: boolean } = {}): string | undefined {
        const v = this.map.get(name);
        if (v === undefined || v === "") {
            if (opts.required)
                throw this.fail("MissingParameter", `The input parameter ${name} that is mandatory for processing this request is not supplied.`);
            return undefined;
        }
        return v;
    }

    required(name: string): string {
        return this.str(name, { required: true })!;
    }

    /**
     * A boolean as clients spell it: `true`/`false` from the TypeScript and Java SDKs, `True`/`False`
     * from the Python SDK (it writes str(bool) into the query), which the cloud accepts alike.
     */
    bool(name: string): boolean | undefined {
        const v = this.str(name)?.toLowerCase();
        if (v === undefined) return undefined;
        if (v === "true" || v === "false") return v === "true";
        throw this.fail("InvalidParameter", `${name} must be true or false, got "${v}".`);
    }

    /** An integer within [min, max]; `invalid` raises the API's own error for one outside. */
    integer(name: string, min: number, max: number, invalid?: (message: string) => ApiError): number | undefined {
        const v = this.str(name);
        if (v === undefined) return undefined;
        if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
            const message = `${name} must be an integer from ${min} to ${max}, got "${v}".`;
            throw invalid ? invalid(message) : this.fail("InvalidParameter", message);
        }
        return Number(v);
    }

    /** `Key.1`, `Key.2`, … (also `Key.1.Sub` objects through {@link objects}). */
    list(name: string): string[] {
        return this.indices(name)
            .map((i) => this.map.get(`${name}.${i}`) ?? "")
            .filter((v) => v !== "");
    }

    /** `Key.N.Sub` entries grouped by N, in N order. */
    objects(name: string): Array<Record<string, string>> {
        return this.indices(name).map((i) => {
            const o: Record<string, string> = {};
            const prefix = `${name}.${i}.`;
            for (const [k, v] of this.map) if (k.startsWith(prefix)) o[k.slice(prefix.length)] = v;
            return o;
        });
    }

    private indices(name: string): number[] {
        const re = new RegExp(`^${name.replace(/[.]/g, "\\.")}\\.(\\d+)(\\.|$)`);
        const set = new Set<number>();
        for (const k of this.map.keys()) {
            const m = re.exec(k);
            if (m) set.add(Number(m[1]));
        }
        return [...set].sort((a, b) => a - b);
    }
}
