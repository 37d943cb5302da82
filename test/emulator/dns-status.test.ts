/**
 * Pausing and resuming DNS resolution in the emulator, over HTTP with the tests' own signer:
 * UpdatePrivateZoneStatus (`PUT /v2/zones/{id}/statuses`) and SetRecordSetsStatus
 * (`PUT /v2.1/recordsets/{id}/statuses/set`), what a disabled zone still takes (updates, the proxy
 * pattern, tags, record sets, deletion) and what it refuses (VPC associations).
 */
import { CONSUMER, DEMO, emulatorResetForEachTest } from "./helpers";

const emu = emulatorResetForEachTest();

const ZN = "/v2/zones";
const V1 = DEMO.net.clientVpc;
const V2 = DEMO.net.backendVpc;

async function zone(name = "corp.example.com"): Promise<string> {
    const r = await emu().hw(DEMO, "POST", ZN, { body: { name, zone_type: "private", router: { router_id: V1 } } });
    expect(r.status).toBe(202);
    return r.body.id;
}
const zoneStatus = (id: string, status: unknown, account = DEMO) => emu().hw(account, "PUT", `${ZN}/${id}/statuses`, { body: { status } });
const shownZone = async (id: string) => (await emu().hw(DEMO, "GET", `${ZN}/${id}`)).body;
const createSet = (zoneId: string, extra: Record<string, unknown> = {}) =>
    emu().hw(DEMO, "POST", `${ZN}/${zoneId}/recordsets`, { body: { name: "www.corp.example.com.", type: "A", records: ["10.0.0.1"], ...extra } });
const setStatus = (id: string, body: unknown) => emu().hw(DEMO, "PUT", `/v2.1/recordsets/${id}/statuses/set`, { body });
const shownSet = async (zoneId: string, id: string) => (await emu().hw(DEMO, "GET", `${ZN}/${zoneId}/recordsets/${id}`)).body;

describe("UpdatePrivateZoneStatus", () => {
    test("DISABLE pauses the zone at once (202, the zone without its routers), ENABLE resumes it; lists filter by DISABLE", async () => {
        const id = await zone();
        const off = await zoneStatus(id, "DISABLE");
        expect(off.status).toBe(202);
        expect(off.body).toMatchObject({ id, name: "corp.example.com.", status: "DISABLE", zone_type: "private" });
        expect(off.body.routers).toBeUndefined();
        expect(off.body.router).toBeUndefined();
        expect(await shownZone(id)).toMatchObject({ status: "DISABLE", routers: [{ router_id: V1, status: "ACTIVE" }] });
        const listed = await emu().hw(DEMO, "GET", `${ZN}?type=private&status=DISABLE`);
        expect(listed.body.zones.map((z: { id: string }) => z.id)).toEqual([id]);
        const on = await zoneStatus(id, "ENABLE");
        expect(on.body.status).toBe("ACTIVE");
        expect((await shownZone(id)).status).toBe("ACTIVE");
    });

    test.each([
        ["no status", undefined, "DNS.0001"],
        ["another status", "PAUSE", "DNS.0001"],
        ["a lower-case status", "disable", "DNS.0001"],
    ])("refuses %s", async (_what, status, code) => {
        const id = await zone();
        const r = await zoneStatus(id, status);
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ code, message: expect.any(String) });
        expect((await shownZone(id)).status).toBe("ACTIVE");
    });

    test("refuses the status the zone has (DNS.0309), a zone not settled (DNS.0305), an unknown zone (404) and another project's (404)", async () => {
        const id = await zone();
        expect((await zoneStatus(id, "ENABLE")).body.code).toBe("DNS.0309");
        await zoneStatus(id, "DISABLE");
        expect((await zoneStatus(id, "DISABLE")).body.code).toBe("DNS.0309");
        expect((await zoneStatus("0123456789abcdef0123456789abcdef", "DISABLE")).status).toBe(404);
        expect((await zoneStatus(id, "ENABLE", CONSUMER)).status).toBe(404);

        await emu().control("PUT", "timings", { "dns:private_zone": { create: { afterReads: 3 } } });
        const pending = await zone("other.example.com");
        const r = await zoneStatus(pending, "DISABLE");
        expect(r.body.code).toBe("DNS.0305");
        expect(r.body.message).toContain("PENDING_CREATE");
    });

    test("a disabled zone takes updates, its proxy pattern, tags, record sets and deletion", async () => {
        const id = await zone();
        await zoneStatus(id, "DISABLE");
        expect((await emu().hw(DEMO, "PATCH", `${ZN}/${id}`, { body: { ttl: 900 } })).body).toMatchObject({ ttl: 900, status: "DISABLE" });
        expect((await emu().hw(DEMO, "POST", `${ZN}/${id}/actions/set-proxy-pattern`, { body: { proxy_pattern: "RECURSIVE" } })).status).toBe(202);
        const tags = `/v2/${DEMO.projectId}/DNS-private_zone/${id}/tags`;
        expect((await emu().hw(DEMO, "POST", `${tags}/action`, { body: { action: "create", tags: [{ key: "k", value: "v" }] } })).status).toBe(204);
        const rs = await createSet(id);
        expect(rs.status).toBe(202);
        expect((await shownSet(id, rs.body.id)).status).toBe("ACTIVE");
        expect(await shownZone(id)).toMatchObject({ status: "DISABLE", ttl: 900, proxy_pattern: "RECURSIVE" });
        expect((await emu().hw(DEMO, "DELETE", `${ZN}/${id}`)).body.status).toBe("PENDING_DELETE");
    });

    test("a disabled zone refuses VPC associations both ways (DNS.0305); enabled again, it takes them", async () => {
        const id = await zone();
        const router = (op: string) => emu().hw(DEMO, "POST", `${ZN}/${id}/${op}`, { body: { router: { router_id: V2 } } });
        expect((await router("associaterouter")).status).toBe(202);
        await zoneStatus(id, "DISABLE");
        const refused = await router("disassociaterouter");
        expect(refused.body.code).toBe("DNS.0305");
        expect(refused.body.message).toContain("DISABLE");
        expect((await shownZone(id)).routers.map((r: { router_id: string }) => r.router_id).sort()).toEqual([V1, V2].sort());
        await zoneStatus(id, "ENABLE");
        expect((await router("disassociaterouter")).status).toBe(202);
        await zoneStatus(id, "DISABLE");
        expect((await router("associaterouter")).body.code).toBe("DNS.0305");
    });
});

