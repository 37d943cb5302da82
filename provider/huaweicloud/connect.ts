/**
 * The Huawei Cloud client for a resource: credentials and endpoints from stack config
 * (`huaweicloud:*`, secrets decrypted by the engine) with the Terraform provider's environment
 * variables as fallback, and the resource's own `region`/`projectId` overrides.
 * Precedence between credential kinds follows the Terraform provider: token > AK/SK > password.
 */
import type { CloudError } from "../../sdk/core/errors";
import { getHuaweiClient, type HuaweiClient, type HuaweiClientConfig } from "../../sdk/huaweicloud/client";
import { huaweicloudSettings } from "../config/cloud-settings";
import { settingNames, settingsOf } from "../config/settings";
import type { Field } from "../model/field";
import type { Cloud } from "../model/resource";
import { projectId, region } from "./inputs";

export interface LocationOverrides {
    region?: string;
    projectId?: string;
}

const MISSING_CREDENTIALS =
    "no Huawei Cloud credentials found. Set them in stack config:\n" +
    "    pulumi config set huaweicloud:accessKey <AK>\n" +
    "    pulumi config set --secret huaweicloud:secretKey <SK>\n" +
    "or in the environment: HW_ACCESS_KEY and HW_SECRET_KEY (or HW_USER_NAME, HW_USER_PASSWORD and HW_DOMAIN_NAME for token auth).";

const MISSING_REGION =
    "no Huawei Cloud region found: set `pulumi config set huaweicloud:region cn-north-4`, the HW_REGION_NAME environment variable, or the resource's `region` input.";

const settings = settingsOf("huaweicloud", huaweicloudSettings);

/** The client configuration for a resource, or an error naming the missing setting and both ways to set it. */
export function huaweiClientConfig(o: LocationOverrides = {}): HuaweiClientConfig {
    const region = o.region ?? settings.get("region");
    if (!region) throw new Error(MISSING_REGION);
    const cfg: HuaweiClientConfig = {
        region,
        projectId: o.projectId ?? settings.get("projectId"),
        projectName: settings.get("projectName"),
        accessKey: settings.get("accessKey"),
        secretKey: settings.get("secretKey"),
        securityToken: settings.get("securityToken"),
        authToken: settings.get("authToken"),
        user: settings.get("userName"),
        password: settings.get("password"),
        domainName: settings.get("domainName"),
        cloud: settings.get("cloud"),
        endpoints: settings.map("endpoints"),
    };
    const hasAkSk = cfg.accessKey || cfg.secretKey;
    if (hasAkSk && !(cfg.accessKey && cfg.secretKey)) {
        throw new Error(
            `${cfg.accessKey ? "huaweicloud:secretKey (HW_SECRET_KEY)" : "huaweicloud:accessKey (HW_ACCESS_KEY)"} is missing: an access key and a secret key go together.`,
        );
    }
    if (!cfg.authToken && !hasAkSk && !(cfg.user && cfg.password)) throw new Error(MISSING_CREDENTIALS);
    if (!cfg.authToken && !hasAkSk && !cfg.domainName)
        throw new Error("huaweicloud:domainName (HW_DOMAIN_NAME) is missing: token auth with a user name and password needs the account (domain) name.");
    return cfg;
}

export function huaweiClient(o: LocationOverrides = {}): HuaweiClient {
    return getHuaweiClient(huaweiClientConfig(o));
}

/**
 * What to check when Huawei Cloud refuses a call: refused credentials (401) name the settings of
 * the kind in use (token, access key pair, or user and password), a refused permission (403) the
 * call; both say where — the region and the project.
 */
export function explainRefusal(e: CloudError, o: LocationOverrides = {}): string | undefined {
    if (e.kind !== "auth") return undefined;
    let cfg: HuaweiClientConfig;
    try {
        cfg = huaweiClientConfig(o);
    } catch {
        return undefined;
    }
    const where = `region ${cfg.region}${cfg.projectId ? `, project ${cfg.projectId}` : ""}`;
    if (e.httpStatus === 403) return `These credentials may not call ${e.api} ${e.operation} in ${where}: check the IAM user's permissions.`;
    const keys: Array<keyof typeof huaweicloudSettings> = cfg.authToken
        ? ["authToken"]
        : cfg.accessKey
          ? ["accessKey", "secretKey", ...(cfg.securityToken ? (["securityToken"] as const) : [])]
          : ["userName", "password", "domainName"];
    return `Check ${settingNames("huaweicloud", huaweicloudSettings, keys)}: Huawei Cloud refused them in ${where}.`;
}

/** The inputs every Huawei Cloud resource takes: where it lives. Moving a resource makes a new one. */
const fields = {
    /** The region, when not the provider's (`huaweicloud:region`, `HW_REGION_NAME`). */
    region: { schema: region.optional(), change: "replace" } as Field<ReturnType<typeof region.optional>>,
    /** The project, when not the provider's (`huaweicloud:projectId`, `HW_PROJECT_ID`). */
    projectId: { schema: projectId.optional(), change: "replace" } as Field<ReturnType<typeof projectId.optional>>,
};

/** Huawei Cloud: the `huaweicloud:*` settings, and a client per region and project. */
export const huaweicloud: Cloud<HuaweiClient, typeof fields> = {
    namespace: "huaweicloud",
    fields,
    connect: (inputs) => huaweiClient({ region: inputs.region, projectId: inputs.projectId }),
    explain: (e, inputs) => explainRefusal(e, { region: inputs.region, projectId: inputs.projectId }),
};
