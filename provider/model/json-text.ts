/**
 * Inputs that are JSON documents given as text (endpoint policies): the text must parse, the
 * parsed value must have the declared shape, and the checked input is the value's canonical text
 * (object keys sorted, no whitespace; `canonical` in ./compare.ts). Two texts that differ only in
 * key order or layout are then the same input, so they never plan a change, and a read compares
 * the cloud's parsed value by the same canonical text. The schema is the one place that says it:
 * no field option or comparison rule elsewhere has to know the input is JSON.
 */
import { z } from "zod";
import { canonical } from "./compare";

/** `[0].Action[1]`: where inside the document an issue is. */
function jsonPath(path: readonly PropertyKey[]): string {
    return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
}

/**
 * A JSON text input whose parsed value must match `shape`; its checked value is the canonical text.
 * `what` names the document in messages ("a policy statement list").
 */
export function jsonText(shape: z.ZodType, what: string) {
    return z.string().transform((text, ctx) => {
        let parsed: unknown;
        try {
            parsed = JSON.parse(text);
        } catch (e) {
            ctx.addIssue({ code: "custom", message: `is not JSON (${(e as Error).message}); give ${what} as JSON text` });
            return z.NEVER;
        }
        const r = shape.safeParse(parsed);
        if (!r.success) {
            for (const issue of r.error.issues) {
                const at = jsonPath(issue.path);
                ctx.addIssue({ code: "custom", message: `is not ${what}: ${at ? `${at} ` : ""}${issue.message}` });
            }
            return z.NEVER;
        }
        return canonical(parsed);
    });
}

/** The canonical text of a value the cloud reports (undefined when it reports none). */
export function canonicalJson(v: unknown): string | undefined {
    return v === undefined || v === null ? undefined : canonical(v);
}
