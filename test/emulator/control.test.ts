import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONSUMER, createEndpoint, createService, DEMO, type Emu, startTestEmulator } from "./helpers";

describe("control routes", () => {
    let emu: Emu;
    beforeAll(async () => {
        emu = await startTestEmulator();
    });
    afterAll(() => emu.close());
    beforeEach(async () => {
        await emu.control("POST", "reset");
        await emu.control("PUT", "timings", '"fast"');
    });

    test("GET info lists version, accounts with demo credentials, projects and seeded network ids", async () => {
        const r = await emu.control("GET", "info");
        expect(r.status).toBe(200);
        expect(r.body.version).toEqual(expect.any(String));
        expect(r.body.accounts.map((a: { name: string }) => a.name)).toEqual(["demo", "consumer", "partner"]);
        expect(r.body.accounts[0]).toMatchObject({
            name: "demo",
            domainId: DEMO.domainId,
            domainName: "demo",
            userName: "demo-user",
            password: "demo-password",
            accessKey: DEMO.ak,
            secretKey: DEMO.sk,
            projects: [
                { id: DEMO.projectId, name: "cn-north-4", region: "cn-north-4" },
                { id: "a0000000000000000000000000000011", name: "cn-south-1", region: "cn-south-1" },
            ],
            network: {
                backendVpcId: DEMO.net.backendVpc,
                backendSubnetId: DEMO.net.backendSubnet,
                backendPortId: DEMO.net.backendPort,
                clientVpcId: DEMO.net.clientVpc,
                clientSubnetId: DEMO.net.clientSubnet,
                clientRouteTableId: DEMO.net.clientRouteTable,
            },
        });
        expect(r.body.accounts[1]).toMatchObject({ name: "consumer", accessKey: CONSUMER.ak, network: { backendVpcId: CONSUMER.net.backendVpc } });
    });

    test("GET resources lists every API's resources and the network", async () => {
        const svc = await createService(emu, DEMO);
        await createEndpoint(emu, DEMO, svc);
        const r = await emu.control("GET", "resources");
        const kinds = new Set(r.body.resources.map((x: { api: string; kind: string }) => `${x.api}:${x.kind}`));
        expect([...kinds].sort()).toEqual(["network:port", "network:routetable", "network:subnet", "network:vpc", "vpcep:endpoint", "vpcep:endpoint_service"]);
        const ep = r.body.resources.find((x: { kind: string }) => x.kind === "endpoint");
        expect(ep).toMatchObject({
            account: "demo",
            projectId: DEMO.projectId,
            region: "cn-north-4",
            status: "accepted",
            createdAt: expect.any(Number),
            body: expect.objectContaining({ id: ep.id }),
        });
    });

    test("GET requests logs API calls (not control calls) and supports since", async () => {
        await emu.vpcep(DEMO, "GET", "/vpc-endpoints");
        await emu.vpcep(DEMO, "GET", "/vpc-endpoint-services", { query: { limit: 1 }, extraHeaders: { "X-Client-Attempt": "2" } });
        const all = (await emu.control("GET", "requests")).body.requests;
        expect(all).toHaveLength(2);
        expect(all[1]).toMatchObject({
            seq: 2,
            time: expect.any(Number),
            account: "demo",
            api: "vpcep",
            operation: "ListEndpointServices",
            method: "GET",
            path: `/v1/${DEMO.projectId}/vpc-endpoint-services`,
            query: "limit=1",
            status: 200,
            attempt: 2,
        });
        expect((await emu.control("GET", "requests?since=1")).body.requests.map((x: { seq: number }) => x.seq)).toEqual([2]);
    });

    test("POST reset restores the seeded state and clears faults, timings, limits and the log", async () => {
        await createService(emu, DEMO);
        await emu.control("PUT", "faults", { rules: [{ error: { status: 500, code: "x", message: "y" } }] });
        await emu.control("PUT", "limits", { requestsPerSecond: 1 });
        await emu.control("POST", "reset");
        const info = (await emu.control("GET", "info")).body;
        expect(info.limits.requestsPerSecond).toBeNull();
        expect((await emu.control("GET", "faults")).body.rules).toEqual([]);
        expect((await emu.control("GET", "requests")).body.requests).toEqual([]);
        expect((await emu.control("GET", "resources?api=vpcep&account=demo")).body.resources).toEqual([]);
    });

    test("PUT timings accepts presets and per-kind settings, rejects nonsense", async () => {
        expect((await emu.control("PUT", "timings", '"realistic"')).body.preset).toBe("realistic");
        const r = await emu.control("PUT", "timings", { "vpcep:endpoint": { create: { afterReads: 3 }, delete: "immediate" } });
        expect(r.body.overrides["vpcep:endpoint"]).toEqual({ create: { afterReads: 3 }, delete: "immediate" });
        for (const bad of [
            '"slow"',
            { "vpcep:endpoint": { create: { afterMs: -1 } } },
            { "vpcep:endpoint": { created: "immediate" } },
            { "vpcep:endpoint": { failNamesMatching: "(" } },
        ]) {
            expect((await emu.control("PUT", "timings", bad)).status).toBe(400);
        }
    });

    test("network routes add VPCs, subnets (overlap-checked), ports (IP-allocated) and route tables", async () => {
        const vpc = await emu.control("POST", "network/vpcs", { account: "consumer", cidr: "172.16.0.0/16", name: "extra" });
        expect(vpc.status).toBe(201);
        const sub = await emu.control("POST", "network/subnets", { account: "consumer", vpcId: vpc.body.vpc.id, cidr: "172.16.1.0/24" });
        expect(sub.body.subnet).toMatchObject({ cidr: "172.16.1.0/24", gateway_ip: "172.16.1.1" });
        expect((await emu.control("POST", "network/subnets", { account: "consumer", vpcId: vpc.body.vpc.id, cidr: "172.16.1.128/25" })).status).toBe(409);
        expect((await emu.control("POST", "network/subnets", { account: "consumer", vpcId: vpc.body.vpc.id, cidr: "10.9.0.0/24" })).status).toBe(400);
        expect((await emu.control("POST", "network/subnets", { account: "demo", vpcId: vpc.body.vpc.id, cidr: "172.16.2.0/24" })).status).toBe(404);
        const port = await emu.control("POST", "network/ports", { account: "consumer", subnetId: sub.body.subnet.id });
        expect(port.body.port.fixed_ips[0].ip_address).toBe("172.16.1.2");
        expect((await emu.control("POST", "network/ports", { account: "consumer", subnetId: sub.body.subnet.id, ip: "172.16.1.2" })).status).toBe(409);
        const rt = await emu.control("POST", "network/routetables", { account: "consumer", vpcId: vpc.body.vpc.id });
        expect(rt.body.routetable.default).toBe(true);
        // The new objects are usable by the API right away.
        const svc = await emu.vpcep(CONSUMER, "POST", "/vpc-endpoint-services", {
            body: { vpc_id: vpc.body.vpc.id, port_id: port.body.port.id, server_type: "VM", ports: [{ client_port: 1, server_port: 1 }] },
        });
        expect(svc.status).toBe(200);
    });

    test("POST clock advances emulator time", async () => {
        const before = (await emu.control("GET", "info")).body.now;
        const r = await emu.control("POST", "clock", { advanceMs: 60000 });
        expect(r.body.now - before).toBeGreaterThanOrEqual(60000);
    });

    test.each([
        ["GET", "/v9/unknown"],
        ["DELETE", "/v3/auth/tokens"],
        ["PATCH", `/v1/${DEMO.projectId}/vpc-endpoints`],
        ["GET", "/_emulator/nothing"],
    ])("%s %s answers 501 Emulator.0501", async (method, path) => {
        const r = await emu.raw(path, { method });
        expect(r.status).toBe(501);
        expect(r.body).toEqual({ error_code: "Emulator.0501", error_msg: `not implemented by the emulator: ${method} ${path}` });
    });

    test.each([
        ["PUT", `/v1/${DEMO.projectId}/vpc-endpoint-services/4189d3c2-8882-4871-a3c2-d380272eed88/name`, "UpdateEndpointServiceName", "error_code"],
        [
            "POST",
            `/v1/${DEMO.projectId}/vpc-endpoint-services/4189d3c2-8882-4871-a3c2-d380272eed88/permissions/batch-create`,
            "BatchAddEndpointServicePermissions",
            "error_code",
        ],
        ["DELETE", "/v2.1/zones", "BatchDeleteZones", "code"],
    ])("an operation the cloud has and the emulator lacks answers 501 naming it: %s %s", async (method, path, operation, codeField) => {
        const r = await emu.hw(DEMO, method, path, method === "GET" ? {} : { body: {} });
        expect(r.status).toBe(501);
        expect(r.body[codeField]).toBe("Emulator.0501");
        expect(JSON.stringify(r.body)).toContain(operation);
        expect(JSON.stringify(r.body)).toContain(`(${method} `);
    });
});

