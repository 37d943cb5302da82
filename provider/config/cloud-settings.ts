/**
 * Each cloud's provider settings, declared once: the stack config key (`<namespace>:<key>`), the
 * environment variables read when the stack config has none, whether it is a credential, and its
 * meaning as TSDoc. The clients read them (provider/<cloud>/connect.ts), the plain-text warnings
 * check the credentials (warnings.ts), and the package schema's provider config comes from them
 * (scripts/schema/). docs/configuration.md explains them to users.
 */

/** One provider setting. */
export interface SettingDeclaration {
    /** The environment variables read when the stack config has no value, first non-empty wins. */
    env: readonly string[];
    /** A credential: to be stored encrypted (`pulumi config set --secret`); a plain-text value is warned about. */
    secret?: boolean;
    /** A JSON object mapping service names to base URLs, instead of a string. */
    map?: boolean;
}

export type SettingDeclarations = Record<string, SettingDeclaration>;

/** Huawei Cloud (`huaweicloud:*`), under the names and variables of the Terraform provider. */
export const huaweicloudSettings = {
    /** The region, such as `cn-north-4` (a resource's `region` input overrides it). */
    region: { env: ["HW_REGION_NAME"] },
    /** The project id (32 hexadecimal characters) for access key auth (a resource's `projectId` input overrides it). */
    projectId: { env: ["HW_PROJECT_ID"] },
    /** The access key id. */
    accessKey: { env: ["HW_ACCESS_KEY"] },
    /** The secret access key. */
    secretKey: { env: ["HW_SECRET_KEY"], secret: true },
    /** The security token of temporary credentials. */
    securityToken: { env: ["HW_SECURITY_TOKEN"], secret: true },
    /** The IAM user's name, for token auth with `password` and `domainName`. */
    userName: { env: ["HW_USER_NAME"] },
    /** The IAM user's password, for token auth. */
    password: { env: ["HW_USER_PASSWORD"], secret: true },
    /** The account (domain) name of the IAM user, for token auth. */
    domainName: { env: ["HW_DOMAIN_NAME"] },
    /** A ready-made IAM token; it wins over an access key pair, which wins over a user and password. */
    authToken: { env: ["HW_AUTH_TOKEN"], secret: true },
    /** The project name a token is scoped to (default: the region). */
    projectName: { env: ["HW_PROJECT_NAME"] },
    /** The domain suffix of the service endpoints (default `myhuaweicloud.com`). */
    cloud: { env: ["HW_CLOUD"] },
    /**
     * Base URLs by service (`vpcep`, `dns`, `iam`), replacing `https://{service}.{region}.myhuaweicloud.com`:
     * for a private cloud, a proxy or the emulator. As an environment variable, a JSON object.
     */
    endpoints: { env: ["HW_ENDPOINTS"], map: true },
} satisfies SettingDeclarations;

/** Alibaba Cloud (`alicloud:*`), under the variables of the official CLI and SDKs, then the Terraform provider's. */
export const alicloudSettings = {
    /** The region, such as `cn-hangzhou`. */
    region: { env: ["ALIBABA_CLOUD_REGION_ID", "ALICLOUD_REGION"] },
    /** The AccessKey ID. */
    accessKey: { env: ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALICLOUD_ACCESS_KEY"] },
    /** The AccessKey secret. */
    secretKey: { env: ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALICLOUD_SECRET_KEY"], secret: true },
    /** The STS token of temporary credentials. */
    securityToken: { env: ["ALIBABA_CLOUD_SECURITY_TOKEN", "ALICLOUD_SECURITY_TOKEN"], secret: true },
    /**
     * Base URLs by service (`privatelink`, `pvtz`), replacing the public endpoints: for a proxy or the
     * emulator. As an environment variable, a JSON object.
     */
    endpoints: { env: ["ALICLOUD_ENDPOINTS"], map: true },
} satisfies SettingDeclarations;

/** Every cloud's settings, by config namespace. */
export const CLOUD_SETTINGS: Record<string, SettingDeclarations> = {
    huaweicloud: huaweicloudSettings,
    alicloud: alicloudSettings,
};
