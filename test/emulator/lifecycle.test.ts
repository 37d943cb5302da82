import { CONSUMER, createEndpoint, createService, DEMO, type Emu, startTestEmulator } from "./helpers";

let now = 1_700_000_000_000;
let emu: Emu;
beforeAll(async () => {
    emu = await startTestEmulator({ now: () => now, timings: "demo" });
});
afterAll(() => emu.close());
beforeEach(async () => {
    now = Date.now();
    await emu.control("POST", "reset");
});

const svcStatus = async (id: string) => (await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`)).body.status as string;
const epStatus = async (acc: typeof DEMO, id: string) => {
    const r = await emu.vpcep(acc, "GET", `/vpc-endpoints/${id}`);
    return r.status === 404 ? 404 : (r.body.status as string);
};

describe("statuses are computed lazily from the clock and the timings", () => {
    test("demo preset: creating for ~2 s of emulator time, then available; deleting, then 404", async () => {
        const id = await createService(emu, DEMO);
        expect(await svcStatus(id)).toBe("creating");
        now += 1999;
        expect(await svcStatus(id)).toBe("creating");
        now += 1;
        expect(await svcStatus(id)).toBe("available");
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`)).status).toBe(204);
        expect(await svcStatus(id)).toBe("deleting");
        now += 1000;
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`)).status).toBe(404);
    });

    test("afterReads N: N reads see creating, the next sees the settled status", async () => {
        await emu.control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterReads: 2 }, delete: { afterReads: 1 } } });
        const id = await createService(emu, DEMO);
        expect(await svcStatus(id)).toBe("creating");
        expect(await svcStatus(id)).toBe("creating");
        expect(await svcStatus(id)).toBe("available");
        await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`);
        expect(await svcStatus(id)).toBe("deleting");
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`)).status).toBe(404);
    });

    test("control-route reads do not advance afterReads; readyAt records when the resource settled", async () => {
        await emu.control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterReads: 1 } } });
        const id = await createService(emu, DEMO);
        for (let i = 0; i < 3; i++)
            expect((await emu.control("GET", "resources?kind=endpoint_service&account=demo")).body.resources[0].status).toBe("creating");
        expect(await svcStatus(id)).toBe("creating");
        now += 5;
        expect(await svcStatus(id)).toBe("available");
        const view = (await emu.control("GET", "resources?kind=endpoint_service&account=demo")).body.resources[0];
        expect(view).toMatchObject({
            api: "vpcep",
            kind: "endpoint_service",
            id,
            account: "demo",
            projectId: DEMO.projectId,
            region: "cn-north-4",
            status: "available",
            readyAt: now,
        });
    });

    test("afterMs timing per kind", async () => {
        await emu.control("PUT", "timings", {
            "vpcep:endpoint_service": { create: "immediate" },
            "vpcep:endpoint": { create: { afterMs: 500 }, delete: { afterMs: 100 } },
        });
        const svc = await createService(emu, DEMO);
        const ep = await createEndpoint(emu, DEMO, svc);
        expect(await epStatus(DEMO, ep)).toBe("creating");
        now += 500;
        expect(await epStatus(DEMO, ep)).toBe("accepted");
        await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${ep}`);
        expect(await epStatus(DEMO, ep)).toBe("deleting");
        now += 100;
        expect(await epStatus(DEMO, ep)).toBe(404);
        const deleted = await emu.control("GET", "resources?kind=endpoint&includeDeleted=true");
        expect(deleted.body.resources[0]).toMatchObject({ status: "deleted", deletedAt: now });
    });
});

describe("failed creations", () => {
    test("failNamesMatching makes matching services end failed with an error array", async () => {
        await emu.control("PUT", "timings", { "vpcep:endpoint_service": { create: "immediate", failNamesMatching: "^fail-" } });
        const bad = await createService(emu, DEMO, { service_name: "fail-1" });
        const good = await createService(emu, DEMO, { service_name: "ok-1", ports: [{ client_port: 1, server_port: 1 }] });
        const r = await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${bad}`);
        expect(r.body.status).toBe("failed");
        expect(r.body.error).toEqual([{ error_code: expect.stringMatching(/^EndPoint\./), error_message: expect.any(String) }]);
        expect(await svcStatus(good)).toBe("available");
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${bad}`)).status).toBe(204);
    });

    test("fail: true makes endpoints end failed; failed endpoints cannot be modified but can be deleted", async () => {
        await emu.control("PUT", "timings", '"fast"');
        const svc = await createService(emu, DEMO);
        await emu.control("PUT", "timings", { "vpcep:endpoint": { fail: true } });
        const ep = await createEndpoint(emu, DEMO, svc);
        expect(await epStatus(DEMO, ep)).toBe("failed");
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${ep}`, { body: { whitelist: [] } })).body.error_code).toBe("EndPoint.2047");
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${ep}`)).status).toBe(204);
    });
});

