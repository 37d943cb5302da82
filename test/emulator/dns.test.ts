/**
 * The DNS v2.1 resolver endpoint API of the emulator, over HTTP with the tests' own signer:
 * validation from page 003 with DNS's `{code,message}` envelope, the asynchronous statuses of
 * endpoints and of each address, the 2–6 rule on add/remove, the shared network model, auth,
 * and the request log's operation names.
 */
import { CONSUMER, DEMO, emulatorResetForEachTest, startTestEmulator } from "./helpers";

const emu = emulatorResetForEachTest();

const S1 = DEMO.net.clientSubnet; // 10.0.0.0/24, client VPC
const body = (extra: Record<string, unknown> = {}) => ({
    name: "ep-1",
    direction: "inbound",
    region: "cn-north-4",
    ipaddresses: [{ subnet_id: S1, ip: "10.0.0.50" }, { subnet_id: S1 }],
    ...extra,
});
const create = (extra: Record<string, unknown> = {}, account = DEMO) => emu().hw(account, "POST", "/v2.1/endpoints", { body: body(extra) });

describe("CreateResolverEndpoint validation", () => {
    test.each([
        ["a bad name", { name: "bad name" }, "DNS.1502"],
        ["a name of 65 characters", { name: "x".repeat(65) }, "DNS.1502"],
        ["a bad direction", { direction: "both" }, "DNS.1503"],
        ["no region", { region: undefined }, "DNS.0001"],
        ["one address", { ipaddresses: [{ subnet_id: S1 }] }, "DNS.1507"],
        ["seven addresses", { ipaddresses: Array.from({ length: 7 }, () => ({ subnet_id: S1 })) }, "DNS.1507"],
        ["an ip outside the subnet", { ipaddresses: [{ subnet_id: S1, ip: "10.0.5.1" }, { subnet_id: S1 }] }, "DNS.1505"],
        ["the subnet's gateway", { ipaddresses: [{ subnet_id: S1, ip: "10.0.0.1" }, { subnet_id: S1 }] }, "DNS.1505"],
        [
            "an ip twice",
            {
                ipaddresses: [
                    { subnet_id: S1, ip: "10.0.0.9" },
                    { subnet_id: S1, ip: "10.0.0.9" },
                ],
            },
            "DNS.1506",
        ],
        ["subnets of two VPCs", { ipaddresses: [{ subnet_id: S1 }, { subnet_id: DEMO.net.backendSubnet }] }, "DNS.1508"],
        ["an unknown subnet", { ipaddresses: [{ subnet_id: S1 }, { subnet_id: "11111111-1111-4111-8111-999999999999" }] }, "DNS.1511"],
        ["another account's subnet", { ipaddresses: [{ subnet_id: S1 }, { subnet_id: CONSUMER.net.clientSubnet }] }, "DNS.1511"],
    ])("refuses %s", async (_what, extra, code) => {
        const r = await create(extra);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ code, message: expect.any(String) });
        expect((await emu().control("GET", "resources?api=dns")).body.resources).toEqual([]);
    });

    test("refuses a taken ip and a taken name, and frees nothing it did not take", async () => {
        expect((await create()).status).toBe(202);
        const taken = await create({ name: "ep-2" });
        expect(taken.body.code).toBe("DNS.1506");
        const dup = await create({ ipaddresses: [{ subnet_id: S1 }, { subnet_id: S1 }] });
        expect(dup.body.code).toBe("DNS.1504");
        const backendNic = await create({
            name: "ep-3",
            ipaddresses: [{ subnet_id: DEMO.net.backendSubnet, ip: "192.168.0.10" }, { subnet_id: DEMO.net.backendSubnet }],
        });
        expect(backendNic.body.code).toBe("DNS.1506");
        const ports = (await emu().control("GET", "resources?api=network&kind=port")).body.resources.filter((r: any) => r.body.device_owner === "network:dns");
        expect(ports).toHaveLength(2);
    });
});

