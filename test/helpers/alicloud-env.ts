/**
 * Alibaba Cloud settings for programs and clients that target a test emulator: the account's
 * credentials (from `GET /_emulator/info`) and the PrivateLink endpoint override.
 */
import type { TestCloud } from "./cloud";

export interface AlicloudIdentity {
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
    regionId: string;
    network: { vpcId: string; vSwitchIds: Record<string, string>; securityGroupIds: string[]; loadBalancerId: string };
}

/** The account's Alibaba identity as the emulator lists it. */
export function alicloudAccount(cloud: TestCloud, name = "demo"): AlicloudIdentity {
    const a = cloud.account(name) as unknown as { alicloud?: AlicloudIdentity };
    if (!a.alicloud) throw new Error(`emulator account ${name} has no alicloud identity`);
    return a.alicloud;
}

/** Environment variables that point a program's Alibaba Cloud resources at the emulator. */
export function alicloudEnv(cloud: TestCloud, name = "demo"): Record<string, string> {
    const a = alicloudAccount(cloud, name);
    return {
        ALIBABA_CLOUD_ACCESS_KEY_ID: a.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: a.accessKeySecret,
        ALIBABA_CLOUD_REGION_ID: a.regionId,
        ALICLOUD_ENDPOINTS: JSON.stringify({ privatelink: cloud.url }),
    };
}
