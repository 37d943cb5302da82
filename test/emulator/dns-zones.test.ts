/**
 * The DNS v2 private zone API of the emulator, its VPC associations and record sets, over HTTP
 * with the tests' own signer: create/show/list/update/delete with their statuses, the VPC rules
 * (a VPC of the project, one zone of a name per VPC, at least one VPC), the record set rules per
 * type, public zones answering 501, the proxy pattern set in place, record sets renamed or retyped
 * in place, the tags of zones and record sets, and VPCs of the account's other region associated by
 * `router_region`.
 */
import { CONSUMER, DEMO, emulatorResetForEachTest } from "./helpers";

const emu = emulatorResetForEachTest();

const ZN = "/v2/zones";
const V1 = DEMO.net.clientVpc;
const V2 = DEMO.net.backendVpc;

const zoneBody = (extra: Record<string, unknown> = {}) => ({ name: "corp.example.com", zone_type: "private", router: { router_id: V1 }, ...extra });
const createZone = (extra: Record<string, unknown> = {}, account = DEMO) => emu().hw(account, "POST", ZN, { body: zoneBody(extra) });
const router = (id: string, op: "associaterouter" | "disassociaterouter", vpc: string) =>
    emu().hw(DEMO, "POST", `${ZN}/${id}/${op}`, { body: { router: { router_id: vpc } } });
const rsBody = (extra: Record<string, unknown> = {}) => ({ name: "www.corp.example.com.", type: "A", records: ["10.0.0.1"], ...extra });
const createSet = (zone: string, extra: Record<string, unknown> = {}) => emu().hw(DEMO, "POST", `${ZN}/${zone}/recordsets`, { body: rsBody(extra) });

async function zone(extra: Record<string, unknown> = {}): Promise<string> {
    const r = await createZone(extra);
    expect(r.status).toBe(202);
    return r.body.id;
}

describe("CreatePrivateZone", () => {
    test.each([
        ["a label starting with a hyphen", { name: "-corp.example.com" }, 400, "DNS.0303"],
        ["an empty label", { name: "corp..example.com" }, 400, "DNS.0303"],
        ["a label of 64 characters", { name: `${"a".repeat(64)}.com` }, 400, "DNS.0303"],
        ["no router", { router: undefined }, 400, "DNS.0001"],
        ["an unknown VPC", { router: { router_id: "11111111-1111-4111-8111-999999999999" } }, 404, "DNS.0711"],
        ["another project's VPC", { router: { router_id: CONSUMER.net.clientVpc } }, 404, "DNS.0711"],
        ["another region", { router: { router_id: V1, router_region: "ap-southeast-1" } }, 400, "DNS.0701"],
        ["a TTL of 0", { ttl: 0 }, 400, "DNS.0304"],
        ["a TTL above 2147483647", { ttl: 2147483648 }, 400, "DNS.0304"],
        ["a description of 256 characters", { description: "d".repeat(256) }, 400, "DNS.0001"],
        ["a bad proxy pattern", { proxy_pattern: "FORWARD" }, 400, "DNS.0001"],
        ["another zone type", { zone_type: "shared" }, 400, "DNS.0302"],
    ])("refuses %s", async (_what, extra, status, code) => {
        const r = await createZone(extra);
        expect(r.status).toBe(status);
        expect(r.body).toEqual({ code, message: expect.any(String) });
        expect((await emu().control("GET", "resources?api=dns&kind=private_zone")).body.resources).toEqual([]);
    });

    test("public zones are not emulated: 501 naming the operation", async () => {
        const r = await createZone({ zone_type: "public" });
        expect(r.status).toBe(501);
        expect(r.body.message).toContain("CreatePublicZone");
        expect((await emu().hw(DEMO, "GET", `${ZN}?type=public`)).status).toBe(501);
    });

    test("answers the name with its trailing dot, one router, the defaults; SOA and NS sets come with it", async () => {
        await emu().control("PUT", "timings", { "dns:private_zone": { create: { afterReads: 1 } } });
        const r = await createZone({ tags: [{ key: "k", value: "v" }] });
        expect(r.status).toBe(202);
        expect(r.body).toMatchObject({ name: "corp.example.com.", zone_type: "private", ttl: 300, status: "PENDING_CREATE", proxy_pattern: "AUTHORITY" });
        expect(r.body.router).toEqual({ router_id: V1, router_region: "cn-north-4", status: "PENDING_CREATE" });
        expect((await emu().hw(DEMO, "GET", `${ZN}/${r.body.id}`)).body.status).toBe("PENDING_CREATE");
        const shown = await emu().hw(DEMO, "GET", `${ZN}/${r.body.id}`);
        expect(shown.body).toMatchObject({ status: "ACTIVE", record_num: 2, routers: [{ router_id: V1, status: "ACTIVE" }] });
        expect(shown.body.tags).toBeUndefined();
        const sets = await emu().hw(DEMO, "GET", `${ZN}/${r.body.id}/recordsets`);
        expect(sets.body.recordsets.map((s: { type: string; default: boolean }) => [s.type, s.default]).sort()).toEqual([
            ["NS", true],
            ["SOA", true],
        ]);
        const listed = await emu().hw(DEMO, "GET", `${ZN}?type=private&tags=k,v`);
        expect(listed.body.zones.map((z: { id: string; tags: unknown }) => [z.id, z.tags])).toEqual([[r.body.id, [{ key: "k", value: "v" }]]]);
        expect((await emu().hw(DEMO, "GET", `${ZN}?type=private&tags=k,w`)).body.zones).toEqual([]);
    });

    test("a VPC resolves one zone of a name, in any spelling; other VPCs may have their own", async () => {
        await zone();
        const dup = await createZone({ name: "CORP.example.com." });
        expect(dup.status).toBe(400);
        expect(dup.body.code).toBe("DNS.0307");
        expect((await createZone({ router: { router_id: V2 } })).status).toBe(202);
        expect((await emu().hw(DEMO, "GET", `${ZN}?name=corp.example.com.&search_mode=equal`)).body.metadata.total_count).toBe(2);
        expect((await emu().hw(DEMO, "GET", `${ZN}?router_id=${V2}`)).body.zones).toHaveLength(1);
    });
});