describe("resolver endpoint lifecycle", () => {
    test("creates asynchronously, lists, renames, manages addresses within 2–6, deletes", async () => {
        await emu().control("PUT", "timings", { "dns:endpoint": { create: { afterReads: 1 }, delete: { afterReads: 1 } } });
        const c = await create();
        expect(c.status).toBe(202);
        const ep = c.body.endpoint;
        expect(ep).toMatchObject({ name: "ep-1", direction: "inbound", status: "PENDING_CREATE", vpc_id: null, ipaddress_count: 0 });
        expect(ep.id).toMatch(/^[0-9a-f]{32}$/);
        expect(ep.create_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
        expect(ep).not.toHaveProperty("resolver_rule_count");
        const id = ep.id as string;

        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint.status).toBe("PENDING_CREATE");
        const active = (await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint;
        expect(active).toMatchObject({ status: "ACTIVE", vpc_id: DEMO.net.clientVpc, ipaddress_count: 2 });

        let ips = (await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}/ipaddresses`)).body.ipaddresses;
        expect(ips.map((x: any) => [x.ip, x.subnet_id, x.status])).toEqual([
            ["10.0.0.50", S1, "ACTIVE"],
            ["10.0.0.2", S1, "ACTIVE"],
        ]);

        // list: direction is required; filters and paging
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints")).body.code).toBe("DNS.1503");
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "inbound" } })).body).toMatchObject({
            endpoints: [{ id }],
            metadata: { total_count: 1 },
        });
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "outbound" } })).body.endpoints).toEqual([]);
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "inbound", offset: 1 } })).body).toMatchObject({
            endpoints: [],
            metadata: { total_count: 1 },
        });
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "inbound", limit: 501 } })).body.code).toBe("DNS.0001");
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "inbound", vpc_id: DEMO.net.backendVpc } })).body.endpoints).toEqual([]);

        // rename
        const renamed = await emu().hw(DEMO, "PUT", `/v2.1/endpoints/${id}`, { body: { name: "ep-renamed" } });
        expect(renamed.body.endpoint.name).toBe("ep-renamed");
        expect((await emu().hw(DEMO, "PUT", `/v2.1/endpoints/${id}`, { body: { name: "no good" } })).body.code).toBe("DNS.1502");

        // removing below 2 is refused
        expect((await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${id}/ipaddresses/${ips[0].id}`)).body.code).toBe("DNS.1507");

        // add: the address and the endpoint are pending for one read; nothing else may change meanwhile
        const add = await emu().hw(DEMO, "POST", `/v2.1/endpoints/${id}/ipaddresses`, { body: { ipaddress: { subnet_id: S1, ip: "10.0.0.51" } } });
        expect(add.status).toBe(202);
        expect(add.body.ipaddress).toMatchObject({ ip: "10.0.0.51", status: "PENDING_CREATE" });
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint.status).toBe("PENDING_UPDATE");
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint).toMatchObject({ status: "ACTIVE", ipaddress_count: 3 });
        expect((await emu().hw(DEMO, "POST", `/v2.1/endpoints/${id}/ipaddresses`, { body: { ipaddress: { subnet_id: S1, ip: "10.9.0.1" } } })).body.code).toBe(
            "DNS.1505",
        );
        expect(
            (await emu().hw(DEMO, "POST", `/v2.1/endpoints/${id}/ipaddresses`, { body: { ipaddress: { subnet_id: DEMO.net.backendSubnet } } })).body.code,
        ).toBe("DNS.1508");

        // up to 6, not 7
        await emu().control("PUT", "timings", JSON.stringify("fast"));
        for (let i = 0; i < 3; i++)
            expect((await emu().hw(DEMO, "POST", `/v2.1/endpoints/${id}/ipaddresses`, { body: { ipaddress: { subnet_id: S1 } } })).status).toBe(202);
        expect((await emu().hw(DEMO, "POST", `/v2.1/endpoints/${id}/ipaddresses`, { body: { ipaddress: { subnet_id: S1 } } })).body.code).toBe("DNS.1507");

        // remove one: gone at once with fast timings, its port freed
        ips = (await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}/ipaddresses`)).body.ipaddresses;
        expect(ips).toHaveLength(6);
        const rm = await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${id}/ipaddresses/${ips[0].id}`);
        expect(rm.status).toBe(202);
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}/ipaddresses`)).body.ipaddresses).toHaveLength(5);
        expect((await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${id}/ipaddresses/${ips[0].id}`)).body.code).toBe("DNS.1509");

        // delete: 202, PENDING_DELETE for one read, then 404 DNS.1501; ports released
        await emu().control("PUT", "timings", { "dns:endpoint": { delete: { afterReads: 1 } } });
        const del = await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${id}`);
        expect(del.status).toBe(202);
        expect(del.body.endpoint.status).toBe("PENDING_DELETE");
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint.status).toBe("PENDING_DELETE");
        const gone = await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`);
        expect(gone.status).toBe(404);
        expect(gone.body).toEqual({ code: "DNS.1501", message: expect.any(String) });
        const ports = (await emu().control("GET", "resources?api=network&kind=port")).body.resources.filter((r: any) => r.body.device_owner === "network:dns");
        expect(ports).toEqual([]);

        const ops = (await emu().control("GET", "requests")).body.requests.filter((r: any) => r.api === "dns").map((r: any) => r.operation);
        expect(new Set(ops)).toEqual(
            new Set([
                "CreateResolverEndpoint",
                "ShowResolverEndpoint",
                "ListResolverEndpoints",
                "UpdateResolverEndpoint",
                "DeleteResolverEndpoint",
                "ListEndpointIpaddresses",
                "AddEndpointIpaddress",
                "DeleteEndpointIpaddress",
            ]),
        );
    });

    test("fails creations whose name matches, with ERROR on the endpoint and its addresses", async () => {
        await emu().control("PUT", "timings", { "dns:endpoint": { failNamesMatching: "^fail-" } });
        const id = (await create({ name: "fail-1", direction: "outbound" })).body.endpoint.id;
        const ep = (await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint;
        expect(ep).toMatchObject({ status: "ERROR", resolver_rule_count: 0 });
        const ips = (await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}/ipaddresses`)).body.ipaddresses;
        expect(ips.map((x: any) => x.status)).toEqual(["ERROR", "ERROR"]);
        expect((await emu().hw(DEMO, "POST", `/v2.1/endpoints/${id}/ipaddresses`, { body: { ipaddress: { subnet_id: S1 } } })).body.code).toBe("DNS.1510");
        expect((await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${id}`)).status).toBe(202);
    });

    test("isolates accounts, takes the project from a token, and rejects bad signatures in the gateway envelope", async () => {
        const id = (await create()).body.endpoint.id;
        expect((await emu().hw(CONSUMER, "GET", `/v2.1/endpoints/${id}`)).body.code).toBe("DNS.1501");
        const t = await emu().token();
        const viaToken = await emu().hw(DEMO, "GET", `/v2.1/endpoints/${id}`, { token: t.token! });
        expect(viaToken.body.endpoint.id).toBe(id);
        const bad = await emu().raw(`/v2.1/endpoints/${id}`, {
            headers: { "X-Sdk-Date": "20200101T000000Z", Authorization: "SDK-HMAC-SHA256 Access=x, SignedHeaders=host, Signature=00" },
        });
        expect(bad.status).toBe(401);
        expect(bad.body.error_code).toBe("APIGW.0301");
    });

    test("answers injected faults in its own envelope", async () => {
        await emu().control("PUT", "faults", {
            rules: [{ api: "dns", operation: "ListResolverEndpoints", times: 1, error: { status: 500, code: "DNS.0002", message: "boom" } }],
        });
        const r = await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "inbound" } });
        expect(r.status).toBe(500);
        expect(r.body).toEqual({ code: "DNS.0002", message: "boom" });
    });

    test("persists endpoints and their addresses in the state file", async () => {
        const os = await import("node:os");
        const fs = await import("node:fs");
        const path = await import("node:path");
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dns-state-")), "state.json");
        const first = await startTestEmulator({ stateFile: file });
        const r = await first.hw(DEMO, "POST", "/v2.1/endpoints", { body: body() });
        await first.close();
        const second = await startTestEmulator({ stateFile: file });
        try {
            const ips = (await second.hw(DEMO, "GET", `/v2.1/endpoints/${r.body.endpoint.id}/ipaddresses`)).body.ipaddresses;
            expect(ips.map((x: any) => x.ip)).toEqual(["10.0.0.50", "10.0.0.2"]);
        } finally {
            await second.close();
        }
    });
});
