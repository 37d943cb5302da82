import { createEndpoint, createService, DEMO, type Emu, serviceBody, startTestEmulator } from "./helpers";

let emu: Emu;
beforeAll(async () => {
    emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
    await emu.control("POST", "reset");
    await emu.control("PUT", "timings", '"fast"');
});

describe("CreateEndpointService", () => {
    test("answers 200 with the service in status creating and the API defaults", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", {
            body: { port_id: DEMO.net.backendPort, vpc_id: DEMO.net.backendVpc, server_type: "VM", ports: [{ client_port: 8080, server_port: 80 }] },
        });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({
            status: "creating",
            approval_enabled: true,
            service_type: "interface",
            tcp_proxy: "close",
            ports: [{ client_port: 8080, server_port: 80, protocol: "TCP" }],
            project_id: DEMO.projectId,
            tags: [],
            description: "",
        });
        expect(r.body.service_name).toBe(`cn-north-4.${r.body.id}`);
        expect(r.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    });

    test("names the service {region}.{name}.{id}", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { body: serviceBody(DEMO, { service_name: "my_svc-1" }) });
        expect(r.body.service_name).toBe(`cn-north-4.my_svc-1.${r.body.id}`);
    });

    const many = (n: number, f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
    test.each<[string, Record<string, unknown>, string]>([
        ["vpc_id missing", { vpc_id: undefined }, "EndPoint.2011"],
        ["vpc_id not a UUID", { vpc_id: "vpc-1" }, "EndPoint.0020"],
        ["vpc_id unknown", { vpc_id: "11111111-1111-4111-8111-999999999999" }, "EndPoint.2001"],
        ["port_id missing", { port_id: undefined }, "EndPoint.3003"],
        ["port_id not a UUID", { port_id: "nic" }, "EndPoint.3003"],
        ["port_id unknown", { port_id: "11111111-1111-4111-8111-999999999999" }, "EndPoint.3008"],
        ["port_id in another VPC", { vpc_id: DEMO.net.clientVpc }, "EndPoint.3042"],
        ["server_type missing", { server_type: undefined }, "EndPoint.3021"],
        ["server_type unknown", { server_type: "BM" }, "EndPoint.3021"],
        ["service_type gateway", { service_type: "gateway" }, "EndPoint.0002"],
        ["ip given", { ip: "10.0.0.1" }, "EndPoint.3011"],
        ["service_name 17 chars", { service_name: "a".repeat(17) }, "EndPoint.3076"],
        ["service_name with a dot", { service_name: "a.b" }, "EndPoint.3076"],
        ["description 513 chars", { description: "d".repeat(513) }, "EndPoint.0002"],
        ["description with <", { description: "a<b" }, "EndPoint.0002"],
        ["approval_enabled not boolean", { approval_enabled: "yes" }, "EndPoint.0002"],
        ["tcp_proxy unknown", { tcp_proxy: "maybe" }, "EndPoint.0002"],
        ["ports missing", { ports: undefined }, "EndPoint.2028"],
        ["ports empty", { ports: [] }, "EndPoint.2028"],
        ["client_port 0", { ports: [{ client_port: 0, server_port: 80 }] }, "EndPoint.3043"],
        ["server_port 65536", { ports: [{ client_port: 80, server_port: 65536 }] }, "EndPoint.3043"],
        ["port not an integer", { ports: [{ client_port: 80.5, server_port: 80 }] }, "EndPoint.3043"],
        ["protocol UDP", { ports: [{ client_port: 80, server_port: 80, protocol: "UDP" }] }, "EndPoint.3075"],
        [
            "duplicate mapping",
            {
                ports: [
                    { client_port: 80, server_port: 80 },
                    { client_port: 80, server_port: 81 },
                ],
            },
            "EndPoint.3044",
        ],
        ["201 mappings", { ports: many(201, (i) => ({ client_port: i + 1, server_port: i + 1 })) }, "EndPoint.3074"],
        ["11 tags", { tags: many(11, (i) => ({ key: `k${i}`, value: "v" })) }, "EndPoint.3069"],
        ["tag key empty", { tags: [{ key: "", value: "v" }] }, "EndPoint.3066"],
        ["tag key 37 chars", { tags: [{ key: "k".repeat(37), value: "v" }] }, "EndPoint.3072"],
        ["tag value 44 chars", { tags: [{ key: "k", value: "v".repeat(44) }] }, "EndPoint.3073"],
        ["tag key with =", { tags: [{ key: "a=b", value: "v" }] }, "EndPoint.3068"],
        ["tag value with /", { tags: [{ key: "k", value: "a/b" }] }, "EndPoint.3068"],
        ["tag value with \\", { tags: [{ key: "k", value: "a\\b" }] }, "EndPoint.3068"],
        ["tag key with leading space", { tags: [{ key: " k", value: "v" }] }, "EndPoint.3068"],
        ["tag value with trailing space", { tags: [{ key: "k", value: "v " }] }, "EndPoint.3068"],
        [
            "duplicate tag keys",
            {
                tags: [
                    { key: "k", value: "1" },
                    { key: "k", value: "2" },
                ],
            },
            "EndPoint.3067",
        ],
    ])("rejects %s with 400 %s", async (_what, patch, code) => {
        const body = serviceBody(DEMO, patch);
        for (const k of Object.keys(patch)) if (patch[k] === undefined) delete body[k];
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { body });
        expect(r.body.error_code).toBe(code);
        expect(r.status).toBe(400);
    });

    test("accepts the limits themselves: 16-char name, 512-char description, 10 tags, 36/43-char tag, 200 ports", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", {
            body: serviceBody(DEMO, {
                service_name: "a".repeat(16),
                description: "d".repeat(512),
                tags: [{ key: "k".repeat(36), value: "v".repeat(43) }, ...Array.from({ length: 9 }, (_, i) => ({ key: `k${i}`, value: "" }))],
                ports: Array.from({ length: 200 }, (_, i) => ({ client_port: i + 1, server_port: 65535 - i })),
            }),
        });
        expect(r.status).toBe(200);
    });

    test("rejects a body that is not JSON", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { raw: "{not json" });
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe("EndPoint.0002");
    });

    test("refuses a server port already used on the same backend port by another service", async () => {
        await createService(emu, DEMO);
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { body: serviceBody(DEMO, { ports: [{ client_port: 9000, server_port: 80 }] }) });
        expect(r.body.error_code).toBe("EndPoint.3044");
        const ok = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { body: serviceBody(DEMO, { ports: [{ client_port: 8080, server_port: 81 }] }) });
        expect(ok.status).toBe(200);
    });

    test("enforces the quota with Endpoint.1018", async () => {
        await emu.control("PUT", "limits", { quotas: { "vpcep:endpoint_service": 1 } });
        await createService(emu, DEMO);
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", { body: serviceBody(DEMO, { ports: [{ client_port: 1, server_port: 1 }] }) });
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe("Endpoint.1018");
        const q = await emu.vpcep(DEMO, "GET", "/quotas", { query: { type: "endpoint_service" } });
        expect(q.body).toEqual({ quotas: { resources: [{ type: "endpoint_service", used: 1, quota: 1 }] } });
    });
});

