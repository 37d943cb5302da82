/**
 * PrivateZone resources beyond the round trip: the per-zone serialisation of ZoneAttachment's
 * read-modify-write, an attachment leaving the zone's other VPCs alone, an MX record's priority
 * changed in place, and a zone whose inline VPCs are unbound on delete.
 */
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { serialisedPerZone } from "../../provider/alicloud/pvtz/zone-lock";
import { implOf } from "../../provider/runtime/kinds";
import { createResource } from "../helpers/create-resource";
import { cloudForThisProcess } from "../helpers/process-cloud";

const cloudOf = cloudForThisProcess((c) => alicloudEnv(c));

const create = createResource;

const zoneInfo = async (zoneId: string) => (await cloudOf().resources("pvtz:zone")).find((r) => r.id === zoneId) as any;

describe("serialisedPerZone", () => {
    it("runs one zone's tasks one at a time, in order, and other zones' alongside", async () => {
        const log: string[] = [];
        const task = (name: string, ms: number) => () =>
            new Promise<string>((resolve) => {
                log.push(`start ${name}`);
                setTimeout(() => {
                    log.push(`end ${name}`);
                    resolve(name);
                }, ms);
            });
        const results = await Promise.all([
            serialisedPerZone("z1", task("a", 30)),
            serialisedPerZone("z1", task("b", 5)),
            serialisedPerZone("z2", task("c", 5)),
        ]);
        expect(results).toEqual(["a", "b", "c"]);
        expect(log.indexOf("end a")).toBeLessThan(log.indexOf("start b"));
        expect(log.indexOf("start c")).toBeLessThan(log.indexOf("end a"));
    });

    it("goes on after a failed task", async () => {
        const failed = serialisedPerZone("z3", async () => {
            throw new Error("refused");
        });
        await expect(failed).rejects.toThrow("refused");
        await expect(serialisedPerZone("z3", async () => "next")).resolves.toBe("next");
    });
});

describe("PrivateZone resources on the emulator", () => {
    it("gives a new zone its remark (AddZone takes none)", async () => {
        const zone = await create("alicloud:pvtz:Zone", { zoneName: "remarked.internal", remark: "from the program" });
        expect((await zoneInfo(zone.id)).body.Remark).toBe("from the program");
        await (await implOf("alicloud:pvtz:Zone"))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });

    it("binds one VPC with a ZoneAttachment and unbinds only it", async () => {
        const vpcId = alicloudAccount(cloudOf()).network.vpcId;
        const zone = await create("alicloud:pvtz:Zone", { zoneName: "attach-test.internal" });
        const att = await create("alicloud:pvtz:ZoneAttachment", { zoneId: zone.id, vpcId });
        expect(att.id).toBe(`${zone.id}/${vpcId}`);
        expect((await zoneInfo(zone.id)).body.Vpcs).toEqual([{ VpcId: vpcId, RegionId: "cn-hangzhou" }]);
        // A second attachment of the same VPC changes nothing, and reads back the same binding.
        const again = await create("alicloud:pvtz:ZoneAttachment", { zoneId: zone.id, vpcId });
        expect(again.id).toBe(att.id);
        await (await implOf("alicloud:pvtz:ZoneAttachment"))!.delete(att.id, { ...att.inputs, ...att.outs });
        expect((await zoneInfo(zone.id)).body.Vpcs).toEqual([]);
        await (await implOf("alicloud:pvtz:Zone"))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
        expect(await zoneInfo(zone.id)).toBeUndefined();
    });

    it("unbinds a zone's inline VPCs before deleting it", async () => {
        const vpcId = alicloudAccount(cloudOf()).network.vpcId;
        const zone = await create("alicloud:pvtz:Zone", { zoneName: "inline.internal", vpcs: [{ vpcId, regionId: "cn-hangzhou" }] });
        expect(zone.outs.vpcs).toEqual([{ vpcId, regionId: "cn-hangzhou" }]);
        await (await implOf("alicloud:pvtz:Zone"))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
        expect(await zoneInfo(zone.id)).toBeUndefined();
    });

    it("changes an MX record's priority in place", async () => {
        const zone = await create("alicloud:pvtz:Zone", { zoneName: "mail.internal" });
        const impl = (await implOf("alicloud:pvtz:ZoneRecord"))!;
        const rec = await create("alicloud:pvtz:ZoneRecord", { zoneId: zone.id, rr: "@", type: "MX", value: "mx1.mail.internal", priority: 10 });
        expect(rec.outs.priority).toBe(10);
        const news = await impl.check(rec.inputs, { ...rec.inputs, priority: 20 });
        expect(news.failures).toEqual([]);
        const d = await impl.diff(rec.id, rec.outs, news.inputs);
        expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: true, replaces: [] });
        const updated = await impl.update(rec.id, rec.outs, news.inputs);
        expect(updated.outs.priority).toBe(20);
        const row = (await cloudOf().resources("pvtz:record")).find((r) => rec.id.endsWith(`/${r.id}`)) as any;
        expect(row.body).toMatchObject({ Type: "MX", Priority: 20, Value: "mx1.mail.internal" });
        await impl.delete(rec.id, { ...news.inputs, ...updated.outs });
        await (await implOf("alicloud:pvtz:Zone"))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });
});