describe("persistence", () => {
    test("state survives a restart with a state file; the file is replaced atomically", async () => {
        const dir = mkdtempSync(join(tmpdir(), "emu-state-"));
        const stateFile = join(dir, "state.json");
        try {
            const a = await startTestEmulator({ stateFile });
            const svc = await createService(a, DEMO, { service_name: "kept", approval_enabled: true });
            const ep = await createEndpoint(a, DEMO, svc);
            const { token } = await a.token();
            await a.control("POST", "network/vpcs", { account: "demo", cidr: "172.20.0.0/16", id: "33333333-3333-4333-8333-000000000001" });
            await a.close();
            expect(readdirSync(dir)).toEqual(["state.json"]);
            expect(JSON.parse(readFileSync(stateFile, "utf8")).format).toBe(1);

            const b = await startTestEmulator({ stateFile });
            expect((await b.vpcep(DEMO, "GET", `/vpc-endpoint-services/${svc}`)).body).toMatchObject({
                id: svc,
                service_name: `cn-north-4.kept.${svc}`,
                status: "available",
            });
            expect((await b.vpcep(DEMO, "GET", `/vpc-endpoints/${ep}`, { token: token! })).body.status).toBe("pendingAcceptance");
            expect((await b.control("GET", "resources?kind=vpc&account=demo")).body.resources.map((r: { id: string }) => r.id)).toContain(
                "33333333-3333-4333-8333-000000000001",
            );
            await b.vpcep(DEMO, "POST", `/vpc-endpoint-services/${svc}/connections/action`, { body: { action: "receive", endpoints: [ep] } });
            await b.close();

            const c = await startTestEmulator({ stateFile });
            expect((await c.vpcep(DEMO, "GET", `/vpc-endpoints/${ep}`)).body.status).toBe("accepted");
            await c.close();
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    test("without a state file, state lives in memory only", async () => {
        const a = await startTestEmulator();
        await createService(a, DEMO);
        await a.close();
        const b = await startTestEmulator();
        expect((await b.vpcep(DEMO, "GET", "/vpc-endpoint-services")).body.total_count).toBe(0);
        await b.close();
    });
});