describe("private zone lifecycle", () => {
    test("updates in place, associates and disassociates VPCs, keeps the last one, deletes", async () => {
        await emu().control("PUT", "timings", {
            "dns:private_zone_router": { create: { afterReads: 1 }, delete: { afterReads: 1 } },
            "dns:private_zone": { delete: { afterReads: 1 } },
        });
        const id = await zone();
        const patched = await emu().hw(DEMO, "PATCH", `${ZN}/${id}`, { body: { description: "d", ttl: 600, email: "ops@example.com" } });
        expect(patched.status).toBe(202);
        expect(patched.body).toMatchObject({ description: "d", ttl: 600, email: "ops@example.com" });
        expect((await emu().hw(DEMO, "PATCH", `${ZN}/${id}`, { body: { ttl: 0 } })).body.code).toBe("DNS.0304");
        expect((await emu().hw(DEMO, "PATCH", `${ZN}/${id}`, { body: { name: "x.com" } })).body.code).toBe("DNS.0001");

        const a = await router(id, "associaterouter", V2);
        expect(a.status).toBe(202);
        expect(a.body).toEqual({ router_id: V2, router_region: "cn-north-4", status: "PENDING_CREATE" });
        // the first read after it still sees PENDING_CREATE, the next ACTIVE
        expect((await router(id, "disassociaterouter", V2)).body.code).toBe("DNS.1611");
        expect((await router(id, "associaterouter", V2)).body.code).toBe("DNS.0706");
        const routers = async () =>
            (await emu().hw(DEMO, "GET", `${ZN}/${id}`)).body.routers.map((r: { router_id: string; status: string }) => [r.router_id, r.status]);
        expect(await routers()).toEqual([
            [V1, "ACTIVE"],
            [V2, "ACTIVE"],
        ]);
        const d = await router(id, "disassociaterouter", V1);
        expect(d.body.status).toBe("PENDING_DELETE");
        expect((await router(id, "disassociaterouter", V2)).body.code).toBe("DNS.0308");
        expect(await routers()).toEqual([[V2, "ACTIVE"]]);
        expect((await router(id, "disassociaterouter", V1)).body.code).toBe("DNS.0707");

        const del = await emu().hw(DEMO, "DELETE", `${ZN}/${id}`);
        expect(del.status).toBe(202);
        expect(del.body.status).toBe("PENDING_DELETE");
        expect((await emu().hw(DEMO, "GET", `${ZN}/${id}`)).body.status).toBe("PENDING_DELETE");
        const gone = await emu().hw(DEMO, "GET", `${ZN}/${id}`);
        expect(gone.status).toBe(404);
        expect(gone.body.code).toBe("DNS.0301");
    });
});

