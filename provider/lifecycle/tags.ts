/**
 * Resource tags as a map, shared by every cloud's `tags` input: each API's own limits, with the
 * package's two creation tags (creation.ts: KEY_TAG, TOKEN_TAG) refused as keys and counted
 * against the cloud's limit per resource.
 */
import { z } from "zod";
import { KEY_TAG, TOKEN_TAG } from "./creation";

/** What one cloud API allows of a resource's tags, for {@link tagMap}. */
export interface TagRules {
    keyMax: number;
    valueMax: number;
    /** The tags the cloud takes per resource, and how many of them this package's own take (the creation key and token). */
    perResource: number;
    ours: number;
    /** The rules beyond length, each a test and what the message says when it fails. */
    key: ReadonlyArray<readonly [(k: string) => boolean, string]>;
    value: ReadonlyArray<readonly [(v: string) => boolean, string]>;
}

const CREATION_TAGS: readonly string[] = [KEY_TAG, TOKEN_TAG];

/**
 * Resource tags as a map, with one API's limits. The keys of the package's own creation tags are
 * refused whatever the API: those tags are hidden from every `tags` input and output, so a user's
 * tag of that key would be overwritten at creation and never shown.
 */
export function tagMap(r: TagRules) {
    let key = z
        .string()
        .min(1, `is empty; tag keys have 1–${r.keyMax} characters`)
        .max(r.keyMax, `is longer than ${r.keyMax} characters (tag keys have 1–${r.keyMax})`);
    for (const [ok, message] of r.key) key = key.refine(ok, message);
    key = key.refine(
        (k) => !CREATION_TAGS.includes(k),
        `is a key this package writes itself (${CREATION_TAGS.join(", ")}: by them it finds again what an interrupted run created); give the tag another key`,
    );
    let value = z.string().max(r.valueMax, `is longer than ${r.valueMax} characters (tag values have 0–${r.valueMax})`);
    for (const [ok, message] of r.value) value = value.refine(ok, message);
    const max = r.perResource - r.ours;
    const rule = r.ours ? `the cloud allows ${r.perResource} per resource, ${r.ours} of which this package uses` : `the cloud's limit per resource`;
    return z.record(key, value).refine((m) => Object.keys(m).length <= max, `has more than ${max} tags (${rule})`);
}
