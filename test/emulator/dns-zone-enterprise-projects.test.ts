/**
 * Enterprise projects of the emulator's DNS private zones, over HTTP with the tests' own signer: a
 * zone is created in the project its request names ("0", the default, when none), ShowPrivateZone
 * and the list report it (the create answer does not, as CreatePrivateZoneResponse), ListPrivateZones shows one project's zones (the default one's unless the query names
 * another, as ListPrivateZonesRequest's "默认取值：0" says), and an id that is neither "0" nor a UUID
 * is refused, on create and on the list.
 */
import { DEMO, emulatorResetForEachTest } from "./helpers";

const emu = emulatorResetForEachTest();

const ZN = "/v2/zones";
const EPS = "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f";
const OTHER_EPS = "7d3e9a10-2b4c-4d5e-8f60-718293a4b5c6";

const createZone = (name: string, extra: Record<string, unknown> = {}, vpc = DEMO.net.clientVpc) =>
    emu().hw(DEMO, "POST", ZN, { body: { name, zone_type: "private", router: { router_id: vpc }, ...extra } });
const listed = async (query: string) =>
    (await emu().hw(DEMO, "GET", `${ZN}?type=private${query}`)).body.zones.map((z: { name: string; enterprise_project_id: string }) => [
        z.name,
        z.enterprise_project_id,
    ]);

describe("private zones in enterprise projects", () => {
    test("a zone is made in the project named, or the default one, and every answer says which", async () => {
        const made = await createZone("eps.example.com", { enterprise_project_id: EPS });
        expect(made.status).toBe(202);
        // CreatePrivateZoneResponse has no enterprise_project_id; ShowPrivateZoneResponse has.
        expect(made.body).not.toHaveProperty("enterprise_project_id");
        expect((await emu().hw(DEMO, "GET", `${ZN}/${made.body.id}`)).body.enterprise_project_id).toBe(EPS);

        const plain = await createZone("default.example.com");
        expect((await emu().hw(DEMO, "GET", `${ZN}/${plain.body.id}`)).body.enterprise_project_id).toBe("0");
        const zero = await createZone("zero.example.com", { enterprise_project_id: "0" }, DEMO.net.backendVpc);
        expect((await emu().hw(DEMO, "GET", `${ZN}/${zero.body.id}`)).body.enterprise_project_id).toBe("0");

        // The resources view shows the zone as the list does.
        const view = (await emu().control("GET", "resources?api=dns&kind=private_zone")).body.resources;
        expect(view.find((r: { id: string }) => r.id === made.body.id).body.enterprise_project_id).toBe(EPS);
    });

    test("the list shows the default project's zones unless the query names another project", async () => {
        await createZone("a.example.com", { enterprise_project_id: EPS });
        await createZone("b.example.com");
        await createZone("c.example.com", { enterprise_project_id: OTHER_EPS });
        expect(await listed("")).toEqual([["b.example.com.", "0"]]);
        expect(await listed("&enterprise_project_id=0")).toEqual([["b.example.com.", "0"]]);
        expect(await listed(`&enterprise_project_id=${EPS}`)).toEqual([["a.example.com.", EPS]]);
        expect(await listed(`&enterprise_project_id=${OTHER_EPS}&name=c.example.com&search_mode=equal`)).toEqual([["c.example.com.", OTHER_EPS]]);
        expect(await listed(`&enterprise_project_id=${EPS}&name=c.example.com&search_mode=equal`)).toEqual([]);
        // A project no zone is in lists nothing (the emulator keeps no list of projects: any UUID is one).
        expect(await listed("&enterprise_project_id=11111111-2222-4333-8444-555555555555")).toEqual([]);
    });

    test.each([
        ["a name", "default"],
        ["a UUID without hyphens", "2f0c4b3e5d1a4c6e9b7f0a1b2c3d4e5f"],
        ["a UUID too long", `${EPS}0`],
        ["a number", 0],
    ])("refuses %s as the project, creating or listing", async (_what, bad) => {
        const r = await createZone("bad.example.com", { enterprise_project_id: bad });
        expect(r.status).toBe(400);
        expect(r.body).toEqual({ code: "DNS.0001", message: expect.stringContaining("enterprise_project_id") });
        expect((await emu().control("GET", "resources?api=dns&kind=private_zone")).body.resources).toEqual([]);
        if (typeof bad === "string") {
            const l = await emu().hw(DEMO, "GET", `${ZN}?type=private&enterprise_project_id=${bad}`);
            expect(l.status).toBe(400);
            expect(l.body.code).toBe("DNS.0001");
        }
    });
});
