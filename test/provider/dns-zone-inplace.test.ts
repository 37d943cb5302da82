/**
 * The Huawei DNS private zone and record set inputs that change in place beyond the round trip:
 * the proxy pattern through its own action, the set's name and type through its update, and user
 * tags beside the package's own creation tags, which no change removes and no read shows.
 */
import { implOf } from "../../provider/runtime/kinds";
import { createResource } from "../helpers/create-resource";
import { cloudForThisProcess } from "../helpers/process-cloud";

const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

type Props = Record<string, any>;

const create = createResource;

/** Checks `change` against the recorded object, expects an in-place diff, applies it and returns the outputs. */
async function changeInPlace(kind: string, made: { id: string; outs: Props; inputs: Props }, change: Props): Promise<{ inputs: Props; outs: Props }> {
    const impl = (await implOf(kind))!;
    const news = await impl.check(made.inputs, { ...made.inputs, ...change });
    expect(news.failures).toEqual([]);
    const d = await impl.diff(made.id, made.outs, news.inputs);
    expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: true, replaces: [] });
    const updated = await impl.update(made.id, made.outs, news.inputs);
    return { inputs: news.inputs, outs: updated.outs ?? {} };
}

const cloudZone = async (id: string) => (await cloudOf().resources("dns:private_zone")).find((r) => r.id === id) as any;

describe("huaweicloud:dns:PrivateZone in place", () => {
    it("sets the proxy pattern and the tags in place; the creation tags stay on the zone and out of the outputs", async () => {
        const PZ = "huaweicloud:dns:PrivateZone";
        const zone = await create(PZ, { name: "inplace.example.com", vpcId: cloudOf().account().network.clientVpcId, tags: { team: "dns" } });
        const creationKeys = (await cloudZone(zone.id)).body.tags.map((t: { key: string }) => t.key).filter((k: string) => k.startsWith("pulumi-privatelink-"));
        expect(creationKeys).toContain("pulumi-privatelink-token");
        expect(zone.outs.tags).toEqual({ team: "dns" });

        const { inputs, outs } = await changeInPlace(PZ, zone, { proxyPattern: "RECURSIVE", tags: { env: "test" } });
        expect(outs).toMatchObject({ proxyPattern: "RECURSIVE", tags: { env: "test" } });
        const after = (await cloudZone(zone.id)).body;
        expect(after.id).toBe(zone.id);
        expect(after.proxy_pattern).toBe("RECURSIVE");
        // The user's removed key is gone; the creation tags are not.
        expect(after.tags.map((t: { key: string }) => t.key).sort()).toEqual(["env", ...creationKeys].sort());

        // A refresh sees no drift: the creation tags are not the user's.
        const impl = (await implOf(PZ))!;
        const read = await impl.read!(zone.id, { ...inputs, ...outs });
        expect(read.props?.tags).toEqual({ env: "test" });
        const d = await impl.diff(zone.id, read.props!, inputs);
        expect(d.changes).toBe(false);

        // Removing the inputs sends the default mode and drops the user's tags only.
        const cleared = await changeInPlace(PZ, { id: zone.id, outs: read.props!, inputs }, { proxyPattern: undefined, tags: undefined });
        expect(cleared.outs.tags).toBeUndefined();
        const last = (await cloudZone(zone.id)).body;
        expect(last.proxy_pattern).toBe("AUTHORITY");
        expect(last.tags.map((t: { key: string }) => t.key).sort()).toEqual([...creationKeys].sort());
        await impl.delete(zone.id, { ...cleared.inputs, ...cleared.outs });
    });
});

describe("huaweicloud:dns:RecordSet in place", () => {
    it("renames a set and changes its type and tags in place, keeping its id", async () => {
        const RS = "huaweicloud:dns:RecordSet";
        const zone = await create("huaweicloud:dns:PrivateZone", { name: "rename.example.com", vpcId: cloudOf().account().network.clientVpcId });
        const set = await create(RS, { zoneId: zone.id, name: "www.rename.example.com", type: "A", records: ["10.0.0.1"], tags: { a: "1" } });
        expect(set.outs.tags).toEqual({ a: "1" });
        const { inputs, outs } = await changeInPlace(RS, set, { name: "web.rename.example.com", type: "TXT", records: ["hello"], tags: { b: "2" } });
        expect(outs).toMatchObject({ recordSetId: set.outs.recordSetId, name: "web.rename.example.com", type: "TXT", records: ["hello"], tags: { b: "2" } });
        const row = (await cloudOf().resources("dns:recordset")).find((r) => set.id.endsWith(`/${r.id}`)) as any;
        expect(row.body).toMatchObject({ name: "web.rename.example.com.", type: "TXT", records: ["hello"] });
        // A type whose form the records are not is refused at preview, before any call.
        const impl = (await implOf(RS))!;
        const bad = await impl.check(inputs, { ...inputs, type: "AAAA" });
        expect(bad.failures?.map((f) => f.reason).join("\n")).toContain("not an IPv6 address");
        await impl.delete(set.id, { ...inputs, ...outs });
        await (await implOf("huaweicloud:dns:PrivateZone"))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });
});
