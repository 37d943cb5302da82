/** zod helpers: strict requests, lenient responses. */
import { z } from "zod";
import { CloudError, ValidationError } from "./errors";
import { parseJsonBody } from "./http";

/**
 * A response field the cloud may omit or send as null: read as `T | undefined`, so callers
 * never have to handle null.
 */
export function opt<T extends z.ZodType>(schema: T) {
    return schema.nullish().transform((v): z.output<T> | undefined => v ?? undefined);
}

/** A response array the cloud may omit or send as null: read as `[]`. */
export function arr<T extends z.ZodType>(item: T) {
    return z
        .array(item)
        .nullish()
        .transform((v): z.output<T>[] => v ?? []);
}

/**
 * Validates a request before anything is sent. A typo in a field name is a bug in the caller:
 * it fails here, naming the field, instead of being silently dropped by the cloud.
 */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown, api: string, operation: string): z.output<S> {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const detail = r.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join(".") || "(request)"}: ${i.message}`)
        .join("; ");
    throw new ValidationError({ api, operation, code: "SDK.InvalidRequest", message: detail, httpStatus: 0 });
}

/**
 * Parses a response body leniently with its schema; a body of the wrong shape (a cloud change or a
 * broken proxy) becomes a CloudError that says where the shape differs, with status and request id.
 */
export function parseResponse<S extends z.ZodType>(
    schema: S,
    res: { text: string; status: number; requestId?: string },
    api: string,
    operation: string,
): z.output<S> {
    const parsed = schema.safeParse(parseJsonBody(res.text));
    if (parsed.success) return parsed.data;
    throw new CloudError({
        api,
        operation,
        code: "SDK.InvalidResponse",
        message: `unexpected response shape: ${parsed.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
            .join("; ")}`,
        httpStatus: res.status,
        requestId: res.requestId,
    });
}
