import { getAlibabaClient } from "../../../sdk/alicloud/client";
import { AlibabaCredentials } from "../../../sdk/alicloud/credentials";
import { ClientCache, type ClientKey, canonicalKey, clientKey, isIsolated } from "../../../sdk/core/client-cache";
import { PacerRegistry } from "../../../sdk/core/pacer";
import { RetryBudget } from "../../../sdk/core/retry";
import { getHuaweiClient, type HuaweiClientConfig } from "../../../sdk/huaweicloud/client";
import { AkSkCredentials } from "../../../sdk/huaweicloud/credentials";
import { DEMO, SteppingClock } from "../helpers/clients";

describe("the client cache key", () => {
    const creds = new AkSkCredentials(DEMO.accessKey, DEMO.secretKey);

    it("is built from the shared settings, the cloud's location and the credentials' fingerprint", () => {
        const key = clientKey({ region: "cn-north-4", endpoints: { vpcep: "http://a" }, retry: { maxAttempts: 2 } }, creds, { projectId: "p" });
        expect(key).toEqual({
            region: "cn-north-4",
            location: { projectId: "p" },
            endpoints: { vpcep: "http://a" },
            retry: { maxAttempts: 2 },
            timeouts: {},
            wait: {},
            credential: creds.fingerprint(),
        });
    });

    it("never carries a secret", () => {
        const temp = new AkSkCredentials(DEMO.accessKey, DEMO.secretKey, "temporary-security-token-xyz");
        const text = canonicalKey(clientKey({ region: "cn-north-4" }, temp, {}));
        expect(text).not.toContain(DEMO.secretKey);
        expect(text).not.toContain("temporary-security-token-xyz");
    });

    it("reads the same whatever order the fields were written in, leaving undefined ones out", () => {
        const a = canonicalKey({ region: "r", endpoints: { vpcep: "v", iam: "i" }, location: { projectId: undefined, cloud: "c" } });
        const b = canonicalKey({ location: { cloud: "c" }, endpoints: { iam: "i", vpcep: "v" }, region: "r" });
        expect(a).toBe(b);
        expect(canonicalKey({ a: "" })).not.toBe(canonicalKey({}));
        expect(canonicalKey([1, "x", { b: 2, a: 1 }])).toBe('[1,"x",{"a":1,"b":2}]');
    });

    it("tells apart configurations that differ in any setting", () => {
        const base = clientKey({ region: "cn-north-4" }, creds, { projectId: "p" });
        const others: ClientKey<{ projectId?: string }>[] = [
            clientKey({ region: "cn-north-1" }, creds, { projectId: "p" }),
            clientKey({ region: "cn-north-4" }, creds, { projectId: "q" }),
            clientKey({ region: "cn-north-4", endpoints: { vpcep: "http://a" } }, creds, { projectId: "p" }),
            clientKey({ region: "cn-north-4", timeouts: { headersMs: 1 } }, creds, { projectId: "p" }),
            clientKey({ region: "cn-north-4", wait: { minDelayMs: 1 } }, creds, { projectId: "p" }),
            clientKey({ region: "cn-north-4" }, new AkSkCredentials(DEMO.accessKey, "another-secret"), { projectId: "p" }),
        ];
        for (const o of others) expect(canonicalKey(o)).not.toBe(canonicalKey(base));
    });
});

describe("ClientCache", () => {
    it("makes a client once per key and keeps it until cleared", () => {
        const cache = new ClientCache<{ n: number }>();
        const creds = new AlibabaCredentials("LTAIcachetest0001", "cache-test-secret");
        let made = 0;
        const make = () => ({ n: ++made });
        const a = cache.get(clientKey({ region: "cn-hangzhou", endpoints: { a: "1", b: "2" } }, creds, {}), make);
        const b = cache.get(clientKey({ region: "cn-hangzhou", endpoints: { b: "2", a: "1" } }, creds, {}), make);
        const c = cache.get(clientKey({ region: "cn-shanghai" }, creds, {}), make);
        expect(b).toBe(a);
        expect(c).not.toBe(a);
        expect(made).toBe(2);
        expect(cache.size).toBe(2);
        cache.clear();
        expect(cache.size).toBe(0);
        expect(cache.get(clientKey({ region: "cn-hangzhou", endpoints: { a: "1", b: "2" } }, creds, {}), make)).not.toBe(a);
    });

    it.each([
        ["clock", { clock: new SteppingClock() }],
        ["random", { random: () => 0.5 }],
        ["logger", { logger: { debug() {}, warn() {} } }],
        ["retry budget", { retryBudget: new RetryBudget() }],
        ["pacers", { pacers: new PacerRegistry() }],
        ["no pacing", { pacers: false as const }],
    ])("leaves a configuration with its own %s out (isolated)", (_n, extra) => {
        expect(isIsolated({ region: "r", ...extra })).toBe(true);
    });

    it("shares a configuration with only plain settings", () => {
        expect(isIsolated({ region: "r", retry: { maxAttempts: 2 }, timeouts: { headersMs: 5 }, wait: { minDelayMs: 1 } })).toBe(false);
    });
});

describe("getHuaweiClient and getAlibabaClient", () => {
    const hw = (extra: Partial<HuaweiClientConfig> = {}): HuaweiClientConfig => ({
        region: "cn-north-4",
        projectId: DEMO.projectId,
        accessKey: DEMO.accessKey,
        secretKey: DEMO.secretKey,
        endpoints: { vpcep: "http://127.0.0.1:1", iam: "http://127.0.0.1:2" },
        ...extra,
    });

    it("give every caller with the same configuration one client", () => {
        const a = getHuaweiClient(hw());
        expect(getHuaweiClient(hw({ endpoints: { iam: "http://127.0.0.1:2", vpcep: "http://127.0.0.1:1" } }))).toBe(a);
        expect(getHuaweiClient(hw({ credentials: new AkSkCredentials(DEMO.accessKey, DEMO.secretKey) }))).toBe(a);
        expect(getHuaweiClient(hw({ projectId: "another-project" }))).not.toBe(a);
        expect(getHuaweiClient(hw({ projectName: "cn-north-4_sub" }))).not.toBe(a);
        expect(getHuaweiClient(hw({ cloud: "example.com" }))).not.toBe(a);
        expect(getHuaweiClient(hw({ secretKey: "another-secret" }))).not.toBe(a);
        expect(getHuaweiClient(hw({ clock: new SteppingClock() }))).not.toBe(a);
    });

    it("keep Alibaba clients apart by region, endpoints and keys", () => {
        const cfg = {
            region: "cn-hangzhou",
            accessKeyId: "LTAIgetclient0001",
            accessKeySecret: "get-client-secret",
            endpoints: { privatelink: "http://127.0.0.1:3" },
        };
        const a = getAlibabaClient(cfg);
        expect(getAlibabaClient({ ...cfg })).toBe(a);
        expect(getAlibabaClient({ ...cfg, region: "cn-beijing" })).not.toBe(a);
        expect(getAlibabaClient({ ...cfg, accessKeySecret: "other" })).not.toBe(a);
        expect(getAlibabaClient({ ...cfg, retryBudget: new RetryBudget() })).not.toBe(a);
    });
});
