/**
 * Creation markers on Huawei Cloud VPCEP objects: two tags, hidden from the `tags` input and output.
 *
 * - `pulumi-privatelink-token`: a token unique to the creation. When a create call's response is
 *   lost (the connection drops after the cloud acted), the provider cannot know the new object's
 *   id: it lists the objects and adopts the one with its token (or creates again when none
 *   exists), so a lost response never leaves an orphan or a duplicate. It is the resource's
 *   creation token (recorded in the stack's state) when the engine named the resource, else random.
 * - `pulumi-privatelink-key`: the creation key (provider/lifecycle/creation.ts), by which a later
 *   `pulumi up` finds what an interrupted run of the same stack created.
 */
import { randomBytes } from "node:crypto";
import { adoptAdvice, KEY_TAG, TOKEN_TAG } from "../lifecycle/creation";
import { type UntilKnown, untilKnown } from "../lifecycle/outcomes";
import type { Creation, KeyedObject } from "../model/resource";

export function newMarker(): string {
    return randomBytes(16).toString("hex");
}

type Tag = { key: string; value?: string };

/** The object's creation key and token, as `find` reports it, when it carries the key `key`. */
export function keyedObject(id: string, tags: Tag[] | undefined, key: string, failed: boolean): KeyedObject | undefined {
    if (!(tags ?? []).some((t) => t.key === KEY_TAG && t.value === key)) return undefined;
    return { id, token: tags?.find((t) => t.key === TOKEN_TAG)?.value, failed };
}

/**
 * A create call whose object carries a creation marker tag (added to the request's `tags`), and
 * the creation key when there is one: whenever an answer is lost, `find` looks the object up by
 * that marker and it is adopted; only when nothing is found is the call made again, as often as
 * the time limit allows (provider/lifecycle/outcomes.ts).
 */
export async function createWithMarker<B extends { tags?: Tag[] }, T>(
    body: B,
    create: (request: B & { tags: Tag[] }) => Promise<T>,
    find: (marker: string) => Promise<T | undefined>,
    budget: UntilKnown<T>["budget"],
    creation?: Creation,
): Promise<T> {
    const marker = creation?.token ?? newMarker();
    const ours: Tag[] = [{ key: TOKEN_TAG, value: marker }, ...(creation ? [{ key: KEY_TAG, value: creation.key }] : [])];
    const tags = [...(body.tags ?? []), ...ours];
    const request = { ...body, tags };
    return untilKnown({ attempt: () => create(request), find: () => find(marker), budget });
}

/**
 * DNS resolver endpoints and rules carry no tags: while one is created, its name carries the
 * creation key and token instead (`pl-<key>.<token>`, 64 characters, what names allow); once it
 * is ready it takes the name the program gives. A lost response is found again by this name too.
 */
export function creationName(creation: Creation): string {
    return `pl-${creation.key.slice(0, 28)}.${creation.token}`;
}

/** The object's creation key and token, when its name is a creation name of the key `key`. */
export function keyedByName(id: string, name: string | undefined, key: string, failed: boolean): KeyedObject | undefined {
    const m = /^pl-([0-9a-f]{28})\.([0-9a-f]{32})$/.exec(name ?? "");
    return m && m[1] === key.slice(0, 28) ? { id, token: m[2], failed } : undefined;
}

/**
 * A DNS object's name (or, for a rule, its domain on its endpoint) is taken when it is created or
 * renamed: the object holding it may be this
 * stack's own, renamed by a run killed in the instant between the rename and the end of its
 * creation (it then carries no creation key to prove it), or another stack's. The message names it
 * and both ways out.
 */
export function nameTakenMessage(what: string, id: string, urn: string | undefined, otherwise = "give this resource another name"): string {
    urn ??= "this resource";
    return (
        `${what} already exists (${id}). If \`pulumi stack export\` lists a pending creation of ${urn}, a killed run of this stack made it: ` +
        `${adoptAdvice(urn, id)}. Otherwise it is another stack's: ${otherwise}.`
    );
}
