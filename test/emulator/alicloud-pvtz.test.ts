/**
 * The PrivateZone emulator on the wire, signed by the official `@alicloud/openapi-util` signer:
 * zones per account with unique names, VPC binding from the seeded network, record validation per
 * type, ClientToken, paging, the error envelope, and actions answered 501.
 */
import { startEmulator } from "../../emulator";
import { type AlicloudCreds, rpc } from "../helpers/alicloud-request";

type Identity = { accountId: string; accessKeyId: string; accessKeySecret: string; network: { vpcId: string } };

describe("Alibaba PrivateZone emulator", () => {
    let url: string;
    let close: () => Promise<void>;
    let demo: Identity;
    let consumer: Identity;
    const control = async (method: string, route: string) => (await fetch(`${url}/_emulator/${route}`, { method })).json() as Promise<any>;
    const call = (action: string, params: Record<string, unknown>, c: AlicloudCreds = demo) => rpc(url, c, action, params, { version: "2018-01-01" });
    const zone = async (name = "example.internal", extra: Record<string, unknown> = {}) => {
        const r = await call("AddZone", { ZoneName: name, ...extra });
        expect(r.status).toBe(200);
        return r.body.ZoneId as string;
    };
    const record = (zoneId: string, params: Record<string, unknown>) => call("AddZoneRecord", { ZoneId: zoneId, ...params });

    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast" });
        url = emu.url;
        close = emu.close;
        const accounts = (await control("GET", "info")).accounts;
        demo = accounts[0].alicloud;
        consumer = accounts[1].alicloud;
    });
    afterAll(() => close());
    beforeEach(() => control("POST", "reset"));

    it("adds a zone, describes it, changes its remark and proxy pattern, and deletes it", async () => {
        const id = await zone("svc.example.internal", { ProxyPattern: "RECORD" });
        expect(id).toMatch(/^[0-9a-f]{32}$/);
        let info = await call("DescribeZoneInfo", { ZoneId: id });
        expect(info.body).toMatchObject({ ZoneId: id, ZoneName: "svc.example.internal", ProxyPattern: "RECORD", RecordCount: 0, BindVpcs: { Vpc: [] } });
        expect((await call("UpdateZoneRemark", { ZoneId: id, Remark: "first" })).status).toBe(200);
        expect((await call("SetProxyPattern", { ZoneId: id, ProxyPattern: "ZONE" })).status).toBe(200);
        info = await call("DescribeZoneInfo", { ZoneId: id });
        expect(info.body).toMatchObject({ Remark: "first", ProxyPattern: "ZONE" });
        expect((await call("DeleteZone", { ZoneId: id })).status).toBe(200);
        const gone = await call("DescribeZoneInfo", { ZoneId: id });
        expect(gone.status).toBe(400);
        expect(gone.body).toMatchObject({ Code: "Zone.Invalid.Id", HostId: "pvtz.aliyuncs.com" });
        expect(gone.body.RequestId).toBeTruthy();
    });

    it("refuses a second zone of the same name in one account, and allows it in another", async () => {
        await zone("dup.internal");
        const again = await call("AddZone", { ZoneName: "DUP.internal." });
        expect(again.body.Code).toBe("Zone.AlreadyExists");
        expect((await call("AddZone", { ZoneName: "dup.internal" }, consumer)).status).toBe(200);
        // Another account's zone is not the caller's.
        const theirs = (await call("DescribeZones", {}, consumer)).body.Zones.Zone[0].ZoneId;
        expect((await call("DescribeZoneInfo", { ZoneId: theirs })).body.Code).toBe("Zone.Invalid.Id");
    });

    it("answers a repeated ClientToken with the first zone", async () => {
        const a = await call("AddZone", { ZoneName: "token.internal", ClientToken: "t-1" });
        const b = await call("AddZone", { ZoneName: "token.internal", ClientToken: "t-1" });
        expect(b.body.ZoneId).toBe(a.body.ZoneId);
        expect((await call("DescribeZones", {})).body.TotalItems).toBe(1);
    });

    it("binds the seeded VPC, replaces the whole list, and refuses deleting a bound zone", async () => {
        const id = await zone();
        const vpc = { RegionId: "cn-hangzhou", VpcId: demo.network.vpcId };
        expect((await call("BindZoneVpc", { ZoneId: id, Vpcs: [vpc] })).status).toBe(200);
        const info = await call("DescribeZoneInfo", { ZoneId: id });
        expect(info.body.BindVpcs.Vpc).toEqual([expect.objectContaining({ VpcId: demo.network.vpcId, RegionId: "cn-hangzhou" })]);
        expect((await call("DescribeZones", { QueryVpcId: demo.network.vpcId })).body.Zones.Zone.map((z: any) => z.ZoneId)).toEqual([id]);
        expect((await call("DeleteZone", { ZoneId: id })).body.Code).toBe("Zone.VpcExists");
        // Another account's VPC, an unknown one, and a repeated one are refused.
        expect((await call("BindZoneVpc", { ZoneId: id, Vpcs: [{ RegionId: "cn-hangzhou", VpcId: consumer.network.vpcId }] })).body.Code).toBe(
            "ZoneVpc.NotExists.VpcId",
        );
        expect((await call("BindZoneVpc", { ZoneId: id, Vpcs: [vpc, vpc] })).body.Code).toBe("InvalidParameter");
        // No VPCs: every one is unbound, and the zone can go.
        expect((await call("BindZoneVpc", { ZoneId: id })).status).toBe(200);
        expect((await call("DescribeZoneInfo", { ZoneId: id })).body.BindVpcs.Vpc).toEqual([]);
        expect((await call("DeleteZone", { ZoneId: id })).status).toBe(200);
    });

    it("adds, reads, updates, disables and deletes records", async () => {
        const id = await zone();
        const r = await record(id, { Rr: "www", Type: "A", Value: "172.16.1.10", Ttl: 300 });
        expect(r.body.Code).toBe("InvalidParameter");
        const ok = await record(id, { Rr: "www", Type: "A", Value: "172.16.1.10", Remark: "web" });
        expect(ok.status).toBe(200);
        const rid = ok.body.RecordId;
        expect(typeof rid).toBe("number");
        expect((await call("DescribeZoneRecord", { RecordId: rid })).body).toMatchObject({
            Rr: "www",
            Type: "A",
            Value: "172.16.1.10",
            Ttl: 60,
            Status: "ENABLE",
            Remark: "web",
        });
        expect((await call("UpdateZoneRecord", { RecordId: rid, Rr: "api", Type: "CNAME", Value: "www.example.internal", Ttl: 3600 })).status).toBe(200);
        expect((await call("SetZoneRecordStatus", { RecordId: rid, Status: "DISABLE" })).body).toMatchObject({ Status: "DISABLE", ZoneId: id });
        expect((await call("UpdateRecordRemark", { RecordId: rid, Remark: "" })).status).toBe(200);
        const listed = await call("DescribeZoneRecords", { ZoneId: id, Keyword: "api" });
        expect(listed.body.Records.Record).toEqual([
            expect.objectContaining({ RecordId: rid, Rr: "api", Type: "CNAME", Ttl: 3600, Status: "DISABLE", Remark: "" }),
        ]);
        expect((await call("DescribeZoneInfo", { ZoneId: id })).body.RecordCount).toBe(1);
        expect((await call("DeleteZoneRecord", { RecordId: rid })).status).toBe(200);
        expect((await call("DescribeZoneRecord", { RecordId: rid })).body.Code).toBe("Record.Invalid.Id");
    });

    it("refuses a second record of a host record, type and value (names without case), also by UpdateZoneRecord, but not a repeated ClientToken", async () => {
        const id = await zone();
        const first = await record(id, { Rr: "www", Type: "CNAME", Value: "web.example.internal", ClientToken: "r-1" });
        expect(first.status).toBe(200);
        expect((await record(id, { Rr: "www", Type: "CNAME", Value: "web.example.internal", ClientToken: "r-1" })).body.RecordId).toBe(first.body.RecordId);
        const twin = await record(id, { Rr: "WWW", Type: "CNAME", Value: "Web.Example.Internal", Remark: "other" });
        expect(twin.status).toBe(400);
        expect(twin.body.Code).toBe("Record.Invalid.Conflict");
        // Another value, type or host record is another record; TXT text keeps its case.
        const other = await record(id, { Rr: "www", Type: "CNAME", Value: "api.example.internal" });
        expect(other.status).toBe(200);
        expect((await record(id, { Rr: "www", Type: "TXT", Value: "Hello" })).status).toBe(200);
        expect((await record(id, { Rr: "www", Type: "TXT", Value: "hello" })).status).toBe(200);
        const moved = await call("UpdateZoneRecord", { RecordId: other.body.RecordId, Rr: "www", Type: "CNAME", Value: "web.example.internal" });
        expect(moved.body.Code).toBe("Record.Invalid.Conflict");
        // A record updated to its own values is no conflict.
        expect(
            (await call("UpdateZoneRecord", { RecordId: first.body.RecordId, Rr: "www", Type: "CNAME", Value: "web.example.internal", Ttl: 3600 })).status,
        ).toBe(200);
        expect((await call("DescribeZoneRecords", { ZoneId: id })).body.Records.Record).toHaveLength(4);
    });

    it.each([
        ["A", { Value: "300.1.1.1" }, "InvalidParameter"],
        ["AAAA", { Value: "172.16.1.1" }, "InvalidParameter"],
        ["CNAME", { Value: "not a name" }, "InvalidParameter"],
        ["TXT", { Value: "x".repeat(256) }, "InvalidParameter"],
        ["MX", { Value: "mail.example.internal" }, "MissingParameter"],
        ["MX", { Value: "mail.example.internal", Priority: 100 }, "InvalidParameter"],
        ["SRV", { Value: "1 5 www.example.internal" }, "InvalidParameter"],
        ["PTR", { Value: "host.example.internal" }, "InvalidParameter"],
        ["NS", { Value: "ns.example.internal" }, "InvalidParameter"],
    ])("refuses a %s record with %j (%s)", async (type, extra, code) => {
        const id = await zone();
        const r = await record(id, { Rr: "x", Type: type, ...extra });
        expect(r.status).toBe(400);
        expect(r.body.Code).toBe(code);
    });

    it("accepts each record type in its own form, PTR in a reverse zone", async () => {
        const id = await zone();
        for (const [Type, Value, extra] of [
            ["A", "172.16.1.10", {}],
            ["AAAA", "2001:db8::1", {}],
            ["CNAME", "www.example.internal", {}],
            ["TXT", "v=spf1 -all", {}],
            ["MX", "mail.example.internal", { Priority: 10 }],
            ["SRV", "1 5 8080 www.example.internal", {}],
        ] as const)
            expect((await record(id, { Rr: "@", Type, Value, ...extra })).status).toBe(200);
        const rev = await zone("1.16.172.in-addr.arpa");
        expect((await record(rev, { Rr: "10", Type: "PTR", Value: "www.example.internal" })).status).toBe(200);
        expect((await call("DescribeZoneInfo", { ZoneId: rev })).body.IsPtr).toBe(true);
    });

    it("pages zones by PageNumber and PageSize", async () => {
        for (let i = 0; i < 5; i++) await zone(`z${i}.internal`);
        const p2 = await call("DescribeZones", { PageNumber: 2, PageSize: 2 });
        expect(p2.body).toMatchObject({ PageNumber: 2, PageSize: 2, TotalItems: 5, TotalPages: 3 });
        expect(p2.body.Zones.Zone.map((z: any) => z.ZoneName)).toEqual(["z2.internal", "z3.internal"]);
        expect((await call("DescribeZones", { Keyword: "z4.internal", SearchMode: "EXACT" })).body.TotalItems).toBe(1);
        expect((await call("DescribeZones", { PageSize: 101 })).body.Code).toBe("InvalidParameter");
    });

    it("tags zones with TagResources, shows the tags in DescribeZones, and refuses what TagResourcesRequest does not take", async () => {
        const id = await zone("tagged.internal");
        const tag = (params: Record<string, unknown>) => call("TagResources", { ResourceType: "ZONE", "ResourceId.1": id, ...params });
        expect((await tag({ "Tag.1.Key": "team", "Tag.1.Value": "a", "Tag.2.Key": "env", "Tag.2.Value": "dev" })).status).toBe(200);
        // A key already there takes the new value; repeating a call changes nothing.
        expect((await tag({ "Tag.1.Key": "team", "Tag.1.Value": "b" })).status).toBe(200);
        expect((await tag({ "Tag.1.Key": "team", "Tag.1.Value": "b" })).status).toBe(200);
        const listed = (await call("DescribeZones", { Keyword: "tagged.internal", SearchMode: "EXACT" })).body.Zones.Zone[0];
        expect(listed.ResourceTags.ResourceTag).toEqual([
            { Key: "env", Value: "dev" },
            { Key: "team", Value: "b" },
        ]);
        expect((await tag({ OverWrite: true, "Tag.1.Key": "only", "Tag.1.Value": "1" })).status).toBe(200);
        expect((await call("DescribeZones", {})).body.Zones.Zone[0].ResourceTags.ResourceTag).toEqual([{ Key: "only", Value: "1" }]);
        expect((await tag({ ResourceType: "RECORD", "Tag.1.Key": "k" })).body.Code).toBe("InvalidParameter");
        expect((await tag({})).body.Code).toBe("MissingParameter");
        expect((await call("TagResources", { ResourceType: "ZONE", "ResourceId.1": "0".repeat(32), "Tag.1.Key": "k" })).body.Code).toBe("Zone.Invalid.Id");
        const many = Object.fromEntries(
            Array.from({ length: 21 }, (_, i) => [
                [`Tag.${i + 1}.Key`, `k${i}`],
                [`Tag.${i + 1}.Value`, "v"],
            ]).flat(),
        );
        expect((await tag({ OverWrite: true, ...many })).body.Code).toBe("InvalidParameter");
    });

    it("refuses tag keys and values Alibaba's tag rules refuse, and counts every tag of a zone against its 20", async () => {
        const id = await zone("rules.internal");
        const tag = (params: Record<string, unknown>) => call("TagResources", { ResourceType: "ZONE", "ResourceId.1": id, ...params });
        for (const [key, value] of [
            ["aliyun-env", "x"],
            ["acs:team", "x"],
            ["see-https://example.com", "x"],
            ["k".repeat(129), "x"],
            ["", "x"],
            ["env", "acs:prod"],
            ["env", "http://example.com"],
            ["env", "v".repeat(129)],
        ])
            expect({ key, value, code: (await tag({ "Tag.1.Key": key, "Tag.1.Value": value })).body.Code }).toEqual({ key, value, code: "InvalidParameter" });
        expect((await tag({ "Tag.1.Key": "k".repeat(128), "Tag.1.Value": "v".repeat(128) })).status).toBe(200);
        // Two tags the zone has (as a package's creation tags would be) and 18 more fill it; one more is refused, and nothing changes.
        const tags = (n: number, from: number) =>
            Object.fromEntries(
                Array.from({ length: n }, (_, i) => [
                    [`Tag.${i + 1}.Key`, `k${from + i}`],
                    [`Tag.${i + 1}.Value`, "v"],
                ]).flat(),
            );
        expect((await tag({ OverWrite: true, ...tags(2, 0) })).status).toBe(200);
        expect((await tag(tags(18, 2))).status).toBe(200);
        const full = await tag({ "Tag.1.Key": "one-more", "Tag.1.Value": "v" });
        expect(full.body).toMatchObject({ Code: "InvalidParameter", Message: expect.stringContaining("at most 20") });
        // A key the zone has takes its new value without counting twice.
        expect((await tag({ "Tag.1.Key": "k0", "Tag.1.Value": "w" })).status).toBe(200);
        const rows = (await call("ListTagResources", { ResourceType: "ZONE", "ResourceId.1": id, Size: 200 })).body.TagResources;
        expect(rows).toHaveLength(20);
        expect(rows.filter((r: any) => r.TagKey === "k0")).toEqual([{ ResourceId: id, ResourceType: "ZONE", TagKey: "k0", TagValue: "w" }]);
    });

    it("removes tags with UntagResources (some keys, or All) and lists them with ListTagResources, paged by Size and NextToken", async () => {
        const a = await zone("a.internal");
        const b = await zone("b.internal");
        const tag = (id: string, tags: Record<string, string>) =>
            call("TagResources", {
                ResourceType: "ZONE",
                "ResourceId.1": id,
                ...Object.fromEntries(
                    Object.entries(tags).flatMap(([k, v], i) => [
                        [`Tag.${i + 1}.Key`, k],
                        [`Tag.${i + 1}.Value`, v],
                    ]),
                ),
            });
        const list = async (params: Record<string, unknown>) => (await call("ListTagResources", { ResourceType: "ZONE", ...params })).body;
        const keysOf = async (id: string) => (await list({ "ResourceId.1": id })).TagResources.map((r: any) => `${r.TagKey}=${r.TagValue}`);
        await tag(a, { team: "dns", env: "dev", owner: "ops" });
        await tag(b, { team: "net" });
        expect(await keysOf(a)).toEqual(["team=dns", "env=dev", "owner=ops"]);
        // Every zone of the account, oldest first; Tag.N keeps the zones carrying it (any value when none is given).
        expect((await list({})).TagResources.map((r: any) => r.ResourceId)).toEqual([a, a, a, b]);
        expect(new Set((await list({ "Tag.1.Key": "team", "Tag.1.Value": "net" })).TagResources.map((r: any) => r.ResourceId))).toEqual(new Set([b]));
        expect(new Set((await list({ "Tag.1.Key": "team" })).TagResources.map((r: any) => r.ResourceId))).toEqual(new Set([a, b]));
        // Pages of Size rows; the last page's NextToken is empty.
        const first = await list({ Size: 3 });
        expect(first.TagResources).toHaveLength(3);
        const second = await list({ Size: 3, NextToken: first.NextToken });
        expect({ rows: second.TagResources.length, next: second.NextToken }).toEqual({ rows: 1, next: "" });
        expect((await list({ Size: 201 })).Code).toBe("InvalidParameter");
        expect((await list({ NextToken: "not-ours" })).Code).toBe("InvalidParameter");
        expect((await list({ ResourceType: "RECORD" })).Code).toBe("InvalidParameter");
        // An id the account has no zone of lists nothing.
        expect((await list({ "ResourceId.1": "0".repeat(32) })).TagResources).toEqual([]);

        const untag = (params: Record<string, unknown>) => call("UntagResources", { ResourceType: "ZONE", ...params });
        expect((await untag({ "ResourceId.1": a, "TagKey.1": "env", "TagKey.2": "absent" })).status).toBe(200);
        expect(await keysOf(a)).toEqual(["team=dns", "owner=ops"]);
        expect((await untag({ "ResourceId.1": a, "ResourceId.2": b, All: true })).status).toBe(200);
        expect([...(await keysOf(a)), ...(await keysOf(b))]).toEqual([]);
        expect((await untag({ "TagKey.1": "team" })).body.Code).toBe("MissingParameter");
        expect((await untag({ "ResourceId.1": "0".repeat(32), "TagKey.1": "team" })).body.Code).toBe("Zone.Invalid.Id");
        const keys = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`TagKey.${i + 1}`, `k${i}`]));
        expect((await untag({ "ResourceId.1": a, ...keys })).body.Code).toBe("InvalidParameter");
        expect((await untag({ "ResourceId.1": a, ResourceType: "RECORD", "TagKey.1": "k" })).body.Code).toBe("InvalidParameter");
    });

    it("answers 501 for an action it does not emulate and InvalidAction.NotFound for one the version lacks", async () => {
        const r = await call("AddResolverRule", { Name: "x" });
        expect(r.status).toBe(501);
        expect(r.body.Message).toContain("AddResolverRule");
        expect((await call("CreateVpcEndpoint", {})).body.Code).toBe("InvalidAction.NotFound");
    });

    it("lists zones and records in the resources view", async () => {
        const id = await zone();
        await record(id, { Rr: "www", Type: "A", Value: "172.16.1.10" });
        const rows = (await control("GET", "resources")).resources.filter((r: any) => r.api === "pvtz");
        expect(rows.map((r: any) => r.kind).sort()).toEqual(["record", "zone"]);
    });
});
