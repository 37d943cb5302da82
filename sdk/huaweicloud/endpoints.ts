/**
 * Where each Huawei Cloud service lives: `https://{service}.{region}.{cloud}` unless the
 * configuration overrides that service (like the Terraform provider's `endpoints` block), which
 * is how the emulator or a private cloud is targeted.
 */
import { isRegionId, normalizeBaseUrl } from "../core/client-base";

export type HuaweiService = "vpcep" | "iam" | "dns" | "vpc" | (string & {});

export interface EndpointConfig {
    region: string;
    /** Default `myhuaweicloud.com` (HW_CLOUD). */
    cloud?: string;
    /** Per-service base URLs, e.g. `{ vpcep: "http://127.0.0.1:8080", iam: "http://127.0.0.1:8080" }`. */
    endpoints?: Partial<Record<HuaweiService, string>>;
}

/** Base URL without a trailing slash, e.g. `https://vpcep.cn-north-4.myhuaweicloud.com`. */
export function resolveEndpoint(service: HuaweiService, config: EndpointConfig): string {
    const override = config.endpoints?.[service];
    if (override) {
        const base = normalizeBaseUrl(override); // throws on a malformed override
        // The Terraform provider's auth_url style ends in /v3; the client appends /v3 itself.
        return service === "iam" ? base.replace(/\/v3$/, "") : base;
    }
    if (!isRegionId(config.region)) throw new Error(`invalid Huawei Cloud region "${config.region}" (expected e.g. cn-north-4)`);
    return `https://${service}.${config.region}.${config.cloud ?? "myhuaweicloud.com"}`;
}
