/**
 * JSON documents given as text (access policies): compared as the values they hold, never as
 * text. Object keys are sorted and whitespace dropped, so a document whose keys the program
 * writes in another order, or that the cloud stores with its own spacing, plans no change; the
 * order of list items is kept (it may matter to the document's reader).
 */
import { z } from "zod";
import { canonical } from "./compare";

/**
 * The canonical text of a JSON value (object keys sorted, no whitespace: `canonical` of
 * ./compare.ts), or undefined when there is none: what a read makes of a document the cloud
 * reports as a parsed value.
 */
export function canonicalJson(v: unknown): string | undefined {
    return v === undefined || v === null ? undefined : canonical(v);
}

/**
 * The canonical text of a JSON document given as text, or undefined when it is absent, empty or
 * not JSON (what a read does with the text the cloud reports: an unreadable one is shown as it is
 * by the caller, or as absent).
 */
export function canonicalJsonText(text: string | undefined | null): string | undefined {
    if (text === undefined || text === null || text.trim() === "") return undefined;
    try {
        return canonicalJson(JSON.parse(text));
    } catch {
        return undefined;
    }
}

/** Whether two JSON texts hold the same value (both absent counts as the same). */
export function sameJsonText(a: string | undefined, b: string | undefined): boolean {
    return canonicalJsonText(a) === canonicalJsonText(b);
}

export interface JsonDocumentOptions {
    /** What the document is, for messages ("policy document", "list of policy statements"). */
    what: string;
    /** The longest text the cloud accepts, counted on the text as given. */
    maxLength?: number;
    /**
     * The document's own rules: a zod schema of the parsed value (its issues are reported with
     * where inside the document they are, `[0].Action`), or a function of a parsed JSON object
     * returning a message that completes "<field>: <value> …" for the first rule broken. Without a
     * schema, the document must be a JSON object.
     */
    shape?: z.ZodType | ((doc: Record<string, unknown>) => string | undefined);
}

/** `[0].Action[1]`: where inside the document an issue is. */
function jsonPath(path: readonly PropertyKey[]): string {
    return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

/**
 * A JSON document given as text (`JSON.stringify(...)` in a program), checked and turned into its
 * canonical text: what the state records and what the diff compares, so key order and whitespace
 * never plan a change. Pair it with a read that returns the canonical text of what the cloud has
 * (`canonicalJsonText`, `canonicalJson`). The schema is the one place that says it: no field
 * option or comparison rule elsewhere has to know the input is JSON.
 */
export function jsonDocument(opts: JsonDocumentOptions) {
    return z.string().transform((text, ctx) => {
        const fail = (message: string) => {
            ctx.addIssue({ code: "custom", message });
            return z.NEVER;
        };
        if (opts.maxLength !== undefined && text.length > opts.maxLength) return fail(`is longer than ${opts.maxLength} characters (the ${opts.what}'s limit)`);
        let doc: unknown;
        try {
            doc = JSON.parse(text);
        } catch (e) {
            return fail(`is not JSON (${(e as Error).message}); give the ${opts.what} as JSON text, such as JSON.stringify(...)`);
        }
        const shape = opts.shape;
        if (shape instanceof z.ZodType) {
            const r = shape.safeParse(doc);
            if (!r.success) {
                for (const issue of r.error.issues) {
                    const at = jsonPath(issue.path);
                    ctx.addIssue({ code: "custom", message: `is not a ${opts.what}: ${at ? `${at} ` : ""}${issue.message}` });
                }
                return z.NEVER;
            }
        } else {
            if (!doc || typeof doc !== "object" || Array.isArray(doc)) return fail(`is not a JSON object; a ${opts.what} is one {...}`);
            const broken = shape?.(doc as Record<string, unknown>);
            if (broken !== undefined) return fail(broken);
        }
        return canonical(doc);
    });
}
