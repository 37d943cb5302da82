import { canonicalQuery, canonicalRequest, parseSdkDate, signature, verifySignature } from "../../emulator/core/auth/huawei-signature";
import { DEMO, type Emu, sdkDate, sign, startTestEmulator } from "./helpers";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AKSKSigner } = require("@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner") as {
    AKSKSigner: { sign(req: unknown, cred: { getAk(): string; getSk(): string }): Record<string, string> };
};

describe("signature algorithm against official vectors", () => {
    test("matches the signing guide's vector", () => {
        const req = {
            method: "GET",
            rawPath: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
            rawQuery: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
            headers: { "content-type": "application/json", host: "service.region.example.com", "x-sdk-date": "20191115T033655Z" },
            body: Buffer.alloc(0),
        };
        const canonical = canonicalRequest(req, ["content-type", "host", "x-sdk-date"])!;
        expect(canonical).toBe(
            "GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\ncontent-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\ncontent-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        );
        expect(signature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", "20191115T033655Z", canonical)).toBe(
            "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
        );
    });

    test.each([
        ["GET", "limit=1", "", "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624"],
        ["POST", "key=value", '{"Name":"test","Id":1}\n', "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59"],
    ])("matches the Go SDK vector for %s (x-sdk-date only, exact body bytes)", (method, query, body, expected) => {
        const req = { method, rawPath: "/path", rawQuery: query, headers: { "x-sdk-date": "20060102T150405Z" }, body: Buffer.from(body) };
        expect(signature("SecretKey", "20060102T150405Z", canonicalRequest(req, ["x-sdk-date"])!)).toBe(expected);
    });

    test("canonicalises the query like the Go SDK", () => {
        const q = new URLSearchParams([
            ["limit", "1"],
            ["enable", "true"],
            ["test", "一 (&=?!#%.*)"],
            ["path", "/tmp/123"],
            ["multi", "3"],
            ["multi", "1"],
            ["multi", "2"],
        ]);
        expect(canonicalQuery(q.toString().replace(/\+/g, "%20"))).toBe(
            "enable=true&limit=1&multi=1&multi=2&multi=3&path=%2Ftmp%2F123&test=%E4%B8%80%20%28%26%3D%3F%21%23%25.%2A%29",
        );
    });

    test("parses X-Sdk-Date and rejects other formats", () => {
        expect(parseSdkDate("20191115T033655Z")).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
        expect(parseSdkDate("2019-11-15T03:36:55Z")).toBeUndefined();
    });

    test("rejects a date outside the 15-minute window", () => {
        const now = Date.UTC(2019, 10, 15, 3, 36, 55);
        const headers = sign({ method: "GET", url: "http://h/p", headers: { "X-Sdk-Date": "20191115T033655Z" }, body: "", ak: "AK", sk: "SK" });
        const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
        const req = { method: "GET", rawPath: "/p", rawQuery: "", headers: lower, body: Buffer.alloc(0) };
        expect(verifySignature(req, now + 14 * 60000, () => "SK")).toEqual({ ok: true, accessKey: "AK" });
        expect(verifySignature(req, now + 16 * 60000, () => "SK").ok).toBe(false);
        expect(verifySignature(req, now - 16 * 60000, () => "SK").ok).toBe(false);
    });
});

describe("AK/SK over the wire", () => {
    let emu: Emu;
    beforeAll(async () => {
        emu = await startTestEmulator();
    });
    afterAll(() => emu.close());

    test.each(["node", "go"] as const)("accepts the %s SDK's signed header set", async (headerSet) => {
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { headerSet, query: { limit: 5, offset: 0 } });
        expect(r.status).toBe(200);
        expect(r.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    });

    test("accepts a POST signed over the exact body bytes", async () => {
        const r = await emu.vpcep(DEMO, "GET", "/quotas", { headerSet: "go" });
        expect(r.status).toBe(200);
    });

    async function officialSigned(
        mutate?: (h: Record<string, string>, body: string, url: string) => { headers: Record<string, string>; body: string; url: string },
    ) {
        const data = {
            port_id: DEMO.net.backendPort,
            vpc_id: DEMO.net.backendVpc,
            server_type: "VM",
            approval_enabled: false,
            ports: [{ client_port: 8080, server_port: 80, protocol: "TCP" }],
        };
        const endpoint = `${emu.url}/v1/${DEMO.projectId}/vpc-endpoint-services`;
        const signed = AKSKSigner.sign(
            { method: "POST", endpoint, queryParams: {}, headers: { "Content-Type": "application/json", "X-Project-Id": DEMO.projectId }, data },
            { getAk: () => DEMO.ak, getSk: () => DEMO.sk },
        );
        let headers = { ...signed };
        delete headers.host;
        let body = JSON.stringify(data);
        let url = endpoint;
        if (mutate) ({ headers, body, url } = mutate(headers, body, url));
        const res = await fetch(url, { method: "POST", headers, body });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    }

    test("accepts a request signed by the official @huaweicloud/huaweicloud-sdk-core signer", async () => {
        const r = await officialSigned();
        expect(r.status).toBe(200);
        expect(r.body.status).toBe("creating");
    });

    test.each([
        ["a body byte", (h: Record<string, string>, b: string, u: string) => ({ headers: h, body: b.replace('"VM"', '"VN"'), url: u })],
        [
            "a path byte",
            (h: Record<string, string>, b: string, u: string) => ({ headers: h, body: b, url: u.replace("vpc-endpoint-services", "vpc-endpoints") }),
        ],
        ["a query byte", (h: Record<string, string>, b: string, u: string) => ({ headers: h, body: b, url: `${u}?a=1` })],
        ["a signed header", (h: Record<string, string>, b: string, u: string) => ({ headers: { ...h, "Content-Type": "application/jsoN" }, body: b, url: u })],
        [
            "the signature",
            (h: Record<string, string>, b: string, u: string) => ({
                headers: { ...h, Authorization: h.Authorization!.replace(/.$/, (c) => (c === "0" ? "1" : "0")) },
                body: b,
                url: u,
            }),
        ],
    ])("rejects the official signer's request after changing %s", async (_what, mutate) => {
        const r = await officialSigned(mutate);
        expect(r.status).toBe(401);
        expect(r.body.error_code).toBe("APIGW.0301");
        expect(r.body.error_msg).toMatch(/^Incorrect IAM authentication information: /);
        expect(typeof r.body.request_id).toBe("string");
    });

    test("rejects an expired X-Sdk-Date", async () => {
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { date: Date.now() - 16 * 60 * 1000 });
        expect(r.status).toBe(401);
        expect(r.body.error_code).toBe("APIGW.0301");
    });

    test("rejects an unsigned request", async () => {
        const r = await emu.raw(`/v1/${DEMO.projectId}/vpc-endpoint-services`);
        expect(r.status).toBe(401);
        expect(r.body.error_code).toBe("APIGW.0301");
        expect(r.body.request_id).toBe(r.headers.get("x-request-id"));
    });

    test("rejects an unknown access key and a wrong secret key", async () => {
        for (const acc of [
            { ...DEMO, ak: "NOSUCHKEY" },
            { ...DEMO, sk: "wrong" },
        ]) {
            const r = await emu.vpcep(acc, "GET", "/vpc-endpoint-services");
            expect(r.status).toBe(401);
        }
    });

    test("rejects a signature that does not cover x-sdk-date", async () => {
        const url = `${emu.url}/v1/${DEMO.projectId}/vpc-endpoint-services`;
        const h = sign({ method: "GET", url, headers: { "X-Sdk-Date": sdkDate(Date.now()) }, body: "", ak: DEMO.ak, sk: DEMO.sk, signed: ["host"] });
        delete h.host;
        const res = await fetch(url, { headers: h });
        expect(res.status).toBe(401);
    });

    test("refuses a project of another account with 403", async () => {
        const r = await emu.hw(DEMO, "GET", `/v1/a0000000000000000000000000000002/vpc-endpoint-services`);
        expect(r.status).toBe(403);
        expect(r.body.error_code).toBe("EndPoint.0004");
    });
});