describe("VPCs of another region", () => {
    /** The demo account's project in its second region (emulator/core/accounts.ts). */
    const SOUTH = { projectId: "a0000000000000000000000000000011", region: "cn-south-1" };
    const southVpc = async (): Promise<string> =>
        (await emu().control("POST", "network/vpcs", { projectId: SOUTH.projectId, cidr: "172.20.0.0/16", name: "south" })).body.vpc.id;
    const routerCall = (id: string, op: "associaterouter" | "disassociaterouter", r: Record<string, unknown>) =>
        emu().hw(DEMO, "POST", `${ZN}/${id}/${op}`, { body: { router: r } });

    test("associates a VPC of the account's other region by router_region, lists it with its region, disassociates it by it", async () => {
        await emu().control("PUT", "timings", { "dns:private_zone_router": { create: { afterReads: 1 }, delete: { afterReads: 1 } } });
        const id = await zone();
        const south = await southVpc();
        // Left out, router_region is the caller's region (cn-north-4), where this VPC is not.
        const here = await routerCall(id, "associaterouter", { router_id: south });
        expect(here.status).toBe(404);
        expect(here.body).toEqual({ code: "DNS.0711", message: expect.stringContaining("in region cn-north-4") });
        // A region the account has no project in; a VPC the other region does not have.
        expect((await routerCall(id, "associaterouter", { router_id: south, router_region: "ap-southeast-1" })).body.code).toBe("DNS.0701");
        const missing = await routerCall(id, "associaterouter", { router_id: "11111111-1111-4111-8111-999999999999", router_region: SOUTH.region });
        expect([missing.status, missing.body.code]).toEqual([404, "DNS.0711"]);

        const a = await routerCall(id, "associaterouter", { router_id: south, router_region: SOUTH.region });
        expect(a.status).toBe(202);
        expect(a.body).toEqual({ router_id: south, router_region: SOUTH.region, status: "PENDING_CREATE" });
        const routers = async () =>
            (await emu().hw(DEMO, "GET", `${ZN}/${id}`)).body.routers.map((r: { router_id: string; router_region: string; status: string }) => [
                r.router_id,
                r.router_region,
                r.status,
            ]);
        expect((await routers()).slice(1)).toEqual([[south, SOUTH.region, "PENDING_CREATE"]]);
        expect(await routers()).toEqual([
            [V1, "cn-north-4", "ACTIVE"],
            [south, SOUTH.region, "ACTIVE"],
        ]);
        expect((await emu().hw(DEMO, "GET", `${ZN}?router_id=${south}`)).body.zones.map((z: { id: string }) => z.id)).toEqual([id]);

        // Disassociated in its own region only: the caller's (left out) is another.
        expect((await routerCall(id, "disassociaterouter", { router_id: south })).body.code).toBe("DNS.0707");
        const d = await routerCall(id, "disassociaterouter", { router_id: south, router_region: SOUTH.region });
        expect(d.status).toBe(202);
        expect(d.body).toEqual({ router_id: south, router_region: SOUTH.region, status: "PENDING_DELETE" });
        expect(await routers()).toEqual([
            [V1, "cn-north-4", "ACTIVE"],
            [south, SOUTH.region, "PENDING_DELETE"],
        ]);
        expect(await routers()).toEqual([[V1, "cn-north-4", "ACTIVE"]]);
    });

    test("a VPC is its id in its region: the seeded ids of the second region are VPCs of their own for the one-zone-per-name rule", async () => {
        // The second region's seeded network repeats the first's ids (emulator/network/seed.ts).
        await zone({ router: { router_id: V2 } });
        const other = await createZone({ router: { router_id: V2, router_region: SOUTH.region } });
        expect(other.status).toBe(202);
        expect(other.body.router).toMatchObject({ router_id: V2, router_region: SOUTH.region });
        const again = await createZone({ router: { router_id: V2, router_region: SOUTH.region } });
        expect([again.status, again.body.code]).toEqual([400, "DNS.0307"]);
    });
});

