/**
 * The id of a resource read through its parents (`<endpointServiceId>/<permission>`): the inputs
 * its declaration names in `idParts`, in that order, joined by `/`; the last part takes the rest,
 * so it alone may hold a `/` (an organization path). The engine makes the id with {@link joinId}
 * and `pulumi import` takes it apart with {@link splitId}: one rule both ways, so the id recorded
 * at creation and the inputs an import reads from it can never disagree.
 */

/** What stands between an id's parts. */
export const ID_SEPARATOR = "/";

/**
 * The id made of `parts` of `inputs`, in order. A value that could not be split back into itself
 * (empty, not text, or a `/` before the last part) is refused, naming the part.
 */
export function joinId(parts: readonly string[], inputs: Record<string, unknown>): string {
    return parts
        .map((key, i) => {
            const v = inputs[key];
            if (typeof v !== "string" || v === "")
                throw new Error(`id part ${key}: ${JSON.stringify(v)} is not a non-empty text (an id is made of its parts' values)`);
            if (i < parts.length - 1 && v.includes(ID_SEPARATOR))
                throw new Error(`id part ${key}: "${v}" holds a "${ID_SEPARATOR}", which only the last part of an id (${parts.at(-1)}) may hold`);
            return v;
        })
        .join(ID_SEPARATOR);
}

/**
 * The values of `parts` an id holds, by part (the last takes the rest); undefined when the id has
 * fewer parts than `parts`, or an empty one.
 */
export function splitId(parts: readonly string[], id: string): Record<string, string> | undefined {
    const pieces = id.split(ID_SEPARATOR);
    if (pieces.length < parts.length) return undefined;
    const values = [...pieces.slice(0, parts.length - 1), pieces.slice(parts.length - 1).join(ID_SEPARATOR)];
    if (values.some((v) => v === "")) return undefined;
    return Object.fromEntries(parts.map((key, i) => [key, values[i]!]));
}
