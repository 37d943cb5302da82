/** Where the Huawei Cloud resources take credentials and endpoints from, and what they say when they are missing. */

import { setStackConfig } from "../../provider/config/stack-config";
import { huaweiClientConfig } from "../../provider/huaweicloud/connect";
import { shortServiceName } from "../../provider/huaweicloud/vpcep/endpoint-service";
import { normalizePermission } from "../../provider/huaweicloud/vpcep/permissions";

const HW_VARS = [
    "HW_REGION_NAME",
    "HW_PROJECT_ID",
    "HW_ACCESS_KEY",
    "HW_SECRET_KEY",
    "HW_SECURITY_TOKEN",
    "HW_AUTH_TOKEN",
    "HW_USER_NAME",
    "HW_USER_PASSWORD",
    "HW_DOMAIN_NAME",
    "HW_ENDPOINTS",
];

describe("huaweiClientConfig", () => {
    const saved: Record<string, string | undefined> = {};
    beforeEach(() => {
        for (const k of HW_VARS) {
            saved[k] = process.env[k];
            delete process.env[k];
        }
    });
    afterEach(() => {
        for (const k of HW_VARS)
            if (saved[k] === undefined) delete process.env[k];
            else process.env[k] = saved[k];
        setStackConfig({ get: () => undefined });
    });

    test("prefers stack config to the environment, and the resource's overrides to both", () => {
        process.env.HW_REGION_NAME = "ap-southeast-1";
        process.env.HW_ACCESS_KEY = "ENVAK";
        process.env.HW_SECRET_KEY = "env-secret";
        const cfg: Record<string, string> = {
            "huaweicloud:region": "cn-north-4",
            "huaweicloud:accessKey": "CFGAK",
            "huaweicloud:secretKey": "cfg-secret",
            "huaweicloud:endpoints": '{"vpcep":"http://127.0.0.1:1"}',
        };
        setStackConfig({ get: (k) => cfg[k] });
        const c = huaweiClientConfig({ projectId: "a".repeat(32) });
        expect(c).toMatchObject({
            region: "cn-north-4",
            accessKey: "CFGAK",
            secretKey: "cfg-secret",
            projectId: "a".repeat(32),
            endpoints: { vpcep: "http://127.0.0.1:1" },
        });
        expect(huaweiClientConfig({ region: "eu-west-101" }).region).toBe("eu-west-101");
    });

    test("takes the Terraform provider's environment variables", () => {
        Object.assign(process.env, { HW_REGION_NAME: "cn-north-4", HW_USER_NAME: "u", HW_USER_PASSWORD: "p", HW_DOMAIN_NAME: "acme" });
        expect(huaweiClientConfig()).toMatchObject({ user: "u", password: "p", domainName: "acme" });
    });

    test.each([
        [{}, /no Huawei Cloud region found: set `pulumi config set huaweicloud:region cn-north-4`, the HW_REGION_NAME environment variable/],
        [{ HW_REGION_NAME: "cn-north-4" }, /no Huawei Cloud credentials found[\s\S]*huaweicloud:accessKey[\s\S]*HW_ACCESS_KEY and HW_SECRET_KEY/],
        [{ HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "AK" }, /huaweicloud:secretKey \(HW_SECRET_KEY\) is missing/],
        [{ HW_REGION_NAME: "cn-north-4", HW_USER_NAME: "u", HW_USER_PASSWORD: "p" }, /HW_DOMAIN_NAME\) is missing/],
        [{ HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "s", HW_ENDPOINTS: "vpcep=x" }, /huaweicloud:endpoints must be a JSON object/],
    ])("with %j it names the missing setting and both ways to set it", (env, message) => {
        Object.assign(process.env, env);
        expect(() => huaweiClientConfig()).toThrow(message);
    });
});

describe("normalizePermission", () => {
    test.each([
        ["*", "*"],
        ["D0000000000000000000000000000002", "iam:domain::d0000000000000000000000000000002"],
        ["iam:domain::d0000000000000000000000000000002", "iam:domain::d0000000000000000000000000000002"],
        ["organizations:orgPath::o-abc/r-def/ou-ghi", "organizations:orgPath::o-abc/r-def/ou-ghi"],
    ])("reads %s as %s", (input, expected) => expect(normalizePermission(input)).toMatchObject({ value: expected }));
    test.each(["acme", "iam:domain::123", "organizations:orgPath::a b"])("refuses %s", (input) => expect(typeof normalizePermission(input)).toBe("string"));
});

test.each([
    ["cn-north-4.backend.4189d3c2-8882-4871-a3c2-d380272eed83", "backend"],
    ["cn-north-4.4189d3c2-8882-4871-a3c2-d380272eed83", undefined],
])("shortServiceName(%s) is %s", (full, short) => expect(shortServiceName(full)).toBe(short));
