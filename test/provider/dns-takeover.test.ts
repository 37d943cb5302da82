/**
 * A `pulumi up` killed while it created a PrivateZone zone or record (Alibaba Cloud) or a DNS
 * zone (in an enterprise project) or record set (Huawei Cloud) leaves an object the next run takes over — never a second one, and
 * never a name conflict. Each test plays the killed run the way the CLI leaves it: the checked
 * inputs' creation token in the checkpoint's pending creation, and the create call the cloud
 * performed, with nothing after it (no tags, no remark or description of the program's).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { adoptionAdvice } from "../../harness/pulumi-program";
import { zoneClientToken, model as zoneModel } from "../../provider/alicloud/pvtz/zone";
import { model as recordModel } from "../../provider/alicloud/pvtz/zone-record";
import { model as privateZoneModel } from "../../provider/huaweicloud/dns/private-zone";
import { model as recordSetModel } from "../../provider/huaweicloud/dns/record-set";
import { creationName } from "../../provider/huaweicloud/marker";
import { creationKey, KEY_TAG, newCreationToken, TOKEN_TAG } from "../../provider/lifecycle/creation";
import type { Field } from "../../provider/model/field";
import { implOf } from "../../provider/runtime/kinds";
import { withRequest } from "../../provider/runtime/requests";
import * as pvtz from "../../sdk/alicloud/pvtz";
import * as dns from "../../sdk/huaweicloud/dns";
import { cloudForThisProcess } from "../helpers/process-cloud";

const PROJECT = "privatelink-test";
const backend = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-dns-takeover-"));
const cloudOf = cloudForThisProcess((c) => ({ ...c.huaweiEnv(), ...alicloudEnv(c), PULUMI_BACKEND_URL: `file://${backend}` }));
afterAll(() => fs.rmSync(backend, { recursive: true, force: true }));

type Props = Record<string, any>;
type Kind = `${string}:${string}:${string}`;

const typeOf = (kind: Kind) => {
    const [cloud, api, name] = kind.split(":");
    return `${cloud}-${api}:${name}`;
};
const urnOf = (stack: string, kind: Kind, name: string) => `urn:pulumi:${stack}::${PROJECT}::pulumi-nodejs:dynamic/${typeOf(kind)}::${name}`;

/**
 * The killed run of `kind` named `name` in its own stack (the record of a stack is read once per
 * process): its checked inputs and creation key, with its pending creation in the checkpoint.
 */
async function killedRun(stack: string, kind: Kind, name: string, news: Props, fields: Record<string, Field>) {
    const urn = urnOf(stack, kind, name);
    const token = newCreationToken();
    const pending = [{ type: "creating", resource: { urn, inputs: { ...news, __creationToken: token } } }];
    fs.mkdirSync(path.join(backend, ".pulumi", "stacks", PROJECT), { recursive: true });
    fs.writeFileSync(
        path.join(backend, ".pulumi", "stacks", PROJECT, `${stack}.json`),
        JSON.stringify({ checkpoint: { latest: { resources: [], pending_operations: pending } } }),
    );
    const impl = (await implOf(kind))!;
    // Checked as the killed run checked it: with its token.
    const checked = await withRequest({ urn }, () => impl.check({ __creationToken: token }, { ...news, __provider: "stub" }));
    expect(checked.failures).toEqual([]);
    expect(checked.inputs.__creationToken).toBe(token);
    return { urn, creation: { key: creationKey(urn, fields, checked.inputs), token } };
}

/** The next `pulumi up`: check afresh (a new token), then create. */
async function rerun(kind: Kind, urn: string, news: Props): Promise<{ id: string; outs: Props }> {
    const impl = (await implOf(kind))!;
    const checked = await withRequest({ urn }, () => impl.check({}, { ...news, __provider: "stub" }));
    expect(checked.failures).toEqual([]);
    const made = await withRequest({ urn }, () => impl.create(checked.inputs));
    return { id: made.id, outs: made.outs ?? {} };
}

