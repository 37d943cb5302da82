/**
 * JSON documents given as text (access policies): compared as the values they hold, never as
 * text. Object keys are sorted and whitespace dropped, so a document whose keys the program
 * writes in another order, or that the cloud stores with its own spacing, plans no change; the
 * order of list items is kept (it may matter to the document's reader).
 */
import { z } from "zod";

/** The canonical text of a JSON value: object keys sorted, no whitespace. */
export function canonicalJson(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
    if (v && typeof v === "object") {
        const keys = Object.keys(v as Record<string, unknown>).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    return JSON.stringify(v ?? null);
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
    /** What the document is, for messages ("policy document"). */
    what: string;
    /** The longest text the cloud accepts, counted on the text as given. */
    maxLength?: number;
    /**
     * The document's own rules, run on the parsed object: a message completing "<field>: <value> …"
     * for the first rule broken, or undefined.
     */
    shape?: (doc: Record<string, unknown>) => string | undefined;
}

/**
 * A JSON object given as text (`JSON.stringify(...)` in a program), checked and turned into its
 * canonical text: what the state records and what the diff compares, so key order and whitespace
 * never plan a change. Pair it with a read that returns `canonicalJsonText` of the cloud's text.
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
            return fail(`is not JSON (${(e as Error).message}); give the ${opts.what} as JSON text, such as JSON.stringify({...})`);
        }
        if (!doc || typeof doc !== "object" || Array.isArray(doc)) return fail(`is not a JSON object; a ${opts.what} is one {...}`);
        const broken = opts.shape?.(doc as Record<string, unknown>);
        if (broken !== undefined) return fail(broken);
        return canonicalJson(doc);
    });
}
