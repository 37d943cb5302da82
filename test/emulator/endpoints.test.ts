import { createEndpoint, createService, DEMO, type Emu, endpointBody, PUBLIC_GATEWAY_SERVICE, startTestEmulator } from "./helpers";

let emu: Emu;
let svc: string;
beforeAll(async () => {
    emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
    await emu.control("POST", "reset");
    await emu.control("PUT", "timings", '"fast"');
    svc = await createService(emu, DEMO, { service_name: "api" });
});

describe("CreateEndpoint", () => {
    test("answers 200 with the endpoint in status creating, then accepted with ip", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", {
            body: endpointBody(DEMO, svc, { port_ip: "10.0.0.50", enable_dns: "true", description: "client" }),
        });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({
            status: "creating",
            service_type: "interface",
            endpoint_service_id: svc,
            endpoint_service_name: `cn-north-4.api.${svc}`,
            vpc_id: DEMO.net.clientVpc,
            subnet_id: DEMO.net.clientSubnet,
            enable_dns: true,
            whitelist: [],
            enable_whitelist: false,
            tags: [],
            project_id: DEMO.projectId,
            marker_id: expect.any(Number),
            description: "client",
        });
        const g = await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${r.body.id}`);
        expect(g.body.status).toBe("accepted");
        expect(g.body.ip).toBe("10.0.0.50");
        expect(g.body.dns_names).toHaveLength(1);
    });

    test("takes the endpoint's port_ip out of the subnet (EndPoint.2042 for a second use), and frees it on delete", async () => {
        const id = await createEndpoint(emu, DEMO, svc, { port_ip: "10.0.0.77" });
        const again = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: endpointBody(DEMO, svc, { port_ip: "10.0.0.77" }) });
        expect(again.body.error_code).toBe("EndPoint.2042");
        await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${id}`);
        expect((await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: endpointBody(DEMO, svc, { port_ip: "10.0.0.77" }) })).status).toBe(200);
    });

    test.each<[string, Record<string, unknown>, string]>([
        ["endpoint_service_id missing", { endpoint_service_id: undefined }, "EndPoint.2029"],
        ["endpoint_service_id not a UUID", { endpoint_service_id: "svc" }, "EndPoint.3062"],
        ["endpoint_service_id unknown", { endpoint_service_id: "11111111-1111-4111-8111-999999999999" }, "EndPoint.2003"],
        ["vpc_id missing", { vpc_id: undefined }, "EndPoint.2011"],
        ["vpc_id not a UUID", { vpc_id: "v" }, "EndPoint.0020"],
        ["vpc_id unknown", { vpc_id: "11111111-1111-4111-8111-999999999999" }, "EndPoint.2001"],
        ["subnet_id missing", { subnet_id: undefined }, "EndPoint.2010"],
        ["subnet_id not a UUID", { subnet_id: "s" }, "EndPoint.0023"],
        ["subnet_id unknown", { subnet_id: "11111111-1111-4111-8111-999999999999" }, "EndPoint.0023"],
        ["subnet of another VPC", { subnet_id: DEMO.net.backendSubnet }, "EndPoint.2037"],
        ["port_ip missing", { port_ip: undefined }, "EndPoint.2041"],
        ["port_ip not IPv4", { port_ip: "10.0.0" }, "EndPoint.2041"],
        ["port_ip outside the subnet", { port_ip: "10.0.1.5" }, "EndPoint.2043"],
        ["port_ip the gateway", { port_ip: "10.0.0.1" }, "EndPoint.2043"],
        ["routetables on an interface service", { routetables: [DEMO.net.clientRouteTable] }, "EndPoint.0002"],
        ["enable_dns not boolean", { enable_dns: 1 }, "EndPoint.2033"],
        ["whitelist entry not an IP", { whitelist: ["10.0.0.300"] }, "EndPoint.2044"],
        ["21 whitelist entries", { whitelist: Array.from({ length: 21 }, (_, i) => `10.1.0.${i}`) }, "EndPoint.2045"],
        ["description with >", { description: ">" }, "EndPoint.0002"],
        ["11 tags", { tags: Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "" })) }, "EndPoint.3069"],
        ["tag with |", { tags: [{ key: "a|b", value: "" }] }, "EndPoint.3068"],
    ])("rejects %s with 400 %s", async (_what, patch, code) => {
        const body = endpointBody(DEMO, svc, patch);
        for (const k of Object.keys(patch)) if (patch[k] === undefined) delete body[k];
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body });
        expect(r.body.error_code).toBe(code);
        expect(r.status).toBe(400);
    });

    test("refuses a subnet overlapping 198.19.128.0/17 (EndPoint.3009)", async () => {
        const vpc = await emu.control("POST", "network/vpcs", { account: "demo", cidr: "198.19.0.0/16" });
        const sub = await emu.control("POST", "network/subnets", { account: "demo", vpcId: vpc.body.vpc.id, cidr: "198.19.128.0/24" });
        expect(sub.status).toBe(201);
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", {
            body: { endpoint_service_id: svc, vpc_id: vpc.body.vpc.id, subnet_id: sub.body.subnet.id, port_ip: "198.19.128.10" },
        });
        expect(r.body.error_code).toBe("EndPoint.3009");
        const ok = await emu.control("POST", "network/subnets", { account: "demo", vpcId: vpc.body.vpc.id, cidr: "198.19.1.0/24" });
        const r2 = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", {
            body: { endpoint_service_id: svc, vpc_id: vpc.body.vpc.id, subnet_id: ok.body.subnet.id, port_ip: "198.19.1.10" },
        });
        expect(r2.status).toBe(200);
    });

    test("refuses an endpoint on a service that is not available yet (EndPoint.2004)", async () => {
        await emu.control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterReads: 3 } } });
        const slow = await createService(emu, DEMO, { ports: [{ client_port: 2, server_port: 2 }] });
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: endpointBody(DEMO, slow) });
        expect(r.body.error_code).toBe("EndPoint.2004");
    });

    test("connects a gateway endpoint with the VPC's default route table, and updates route tables", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: { endpoint_service_id: PUBLIC_GATEWAY_SERVICE, vpc_id: DEMO.net.clientVpc } });
        expect(r.status).toBe(200);
        expect(r.body.routetables).toEqual([DEMO.net.clientRouteTable]);
        expect(r.body.ip).toBeUndefined();
        const rt = await emu.control("POST", "network/routetables", { account: "demo", vpcId: DEMO.net.clientVpc });
        const u = await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${r.body.id}/routetables`, {
            body: { routetables: [DEMO.net.clientRouteTable, rt.body.routetable.id] },
        });
        expect(u.status).toBe(200);
        expect(u.body.routetables).toEqual([DEMO.net.clientRouteTable, rt.body.routetable.id]);
        const bad = await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${r.body.id}/routetables`, {
            body: { routetables: ["11111111-1111-4111-8111-000000000007"] },
        });
        expect(bad.body.error_code).toBe("EndPoint.1019");
        const bad2 = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", {
            body: { endpoint_service_id: PUBLIC_GATEWAY_SERVICE, vpc_id: DEMO.net.clientVpc, routetables: ["x"] },
        });
        expect(bad2.body.error_code).toBe("EndPoint.1019");
    });

    test("enforces the endpoint quota with Endpoint.1018", async () => {
        await emu.control("PUT", "limits", { quotas: { "vpcep:endpoint": 1 } });
        await createEndpoint(emu, DEMO, svc);
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: endpointBody(DEMO, svc) });
        expect(r.body.error_code).toBe("Endpoint.1018");
    });
});