describe("Alibaba Cloud PrivateZone", () => {
    const ali = () => alicloudAccount(cloudOf());
    const zonesNamed = async (name: string) => (await cloudOf().resources("pvtz:zone")).filter((z) => z.body.ZoneName === name);

    test("a zone whose AddZone was performed but never tagged is proven by repeating AddZone with its ClientToken, and taken over", async () => {
        const news = { zoneName: "killed.internal", vpcs: [{ vpcId: ali().network.vpcId }], remark: "kept" };
        const { urn, creation } = await killedRun("killed-zone", "alicloud:pvtz:Zone", "zone", news, zoneModel.all as Record<string, Field>);
        const c = await zoneModel.cloud.connect({});
        const { ZoneId } = await pvtz.addZone(c, { ZoneName: news.zoneName, ClientToken: zoneClientToken(creation) });

        const made = await rerun("alicloud:pvtz:Zone", urn, news);
        expect(made.id).toBe(ZoneId);
        const zones = await zonesNamed(news.zoneName);
        expect(zones.map((z) => z.id)).toEqual([ZoneId]);
        // Completed to the program's inputs, and tagged as the killed run would have.
        expect(zones[0]!.body.Remark).toBe("kept");
        expect(zones[0]!.body.Vpcs.map((v: { VpcId: string }) => v.VpcId)).toEqual([ali().network.vpcId]);
        const tags = zones[0]!.body.ResourceTags.ResourceTag as Array<{ Key: string; Value: string }>;
        expect(tags).toEqual(
            expect.arrayContaining([
                { Key: "pulumi-privatelink-key", Value: creation.key },
                { Key: "pulumi-privatelink-token", Value: creation.token },
            ]),
        );
    });

    test("a zone of the name made by no creation of this stack stops the creation with the adopt input, and is left alone", async () => {
        const news = { zoneName: "someone-else.internal" };
        const c = await zoneModel.cloud.connect({});
        const { ZoneId } = await pvtz.addZone(c, { ZoneName: news.zoneName });
        const { urn } = await killedRun("foreign-zone", "alicloud:pvtz:Zone", "zone", news, zoneModel.all as Record<string, Field>);
        const err = (await rerun("alicloud:pvtz:Zone", urn, news).catch((e) => e)) as Error;
        expect(err).toBeInstanceOf(Error);
        expect(err.message).toContain(`a zone named someone-else.internal already exists (${ZoneId})`);
        expect(err.message).toContain(`the input adopt: "${ZoneId}"`);
        expect((await zonesNamed(news.zoneName)).map((z) => z.id)).toEqual([ZoneId]);
        expect((await zonesNamed(news.zoneName))[0]!.body.ResourceTags.ResourceTag).toEqual([]);
    });

    test("a record added under its creation remark is found by it and taken over: one record, with the program's remark", async () => {
        const c = await zoneModel.cloud.connect({});
        const { ZoneId: zoneId } = await pvtz.addZone(c, { ZoneName: "records.internal" });
        const news = { zoneId, rr: "api", type: "A", value: "10.0.0.7" };
        const { urn, creation } = await killedRun("killed-record", "alicloud:pvtz:ZoneRecord", "rec", news, recordModel.all as Record<string, Field>);
        const { RecordId } = await pvtz.addZoneRecord(c, { ZoneId: zoneId, Rr: "api", Type: "A", Value: "10.0.0.7", Remark: creationName(creation) });

        const made = await rerun("alicloud:pvtz:ZoneRecord", urn, news);
        expect(made.id).toBe(`${zoneId}/${RecordId}`);
        const records = await pvtz.describeZoneRecords(c, zoneId);
        expect(records.map((r) => r.RecordId)).toEqual([RecordId]);
        expect(records[0]!.Remark ?? "").toBe("");
    });

    test("a record given the program's remark just before the kill stops the next creation with the adopt input: never a second record", async () => {
        const c = await zoneModel.cloud.connect({});
        const { ZoneId: zoneId } = await pvtz.addZone(c, { ZoneName: "renamed.internal" });
        const news = { zoneId, rr: "www", type: "A", value: "10.0.0.160" };
        const { urn } = await killedRun("renamed-record", "alicloud:pvtz:ZoneRecord", "rec", news, recordModel.all as Record<string, Field>);
        // The killed run's create had finished in the cloud (its remark already the program's, none).
        const { RecordId } = await pvtz.addZoneRecord(c, { ZoneId: zoneId, Rr: "www", Type: "A", Value: "10.0.0.160" });

        const err = (await rerun("alicloud:pvtz:ZoneRecord", urn, news).catch((e) => e)) as Error;
        expect(err).toBeInstanceOf(Error);
        expect(err.message).toContain(`a A record www with the value 10.0.0.160 in zone ${zoneId} already exists (${zoneId}/${RecordId})`);
        expect(err.message).toContain(`the input adopt: "${zoneId}/${RecordId}"`);
        expect((await pvtz.describeZoneRecords(c, zoneId)).map((r) => r.RecordId)).toEqual([RecordId]);
        // What the chaos run and the kill test read back from a run's output, where each failed
        // resource's error is printed more than once and several resources may fail so.
        const other = err.message.replaceAll(urn, `${urn}-2`).replaceAll(`${zoneId}/${RecordId}`, `${zoneId}/7`);
        expect(adoptionAdvice(`${err.message}\n${other}\n${err.message}`)).toEqual([
            { urn, id: `${zoneId}/${RecordId}` },
            { urn: `${urn}-2`, id: `${zoneId}/7` },
        ]);

        // The way out the message gives: the adopt input takes it over, and no record is added.
        const adopted = await rerun("alicloud:pvtz:ZoneRecord", urn, { ...news, adopt: `${zoneId}/${RecordId}` });
        expect(adopted.id).toBe(`${zoneId}/${RecordId}`);
        expect((await pvtz.describeZoneRecords(c, zoneId)).map((r) => r.RecordId)).toEqual([RecordId]);
    });
});

