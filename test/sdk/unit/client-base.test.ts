import { inspect } from "node:util";
import { AlibabaCredentials } from "../../../sdk/alicloud/credentials";
import { type ClientBaseConfig, CloudClient, isRegionId, normalizeBaseUrl } from "../../../sdk/core/client-base";
import { CloudError } from "../../../sdk/core/errors";
import { type Pacer, PacerRegistry } from "../../../sdk/core/pacer";
import { RetryBudget } from "../../../sdk/core/retry";
import { findByIds } from "../../../sdk/core/waiter";
import { AkSkCredentials } from "../../../sdk/huaweicloud/credentials";
import { FakeClock } from "../helpers/fake-clock";
import { sendJson, startStub } from "../helpers/stub-server";

const SECRET = "client-base-test-secret";

/** The smallest cloud client: no signing, one GET. */
class TestClient extends CloudClient<AlibabaCredentials> {
    constructor(config: ClientBaseConfig) {
        super(config, new AlibabaCredentials("LTAIclientbase0001", SECRET), { minDelayMs: 4000, maxDelayMs: 8000 });
    }
    get(endpoint: string): Promise<string> {
        return this.send(endpoint, {
            api: "test",
            operation: "Get",
            method: "GET",
            url: `${endpoint}/thing`,
            idempotent: true,
            headers: (attempt) => ({ "x-client-attempt": String(attempt) }),
            classify: (res) =>
                new CloudError({
                    api: "test",
                    operation: "Get",
                    code: `HTTP.${res.status}`,
                    message: res.text,
                    httpStatus: res.status,
                    retryable: res.status >= 500,
                }),
        }).then((r) => r.text);
    }
    protected override describe(): Record<string, unknown> {
        return { zone: "z1" };
    }
}

class RecordingPacers extends PacerRegistry {
    readonly scopes: string[] = [];
    override get(scope: string): Pacer {
        this.scopes.push(scope);
        return super.get(scope);
    }
}

