/**
 * The DNS v2.1 resolver rule API of the emulator and its VPC associations, over HTTP with the
 * tests' own signer: create/show/list/update/delete with their statuses (`PENDING_CREATE → ACTIVE`,
 * `PENDING_DELETE → DELETED`), associate/disassociate with each router's own status, the
 * cross-checks against endpoints and the network model, and `resolver_rule_count`.
 */
import { CONSUMER, DEMO, emulatorResetForEachTest, startTestEmulator } from "./helpers";

const emu = emulatorResetForEachTest();

const S1 = DEMO.net.clientSubnet;
const RR = "/v2.1/resolverrules";

async function endpoint(direction: "inbound" | "outbound", name = `ep-${direction}`, account = DEMO): Promise<string> {
    const r = await emu().hw(account, "POST", "/v2.1/endpoints", {
        body: { name, direction, region: "cn-north-4", ipaddresses: [{ subnet_id: account.net.clientSubnet }, { subnet_id: account.net.clientSubnet }] },
    });
    expect(r.status).toBe(202);
    return r.body.endpoint.id;
}

const ruleBody = (endpointId: string, extra: Record<string, unknown> = {}) => ({
    name: "rule-1",
    domain_name: "corp.example.com",
    endpoint_id: endpointId,
    ipaddresses: [{ ip: "172.16.0.53" }],
    ...extra,
});
const createRule = (endpointId: string, extra: Record<string, unknown> = {}, account = DEMO) =>
    emu().hw(account, "POST", RR, { body: ruleBody(endpointId, extra) });
const show = (id: string, account = DEMO) => emu().hw(account, "GET", `${RR}/${id}`);
const associate = (id: string, router: Record<string, unknown>, account = DEMO) =>
    emu().hw(account, "POST", `${RR}/${id}/associaterouter`, { body: { router } });
const disassociate = (id: string, router: Record<string, unknown>, account = DEMO) =>
    emu().hw(account, "POST", `${RR}/${id}/disassociaterouter`, { body: { router } });

describe("CreateResolverRule validation", () => {
    test.each([
        ["a bad name", { name: "bad name" }, 400, "DNS.1602"],
        ["a name of 65 characters", { name: "x".repeat(65) }, 400, "DNS.1602"],
        ["no domain name", { domain_name: undefined }, 400, "DNS.1603"],
        ["a label starting with a hyphen", { domain_name: "-corp.example.com" }, 400, "DNS.1603"],
        ["an empty label", { domain_name: "corp..example.com" }, 400, "DNS.1603"],
        ["a label of 64 characters", { domain_name: `${"a".repeat(64)}.com` }, 400, "DNS.1603"],
        ["no endpoint", { endpoint_id: undefined }, 400, "DNS.0001"],
        ["an unknown endpoint", { endpoint_id: "0123456789abcdef0123456789abcdef" }, 404, "DNS.1501"],
        ["no addresses", { ipaddresses: [] }, 400, "DNS.1605"],
        ["seven addresses", { ipaddresses: Array.from({ length: 7 }, (_, i) => ({ ip: `172.16.0.${i + 1}` })) }, 400, "DNS.1605"],
        ["a bad ip", { ipaddresses: [{ ip: "172.16.0.300" }] }, 400, "DNS.1604"],
        ["an IPv6 address", { ipaddresses: [{ ip: "fd00::53" }] }, 400, "DNS.1604"],
        ["an address without ip", { ipaddresses: [{}] }, 400, "DNS.1604"],
        ["an ip twice", { ipaddresses: [{ ip: "172.16.0.53" }, { ip: "172.16.0.53" }] }, 400, "DNS.1604"],
    ])("refuses %s", async (_what, extra, status, code) => {
        const ep = await endpoint("outbound");
        const r = await createRule(ep, extra);
        expect(r.status).toBe(status);
        expect(r.body).toEqual({ code, message: expect.any(String) });
        expect((await emu().control("GET", "resources?api=dns&kind=resolver_rule")).body.resources).toEqual([]);
    });

    test("needs an outbound endpoint of the caller's project that is ACTIVE", async () => {
        const inbound = await endpoint("inbound");
        expect((await createRule(inbound)).body.code).toBe("DNS.1503");
        const other = await endpoint("outbound", "ep-other", CONSUMER);
        const foreign = await createRule(other);
        expect(foreign.status).toBe(404);
        expect(foreign.body.code).toBe("DNS.1501");
        await emu().control("PUT", "timings", { "dns:endpoint": { create: { afterReads: 5 } } });
        const pending = await endpoint("outbound", "ep-slow");
        expect((await createRule(pending)).body.code).toBe("DNS.1510");
    });

    test("one rule per domain name on an endpoint, a trailing dot naming the same domain", async () => {
        const ep = await endpoint("outbound");
        const ep2 = await endpoint("outbound", "ep-2");
        const first = await createRule(ep, { domain_name: "corp.example.com" });
        expect(first.body.resolver_rule.domain_name).toBe("corp.example.com.");
        const dup = await createRule(ep, { name: "rule-2", domain_name: "corp.example.com." });
        expect(dup.status).toBe(400);
        expect(dup.body).toEqual({ code: "DNS.1606", message: expect.any(String) });
        expect((await createRule(ep, { name: "rule-3", domain_name: "CORP.example.com" })).body.code).toBe("DNS.1606");
        // another endpoint may forward the same domain; another domain on the same endpoint is fine
        expect((await createRule(ep2, { name: "rule-4", domain_name: "corp.example.com." })).status).toBe(202);
        expect((await createRule(ep, { name: "rule-5", domain_name: "other.example.com." })).body.resolver_rule.domain_name).toBe("other.example.com.");
    });
});

