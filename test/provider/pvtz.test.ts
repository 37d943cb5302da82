/**
 * PrivateZone resources beyond the round trip: the per-zone serialisation of ZoneAttachment's
 * read-modify-write, an attachment leaving the zone's other VPCs alone, an MX record's priority
 * changed in place, a zone whose inline VPCs are unbound on delete, and a zone's tags beside the
 * package's creation tags (given with them, read back without them, put right after a change out
 * of band, shown by an import).
 */
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { nativeImpl } from "../../harness/native-impl";
import { NativePlugin } from "../../harness/native-plugin";
import { serialisedPerZone } from "../../provider/alicloud/pvtz/zone-lock";
import { KEY_TAG, TOKEN_TAG } from "../../provider/lifecycle/creation";
import { implOf } from "../../provider/runtime/kinds";
import { withRequest } from "../../provider/runtime/requests";
import { getAlibabaClient } from "../../sdk/alicloud/client";
import * as pvtz from "../../sdk/alicloud/pvtz";
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

    describe("a zone's tags", () => {
        const zones = async () => (await implOf("alicloud:pvtz:Zone"))!;
        /** The zone's tags as DescribeZones shows them (the package's own included). */
        const cloudTags = async (id: string) =>
            Object.fromEntries(((await zoneInfo(id)).body.ResourceTags.ResourceTag as Array<{ Key: string; Value: string }>).map((t) => [t.Key, t.Value]));
        /** A client of the same account, for changes out of band. */
        const client = () => {
            const a = alicloudAccount(cloudOf());
            return getAlibabaClient({ region: a.regionId, accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret, endpoints: { pvtz: cloudOf().url } });
        };
        /** Created as the engine creates it, with a URN: the zone gets the creation key and token as tags. */
        const createZone = (inputs: Record<string, unknown>) =>
            withRequest({ urn: `urn:pulumi:test::tags::alicloud:pvtz:Zone::${inputs.zoneName}` }, () => create("alicloud:pvtz:Zone", inputs));
        const tagCalls = async () => (await cloudOf().requests()).filter((r) => /tag/i.test(r.operation)).map((r) => r.operation);

        it("gives a new zone its tags in the call that gives it the creation tags, and shows only its own", async () => {
            const before = (await tagCalls()).length;
            const zone = await createZone({ zoneName: "tagged.internal", tags: { team: "dns", env: "dev" } });
            expect(zone.outs.tags).toEqual({ team: "dns", env: "dev" });
            expect(Object.keys(await cloudTags(zone.id)).sort()).toEqual([KEY_TAG, TOKEN_TAG, "env", "team"].sort());
            expect((await tagCalls()).slice(before).filter((o) => o === "TagResources")).toHaveLength(1);
            await (await zones()).delete(zone.id, { ...zone.inputs, ...zone.outs });
        });

        it("takes 18 tags, which the two creation tags bring to the zone's 20", async () => {
            const eighteen = Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`k${i}`, `v${i}`]));
            const zone = await createZone({ zoneName: "full.internal", tags: eighteen });
            expect(zone.outs.tags).toEqual(eighteen);
            expect(Object.keys(await cloudTags(zone.id))).toHaveLength(20);
            const impl = await zones();
            // One more is refused at preview, naming the field and the rule.
            const more = await impl.check(zone.inputs, { ...zone.inputs, tags: { ...eighteen, k18: "v" } });
            expect(more.failures?.map((f) => f.reason).join("\n")).toMatch(
                /tags: .*has more than 18 tags \(the cloud allows 20 per resource, 2 of which this package uses\)/,
            );
            await impl.delete(zone.id, { ...zone.inputs, ...zone.outs });
        });

        it("shows a tag changed out of band on refresh, and the next update puts it right without touching the creation tags", async () => {
            const impl = await zones();
            const zone = await createZone({ zoneName: "drift.internal", tags: { team: "dns", env: "dev" } });
            const own = Object.fromEntries(Object.entries(await cloudTags(zone.id)).filter(([k]) => k === KEY_TAG || k === TOKEN_TAG));
            expect(Object.keys(own)).toHaveLength(2);
            const c = client();
            await pvtz.tagZone(c, zone.id, { team: "someone-else", extra: "x" });
            await pvtz.untagZone(c, zone.id, ["env"]);
            const refreshed = await impl.read(zone.id, zone.outs);
            expect(refreshed.props.tags).toEqual({ team: "someone-else", extra: "x" });
            const d = await impl.diff(zone.id, refreshed.props, zone.inputs);
            expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: true, replaces: [] });
            const updated = await impl.update(zone.id, refreshed.props, zone.inputs);
            expect(updated.outs.tags).toEqual({ team: "dns", env: "dev" });
            expect(await cloudTags(zone.id)).toEqual({ ...own, team: "dns", env: "dev" });
            expect((await impl.diff(zone.id, (await impl.read(zone.id, updated.outs)).props, zone.inputs)).changes).toBe(false);
            await impl.delete(zone.id, { ...zone.inputs, ...updated.outs });
        });

        it("shows an imported zone's tags as its inputs, without the creation tags", async () => {
            const impl = await zones();
            const zone = await createZone({ zoneName: "imported.internal", tags: { team: "dns" } });
            expect(await cloudTags(zone.id)).toHaveProperty([KEY_TAG]);
            // `pulumi import`: nothing recorded, the id alone.
            const imported = await impl.read(zone.id, {});
            expect(imported.inputs).toMatchObject({ zoneName: "imported.internal", tags: { team: "dns" } });
            expect(imported.props.tags).toEqual({ team: "dns" });
            await impl.delete(zone.id, { ...zone.inputs, ...zone.outs });
        });

        it("is imported through the native provider plugin with its tags as inputs", async () => {
            const plugin = await NativePlugin.start({ env: alicloudEnv(cloudOf()) });
            try {
                const stack = nativeImpl(plugin, "alicloud:pvtz:Zone");
                const checked = await stack.check({}, { zoneName: "native-import.internal", tags: { team: "dns", env: "dev" } });
                const made = await stack.create(checked.inputs);
                expect(Object.keys(await cloudTags(made.id))).toEqual(expect.arrayContaining([KEY_TAG, TOKEN_TAG]));
                // Another stack's `pulumi import`: a Read by id alone, nothing recorded.
                const imported = await nativeImpl(plugin, "alicloud:pvtz:Zone").read(made.id);
                expect(imported.inputs).toMatchObject({ zoneName: "native-import.internal", tags: { team: "dns", env: "dev" } });
                expect(imported.props.tags).toEqual({ team: "dns", env: "dev" });
                await stack.delete(made.id, made.outs);
            } finally {
                await plugin.close();
            }
        });
    });
});