describe("CloudClient", () => {
    it("sends through the HTTP core with its retry policy, paced per endpoint and credential", async () => {
        let n = 0;
        const s = await startStub((_req, res) => (++n === 1 ? sendJson(res, 503, {}) : sendJson(res, 200, { ok: true })));
        try {
            const pacers = new RecordingPacers();
            const c = new TestClient({ region: "cn-hangzhou", pacers, retryBudget: new RetryBudget(), retry: { baseDelayMs: 1, maxDelayMs: 1 } });
            expect(await c.get(s.url)).toBe('{"ok":true}');
            expect(s.requests.map((r) => r.headers["x-client-attempt"])).toEqual(["1", "2"]);
            expect(pacers.scopes).toEqual([`${s.url}|${new AlibabaCredentials("LTAIclientbase0001", SECRET).fingerprint()}`]);
        } finally {
            await s.close();
        }
    });

    it("keeps one watcher per resource kind", () => {
        const c = new TestClient({ region: "cn-hangzhou" });
        const source = () => ({ getOne: async () => undefined });
        expect(c.watcher("test:a", source)).toBe(c.watcher("test:a", source));
        expect(c.watcher("test:b", source)).not.toBe(c.watcher("test:a", source));
    });

    it.each([
        ["the cloud's defaults", undefined, 4000],
        ["the configuration's own delays", { minDelayMs: 2000, maxDelayMs: 2000 }, 2000],
    ])("gives its watchers %s", async (_n, wait, firstPollMs) => {
        const clock = new FakeClock();
        const start = clock.now();
        const c = new TestClient({ region: "cn-hangzhou", clock, random: () => 1, wait });
        let polledAt: number | undefined;
        const w = c.watcher<{ status: string }>("test:thing", () => ({
            getOne: async () => {
                polledAt = clock.now() - start;
                return { status: "ready" };
            },
        }));
        const done = w.wait("t1", { target: ["ready"] });
        await clock.runUntil(() => polledAt !== undefined, 10_000, 500);
        await done;
        expect(polledAt).toBe(firstPollMs);
    });

    it("prints its class, region, extra fields, masked credentials and endpoints, never the secret", () => {
        const c = new TestClient({ region: "cn-hangzhou", endpoints: { privatelink: "http://127.0.0.1:1" } });
        expect(JSON.parse(JSON.stringify(c))).toEqual({
            region: "cn-hangzhou",
            zone: "z1",
            auth: { accessKeyId: "LTAI…0001", accessKeySecret: "[redacted]", temporary: false },
            endpoints: { privatelink: "http://127.0.0.1:1" },
        });
        const text = inspect(c, { depth: 10, showHidden: true });
        expect(text).toMatch(/^TestClient \{/);
        expect(text).toContain("zone: 'z1'");
        expect(text).not.toContain(SECRET);
        expect(Object.keys(c)).toEqual(["region"]);
    });
});

describe("shared credentials behaviour", () => {
    it("fingerprints the same keys differently for each cloud, and never shows the secret", () => {
        const hw = new AkSkCredentials("SAMEKEYID0000001", SECRET, "sts-token-value");
        const ali = new AlibabaCredentials("SAMEKEYID0000001", SECRET, "sts-token-value");
        expect(hw.fingerprint()).not.toBe(ali.fingerprint());
        expect(hw.fingerprint()).toBe(new AkSkCredentials("SAMEKEYID0000001", SECRET, "sts-token-value").fingerprint());
        expect(hw.fingerprint()).not.toBe(new AkSkCredentials("SAMEKEYID0000001", SECRET).fingerprint());
        for (const c of [hw, ali]) {
            expect(c.temporary).toBe(true);
            for (const text of [inspect(c, { showHidden: true }), JSON.stringify(c), c.fingerprint()]) {
                expect(text).not.toContain(SECRET);
                expect(text).not.toContain("sts-token-value");
            }
        }
        expect(inspect(hw)).toBe("AkSkCredentials { accessKey: 'SAME…0001', secretKey: [redacted], securityToken: [redacted] }");
        expect(JSON.parse(JSON.stringify(hw))).toEqual({ kind: "aksk", accessKey: "SAME…0001", secretKey: "[redacted]", temporary: true });
    });

    it("refuses a key without its secret", () => {
        expect(() => new AkSkCredentials("AK", "")).toThrow("AK/SK credentials need both an access key and a secret key");
        expect(() => new AlibabaCredentials("", "s")).toThrow("Alibaba Cloud credentials need both an access key id and an access key secret");
    });
});

describe("findByIds", () => {
    const items = (ids: string[]) => ids.map((id) => ({ id }));

    it("stops paging once every id is found, and reads a later list only when needed", async () => {
        const read: string[] = [];
        const list = (name: string, pages: string[][]) => async (until: (items: readonly { id: string }[]) => boolean) => {
            const out: { id: string }[] = [];
            for (const p of pages) {
                read.push(`${name}:${p.join(",")}`);
                out.push(...items(p));
                if (until(out)) break;
            }
            return out;
        };
        const found = await findByIds(["a", "c"], (x) => x.id, list("in", [["a", "b"], ["c"], ["d"]]), list("out", [["e"]]));
        expect([...found.keys()].sort()).toEqual(["a", "c"]);
        expect(read).toEqual(["in:a,b", "in:c"]);

        read.length = 0;
        const partial = await findByIds(["a", "e", "z"], (x) => x.id, list("in", [["a"]]), list("out", [["e"]]));
        expect([...partial.keys()].sort()).toEqual(["a", "e"]);
        expect(read).toEqual(["in:a", "out:e"]);
    });
});

describe("endpoint helpers", () => {
    it.each([
        ["example.com/", "https://example.com"],
        [" http://127.0.0.1:8080// ", "http://127.0.0.1:8080"],
        ["HTTPS://Host/path", "HTTPS://Host/path"],
    ])("normalizes %j", (input, want) => {
        expect(normalizeBaseUrl(input)).toBe(want);
    });

    it("refuses a malformed base URL and tells region ids", () => {
        expect(() => normalizeBaseUrl("https://exa mple.com")).toThrow();
        expect(isRegionId("cn-north-4")).toBe(true);
        expect(isRegionId("cn-hangzhou")).toBe(true);
        expect(isRegionId("CN_NORTH")).toBe(false);
    });
});
