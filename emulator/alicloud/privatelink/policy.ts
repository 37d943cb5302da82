/**
 * The endpoint's RAM access policy (`PolicyDocument`, CreateVpcEndpoint / UpdateVpcEndpointAttribute
 * in the official SDK 4.0.9: "The RAM access policy", see RAM's policy elements). The emulator
 * checks the document's shape as RAM's policy grammar states it: a JSON object with `Version` "1"
 * and a non-empty `Statement` list whose entries each have `Effect` Allow or Deny and an `Action`.
 * The text is kept as sent (the cloud's own reformatting is not known).
 */
import { plError } from "./errors";

const EFFECTS = ["Allow", "Deny"];

/** The document as sent, once its shape is checked; `IllegalParam.PolicyDocument` otherwise. */
export function policyDocumentParam(text: string | undefined): string | undefined {
    if (text === undefined || text === "") return undefined;
    const bad = (why: string) => plError("IllegalParam.PolicyDocument", `PolicyDocument ${why}.`);
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch {
        throw bad("is not JSON");
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw bad("is not a JSON object");
    const { Version, Statement } = doc as { Version?: unknown; Statement?: unknown };
    if (Version !== undefined && Version !== "1") throw bad(`has Version ${JSON.stringify(Version)}; RAM policies are version "1"`);
    if (!Array.isArray(Statement) || Statement.length === 0) throw bad("has no Statement list");
    Statement.forEach((st, i) => {
        if (!st || typeof st !== "object" || Array.isArray(st)) throw bad(`Statement[${i}] is not an object`);
        const { Effect, Action } = st as { Effect?: unknown; Action?: unknown };
        if (typeof Effect !== "string" || !EFFECTS.includes(Effect)) throw bad(`Statement[${i}].Effect must be Allow or Deny`);
        if (Action === undefined) throw bad(`Statement[${i}] has no Action`);
    });
    return text;
}
