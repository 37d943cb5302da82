/**
 * Creation keys: how a `pulumi up` finds what an interrupted run of the same stack created, and
 * why it never takes another stack's object.
 *
 * Every object this package creates carries two values (a tag, Alibaba's ClientToken, a DNS
 * object's name while it is created — see each resource's `find`):
 * - the creation KEY, derived from what every run of the stack knows: the resource's URN (project,
 *   stack, type and name) and the inputs that cannot change in place. The next run finds the
 *   object by it. A replacement has other replace-only inputs, so its new object never matches
 *   the old one's key.
 * - the creation TOKEN, random, made by `check` and stored by the engine with the checked inputs
 *   (`__creationToken`): in the state once the creation finished, and in the checkpoint's pending
 *   operation while it runs — where it stays when the CLI is killed.
 *
 * A key alone proves nothing: a stack with the same project and stack names in another backend
 * (two developers' local `dev` stacks against one account) derives the same keys. An object with
 * this resource's key is this stack's only when its token is this creation's own, or one of the
 * tokens of this stack's pending creations of the same URN (provider/runtime/stack-record.ts reads
 * them from the stack's own checkpoint). Such an object is taken over (waited for, updated); one
 * that failed is deleted and created again. An object whose token is unknown is never touched;
 * when it blocks the creation (a name that must be unique), or the record cannot be read, the
 * error names it and the way out.
 */
import { createHash, randomBytes } from "node:crypto";
import type { Field } from "../model/field";
import type { KeyedObject } from "../model/resource";

/**
 * The tags that carry the creation key and token on the objects of the clouds that have tags
 * (Huawei VPCEP, Alibaba PrivateLink), hidden from every resource's `tags` input and output.
 */
export const KEY_TAG = "pulumi-privatelink-key";
export const TOKEN_TAG = "pulumi-privatelink-token";

/** Tags without the creation tags this package adds. */
export function withoutCreationTags(tags: Record<string, string>): Record<string, string> {
    const { [KEY_TAG]: _key, [TOKEN_TAG]: _token, ...rest } = tags;
    return rest;
}

/** The input, kept in the state, that holds a resource's creation token. */
export const TOKEN_INPUT = "__creationToken";

/** A fresh creation token (32 hex digits). */
export function newCreationToken(): string {
    return randomBytes(16).toString("hex");
}

/** JSON with sorted object keys: equal values give equal text. */
function canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (v && typeof v === "object")
        return `{${Object.keys(v as object)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
            .join(",")}}`;
    return JSON.stringify(v);
}

/**
 * The creation key of a resource (32 hex digits): its URN and the values of its inputs that cannot
 * change in place (a changed one means a new object).
 */
export function creationKey(urn: string, fields: Record<string, Field>, inputs: Record<string, unknown>): string {
    const identity: Record<string, unknown> = {};
    for (const [k, f] of Object.entries(fields)) if (f.change === "replace" && k !== "adopt") identity[k] = inputs[k] ?? f.default;
    return createHash("sha256")
        .update(`${urn}\n${canonical(identity)}`)
        .digest("hex")
        .slice(0, 32);
}

export type { KeyedObject } from "../model/resource";

/** The objects found, sorted by whose they are. */
export interface Ownership {
    /** Proven this stack's: made by this creation or by an interrupted one of this stack. */
    mine: KeyedObject[];
    /** Made by some other run whose record is not this stack's (another stack with the same names). */
    others: KeyedObject[];
    /** Not provable either way: this stack's record could not be read. */
    unknown: KeyedObject[];
}

/** Sorts found objects by the token of this creation and this stack's pending creations (undefined: unreadable). */
export function sortByOwner(found: KeyedObject[], token: string, pending: Set<string> | undefined): Ownership {
    const out: Ownership = { mine: [], others: [], unknown: [] };
    for (const o of found) {
        if (o.token !== undefined && (o.token === token || pending?.has(o.token))) out.mine.push(o);
        else if (pending === undefined && o.token !== undefined) out.unknown.push(o);
        else out.others.push(o);
    }
    return out;
}

/** The error when objects carrying this resource's key cannot be proven this stack's. */
export function unprovenMessage(title: string, urn: string, objects: KeyedObject[], why: string): string {
    const ids = objects.map((o) => o.id).join(", ");
    const id = objects[0]!.id;
    return (
        `${title}: found ${ids} carrying this resource's creation key, and did not take it over: ${why}. ` +
        "A stack with the same project and stack names in another backend would make the same key. " +
        `If \`pulumi stack export\` lists a pending creation of ${urn} (this stack's run was interrupted), ` +
        `${adoptAdvice(urn, id)}; ` +
        "otherwise it belongs to another stack: give this resource another name, or remove the other stack's object."
    );
}

/**
 * How a user takes over an object this run cannot prove is this stack's: the `adopt` input for one
 * `pulumi up` (docs/adopting.md; removing it afterwards changes only the state). Tests and the chaos
 * run read the id back from this sentence.
 */
export function adoptAdvice(urn: string, id: string): string {
    return `take it over by giving ${urn} the input adopt: "${id}" for one \`pulumi up\` (removing the input afterwards changes only the state)`;
}
