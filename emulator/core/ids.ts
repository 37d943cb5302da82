import { randomBytes, randomUUID } from "node:crypto";

/** A random version-4 UUID, the shape every Huawei resource id has. */
export function newUuid(): string {
    return randomUUID();
}

/** A request id as Huawei gateways send it in `X-Request-Id`: 32 lowercase hex characters. */
export function newRequestId(): string {
    return randomBytes(16).toString("hex");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when the value is a UUID in the 8-4-4-4-12 hex form (any version). */
export function isUuid(value: unknown): value is string {
    return typeof value === "string" && UUID.test(value);
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the UTC time format VPCEP uses for created_at/updated_at. */
export function huaweiTime(epochMs: number): string {
    return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ`, the format IAM uses for token issued_at/expires_at. */
export function iamTime(epochMs: number): string {
    return new Date(epochMs).toISOString().replace(/Z$/, "000Z");
}
