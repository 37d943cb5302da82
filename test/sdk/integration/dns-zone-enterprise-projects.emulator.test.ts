/**
 * DNS private zones in an enterprise project, through the sdk against the emulator: created in it,
 * listed only when the list names it (ListPrivateZones shows the default project's otherwise), a
 * malformed id refused before any call, and the shared watcher, whose one list per tick shows the
 * default project only, still waiting out several zones of another project at once — until each
 * is ready, and until each is really gone.
 */
import { ValidationError } from "../../../sdk/core/errors";
import * as dns from "../../../sdk/huaweicloud/dns";
import { akskClient, emulatorForEachTest, NET } from "../helpers/emulator";

const emu = emulatorForEachTest();

const EPS = "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f";
const client = () => akskClient(emu().url, "demo", { endpoints: { dns: emu().url, iam: emu().url, vpcep: emu().url } });
const zoneIn = (name: string, enterprise_project_id?: string): dns.CreatePrivateZoneRequest => ({
    name,
    zone_type: "private",
    router: { router_id: NET.demo.clientVpcId },
    ...(enterprise_project_id === undefined ? {} : { enterprise_project_id }),
});

describe("DNS private zones in an enterprise project against the emulator", () => {
    it("creates a zone in the project, which only a list naming the project shows", async () => {
        await emu().timings({ "dns:private_zone": { create: "immediate" } });
        const c = client();
        const inProject = await dns.createPrivateZone(c, zoneIn("eps.example.com", EPS));
        const inDefault = await dns.createPrivateZone(c, zoneIn("default.example.com"));
        expect((await dns.showPrivateZone(c, inProject.id)).enterprise_project_id).toBe(EPS);
        expect((await dns.listPrivateZones(c)).map((z) => z.id)).toEqual([inDefault.id]);
        expect((await dns.listPrivateZones(c, { enterprise_project_id: "0" })).map((z) => z.id)).toEqual([inDefault.id]);
        const listed = await dns.listPrivateZones(c, { enterprise_project_id: EPS });
        expect(listed.map((z) => [z.id, z.enterprise_project_id])).toEqual([[inProject.id, EPS]]);
        // Refused before any call: "0" or a UUID with hyphens.
        await expect(dns.listPrivateZones(c, { enterprise_project_id: "all" })).rejects.toThrow(ValidationError);
        await expect(dns.createPrivateZone(c, zoneIn("bad.example.com", "default"))).rejects.toThrow(ValidationError);
    });

    it("waits out several zones of another project at once: until ready, then until gone", async () => {
        await emu().timings({ "dns:private_zone": { create: { afterReads: 3 }, delete: { afterReads: 3 } } });
        const c = client();
        const names = ["w1.example.com", "w2.example.com", "w3.example.com"];
        const zones = await Promise.all(names.map((n) => dns.createPrivateZone(c, zoneIn(n, EPS))));
        // Three waiters share the watcher: its list shows none of them (the default project's), so
        // each is read by itself rather than taken for gone.
        const ready = await Promise.all(zones.map((z) => dns.waitForPrivateZoneActive(c, z.id, { timeoutMs: 20_000 })));
        expect(ready.map((r) => (r.outcome === "target" ? r.status : r.outcome))).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);

        for (const z of zones) await dns.deletePrivateZone(c, z.id);
        const gone = await Promise.all(zones.map((z) => dns.waitForPrivateZoneDeleted(c, z.id, { timeoutMs: 20_000 })));
        expect(gone.map((r) => r.outcome)).toEqual(["gone", "gone", "gone"]);
        // Gone indeed, not merely left out of the default project's list.
        expect(await dns.listPrivateZones(c, { enterprise_project_id: EPS })).toEqual([]);
        expect(await emu().control.resources({ api: "dns", kind: "private_zone" })).toEqual([]);
    });
});
