/**
 * Where each Huawei Cloud service lives: `https://{service}.{region}.{cloud}` unless the
 * configuration overrides that service (like the Terraform provider's `endpoints` block), which
 * is how the emulator or a private cloud is targeted.
 */

export type HuaweiService = "vpcep" | "iam" | "dns" | "vpc" | (string & {});

export interface EndpointConfig {
  region: string;
  /** Default `myhuaweicloud.com` (HW_CLOUD). */
  cloud?: string;
  /** Per-service base URLs, e.g. `{ vpcep: "http://127.0.0.1:8080", iam: "http://127.0.0.1:8080" }`. */
  endpoints?: Partial<Record<HuaweiService, string>>;
}

const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

/** Base URL without a trailing slash, e.g. `https://vpcep.cn-north-4.myhuaweicloud.com`. */
export function resolveEndpoint(service: HuaweiService, config: EndpointConfig): string {
  const override = config.endpoints?.[service];
  if (override) {
    let base = override.trim().replace(/\/+$/, "");
    if (!/^https?:\/\//i.test(base)) base = `https://${base}`;
    // The Terraform provider's auth_url style ends in /v3; the client appends /v3 itself.
    if (service === "iam") base = base.replace(/\/v3$/, "");
    new URL(base); // throws on a malformed override
    return base;
  }
  if (!REGION.test(config.region)) throw new Error(`invalid Huawei Cloud region "${config.region}" (expected e.g. cn-north-4)`);
  return `https://${service}.${config.region}.${config.cloud ?? "myhuaweicloud.com"}`;
}
