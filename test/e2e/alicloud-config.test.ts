/** Provider settings for Alibaba Cloud: stack config first, then both families of environment variables. */
import { alicloudClientConfig } from "../../provider/alicloud/connect";
import { setStackConfig } from "../../provider/config/stack-config";

const VARS = [
    "ALIBABA_CLOUD_ACCESS_KEY_ID",
    "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    "ALIBABA_CLOUD_SECURITY_TOKEN",
    "ALIBABA_CLOUD_REGION_ID",
    "ALICLOUD_ACCESS_KEY",
    "ALICLOUD_SECRET_KEY",
    "ALICLOUD_REGION",
    "ALICLOUD_ENDPOINTS",
];

describe("alicloud provider settings", () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => {
        for (const v of VARS) {
            saved[v] = process.env[v];
            delete process.env[v];
        }
        setStackConfig({ get: () => undefined });
    });
    afterEach(() => {
        for (const v of VARS)
            if (saved[v] === undefined) delete process.env[v];
            else process.env[v] = saved[v];
    });

    test("missing credentials: one error naming stack config and both environment families", () => {
        expect(() => alicloudClientConfig()).toThrow(/alicloud:accessKey[\s\S]*alicloud:secretKey[\s\S]*ALIBABA_CLOUD_ACCESS_KEY_ID[\s\S]*ALICLOUD_ACCESS_KEY/);
        process.env.ALICLOUD_ACCESS_KEY = "LTAIX";
        expect(() => alicloudClientConfig()).toThrow(/alicloud:secretKey .*is missing/);
        process.env.ALICLOUD_SECRET_KEY = "secret-x";
        expect(() => alicloudClientConfig()).toThrow(/alicloud:region/);
    });

    test("Terraform's ALICLOUD_* and the SDKs' ALIBABA_CLOUD_* variables both work; stack config wins", () => {
        Object.assign(process.env, { ALICLOUD_ACCESS_KEY: "tf-ak", ALICLOUD_SECRET_KEY: "tf-sk", ALICLOUD_REGION: "cn-beijing" });
        expect(alicloudClientConfig()).toMatchObject({ region: "cn-beijing", accessKeyId: "tf-ak", accessKeySecret: "tf-sk" });
        Object.assign(process.env, {
            ALIBABA_CLOUD_ACCESS_KEY_ID: "sdk-ak",
            ALIBABA_CLOUD_ACCESS_KEY_SECRET: "sdk-sk",
            ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
            ALIBABA_CLOUD_SECURITY_TOKEN: "sts",
        });
        expect(alicloudClientConfig()).toMatchObject({ region: "cn-hangzhou", accessKeyId: "sdk-ak", securityToken: "sts" });
        const cfg: Record<string, string> = {
            "alicloud:region": "cn-shanghai",
            "alicloud:accessKey": "cfg-ak",
            "alicloud:secretKey": "cfg-sk",
            "alicloud:endpoints": '{"privatelink":"http://127.0.0.1:1"}',
        };
        setStackConfig({ get: (k) => cfg[k] });
        expect(alicloudClientConfig()).toMatchObject({ region: "cn-shanghai", accessKeyId: "cfg-ak", endpoints: { privatelink: "http://127.0.0.1:1" } });
    });
});