describe("resolver rule lifecycle", () => {
    test("creates asynchronously, shows, lists with filters and paging, updates in place, deletes", async () => {
        const ep = await endpoint("outbound");
        await emu().control("PUT", "timings", { "dns:resolver_rule": { create: { afterReads: 1 }, delete: { afterReads: 1 } } });
        const c = await createRule(ep, { domain_name: "corp.example.com", ipaddresses: [{ ip: "172.16.0.53" }, { ip: "172.16.0.54" }] });
        expect(c.status).toBe(202);
        const rule = c.body.resolver_rule;
        expect(rule).toEqual({
            id: expect.stringMatching(/^[0-9a-f]{32}$/),
            name: "rule-1",
            domain_name: "corp.example.com.",
            endpoint_id: ep,
            status: "PENDING_CREATE",
            rule_type: "FORWARD",
            ipaddress_count: 2,
            create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/),
            update_time: expect.any(String),
        });
        const id = rule.id as string;
        expect((await show(id)).body.resolver_rule.status).toBe("PENDING_CREATE");
        const active = (await show(id)).body.resolver_rule;
        expect(active).toMatchObject({
            status: "ACTIVE",
            ipaddress_count: 2,
            ipaddresses: [{ ip: "172.16.0.53" }, { ip: "172.16.0.54" }],
            routers: [],
        });

        // the outbound endpoint counts its rules
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${ep}`)).body.endpoint.resolver_rule_count).toBe(1);

        // list: filters and paging, newest first
        await emu().control("PUT", "timings", JSON.stringify("fast"));
        const id2 = (await createRule(ep, { name: "rule-2", domain_name: "lab.example.com." })).body.resolver_rule.id;
        const list = (q: Record<string, string | number> = {}) => emu().hw(DEMO, "GET", RR, { query: q });
        const all = (await list()).body;
        expect(all.metadata).toEqual({ total_count: 2 });
        expect(all.resolver_rules.map((x: any) => x.id)).toEqual([id2, id]);
        expect(all.resolver_rules[1]).toMatchObject({ id, routers: [], ipaddress_count: 2 });
        expect((await list({ domain_name: "corp.example.com" })).body.resolver_rules.map((x: any) => x.id)).toEqual([id]);
        expect((await list({ domain_name: "corp.example.com." })).body.resolver_rules.map((x: any) => x.id)).toEqual([id]);
        expect((await list({ name: "rule-2" })).body.resolver_rules.map((x: any) => x.id)).toEqual([id2]);
        expect((await list({ id })).body.resolver_rules.map((x: any) => x.id)).toEqual([id]);
        expect((await list({ endpoint_id: ep })).body.metadata.total_count).toBe(2);
        expect((await list({ endpoint_id: "0123456789abcdef0123456789abcdef" })).body).toEqual({ resolver_rules: [], metadata: { total_count: 0 } });
        expect((await list({ limit: 1 })).body).toMatchObject({ resolver_rules: [{ id: id2 }], metadata: { total_count: 2 } });
        expect((await list({ limit: 1, offset: 1 })).body.resolver_rules.map((x: any) => x.id)).toEqual([id]);
        expect((await list({ marker: id2 })).body.resolver_rules.map((x: any) => x.id)).toEqual([id]);
        expect((await list({ limit: 501 })).body.code).toBe("DNS.0001");
        // other accounts see none of it
        expect((await emu().hw(CONSUMER, "GET", RR)).body.metadata.total_count).toBe(0);
        expect((await show(id, CONSUMER)).status).toBe(404);

        // update name and addresses in place
        const up = await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { name: "rule-renamed", ipaddresses: [{ ip: "172.16.1.53" }] } });
        expect(up.status).toBe(202);
        expect(up.body.resolver_rule).toMatchObject({ id, name: "rule-renamed", status: "ACTIVE", ipaddress_count: 1 });
        expect((await show(id)).body.resolver_rule).toMatchObject({
            name: "rule-renamed",
            ipaddresses: [{ ip: "172.16.1.53" }],
            domain_name: "corp.example.com.",
        });
        const onlyName = await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { name: "rule-again" } });
        expect(onlyName.body.resolver_rule).toMatchObject({ name: "rule-again", ipaddress_count: 1 });
        expect((await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { ipaddresses: [{ ip: "nope" }] } })).body.code).toBe("DNS.1604");
        expect((await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { name: "no good" } })).body.code).toBe("DNS.1602");
        expect((await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: {} })).body.code).toBe("DNS.0001");

        // delete: 202 PENDING_DELETE for one read, then DELETED (200), absent from lists, 404 for changes
        await emu().control("PUT", "timings", { "dns:resolver_rule": { delete: { afterReads: 1 } } });
        const del = await emu().hw(DEMO, "DELETE", `${RR}/${id}`);
        expect(del.status).toBe(202);
        expect(del.body.resolver_rule).toMatchObject({ id, status: "PENDING_DELETE" });
        expect((await show(id)).body.resolver_rule.status).toBe("PENDING_DELETE");
        const gone = await show(id);
        expect(gone.status).toBe(200);
        expect(gone.body.resolver_rule).toMatchObject({ id, status: "DELETED" });
        expect((await list()).body.resolver_rules.map((x: any) => x.id)).toEqual([id2]);
        const again = await emu().hw(DEMO, "DELETE", `${RR}/${id}`);
        expect(again.status).toBe(404);
        expect(again.body).toEqual({ code: "DNS.1601", message: expect.stringContaining("Resolver rule not exist") });
        expect((await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { name: "x" } })).body.code).toBe("DNS.1601");
        expect((await show("0123456789abcdef0123456789abcdef")).status).toBe(404);
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${ep}`)).body.endpoint.resolver_rule_count).toBe(1);

        // the resources view: kind resolver_rule, deleted ones on request
        const res = (await emu().control("GET", "resources?api=dns&kind=resolver_rule")).body.resources;
        expect(res.map((r: any) => [r.id, r.status])).toEqual([[id2, "ACTIVE"]]);
        const withDeleted = (await emu().control("GET", "resources?api=dns&kind=resolver_rule&includeDeleted=true")).body.resources;
        expect(withDeleted.map((r: any) => r.status).sort()).toEqual(["ACTIVE", "deleted"]);

        const ops = (await emu().control("GET", "requests")).body.requests.filter((r: any) => r.api === "dns").map((r: any) => r.operation);
        expect(new Set(ops)).toEqual(
            new Set([
                "CreateResolverEndpoint",
                "ShowResolverEndpoint",
                "CreateResolverRule",
                "ShowResolverRule",
                "ListResolverRules",
                "UpdateResolverRule",
                "DeleteResolverRule",
            ]),
        );
    });

    test("fails creations whose name matches with ERROR; an ERROR rule can be deleted, not changed", async () => {
        const ep = await endpoint("outbound");
        await emu().control("PUT", "timings", { "dns:resolver_rule": { failNamesMatching: "^fail-" } });
        const id = (await createRule(ep, { name: "fail-1" })).body.resolver_rule.id;
        expect((await show(id)).body.resolver_rule.status).toBe("ERROR");
        expect((await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { name: "x" } })).body.code).toBe("DNS.1607");
        expect((await associate(id, { router_id: DEMO.net.clientVpc })).body.code).toBe("DNS.1607");
        expect((await emu().hw(DEMO, "DELETE", `${RR}/${id}`)).status).toBe(202);
        expect((await show(id)).body.resolver_rule.status).toBe("DELETED");
    });

    test("refuses changes while the rule is PENDING_CREATE", async () => {
        const ep = await endpoint("outbound");
        await emu().control("PUT", "timings", { "dns:resolver_rule": { create: { afterReads: 5 } } });
        const id = (await createRule(ep)).body.resolver_rule.id;
        expect((await emu().hw(DEMO, "PUT", `${RR}/${id}`, { body: { name: "x" } })).body.code).toBe("DNS.1607");
        expect((await emu().hw(DEMO, "DELETE", `${RR}/${id}`)).body.code).toBe("DNS.1607");
    });
});