describe("read, update, delete", () => {
    test("updates whitelist, enable_whitelist and description", async () => {
        const id = await createEndpoint(emu, DEMO, svc);
        const r = await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}`, {
            body: { whitelist: ["192.168.1.0/24", "10.0.0.5"], enable_whitelist: true, description: "d2" },
        });
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ whitelist: ["192.168.1.0/24", "10.0.0.5"], enable_whitelist: true, description: "d2" });
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}`, { body: { whitelist: ["nope"] } })).body.error_code).toBe("EndPoint.2044");
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}/routetables`, { body: { routetables: [] } })).body.error_code).toBe("EndPoint.0002");
    });

    test("sets and removes a policy", async () => {
        // policy_statement belongs to gateway endpoints of a service that enables policies (OBS's).
        const gw = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", {
            body: { endpoint_service_id: PUBLIC_GATEWAY_SERVICE, vpc_id: DEMO.net.clientVpc, routetables: [DEMO.net.clientRouteTable] },
        });
        const id = gw.body.id as string;
        const put = await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}/policy`, {
            body: { policy_statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }] },
        });
        expect(put.body.policy_statement).toHaveLength(1);
        expect((await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}/policy`, { body: { policy_statement: "x" } })).body.error_code).toBe("EndPoint.2048");
        const del = await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${id}/policy`);
        expect(del.status).toBe(200);
        expect(del.body.policy_statement).toBeUndefined();
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${id}/policy`)).body.error_code).toBe("EndPoint.2049");
    });

    test.each(["GET", "PUT", "DELETE"])("%s on an unknown endpoint is 404 EndPoint.2006", async (method) => {
        const r = await emu.vpcep(DEMO, method, "/vpc-endpoints/11111111-1111-4111-8111-999999999999", {
            body: method === "PUT" ? { description: "x" } : undefined,
        });
        expect(r.status).toBe(404);
        expect(r.body.error_code).toBe("EndPoint.2006");
    });

    test("lists with filters, limit/offset and total_count", async () => {
        const ids = [await createEndpoint(emu, DEMO, svc), await createEndpoint(emu, DEMO, svc), await createEndpoint(emu, DEMO, svc)];
        const all = await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { sort_dir: "asc" } });
        expect(all.body.total_count).toBe(3);
        expect(all.body.endpoints.map((e: { id: string }) => e.id)).toEqual(ids);
        const p = await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { limit: 1, offset: 1, sort_dir: "asc" } });
        expect(p.body.endpoints.map((e: { id: string }) => e.id)).toEqual([ids[1]]);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { offset: 3 } })).body).toEqual({ endpoints: [], total_count: 3 });
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { id: ids[2]! } })).body.total_count).toBe(1);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { vpc_id: DEMO.net.backendVpc } })).body.total_count).toBe(0);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { endpoint_service_name: "api" } })).body.total_count).toBe(3);
        expect((await emu.vpcep(DEMO, "GET", "/vpc-endpoints", { query: { limit: 1001 } })).body.error_code).toBe("EndPoint.0006");
    });
});

describe("tags and quotas", () => {
    test("adds, overwrites and deletes tags on services and endpoints; lists tag keys and values", async () => {
        const ep = await createEndpoint(emu, DEMO, svc, { tags: [{ key: "team", value: "a" }] });
        expect(
            (
                await emu.vpcep(DEMO, "POST", `/endpoint_service/${svc}/tags/action`, {
                    body: {
                        action: "create",
                        tags: [
                            { key: "team", value: "b" },
                            { key: "env", value: "" },
                        ],
                    },
                })
            ).status,
        ).toBe(204);
        expect((await emu.vpcep(DEMO, "POST", `/endpoint/${ep}/tags/action`, { body: { action: "create", tags: [{ key: "team", value: "c" }] } })).status).toBe(
            204,
        );
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${ep}`)).body.tags).toEqual([{ key: "team", value: "c" }]);
        const svcTags = await emu.vpcep(DEMO, "GET", "/endpoint_service/tags");
        expect(svcTags.body.tags).toEqual([
            { key: "team", values: ["b"] },
            { key: "env", values: [""] },
        ]);
        expect(
            (await emu.vpcep(DEMO, "POST", `/endpoint_service/${svc}/tags/action`, { body: { action: "delete", tags: [{ key: "team", value: "wrong" }] } }))
                .status,
        ).toBe(204);
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}`)).body.tags).toHaveLength(2);
        await emu.vpcep(DEMO, "POST", `/endpoint_service/${svc}/tags/action`, { body: { action: "delete", tags: [{ key: "team" }] } });
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}`)).body.tags).toEqual([{ key: "env", value: "" }]);
    });

    test.each<[string, string, Record<string, unknown>, number, string]>([
        ["an unknown resource type", "/widget/ID/tags/action", { action: "create", tags: [{ key: "k", value: "v" }] }, 400, "EndPoint.3070"],
        ["an unknown action", "/endpoint_service/SVC/tags/action", { action: "upsert", tags: [{ key: "k", value: "v" }] }, 400, "EndPoint.0007"],
        ["an invalid tag", "/endpoint_service/SVC/tags/action", { action: "create", tags: [{ key: "k*", value: "v" }] }, 400, "EndPoint.3068"],
        [
            "an unknown service",
            "/endpoint_service/11111111-1111-4111-8111-999999999999/tags/action",
            { action: "create", tags: [{ key: "k", value: "v" }] },
            404,
            "EndPoint.0005",
        ],
        [
            "an unknown endpoint",
            "/endpoint/11111111-1111-4111-8111-999999999999/tags/action",
            { action: "create", tags: [{ key: "k", value: "v" }] },
            404,
            "EndPoint.2006",
        ],
    ])("tag action with %s fails", async (_w, path, body, status, code) => {
        const r = await emu.vpcep(DEMO, "POST", path.replace("SVC", svc).replace("ID", svc), { body });
        expect(r.status).toBe(status);
        expect(r.body.error_code).toBe(code);
    });

    test("refuses to exceed 10 tags through the tag action", async () => {
        await emu.vpcep(DEMO, "POST", `/endpoint_service/${svc}/tags/action`, {
            body: { action: "create", tags: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: "" })) },
        });
        const r = await emu.vpcep(DEMO, "POST", `/endpoint_service/${svc}/tags/action`, { body: { action: "create", tags: [{ key: "one-more", value: "" }] } });
        expect(r.body.error_code).toBe("EndPoint.3069");
    });

    test("reports quotas for both kinds", async () => {
        await createEndpoint(emu, DEMO, svc);
        const q = await emu.vpcep(DEMO, "GET", "/quotas");
        expect(q.body.quotas.resources).toEqual([
            { type: "endpoint_service", used: 1, quota: 20 },
            { type: "endpoint", used: 1, quota: 50 },
        ]);
        expect((await emu.vpcep(DEMO, "GET", "/quotas", { query: { type: "vpc" } })).body.error_code).toBe("EndPoint.0002");
    });
});
