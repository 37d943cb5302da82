/**
 * The Alibaba Cloud client for a resource: stack config (`alicloud:*`, secrets decrypted by the
 * engine) first, then the environment variables of the official CLI/SDKs
 * (`ALIBABA_CLOUD_*`) and of the Terraform provider (`ALICLOUD_*`).
 */
import { type AlibabaClient, type AlibabaClientConfig, getAlibabaClient } from "../../sdk/alicloud/client";
import { alicloudSettings } from "../config/cloud-settings";
import { settingsOf } from "../config/settings";
import type { Cloud } from "../model/resource";

const MISSING_CREDENTIALS =
    "no Alibaba Cloud credentials found. Set them in stack config:\n" +
    "    pulumi config set alicloud:accessKey <AccessKeyId> --secret\n" +
    "    pulumi config set alicloud:secretKey <AccessKeySecret> --secret\n" +
    "or in the environment: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY).";

const MISSING_REGION =
    "no Alibaba Cloud region found: set `pulumi config set alicloud:region cn-hangzhou`, or ALIBABA_CLOUD_REGION_ID (or ALICLOUD_REGION) in the environment.";

const settings = settingsOf("alicloud", alicloudSettings);

export function alicloudClientConfig(): AlibabaClientConfig {
    const region = settings.get("region");
    const accessKeyId = settings.get("accessKey");
    const accessKeySecret = settings.get("secretKey");
    if (!accessKeyId && !accessKeySecret) throw new Error(MISSING_CREDENTIALS);
    if (!accessKeyId || !accessKeySecret) {
        throw new Error(
            `${accessKeyId ? "alicloud:secretKey (ALIBABA_CLOUD_ACCESS_KEY_SECRET or ALICLOUD_SECRET_KEY)" : "alicloud:accessKey (ALIBABA_CLOUD_ACCESS_KEY_ID or ALICLOUD_ACCESS_KEY)"} is missing: an access key id and its secret go together.`,
        );
    }
    if (!region) throw new Error(MISSING_REGION);
    return {
        region,
        accessKeyId,
        accessKeySecret,
        securityToken: settings.get("securityToken"),
        // `alicloud:endpoints` is a map such as {"privatelink": "https://…"}; ALICLOUD_ENDPOINTS (JSON) is this package's own.
        endpoints: settings.map("endpoints"),
    };
}

export function alicloudClient(): AlibabaClient {
    return getAlibabaClient(alicloudClientConfig());
}

/** Alibaba Cloud: the `alicloud:*` settings and one client for the provider's region. */
export const alicloud: Cloud<AlibabaClient, {}> = {
    namespace: "alicloud",
    fields: {},
    connect: () => alicloudClient(),
};