describe("VPC associations", () => {
    test("associates two VPCs, each PENDING_CREATE then ACTIVE; disassociates; deletion waits for none", async () => {
        const ep = await endpoint("outbound");
        const id = (await createRule(ep)).body.resolver_rule.id;
        await emu().control("PUT", "timings", { "dns:resolver_rule_router": { create: { afterReads: 1 }, delete: { afterReads: 1 } } });

        const a1 = await associate(id, { router_id: DEMO.net.clientVpc, router_region: "cn-north-4" });
        expect(a1.status).toBe(202);
        expect(a1.body).toEqual({ router_id: DEMO.net.clientVpc, router_region: "cn-north-4", status: "PENDING_CREATE" });
        // each read of the rule (this one included) counts toward the association's afterReads
        expect((await show(id)).body.resolver_rule.routers).toEqual([{ router_id: DEMO.net.clientVpc, router_region: "cn-north-4", status: "PENDING_CREATE" }]);
        // router_region is optional: the caller's region
        const a2 = await associate(id, { router_id: DEMO.net.backendVpc });
        expect(a2.body).toEqual({ router_id: DEMO.net.backendVpc, router_region: "cn-north-4", status: "PENDING_CREATE" });
        expect((await show(id)).body.resolver_rule.routers).toEqual([
            { router_id: DEMO.net.clientVpc, router_region: "cn-north-4", status: "ACTIVE" },
            { router_id: DEMO.net.backendVpc, router_region: "cn-north-4", status: "PENDING_CREATE" },
        ]);
        const settled = (await show(id)).body.resolver_rule;
        expect(settled.status).toBe("ACTIVE");
        expect(settled.routers.map((r: any) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);
        expect((await emu().hw(DEMO, "GET", RR)).body.resolver_rules[0].routers.map((r: any) => r.router_id)).toEqual([
            DEMO.net.clientVpc,
            DEMO.net.backendVpc,
        ]);

        // the resources view carries the associations inside the rule
        const res = (await emu().control("GET", "resources?api=dns&kind=resolver_rule")).body.resources;
        expect(res[0].body.routers.map((r: any) => r.status)).toEqual(["ACTIVE", "ACTIVE"]);

        // again: refused
        expect((await associate(id, { router_id: DEMO.net.clientVpc })).body.code).toBe("DNS.1608");

        // deleting the rule (or its endpoint) while VPCs are associated is refused
        const blocked = await emu().hw(DEMO, "DELETE", `${RR}/${id}`);
        expect(blocked.status).toBe(400);
        expect(blocked.body).toEqual({ code: "DNS.0608", message: expect.any(String) });

        // disassociate: PENDING_DELETE for one read, then gone from routers
        const d1 = await disassociate(id, { router_id: DEMO.net.clientVpc });
        expect(d1.status).toBe(202);
        expect(d1.body).toEqual({ router_id: DEMO.net.clientVpc, router_region: "cn-north-4", status: "PENDING_DELETE" });
        // this read sees it PENDING_DELETE (a second disassociation is refused meanwhile), the next sees it gone
        expect((await disassociate(id, { router_id: DEMO.net.clientVpc })).body.code).toBe("DNS.1611");
        expect((await show(id)).body.resolver_rule.routers.map((r: any) => [r.router_id, r.status])).toEqual([[DEMO.net.backendVpc, "ACTIVE"]]);
        expect((await disassociate(id, { router_id: DEMO.net.clientVpc })).body.code).toBe("DNS.1609");

        await emu().control("PUT", "timings", JSON.stringify("fast"));
        expect((await disassociate(id, { router_id: DEMO.net.backendVpc })).status).toBe(202);
        expect((await show(id)).body.resolver_rule.routers).toEqual([]);
        expect((await emu().hw(DEMO, "DELETE", `${RR}/${id}`)).status).toBe(202);
        expect((await show(id)).body.resolver_rule.status).toBe("DELETED");

        const ops = (await emu().control("GET", "requests")).body.requests.filter((r: any) => r.api === "dns").map((r: any) => r.operation);
        expect(ops).toEqual(expect.arrayContaining(["AssociateResolverRuleRouter", "DisassociateResolverRuleRouter"]));
    });

    test("refuses unknown, foreign and other-region VPCs, bad bodies, unknown rules, and one VPC on two rules of a domain", async () => {
        const ep = await endpoint("outbound");
        const ep2 = await endpoint("outbound", "ep-2");
        const id = (await createRule(ep)).body.resolver_rule.id;

        const unknown = await associate(id, { router_id: "11111111-1111-4111-8111-999999999999" });
        expect(unknown.status).toBe(404);
        expect(unknown.body).toEqual({ code: "DNS.0711", message: expect.stringContaining("This VPC could not be found.") });
        expect((await associate(id, { router_id: CONSUMER.net.clientVpc })).body.code).toBe("DNS.0711");
        expect((await associate(id, { router_id: DEMO.net.clientVpc, router_region: "cn-south-1" })).body).toEqual({
            code: "DNS.0701",
            message: expect.any(String),
        });
        expect((await associate(id, {})).body.code).toBe("DNS.0001");
        expect((await emu().hw(DEMO, "POST", `${RR}/${id}/associaterouter`, { body: { router_id: DEMO.net.clientVpc } })).body.code).toBe("DNS.0001");
        const noRule = await associate("0123456789abcdef0123456789abcdef", { router_id: DEMO.net.clientVpc });
        expect(noRule.status).toBe(404);
        expect(noRule.body.message).toContain("Resolver rule not exist");
        // another account cannot touch the rule
        expect((await associate(id, { router_id: CONSUMER.net.clientVpc }, CONSUMER)).body.code).toBe("DNS.1601");

        // one VPC, one rule per domain name: a second rule for the same domain (other endpoint) cannot take the VPC
        expect((await associate(id, { router_id: DEMO.net.clientVpc })).status).toBe(202);
        const twin = (await createRule(ep2, { name: "twin", domain_name: "corp.example.com." })).body.resolver_rule.id;
        expect((await associate(twin, { router_id: DEMO.net.clientVpc })).body.code).toBe("DNS.1610");
        expect((await associate(twin, { router_id: DEMO.net.backendVpc })).status).toBe(202);
        // a rule for another domain can
        const other = (await createRule(ep, { name: "other", domain_name: "other.example.com" })).body.resolver_rule.id;
        expect((await associate(other, { router_id: DEMO.net.clientVpc })).status).toBe(202);
    });

    test("fails associations when told to, with ERROR, and lets them be disassociated", async () => {
        const ep = await endpoint("outbound");
        const id = (await createRule(ep)).body.resolver_rule.id;
        await emu().control("PUT", "timings", { "dns:resolver_rule_router": { fail: true } });
        expect((await associate(id, { router_id: DEMO.net.clientVpc })).body.status).toBe("ERROR");
        expect((await show(id)).body.resolver_rule.routers[0].status).toBe("ERROR");
        expect((await disassociate(id, { router_id: DEMO.net.clientVpc })).status).toBe(202);
        expect((await show(id)).body.resolver_rule.routers).toEqual([]);
    });
});

describe("resolver endpoints with rules", () => {
    test("an endpoint with rules cannot be deleted; resolver_rule_count counts them", async () => {
        const ep = await endpoint("outbound");
        const id1 = (await createRule(ep)).body.resolver_rule.id;
        const id2 = (await createRule(ep, { name: "rule-2", domain_name: "lab.example.com" })).body.resolver_rule.id;
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${ep}`)).body.endpoint.resolver_rule_count).toBe(2);
        expect((await emu().hw(DEMO, "GET", "/v2.1/endpoints", { query: { direction: "outbound" } })).body.endpoints[0].resolver_rule_count).toBe(2);

        const blocked = await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${ep}`);
        expect(blocked.status).toBe(400);
        expect(blocked.body).toEqual({ code: "DNS.0608", message: expect.stringContaining("This resource is in use.") });

        // a rule still being deleted keeps the endpoint in use
        await emu().control("PUT", "timings", { "dns:resolver_rule": { delete: { afterReads: 1 } } });
        expect((await emu().hw(DEMO, "DELETE", `${RR}/${id1}`)).status).toBe(202);
        await emu().control("PUT", "timings", JSON.stringify("fast"));
        expect((await emu().hw(DEMO, "DELETE", `${RR}/${id2}`)).status).toBe(202);
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${ep}`)).body.endpoint.resolver_rule_count).toBe(1);
        expect((await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${ep}`)).body.code).toBe("DNS.0608");
        expect((await show(id1)).body.resolver_rule.status).toBe("PENDING_DELETE");
        expect((await show(id1)).body.resolver_rule.status).toBe("DELETED");
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${ep}`)).body.endpoint.resolver_rule_count).toBe(0);
        expect((await emu().hw(DEMO, "DELETE", `/v2.1/endpoints/${ep}`)).status).toBe(202);
    });

    test("inbound endpoints show no resolver_rule_count", async () => {
        const inbound = await endpoint("inbound");
        expect((await emu().hw(DEMO, "GET", `/v2.1/endpoints/${inbound}`)).body.endpoint).not.toHaveProperty("resolver_rule_count");
    });

    test("persists rules and their associations in the state file", async () => {
        const os = await import("node:os");
        const fs = await import("node:fs");
        const path = await import("node:path");
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dns-rules-state-")), "state.json");
        const first = await startTestEmulator({ stateFile: file });
        let id: string;
        try {
            const ep = (
                await first.hw(DEMO, "POST", "/v2.1/endpoints", {
                    body: { name: "ep", direction: "outbound", region: "cn-north-4", ipaddresses: [{ subnet_id: S1 }, { subnet_id: S1 }] },
                })
            ).body.endpoint.id;
            id = (await first.hw(DEMO, "POST", RR, { body: ruleBody(ep) })).body.resolver_rule.id;
            expect((await first.hw(DEMO, "POST", `${RR}/${id}/associaterouter`, { body: { router: { router_id: DEMO.net.clientVpc } } })).status).toBe(202);
        } finally {
            await first.close();
        }
        const second = await startTestEmulator({ stateFile: file });
        try {
            expect((await second.hw(DEMO, "GET", `${RR}/${id}`)).body.resolver_rule).toMatchObject({
                status: "ACTIVE",
                routers: [{ router_id: DEMO.net.clientVpc, status: "ACTIVE" }],
            });
        } finally {
            await second.close();
        }
    });

    test("answers injected faults on rule operations in its own envelope", async () => {
        await emu().control("PUT", "faults", {
            rules: [{ api: "dns", operation: "CreateResolverRule", times: 1, error: { status: 500, code: "DNS.0002", message: "boom" } }],
        });
        const ep = await endpoint("outbound");
        const r = await createRule(ep);
        expect(r.status).toBe(500);
        expect(r.body).toEqual({ code: "DNS.0002", message: "boom" });
    });
});
