/** V3 ACS3-HMAC-SHA256 signing: the official vector, and byte equality with @alicloud/openapi-util. */
import { createHash } from "node:crypto";
import { AlibabaCredentials } from "../../../sdk/alicloud/credentials";
import { acs3Authorization, canonicalQuery, canonicalRequest, flattenParams, sha256Hex } from "../../../sdk/alicloud/signer";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const OpenApiUtil = require("@alicloud/openapi-util").default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const $tea = require("@alicloud/tea-typescript");

function oracle(query: Record<string, string>, headers: Record<string, string>, payload: string, ak: string, sk: string): string {
    const req = new $tea.Request();
    req.method = "POST";
    req.pathname = "/";
    req.query = query;
    req.headers = headers;
    return OpenApiUtil.getAuthorization(req, "ACS3-HMAC-SHA256", payload, ak, sk);
}

describe("Alibaba V3 signer", () => {
    test("official vector (RunInstances, V3 request structure and signature)", () => {
        const query = { ImageId: "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd", RegionId: "cn-shanghai" };
        const headers = {
            host: "ecs.cn-shanghai.aliyuncs.com",
            "x-acs-action": "RunInstances",
            "x-acs-version": "2014-05-26",
            "x-acs-date": "2023-10-26T10:22:32Z",
            "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
            "x-acs-content-sha256": sha256Hex(""),
        };
        const req = { method: "POST", pathname: "/", query, headers, payloadHash: sha256Hex("") };
        const { canonical, signedHeaders } = canonicalRequest(req);
        expect(createHash("sha256").update(canonical).digest("hex")).toBe("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        expect(signedHeaders).toBe("host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version");
        expect(acs3Authorization(req, "YourAccessKeyId", "YourAccessKeySecret")).toBe(
            "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
        );
    });

    test.each([
        ["empty", {}],
        [
            "arrays and objects",
            {
                RegionId: "cn-hangzhou",
                SecurityGroupId: ["sg-1", "sg-2"],
                Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: "vsw-1", ip: "172.16.1.9" }],
                DryRun: true,
            },
        ],
        ["reserved characters", { EndpointDescription: "a b*c~d'e(f)!g/h+i=j&k", Tag: [{ Key: "中文", Value: "值 ✓" }] }],
        ["many keys", Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`K${i}`, `v${i}`])) as Record<string, string>],
    ])("Authorization equals @alicloud/openapi-util's (%s)", (_name, params) => {
        const creds = new AlibabaCredentials("LTAIEXAMPLEKEY000001", "example-secret-value");
        const query = flattenParams(params as never);
        expect(query).toEqual(OpenApiUtil.query(params));
        const date = new Date("2024-05-06T07:08:09Z");
        const mine = creds.sign(
            { method: "POST", host: "privatelink.cn-hangzhou.aliyuncs.com", action: "CreateVpcEndpoint", version: "2020-04-15", query, body: "" },
            date,
            "fixed-nonce-1",
        );
        const { authorization, ...headers } = mine;
        expect(authorization).toBe(oracle(query, headers, headers["x-acs-content-sha256"]!, "LTAIEXAMPLEKEY000001", "example-secret-value"));
    });

    test("STS tokens are signed, the secret never shows", () => {
        const creds = new AlibabaCredentials("LTAIEXAMPLEKEY000001", "example-secret-value", "sts-token-value-123");
        const h = creds.sign({ method: "POST", host: "h", action: "A", version: "v", query: {}, body: "" }, new Date(0), "n");
        expect(h.authorization).toContain("x-acs-security-token");
        expect(JSON.stringify(creds)).not.toContain("example-secret-value");
        expect(require("node:util").inspect(creds)).not.toContain("example-secret-value");
        expect(canonicalQuery({ b: "2", a: "x y" })).toBe("a=x%20y&b=2");
    });
});