describe("record sets", () => {
    test.each([
        ["a name outside the zone", { name: "www.other.com." }, "DNS.0402"],
        ["an unknown type", { type: "SPF" }, "DNS.0403"],
        ["a CAA set (public zones only)", { type: "CAA", records: ['0 issue "ca.example.net"'] }, "DNS.0403"],
        ["an SOA set (the zone's own)", { type: "SOA" }, "DNS.0403"],
        ["an A record that is not IPv4", { records: ["fd00::1"] }, "DNS.0404"],
        ["an AAAA record that is not IPv6", { type: "AAAA", records: ["10.0.0.1"] }, "DNS.0404"],
        ["a CNAME of two names", { type: "CNAME", records: ["a.example.com.", "b.example.com."] }, "DNS.0404"],
        ["an MX record without a priority", { type: "MX", records: ["mail.example.com."] }, "DNS.0404"],
        ["an SRV record of three fields", { type: "SRV", records: ["10 5 5060"] }, "DNS.0404"],
        ["no records", { records: [] }, "DNS.0404"],
        ["a record twice", { records: ["10.0.0.1", "10.0.0.1"] }, "DNS.0404"],
        ["a TTL of 0", { ttl: 0 }, "DNS.0304"],
    ])("refuses %s", async (_what, extra, code) => {
        const id = await zone();
        const r = await createSet(id, extra);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ code, message: expect.any(String) });
    });

    test("creates, lists, updates records in place, refuses clashes, deletes", async () => {
        await emu().control("PUT", "timings", { "dns:recordset": { create: { afterReads: 1 }, delete: { afterReads: 1 } } });
        const id = await zone();
        const c = await createSet(id, { name: "WWW.corp.example.com", records: ["10.0.0.1", "10.0.0.2"], ttl: 60 });
        expect(c.status).toBe(202);
        expect(c.body).toMatchObject({
            name: "WWW.corp.example.com.",
            zone_id: id,
            zone_name: "corp.example.com.",
            type: "A",
            ttl: 60,
            status: "PENDING_CREATE",
            default: false,
        });
        const rs = c.body.id;
        expect((await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets/${rs}`)).body.status).toBe("PENDING_CREATE");
        expect((await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets/${rs}`)).body.status).toBe("ACTIVE");
        expect((await createSet(id)).body.code).toBe("DNS.0405");
        expect((await createSet(id, { type: "CNAME", records: ["web.corp.example.com."] })).body.code).toBe("DNS.0407");
        expect((await createSet(id, { type: "AAAA", records: ["fd00::1", "2001:db8::5"] })).status).toBe(202);
        expect((await createSet(id, { name: "*.corp.example.com.", type: "TXT", records: ['"v=spf1 -all"'] })).status).toBe(202);
        expect((await createSet(id, { name: "corp.example.com.", type: "MX", records: ["10 mail.corp.example.com."] })).status).toBe(202);
        const listed = await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets?name=www.corp.example.com&search_mode=equal&type=A`);
        expect(listed.body.recordsets.map((s: { id: string }) => s.id)).toEqual([rs]);

        const u = await emu().hw(DEMO, "PUT", `${ZN}/${id}/recordsets/${rs}`, {
            body: { name: "www.corp.example.com.", type: "A", records: ["10.0.0.3"], ttl: 120 },
        });
        expect(u.status).toBe(202);
        expect(u.body).toMatchObject({ records: ["10.0.0.3"], ttl: 120 });
        // A new type keeps the records, which must then be of its form.
        expect((await emu().hw(DEMO, "PUT", `${ZN}/${id}/recordsets/${rs}`, { body: { type: "AAAA" } })).body.code).toBe("DNS.0404");
        expect((await emu().hw(DEMO, "PUT", `${ZN}/${id}/recordsets/${rs}`, { body: { type: "NS" } })).body.code).toBe("DNS.0403");
        expect((await emu().hw(DEMO, "PUT", `${ZN}/${id}/recordsets/${rs}`, { body: { records: ["x"] } })).body.code).toBe("DNS.0404");
        const soa = (await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets?type=SOA`)).body.recordsets[0].id;
        expect((await emu().hw(DEMO, "DELETE", `${ZN}/${id}/recordsets/${soa}`)).body.code).toBe("DNS.0408");

        expect((await emu().hw(DEMO, "DELETE", `${ZN}/${id}/recordsets/${rs}`)).body.status).toBe("PENDING_DELETE");
        expect((await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets/${rs}`)).body.status).toBe("PENDING_DELETE");
        const gone = await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets/${rs}`);
        expect(gone.status).toBe(404);
        expect(gone.body.code).toBe("DNS.0401");
        const kinds = (await emu().control("GET", "resources?api=dns&kind=recordset")).body.resources;
        expect(kinds).toHaveLength(3);
    });
});

