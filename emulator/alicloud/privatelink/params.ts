import { RpcParams } from "../rpc/params";
import { plError } from "./errors";

/** RPC parameters, with PrivateLink's codes for missing and malformed ones. */
export class Params extends RpcParams {
    constructor(pairs: Iterable<[string, string]>) {
        super(pairs, (code, message) => plError(code, message));
    }

    /** Everything, for resolve() to hand over as route params. */
    static fromRecord(r: Record<string, string>): Params {
        return new Params(Object.entries(r));
    }

    /** An integer within [min, max]; out of range answers `code`. */
    int(name: string, min: number, max: number, code: Parameters<typeof plError>[0] = "InvalidParameter"): number | undefined {
        return this.integer(name, min, max, (message) => plError(code, message));
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
