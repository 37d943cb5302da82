/**
 * The Alibaba Cloud client for a resource: stack config (`alicloud:*`, secrets decrypted by the
 * engine) first, then the environment variables of the official CLI/SDKs
 * (`ALIBABA_CLOUD_*`) and of the Terraform provider (`ALICLOUD_*`).
 */
import { type AlibabaClient, type AlibabaClientConfig, getAlibabaClient } from "../../sdk/alicloud/client";
import type { CloudError } from "../../sdk/core/errors";
import { alicloudSettings } from "../config/cloud-settings";
import { settingNames, settingsOf } from "../config/settings";
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

/**
 * What to check when Alibaba Cloud refuses a call: a refused permission (`Forbidden…`, 403) names
 * the call, refused credentials (`InvalidAccessKeyId…`, `SignatureDoesNotMatch`, …) the settings;
 * both say the region.
 */
export function explainRefusal(e: CloudError): string | undefined {
    if (e.kind !== "auth") return undefined;
    let cfg: AlibabaClientConfig;
    try {
        cfg = alicloudClientConfig();
    } catch {
        return undefined;
    }
    if (e.httpStatus === 403 || /^Forbidden/i.test(e.code))
        return `These credentials may not call ${e.operation} in region ${cfg.region}: check the RAM user's policies.`;
    const keys: Array<keyof typeof alicloudSettings> = ["accessKey", "secretKey", ...(cfg.securityToken ? (["securityToken"] as const) : [])];
    return `Check ${settingNames("alicloud", alicloudSettings, keys)}: Alibaba Cloud refused them in region ${cfg.region}.`;
}

/** Alibaba Cloud: the `alicloud:*` settings and one client for the provider's region. */
export const alicloud: Cloud<AlibabaClient, {}> = {
    namespace: "alicloud",
    fields: {},
    connect: () => alicloudClient(),
    explain: (e) => explainRefusal(e),
};