describe("SetPrivateZoneProxyPattern", () => {
    test("sets the mode in place (202, no body), refuses another value or none, needs the zone ACTIVE", async () => {
        await emu().control("PUT", "timings", { "dns:private_zone": { create: { afterReads: 1 } } });
        const id = await zone();
        const set = (body: unknown) => emu().hw(DEMO, "POST", `${ZN}/${id}/actions/set-proxy-pattern`, { body });
        expect((await set({ proxy_pattern: "RECURSIVE" })).body.code).toBe("DNS.0305");
        await emu().hw(DEMO, "GET", `${ZN}/${id}`);
        const r = await set({ proxy_pattern: "RECURSIVE" });
        expect(r.status).toBe(202);
        expect(r.body).toBeUndefined();
        expect((await emu().hw(DEMO, "GET", `${ZN}/${id}`)).body).toMatchObject({ proxy_pattern: "RECURSIVE", status: "ACTIVE" });
        expect((await set({ proxy_pattern: "FORWARD" })).body).toEqual({ code: "DNS.0001", message: expect.stringContaining("AUTHORITY or RECURSIVE") });
        expect((await set({})).body.code).toBe("DNS.0001");
        expect(
            (await emu().hw(DEMO, "POST", `${ZN}/0123456789abcdef0123456789abcdef/actions/set-proxy-pattern`, { body: { proxy_pattern: "AUTHORITY" } })).status,
        ).toBe(404);
        expect((await set({ proxy_pattern: "AUTHORITY" })).status).toBe(202);
        expect((await emu().hw(DEMO, "GET", `${ZN}/${id}`)).body.proxy_pattern).toBe("AUTHORITY");
    });
});