describe("SetRecordSetsStatus", () => {
    test("DISABLE pauses the set (202, its v2.1 form), ENABLE resumes it, both at once; repeating a status is no error", async () => {
        const id = await zone();
        const rs = (await createSet(id)).body.id;
        const off = await setStatus(rs, { status: "DISABLE" });
        expect(off.status).toBe(202);
        expect(off.body).toMatchObject({ id: rs, zone_id: id, status: "DISABLE", created_at: expect.any(String), updated_at: expect.any(String) });
        expect(off.body.create_at).toBeUndefined();
        expect(await shownSet(id, rs)).toMatchObject({ status: "DISABLE", create_at: expect.any(String) });
        expect((await setStatus(rs, { status: "DISABLE" })).body.status).toBe("DISABLE");
        // A paused set takes updates and stays paused.
        expect((await emu().hw(DEMO, "PUT", `${ZN}/${id}/recordsets/${rs}`, { body: { records: ["10.0.0.2"] } })).body).toMatchObject({
            status: "DISABLE",
            records: ["10.0.0.2"],
        });
        expect((await setStatus(rs, { status: "ENABLE" })).body.status).toBe("ACTIVE");
        expect((await shownSet(id, rs)).status).toBe("ACTIVE");
    });

    test("a set created with status DISABLE is paused; the zone's own status leaves its sets' alone", async () => {
        const id = await zone();
        const rs = (await createSet(id, { status: "DISABLE" })).body.id;
        expect((await shownSet(id, rs)).status).toBe("DISABLE");
        await zoneStatus(id, "DISABLE");
        expect((await setStatus(rs, { status: "ENABLE" })).body.status).toBe("ACTIVE");
        expect((await shownZone(id)).status).toBe("DISABLE");
    });

    test.each([
        ["no status", {}, 400, "DNS.0001"],
        ["another status", { status: "ACTIVE" }, 400, "DNS.0001"],
        ["another parameter", { status: "DISABLE", zone_id: "x" }, 400, "DNS.0001"],
    ])("refuses %s", async (_what, body, status, code) => {
        const id = await zone();
        const rs = (await createSet(id)).body.id;
        const r = await setStatus(rs, body);
        expect(r.status).toBe(status);
        expect(r.body).toEqual({ code, message: expect.any(String) });
        expect((await shownSet(id, rs)).status).toBe("ACTIVE");
    });

    test("refuses an unknown set (404 DNS.0401), the zone's SOA (DNS.0408), a set not settled (DNS.0406) and another project's set (404)", async () => {
        const id = await zone();
        expect((await setStatus("0123456789abcdef0123456789abcdef", { status: "DISABLE" })).body.code).toBe("DNS.0401");
        const soa = (await emu().hw(DEMO, "GET", `${ZN}/${id}/recordsets?type=SOA`)).body.recordsets[0].id;
        expect((await setStatus(soa, { status: "DISABLE" })).body.code).toBe("DNS.0408");
        const rs = (await createSet(id)).body.id;
        const foreign = await emu().hw(CONSUMER, "PUT", `/v2.1/recordsets/${rs}/statuses/set`, { body: { status: "DISABLE" } });
        expect(foreign.status).toBe(404);
        await emu().control("PUT", "timings", { "dns:recordset": { create: { afterReads: 3 } } });
        const pending = (await createSet(id, { name: "api.corp.example.com." })).body.id;
        expect((await setStatus(pending, { status: "DISABLE" })).body.code).toBe("DNS.0406");
    });
});
