/**
 * Alibaba Cloud settings for programs and clients that target a test emulator: the account's
 * credentials (from `GET /_emulator/info`) and the PrivateLink endpoint override.
 */
import type { AlicloudIdentity } from "../emulator";
import type { TestCloud } from "./cloud";

export type { AlicloudIdentity };

/** The account's Alibaba identity as the emulator lists it. */
export function alicloudAccount(cloud: TestCloud, name = "demo"): AlicloudIdentity {
    return cloud.account(name).alicloud;
}

/** Environment variables that point a program's Alibaba Cloud resources at the emulator. */
export function alicloudEnv(cloud: TestCloud, name = "demo"): Record<string, string> {
    const a = alicloudAccount(cloud, name);
    return {
        ALIBABA_CLOUD_ACCESS_KEY_ID: a.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: a.accessKeySecret,
        ALIBABA_CLOUD_REGION_ID: a.regionId,
        ALICLOUD_ENDPOINTS: JSON.stringify({ privatelink: cloud.url, pvtz: cloud.url }),
    };
}
