import { CONSUMER, createEndpoint, createService, DEMO, type Emu, endpointBody, startTestEmulator } from "./helpers";

let emu: Emu;
let svc: string;
beforeAll(async () => {
    emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
    await emu.control("POST", "reset");
    await emu.control("PUT", "timings", '"fast"');
    svc = await createService(emu, DEMO, { service_name: "shared" });
});

describe("isolation between accounts", () => {
    test("a project never sees another account's services or endpoints", async () => {
        const ep = await createEndpoint(emu, DEMO, svc);
        expect((await emu.vpcep(CONSUMER, "GET", "/vpc-endpoint-services")).body).toEqual({ endpoint_services: [], total_count: 0 });
        expect((await emu.vpcep(CONSUMER, "GET", "/vpc-endpoints")).body).toEqual({ endpoints: [], total_count: 0 });
        expect((await emu.vpcep(CONSUMER, "GET", `/vpc-endpoint-services/${svc}`)).status).toBe(404);
        expect((await emu.vpcep(CONSUMER, "GET", `/vpc-endpoints/${ep}`)).status).toBe(404);
        expect((await emu.vpcep(CONSUMER, "DELETE", `/vpc-endpoints/${ep}`)).status).toBe(404);
        expect((await emu.vpcep(CONSUMER, "DELETE", `/vpc-endpoint-services/${svc}`)).status).toBe(404);
        expect((await emu.vpcep(CONSUMER, "PUT", `/vpc-endpoint-services/${svc}`, { body: { description: "mine" } })).status).toBe(404);
        expect((await emu.vpcep(CONSUMER, "GET", `/vpc-endpoint-services/${svc}/connections`)).status).toBe(404);
        expect(
            (await emu.vpcep(CONSUMER, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, { body: { action: "add", permissions: ["*"] } })).status,
        ).toBe(404);
        expect(
            (await emu.vpcep(CONSUMER, "POST", `/endpoint/${ep}/tags/action`, { body: { action: "create", tags: [{ key: "k", value: "v" }] } })).status,
        ).toBe(404);
        expect((await emu.vpcep(CONSUMER, "GET", "/vpc-endpoint-services/describe", { query: { id: svc } })).status).toBe(404);
    });

    test("an account cannot use another account's VPC or subnet", async () => {
        const r = await emu.vpcep(CONSUMER, "POST", "/vpc-endpoints", { body: endpointBody(DEMO, svc) });
        expect(r.status).toBe(400);
    });

    test("connecting without permission fails with EndPoint.2012", async () => {
        const r = await emu.vpcep(CONSUMER, "POST", "/vpc-endpoints", { body: endpointBody(CONSUMER, svc) });
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe("EndPoint.2012");
    });

    test.each(["iam:domain::d0000000000000000000000000000002", "*"])("permission %s lets the consumer describe and connect", async (perm) => {
        const add = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, { body: { action: "add", permissions: [perm] } });
        expect(add.status).toBe(200);
        expect(add.body.permissions).toEqual([perm]);
        const d = await emu.vpcep(CONSUMER, "GET", "/vpc-endpoint-services/describe", { query: { endpoint_service_name: `cn-north-4.shared.${svc}` } });
        expect(d.status).toBe(200);
        expect(d.body.id).toBe(svc);
        const ep = await createEndpoint(emu, CONSUMER, svc);
        const own = await emu.vpcep(CONSUMER, "GET", `/vpc-endpoints/${ep}`);
        expect(own.body).toMatchObject({ status: "accepted", project_id: CONSUMER.projectId, endpoint_service_id: svc });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints")).body.total_count).toBe(0);
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}`)).body.connection_count).toBe(1);
    });

    test("removing the permission stops new connections", async () => {
        const perm = `iam:domain::${CONSUMER.domainId}`;
        await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, { body: { action: "add", permissions: [perm] } });
        await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, { body: { action: "remove", permissions: [perm] } });
        expect((await emu.vpcep(CONSUMER, "POST", "/vpc-endpoints", { body: endpointBody(CONSUMER, svc) })).body.error_code).toBe("EndPoint.2012");
    });
});

describe("permissions", () => {
    test("lists permissions with paging and total_count", async () => {
        const perms = ["*", `iam:domain::${CONSUMER.domainId}`, "iam:domain::0123456789abcdef0123456789abcdef"];
        await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, {
            body: { action: "add", permissions: perms, permission_type: "domainId" },
        });
        const all = await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/permissions`);
        expect(all.body.total_count).toBe(3);
        expect(all.body.permissions[0]).toEqual({
            id: expect.any(String),
            permission: expect.any(String),
            permission_type: "domainId",
            description: "",
            created_at: expect.any(String),
        });
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/permissions`, { query: { limit: 1, offset: 3 } })).body.permissions).toEqual([]);
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/permissions`, { query: { limit: 501 } })).body.error_code).toBe("EndPoint.0006");
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}/permissions`, { query: { permission: "0123" } })).body.total_count).toBe(1);
    });

    test.each<[string, Record<string, unknown>, string]>([
        ["an unknown action", { action: "grant", permissions: ["*"] }, "EndPoint.3035"],
        ["a malformed permission", { action: "add", permissions: ["iam:domain::xyz"] }, "EndPoint.3002"],
        ["an empty list", { action: "add", permissions: [] }, "EndPoint.3036"],
        ["51 permissions", { action: "add", permissions: Array.from({ length: 51 }, () => "*") }, "EndPoint.0016"],
        ["an unknown permission_type", { action: "add", permissions: ["*"], permission_type: "user" }, "EndPoint.3036"],
    ])("permission action with %s fails", async (_w, body, code) => {
        const r = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, { body });
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe(code);
    });

    test("accepts orgPath permissions", async () => {
        const r = await emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/permissions/action`, {
            body: { action: "add", permissions: ["organizations:orgPath::o-1/r-2/ou-3"], permission_type: "orgPath" },
        });
        expect(r.status).toBe(200);
    });
});
