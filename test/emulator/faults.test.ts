import { CONSUMER, DEMO, type Emu, serviceBody, startTestEmulator } from "./helpers";

let now = Date.now();
let emu: Emu;
beforeAll(async () => {
    emu = await startTestEmulator({ now: () => now });
});
afterAll(() => emu.close());
beforeEach(async () => {
    await emu.control("POST", "reset");
    await emu.control("PUT", "timings", '"fast"');
});

const demoServices = async () => (await emu.control("GET", "resources?kind=endpoint_service&account=demo")).body.resources as unknown[];
const create = () => emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { body: serviceBody(DEMO) });

describe("fault injection", () => {
    test("error: answers the rule's error in the API envelope, `times` counts down", async () => {
        await emu.control("PUT", "faults", {
            rules: [
                {
                    api: "vpcep",
                    operation: "CreateEndpointService",
                    times: 1,
                    error: { status: 503, code: "EndPoint.0001", message: "System error. Please retry." },
                },
            ],
        });
        const first = await create();
        expect(first.status).toBe(503);
        expect(first.body).toEqual({ error_code: "EndPoint.0001", error_msg: "System error. Please retry." });
        expect(await demoServices()).toHaveLength(0);
        expect((await create()).status).toBe(200);
        const log = (await emu.control("GET", "requests")).body.requests;
        expect(log.map((r: { status: number }) => r.status)).toEqual([503, 200]);
        expect(log[0]).toMatchObject({ operation: "CreateEndpointService", fault: expect.stringContaining("error EndPoint.0001"), errorCode: "EndPoint.0001" });
    });

    test("filters by operation and method: other operations pass", async () => {
        await emu.control("PUT", "faults", {
            rules: [{ operation: "ListEndpoints", method: "GET", error: { status: 500, code: "EndPoint.0001", message: "x" } }],
        });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(500);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services")).status).toBe(200);
    });

    test("filters by account", async () => {
        await emu.control("PUT", "faults", { rules: [{ account: "consumer", error: { status: 500, code: "EndPoint.0001", message: "x" } }] });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(200);
        expect((await emu.vpcep(CONSUMER, "GET", "/vpc-endpoints")).status).toBe(500);
    });

    test("latency delays the answer", async () => {
        await emu.control("PUT", "faults", { rules: [{ api: "vpcep", latencyMs: 200, times: 1 }] });
        const t0 = performance.now();
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(200);
        expect(performance.now() - t0).toBeGreaterThanOrEqual(180);
    });

    test("drop before: the connection is cut and nothing happens", async () => {
        await emu.control("PUT", "faults", { rules: [{ operation: "CreateEndpointService", drop: "before", times: 1 }] });
        await expect(create()).rejects.toThrow();
        expect(await demoServices()).toHaveLength(0);
        const log = (await emu.control("GET", "requests")).body.requests;
        expect(log[0]).toMatchObject({ status: 0, fault: expect.stringContaining("drop before") });
    });

    test("drop after: the operation takes effect, the client never sees the answer (an orphan)", async () => {
        await emu.control("PUT", "faults", { rules: [{ operation: "CreateEndpointService", drop: "after", times: 1 }] });
        await expect(create()).rejects.toThrow();
        expect(await demoServices()).toHaveLength(1);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services")).body.total_count).toBe(1);
    });

    test("probability with a seed gives the same hit pattern every time", async () => {
        const pattern = async () => {
            await emu.control("PUT", "faults", {
                seed: 42,
                rules: [{ operation: "ListEndpoints", probability: 0.5, error: { status: 500, code: "EndPoint.0001", message: "x" } }],
            });
            const out: number[] = [];
            for (let i = 0; i < 20; i++) out.push((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status);
            return out;
        };
        const a = await pattern();
        const b = await pattern();
        expect(a).toEqual(b);
        expect(a).toContain(500);
        expect(a).toContain(200);
    });

    test("first matching rule wins", async () => {
        await emu.control("PUT", "faults", {
            rules: [
                { operation: "ListEndpoints", error: { status: 502, code: "A", message: "a" } },
                { api: "vpcep", error: { status: 504, code: "B", message: "b" } },
            ],
        });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(502);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services")).status).toBe(504);
    });

    test("fallThrough: a missed roll goes on to the later rules, so several faults mix on one operation", async () => {
        await emu.control("PUT", "faults", {
            seed: 7,
            rules: [
                { operation: "ListEndpoints", probability: 0.3, fallThrough: true, error: { status: 503, code: "A", message: "a" } },
                { operation: "ListEndpoints", probability: 0.3, fallThrough: true, error: { status: 429, code: "B", message: "b" } },
            ],
        });
        const seen: number[] = [];
        for (let i = 0; i < 60; i++) seen.push((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status);
        expect(seen).toContain(503);
        expect(seen).toContain(429);
        expect(seen).toContain(200);
        // Without fallThrough the second rule is never reached.
        await emu.control("PUT", "faults", {
            seed: 7,
            rules: [
                { operation: "ListEndpoints", probability: 0.3, error: { status: 503, code: "A", message: "a" } },
                { operation: "ListEndpoints", probability: 0.3, error: { status: 429, code: "B", message: "b" } },
            ],
        });
        const plain: number[] = [];
        for (let i = 0; i < 60; i++) plain.push((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status);
        expect(plain).not.toContain(429);
    });

    test.each([
        { rules: "x" },
        { rules: [{ drop: "sideways" }] },
        { rules: [{ probability: 2 }] },
        { rules: [{ error: { status: 200, code: "x", message: "y" } }] },
        { rules: [{ typo: 1 }] },
        { rules: [{ fallThrough: "yes" }] },
    ])("rejects malformed rules %j with 400", async (body) => {
        const r = await emu.control("PUT", "faults", body);
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe("Emulator.0400");
    });
});

describe("throttling", () => {
    test("over the per-account rate: 429 APIGW.0308 with Retry-After; other accounts unaffected; next second passes", async () => {
        now = Math.floor(Date.now() / 1000) * 1000 + 200;
        await emu.control("PUT", "limits", { requestsPerSecond: 2 });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(200);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(200);
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoints");
        expect(r.status).toBe(429);
        expect(r.body).toEqual({
            error_code: "APIGW.0308",
            error_msg: expect.stringContaining("limit:2,time:1 second"),
            request_id: r.headers.get("x-request-id"),
        });
        expect(r.headers.get("retry-after")).toBe("1");
        expect((await emu.vpcep(CONSUMER, "GET", "/vpc-endpoints")).status).toBe(200);
        now += 1000;
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(200);
        await emu.control("PUT", "limits", { requestsPerSecond: null });
        for (let i = 0; i < 5; i++) expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).status).toBe(200);
    });

    test("rejects a bad limit", async () => {
        expect((await emu.control("PUT", "limits", { requestsPerSecond: 0 })).status).toBe(400);
    });
});