describe("approval", () => {
    beforeEach(async () => {
        await emu.control("PUT", "timings", '"fast"');
    });

    test("with approval: pendingAcceptance (no ip, enable_dns false) until the owner receives it, then accepted with ip", async () => {
        const svc = await createService(emu, DEMO, { approval_enabled: true });
        const ep = await createEndpoint(emu, DEMO, svc, { enable_dns: true, port_ip: "10.0.0.99" });
        const pending = await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${ep}`);
        expect(pending.body.status).toBe("pendingAcceptance");
        expect(pending.body.ip).toBeUndefined();
        expect(pending.body.enable_dns).toBe(false);
        const conns = await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/connections`, { query: { id: ep } });
        expect(conns.body).toEqual({
            connections: [expect.objectContaining({ id: ep, status: "pendingAcceptance", domain_id: DEMO.domainId, marker_id: pending.body.marker_id })],
            total_count: 1,
        });
        const acc = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/connections/action`, { body: { action: "receive", endpoints: [ep] } });
        expect(acc.status).toBe(200);
        expect(acc.body.connections[0]).toMatchObject({ id: ep, status: "accepted" });
        const after = await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${ep}`);
        expect(after.body).toMatchObject({ status: "accepted", ip: "10.0.0.99", enable_dns: true });
    });

    test("reject leads to rejected; a rejected connection does not keep the service in use", async () => {
        const svc = await createService(emu, DEMO, { approval_enabled: true });
        const ep = await createEndpoint(emu, DEMO, svc);
        const rej = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/connections/action`, { body: { action: "reject", endpoints: [ep] } });
        expect(rej.body.connections[0].status).toBe("rejected");
        expect(await epStatus(DEMO, ep)).toBe("rejected");
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/connections`, { query: { status: "rejected" } })).body.total_count).toBe(1);
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${svc}`)).status).toBe(204);
    });

    test.each<[string, Record<string, unknown>, string]>([
        ["an unknown action", { action: "approve", endpoints: ["EP"] }, "EndPoint.2027"],
        ["two endpoints", { action: "receive", endpoints: ["EP", "EP"] }, "EndPoint.2031"],
        ["no endpoints", { action: "receive", endpoints: [] }, "EndPoint.0002"],
        ["a malformed endpoint id", { action: "receive", endpoints: ["x"] }, "EndPoint.2017"],
        ["an endpoint of another service", { action: "receive", endpoints: ["11111111-1111-4111-8111-999999999999"] }, "EndPoint.2013"],
    ])("connection action with %s fails", async (_w, body, code) => {
        const svc = await createService(emu, DEMO, { approval_enabled: true });
        const ep = await createEndpoint(emu, DEMO, svc);
        const b = JSON.parse(JSON.stringify(body).replace(/"EP"/g, JSON.stringify(ep)));
        const r = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/connections/action`, { body: b });
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe(code);
    });

    test("an endpoint still creating cannot be received (EndPoint.2019)", async () => {
        const svc = await createService(emu, DEMO, { approval_enabled: true });
        await emu.control("PUT", "timings", { "vpcep:endpoint": { create: { afterReads: 5 } } });
        const ep = await createEndpoint(emu, DEMO, svc);
        const r = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/connections/action`, { body: { action: "receive", endpoints: [ep] } });
        expect(r.body.error_code).toBe("EndPoint.2019");
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${ep}`)).body.error_code).toBe("EndPoint.2019");
    });

    test("updates a connection's description", async () => {
        const svc = await createService(emu, DEMO, { approval_enabled: true });
        const ep = await createEndpoint(emu, DEMO, svc);
        const r = await emu.vpcep(DEMO, "PUT", `/vpc-endpoint-services/${svc}/connections/description`, {
            body: { connections: [{ id: ep, description: "team a" }] },
        });
        expect(r.status).toBe(200);
        expect(r.body.connections[0]).toMatchObject({ id: ep, description: "team a" });
        const bad = await emu.vpcep(DEMO, "PUT", `/vpc-endpoint-services/${svc}/connections/description`, {
            body: { connections: [{ id: ep, description: "<b>" }] },
        });
        expect(bad.body.error_code).toBe("EndPoint.0002");
    });

    test("a consumer's endpoint appears in the owner's connections with the consumer's domain id", async () => {
        const svc = await createService(emu, DEMO, { approval_enabled: true });
        await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, {
            body: { action: "add", permissions: [`iam:domain::${CONSUMER.domainId}`] },
        });
        const ep = await createEndpoint(emu, CONSUMER, svc);
        const conns = await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/connections`);
        expect(conns.body.connections).toEqual([expect.objectContaining({ id: ep, domain_id: CONSUMER.domainId, status: "pendingAcceptance" })]);
        await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/connections/action`, { body: { action: "receive", endpoints: [ep] } });
        expect(await epStatus(CONSUMER, ep)).toBe("accepted");
    });
});
