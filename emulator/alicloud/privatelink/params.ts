import { plError } from "./errors";

/**
 * RPC parameters as PrivateLink reads them: flat `Name=value` pairs from the query and the form
 * body, arrays flattened as `Key.N` (1-based) and `Key.N.Sub`.
 */
export class Params {
    private readonly map = new Map<string, string>();

    constructor(pairs: Iterable<[string, string]>) {
        for (const [k, v] of pairs) this.map.set(k, v);
    }

    /** Everything, for resolve() to hand over as route params. */
    static fromRecord(r: Record<string, string>): Params {
        return new Params(Object.entries(r));
    }

    raw(name: string): string | undefined {
        return this.map.get(name);
    }

    str(name: string, opts: { required?: boolean } = {}): string | undefined {
        const v = this.map.get(name);
        if (v === undefined || v === "") {
            if (opts.required) throw plError("MissingParameter", `The input parameter ${name} that is mandatory for processing this request is not supplied.`);
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
        throw plError("InvalidParameter", `${name} must be true or false, got "${v}".`);
    }

    int(name: string, min: number, max: number, code: Parameters<typeof plError>[0] = "InvalidParameter"): number | undefined {
        const v = this.str(name);
        if (v === undefined) return undefined;
        if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) throw plError(code, `${name} must be an integer from ${min} to ${max}, got "${v}".`);
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

/** MaxResults (1–1000, default 50) / NextToken (opaque; ours encode an offset) paging. */
export function page<T>(p: Params, items: T[]): { items: T[]; NextToken: string; MaxResults: number; TotalCount: number } {
    const max = p.int("MaxResults", 1, 1000, "IllegalParam.MaxResults") ?? 50;
    const token = p.str("NextToken");
    let offset = 0;
    if (token !== undefined) {
        const m = /^FFemu(\d+)$/.exec(token);
        if (!m) throw plError("IllegalParam.NextToken", `NextToken "${token}" was not returned by a previous call.`);
        offset = Number(m[1]);
    }
    const slice = items.slice(offset, offset + max);
    const next = offset + max < items.length ? `FFemu${offset + max}` : "";
    return { items: slice, NextToken: next, MaxResults: max, TotalCount: items.length };
}