describe("UpdateRecordSet renames and retypes", () => {
    test("a new name within the zone and a new type with records of its form; clashes refused", async () => {
        const id = await zone();
        const rs = (await createSet(id)).body.id;
        await createSet(id, { name: "api.corp.example.com.", records: ["10.0.0.9"] });
        const put = (body: unknown) => emu().hw(DEMO, "PUT", `${ZN}/${id}/recordsets/${rs}`, { body });
        expect((await put({ name: "www.other.com." })).body.code).toBe("DNS.0402");
        expect((await put({ name: "api.corp.example.com." })).body.code).toBe("DNS.0405");
        const renamed = await put({ name: "web.corp.example.com.", type: "A" });
        expect(renamed.status).toBe(202);
        expect(renamed.body).toMatchObject({ name: "web.corp.example.com.", type: "A", records: ["10.0.0.1"] });
        const retyped = await put({ type: "TXT", records: ["hello"] });
        expect(retyped.body).toMatchObject({ name: "web.corp.example.com.", type: "TXT", records: ["hello"] });
        const byName = await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets?name=web.corp.example.com&search_mode=equal&type=TXT`);
        expect(byName.body.recordsets.map((s: { id: string }) => s.id)).toEqual([rs]);
        // A CNAME shares its name with no other set, the set itself aside.
        expect((await put({ name: "api.corp.example.com.", type: "CNAME", records: ["x.corp.example.com."] })).body.code).toBe("DNS.0407");
        expect((await put({ type: "CNAME", records: ["x.corp.example.com."] })).body).toMatchObject({ type: "CNAME" });
    });
});

describe("tags of private zones and record sets", () => {
    const tagsPath = (type: string, id: string) => `/v2/${DEMO.projectId}/${type}/${id}/tags`;
    const action = (type: string, id: string, body: unknown) => emu().hw(DEMO, "POST", `${tagsPath(type, id)}/action`, { body });
    const shown = async (type: string, id: string) => (await emu().hw(DEMO, "GET", tagsPath(type, id))).body.tags;

    test("creates upsert by key (204), deletes by key, absent keys are no error; the create body's tags are kept", async () => {
        const id = await zone({ tags: [{ key: "team", value: "dns" }] });
        expect(await shown("DNS-private_zone", id)).toEqual([{ key: "team", value: "dns" }]);
        const r = await action("DNS-private_zone", id, {
            action: "create",
            tags: [
                { key: "team", value: "net" },
                { key: "env", value: "" },
            ],
        });
        expect(r.status).toBe(204);
        expect(await shown("DNS-private_zone", id)).toEqual([
            { key: "team", value: "net" },
            { key: "env", value: "" },
        ]);
        expect((await action("DNS-private_zone", id, { action: "delete", tags: [{ key: "env" }, { key: "absent" }] })).status).toBe(204);
        expect(await shown("DNS-private_zone", id)).toEqual([{ key: "team", value: "net" }]);
        // The list answers them too, and filters by them.
        const listed = await emu().hw(DEMO, "GET", `${ZN}?type=private&tags=team,net`);
        expect(listed.body.zones.map((z: { id: string; tags: unknown }) => [z.id, z.tags])).toEqual([[id, [{ key: "team", value: "net" }]]]);

        const rs = (await createSet(id, { tags: [{ key: "owner", value: "me@example.com" }] })).body.id;
        expect(await shown("DNS-private_recordset", rs)).toEqual([{ key: "owner", value: "me@example.com" }]);
        expect((await action("DNS-private_recordset", rs, { action: "create", tags: [{ key: "path", value: "a/b" }] })).status).toBe(204);
        expect((await shown("DNS-private_recordset", rs)).map((t: { key: string }) => t.key)).toEqual(["owner", "path"]);
    });

    test.each([
        ["a key with a comma", { action: "create", tags: [{ key: "a,b", value: "v" }] }, "DNS.0901"],
        ["a key of 129 characters", { action: "create", tags: [{ key: "k".repeat(129) }] }, "DNS.0901"],
        ["a key starting with _sys_", { action: "create", tags: [{ key: "_sys_x" }] }, "DNS.0901"],
        ["a key ending with a space", { action: "create", tags: [{ key: "k " }] }, "DNS.0901"],
        ["a value of 256 characters", { action: "create", tags: [{ key: "k", value: "v".repeat(256) }] }, "DNS.0901"],
        ["a value with |", { action: "create", tags: [{ key: "k", value: "a|b" }] }, "DNS.0901"],
        ["a key twice", { action: "create", tags: [{ key: "k" }, { key: "k", value: "2" }] }, "DNS.0901"],
        ["no tags", { action: "delete", tags: [] }, "DNS.0901"],
        ["another action", { action: "Create", tags: [{ key: "k" }] }, "DNS.0001"],
        ["a 21st tag", { action: "create", tags: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}` })) }, "DNS.0902"],
    ])("refuses %s", async (_what, body, code) => {
        const id = await zone();
        const r = await action("DNS-private_zone", id, body);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ code, message: expect.any(String) });
        expect(await shown("DNS-private_zone", id)).toEqual([]);
    });

    test("an unknown zone or set is 404 with its code; public types are not emulated; other types refused; another project forbidden", async () => {
        const id = await zone();
        const none = "0123456789abcdef0123456789abcdef";
        expect((await emu().hw(DEMO, "GET", tagsPath("DNS-private_zone", none))).body.code).toBe("DNS.0301");
        expect((await emu().hw(DEMO, "GET", tagsPath("DNS-private_recordset", none))).body.code).toBe("DNS.0401");
        const soa = (await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets?type=SOA`)).body.recordsets[0].id;
        expect((await emu().hw(DEMO, "GET", tagsPath("DNS-private_recordset", soa))).body.code).toBe("DNS.0401");
        const pub = await emu().hw(DEMO, "GET", tagsPath("DNS-public_zone", id));
        expect(pub.status).toBe(501);
        expect(pub.body.message).toContain("ShowResourceTag");
        expect((await emu().hw(DEMO, "GET", tagsPath("DNS-zone", id))).body.code).toBe("DNS.0903");
        expect((await emu().hw(DEMO, "GET", `/v2/${CONSUMER.projectId}/DNS-private_zone/${id}/tags`)).status).toBe(403);
    });
});
