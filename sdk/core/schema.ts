/** zod helpers: strict requests, lenient responses. */
import { z } from "zod";
import { ValidationError } from "./errors";

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