describe("ListServiceDetails / UpdateEndpointService / DeleteEndpointService", () => {
    test("gets, updates and deletes a service", async () => {
        const id = await createService(emu, DEMO, { service_name: "one" });
        const g = await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`);
        expect(g.status).toBe(200);
        expect(g.body.status).toBe("available");
        expect(g.body.connection_count).toBe(0);
        const u = await emu.vpcep(DEMO, "PUT", `/vpc-endpoint-services/${id}`, {
            body: {
                approval_enabled: true,
                service_name: "two",
                description: "new",
                tcp_proxy: "toa_open",
                ports: [{ client_port: 9090, server_port: 90, protocol: "TCP" }],
            },
        });
        expect(u.status).toBe(200);
        expect(u.body).toMatchObject({
            approval_enabled: true,
            service_name: `cn-north-4.two.${id}`,
            description: "new",
            tcp_proxy: "toa_open",
            ports: [{ client_port: 9090, server_port: 90, protocol: "TCP" }],
        });
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoint-services/${id}`, { body: { description: "<x>" } })).body.error_code).toBe("EndPoint.0002");
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoint-services/${id}`, { body: { ports: [] } })).body.error_code).toBe("EndPoint.2028");
        const d = await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`);
        expect(d.status).toBe(204);
        expect(d.body).toBeUndefined();
        const gone = await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`);
        expect(gone.status).toBe(404);
        expect(gone.body.error_code).toBe("EndPoint.0005");
    });

    test.each(["GET", "PUT", "DELETE"])("%s on an unknown service is 404 EndPoint.0005", async (method) => {
        const r = await emu.vpcep(DEMO, method, "/vpc-endpoint-services/11111111-1111-4111-8111-999999999999", {
            body: method === "PUT" ? { description: "x" } : undefined,
        });
        expect(r.status).toBe(404);
        expect(r.body).toEqual({ error_code: "EndPoint.0005", error_msg: expect.stringContaining("does not exist") });
    });

    test("refuses to update a service that is still creating (EndPoint.3045) or delete it (EndPoint.2019)", async () => {
        await emu.control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterReads: 5 } } });
        const id = await createService(emu, DEMO);
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoint-services/${id}`, { body: { description: "x" } })).body.error_code).toBe("EndPoint.3045");
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`)).body.error_code).toBe("EndPoint.2019");
    });

    test("refuses to delete a service with a live connection (EndPoint.3006), allows it once the endpoint is gone", async () => {
        const id = await createService(emu, DEMO);
        const ep = await createEndpoint(emu, DEMO, id);
        const r = await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`);
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe("EndPoint.3006");
        await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${ep}`);
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`)).status).toBe(204);
    });

    test("a second DELETE while deleting answers EndPoint.2018", async () => {
        await emu.control("PUT", "timings", { "vpcep:endpoint_service": { delete: { afterReads: 2 } } });
        const id = await createService(emu, DEMO);
        await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`);
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`)).status).toBe(204);
        const again = await emu.vpcep(DEMO, "DELETE", `/vpc-endpoint-services/${id}`);
        expect(again.body.error_code).toBe("EndPoint.2018");
    });
});

