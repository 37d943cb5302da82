/**
 * Creation markers. When a create call's response is lost (the connection drops after the cloud
 * acted), the provider cannot know the new object's id. Each creation therefore carries a tag
 * with a token unique to that creation; on a lost response the provider lists the objects and
 * adopts the one with its token (or creates again when none exists), so a lost response never
 * leaves an orphan or a duplicate. The tag stays on the object (it also says who manages it) and
 * is hidden from the `tags` input and output.
 */
import { randomBytes } from "node:crypto";

export const MARKER_TAG = "pulumi-privatelink-token";

export function newMarker(): string {
    return randomBytes(16).toString("hex");
}

export function withoutMarker(tags: Record<string, string>): Record<string, string> {
    const { [MARKER_TAG]: _marker, ...rest } = tags;
    return rest;
}
