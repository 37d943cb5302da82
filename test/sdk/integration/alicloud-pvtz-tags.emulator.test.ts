/**
 * PrivateZone's tag calls against the emulator: a zone's tags changed from one map to another
 * (new values first, only the old map's keys removed), read back through every page of
 * ListTagResources, and the request schemas refusing what the official SDK's models do not take.
 */
import { ControlClient, startEmulator } from "../../../emulator";
import { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pvtz from "../../../sdk/alicloud/pvtz";
import { ValidationError } from "../../../sdk/core/errors";
import { RetryBudget } from "../../../sdk/core/retry";

describe("Alibaba PrivateZone tag calls on the emulator", () => {
    let url: string;
    let close: () => Promise<void>;
    let client: AlibabaClient;
    const control = (method: string, route: string) => new ControlClient(url).call<any>(method, route);
    /** The tag actions called so far (the log is cleared with each test's reset). */
    const calls = async () => (await new ControlClient(url).requests()).map((r) => r.operation).filter((o) => /tag/i.test(o));

    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast" });
        url = emu.url;
        close = emu.close;
        const a = (await control("GET", "info")).accounts[0].alicloud;
        client = new AlibabaClient({
            region: "cn-hangzhou",
            accessKeyId: a.accessKeyId,
            accessKeySecret: a.accessKeySecret,
            endpoints: { pvtz: url },
            retryBudget: new RetryBudget(),
            retry: { baseDelayMs: 10 },
        });
    });
    afterAll(() => close());
    beforeEach(() => control("POST", "reset"));

    it("syncs a zone's tags: new values first, then removed keys, leaving keys the old map never held", async () => {
        const { ZoneId: id } = await pvtz.addZone(client, { ZoneName: "tags.internal" });
        await pvtz.tagZone(client, id, { "pulumi-privatelink-key": "k" });
        await pvtz.syncZoneTags(client, id, {}, { team: "dns", env: "dev" });
        await pvtz.syncZoneTags(client, id, { team: "dns", env: "dev" }, { team: "net" });
        expect((await calls()).slice(-2)).toEqual(["TagResources", "UntagResources"]);
        expect(await pvtz.listZoneTags(client, id)).toEqual({ "pulumi-privatelink-key": "k", team: "net" });
        // Nothing to change: no call.
        const before = (await calls()).length;
        await pvtz.syncZoneTags(client, id, { team: "net" }, { team: "net" });
        expect((await calls()).length).toBe(before);
    });

    it("reads every page of a zone's tags", async () => {
        const { ZoneId: id } = await pvtz.addZone(client, { ZoneName: "many.internal" });
        const tags = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, `v${i}`]));
        await pvtz.tagZone(client, id, tags);
        expect(await pvtz.listZoneTags(client, id, { pageSize: 3 })).toEqual(tags);
        // 20 rows in pages of 3: seven calls, the last one's NextToken empty.
        expect((await calls()).filter((o) => o === "ListTagResources")).toHaveLength(7);
    });

    it("removes more than 20 keys in calls of 20, as UntagResourcesRequest allows", async () => {
        const { ZoneId: id } = await pvtz.addZone(client, { ZoneName: "untag.internal" });
        await pvtz.tagZone(client, id, { a: "1" });
        await pvtz.untagZone(client, id, ["a", ...Array.from({ length: 24 }, (_, i) => `gone${i}`)]);
        expect(await pvtz.listZoneTags(client, id)).toEqual({});
        expect((await calls()).filter((o) => o === "UntagResources")).toHaveLength(2);
    });

    it("refuses before any call what the request models do not take", async () => {
        await expect(pvtz.tagZone(client, "z", {})).rejects.toBeInstanceOf(ValidationError);
        await expect(pvtz.tagZone(client, "z", { ["k".repeat(129)]: "v" })).rejects.toBeInstanceOf(ValidationError);
        expect(await calls()).toEqual([]);
    });
});