describe("Huawei Cloud DNS", () => {
    test("a zone of an enterprise project, made by the killed run, is found by its creation key and taken over: one zone", async () => {
        const hw = cloudOf().account().network;
        const enterpriseProjectId = "2f0c4b3e-5d1a-4c6e-9b7f-0a1b2c3d4e5f";
        const news = { name: "eps-killed.example.com", vpcId: hw.clientVpcId, enterpriseProjectId };
        const { urn, creation } = await killedRun("killed-eps-zone", "huaweicloud:dns:PrivateZone", "z", news, privateZoneModel.all as Record<string, Field>);
        // What the killed run's create call made: the zone with its creation tags, in the project.
        const c = await privateZoneModel.cloud.connect({});
        const made = await dns.createPrivateZone(c, {
            name: "eps-killed.example.com",
            zone_type: "private",
            router: { router_id: hw.clientVpcId },
            enterprise_project_id: enterpriseProjectId,
            tags: [
                { key: TOKEN_TAG, value: creation.token },
                { key: KEY_TAG, value: creation.key },
            ],
        });
        // The list that names no project does not show it (the default project's only).
        expect((await dns.listPrivateZones(c, { name: "eps-killed.example.com", search_mode: "equal" })).map((z) => z.id)).toEqual([]);

        const again = await rerun("huaweicloud:dns:PrivateZone", urn, news);
        expect(again.id).toBe(made.id);
        expect(again.outs.enterpriseProjectId).toBe(enterpriseProjectId);
        const zones = (await cloudOf().resources("dns:private_zone")).filter((r) => r.body.name === "eps-killed.example.com." && r.status !== "PENDING_DELETE");
        expect(zones.map((r) => [r.id, r.body.enterprise_project_id])).toEqual([[made.id, enterpriseProjectId]]);
    });

    test("a record set created under its creation description is found by it and taken over: no name conflict, one set", async () => {
        const hw = cloudOf().account().network;
        const zone = await rerun("huaweicloud:dns:PrivateZone", urnOf("zone-for-sets", "huaweicloud:dns:PrivateZone", "z"), {
            name: "killed.example.com",
            vpcId: hw.clientVpcId,
        });
        const news = { zoneId: zone.id, name: "db.killed.example.com", type: "A", records: ["10.0.0.9"], description: "database" };
        const { urn, creation } = await killedRun("killed-set", "huaweicloud:dns:RecordSet", "rs", news, recordSetModel.all as Record<string, Field>);
        const c = await recordSetModel.cloud.connect({});
        const set = await dns.createRecordSet(c, zone.id, {
            name: "db.killed.example.com.",
            type: "A",
            records: ["10.0.0.9"],
            description: creationName(creation),
        });

        const made = await rerun("huaweicloud:dns:RecordSet", urn, news);
        expect(made.id).toBe(`${zone.id}/${set.id}`);
        const sets = (await cloudOf().resources("dns:recordset")).filter((r) => r.body.name === "db.killed.example.com." && r.status !== "PENDING_DELETE");
        expect(sets.map((r) => r.id)).toEqual([set.id]);
        expect(sets[0]!.body.description).toBe("database");
    });
});
