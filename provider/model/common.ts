/**
 * Inputs every resource takes, declared once and added to each resource by `defineResource`:
 * `timeouts` always, `adopt` for resources that can take over an existing object.
 */
import { z } from "zod";
import { parseDuration } from "./duration";
import type { Field } from "./field";

const duration = z.string().superRefine((text, ctx) => {
    const ms = parseDuration(text);
    if (typeof ms === "string") ctx.addIssue({ code: "custom", message: ms.replace(/^".*?" /, "") });
});

const timeoutsSchema = z
    .object({
        /** How long creating may take, waits included (default: the resource's, 10 minutes unless its page says otherwise). */
        create: duration.optional(),
        /** How long an update may take, waits included. */
        update: duration.optional(),
        /** How long deleting may take, until the object is gone. */
        delete: duration.optional(),
    })
    .strict()
    .optional();

export const commonFields = {
    /**
     * Time limits for creation, update and deletion, as durations ("90s", "10m", "1h30m"). Pulumi's
     * `customTimeouts` option does not reach dynamic providers; this input does.
     */
    timeouts: { schema: timeoutsSchema, change: "state" } as Field<typeof timeoutsSchema>,
};

/** The `adopt` input of a resource whose existing objects have ids of the form `id`. */
export function adoptField<S extends z.ZodType<string>>(id: S) {
    const schema = id.optional();
    return {
        /**
         * The id of an existing cloud object to bring under management instead of creating one.
         * `pulumi up` checks that the object matches the inputs that cannot change in place, updates
         * the ones that can, and records it (docs/adopting.md). Removing it later changes nothing in
         * the cloud; changing it to another id replaces the resource.
         */
        adopt: { schema, change: "replace", removal: "state" } as Field<typeof schema>,
    };
}