describe("ListEndpointServices", () => {
    test("pages with limit/offset and total_count; offset >= total gives an empty list", async () => {
        const ids: string[] = [];
        for (let i = 0; i < 5; i++)
            ids.push(await createService(emu, DEMO, { service_name: `s${i}`, ports: [{ client_port: 100 + i, server_port: 100 + i }] }));
        const p1 = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { limit: 2, offset: 0, sort_dir: "asc" } });
        expect(p1.body.total_count).toBe(5);
        expect(p1.body.endpoint_services.map((s: { id: string }) => s.id)).toEqual(ids.slice(0, 2));
        const p3 = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { limit: 2, offset: 4, sort_dir: "asc" } });
        expect(p3.body.endpoint_services.map((s: { id: string }) => s.id)).toEqual(ids.slice(4));
        const past = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { limit: 2, offset: 5 } });
        expect(past.body).toEqual({ endpoint_services: [], total_count: 5 });
        const dflt = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services");
        expect(dflt.body.endpoint_services).toHaveLength(5);
    });

    test("filters by fuzzy name, id and status", async () => {
        const a = await createService(emu, DEMO, { service_name: "alpha" });
        await createService(emu, DEMO, { service_name: "beta", ports: [{ client_port: 1, server_port: 1 }] });
        const byName = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { endpoint_service_name: "alp" } });
        expect(byName.body.endpoint_services.map((s: { id: string }) => s.id)).toEqual([a]);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { id: a } })).body.total_count).toBe(1);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { status: "available" } })).body.total_count).toBe(2);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { status: "failed" } })).body.total_count).toBe(0);
    });

    test.each<[Record<string, string | number>, string]>([
        [{ limit: 1001 }, "EndPoint.0006"],
        [{ limit: -1 }, "EndPoint.0006"],
        [{ limit: "x" }, "EndPoint.0006"],
        [{ offset: -1 }, "EndPoint.0010"],
        [{ sort_key: "name" }, "EndPoint.0017"],
        [{ sort_dir: "up" }, "EndPoint.0018"],
        [{ status: "running" }, "EndPoint.0019"],
    ])("rejects %j with %s", async (query, code) => {
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query });
        expect(r.status).toBe(400);
        expect(r.body.error_code).toBe(code);
    });

    test("sorts by sort_key create_at and update_at, the values the API pages and the official SDKs name", async () => {
        const first = await createService(emu, DEMO, { service_name: "first" });
        const second = await createService(emu, DEMO, { service_name: "second", ports: [{ client_port: 1, server_port: 1 }] });
        const ids = async (query: Record<string, string>) =>
            (await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query })).body.endpoint_services.map((s: { id: string }) => s.id);
        expect(await ids({ sort_key: "create_at", sort_dir: "asc" })).toEqual([first, second]);
        expect(await ids({ sort_key: "update_at", sort_dir: "desc" })).toEqual([second, first]);
        expect(await ids({ sort_key: "created_at", sort_dir: "asc" })).toEqual([first, second]);
    });
});

describe("describe and public services", () => {
    test("describes an own service by full name and by id", async () => {
        const id = await createService(emu, DEMO, { service_name: "desc" });
        const full = `cn-north-4.desc.${id}`;
        const byName = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/describe", { query: { endpoint_service_name: full } });
        expect(byName.status).toBe(200);
        expect(byName.body).toEqual({ id, service_name: full, service_type: "interface", created_at: expect.any(String), is_charge: false });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/describe", { query: { id } })).body.id).toBe(id);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/describe", { query: { endpoint_service_name: "nope" } })).status).toBe(404);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/describe")).body.error_code).toBe("EndPoint.0002");
    });

    test("lists public services with owner and total_count", async () => {
        const r = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/public");
        expect(r.status).toBe(200);
        // The region's catalogue: the user guide's names, the other regions' services left out.
        expect(r.body.total_count).toBe(5);
        expect(r.body.endpoint_services.map((s: { service_name: string }) => s.service_name).sort()).toEqual([
            "cn-north-4.com.myhuaweicloud.v4.obsv2",
            "com.myhuaweicloud.cn-north-4.dns",
            "com.myhuaweicloud.cn-north-4.lts",
            "com.myhuaweicloud.cn-north-4.obs",
            "com.myhuaweicloud.cn-north-4.swr",
        ]);
        expect(r.body.endpoint_services[0]).toMatchObject({ owner: "huaweicloud", is_charge: false });
        const obs = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/public", { query: { endpoint_service_name: "obs" } });
        expect(obs.body.endpoint_services.map((s: { service_type: string }) => s.service_type).sort()).toEqual(["gateway", "interface"]);
        const page = await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services/public", { query: { limit: "2", offset: "4" } });
        expect(page.body).toMatchObject({ total_count: 5, endpoint_services: [expect.any(Object)] });
    });
});
