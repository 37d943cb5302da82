/**
 * Creation markers. When a create call's response is lost (the connection drops after the cloud
 * acted), the provider cannot know the new object's id. Each creation therefore carries a tag
 * with a token unique to that creation; on a lost response the provider lists the objects and
 * adopts the one with its token (or creates again when none exists), so a lost response never
 * leaves an orphan or a duplicate. The tag stays on the object (it also says who manages it) and
 * is hidden from the `tags` input and output.
 */
import { randomBytes } from "node:crypto";
import { createOnce } from "../lifecycle/outcomes";

export const MARKER_TAG = "pulumi-privatelink-token";

export function newMarker(): string {
    return randomBytes(16).toString("hex");
}

export function withoutMarker(tags: Record<string, string>): Record<string, string> {
    const { [MARKER_TAG]: _marker, ...rest } = tags;
    return rest;
}

/**
 * A create call whose object carries a fresh creation marker tag (added to the request's `tags`):
 * when the answer is lost, `find` looks the object up by that marker and it is adopted; only when
 * nothing is found is the call made again.
 */
export async function createWithMarker<T>(
    body: Record<string, unknown>,
    create: (request: Record<string, unknown>) => Promise<T>,
    find: (marker: string) => Promise<T | undefined>,
): Promise<T> {
    const marker = newMarker();
    const tags = [...((body.tags as Array<{ key: string; value?: string }> | undefined) ?? []), { key: MARKER_TAG, value: marker }];
    const request = { ...body, tags };
    return createOnce(
        () => create(request),
        () => find(marker),
    );
}
