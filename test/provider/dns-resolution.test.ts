/**
 * `enabled` of Huawei DNS private zones and record sets against the emulator: a zone created
 * disabled, its VPCs changed while it stays disabled (enabled for the change, disabled again),
 * enabled together with a VPC change (enabled first) and disabled together with one (disabled
 * last); a set created paused through its create body; a zone or set paused out of band shows as
 * drift and the update enables it again; an association refused on a disabled zone, in its terms.
 */

import { model as zoneModel } from "../../provider/huaweicloud/dns/private-zone";
import { implOf } from "../../provider/runtime/kinds";
import type { HuaweiClient } from "../../sdk/huaweicloud/client";
import * as dns from "../../sdk/huaweicloud/dns";
import { createResource as create } from "../helpers/create-resource";
import { cloudForThisProcess } from "../helpers/process-cloud";

const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

type Props = Record<string, any>;
const PZ = "huaweicloud:dns:PrivateZone";
const RS = "huaweicloud:dns:RecordSet";

/** The DNS operations (and only those) this process sent since `since`, in order. */
async function operationsSince(since: number): Promise<string[]> {
    return (await cloudOf().requests(since)).filter((r) => r.api === "dns" && !r.operation.startsWith("Show")).map((r) => r.operation);
}

/** Checks `change`, expects an in-place diff, applies it; the new inputs and outputs and the calls it made. */
async function update(kind: string, made: { id: string; outs: Props; inputs: Props }, change: Props) {
    const impl = (await implOf(kind))!;
    const news = await impl.check(made.inputs, { ...made.inputs, ...change });
    expect(news.failures).toEqual([]);
    const d = await impl.diff(made.id, made.outs, news.inputs);
    expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: true, replaces: [] });
    const since = await cloudOf().mark();
    const updated = await impl.update(made.id, made.outs, news.inputs);
    return { id: made.id, inputs: news.inputs, outs: updated.outs ?? {}, calls: await operationsSince(since) };
}

/** Reads the object as a refresh does and diffs the program against it. */
async function refresh(kind: string, made: { id: string; outs: Props; inputs: Props }) {
    const impl = (await implOf(kind))!;
    const read = await impl.read!(made.id, { ...made.inputs, ...made.outs });
    const d = await impl.diff(made.id, read.props!, made.inputs);
    return { outs: read.props!, changes: d.changes };
}

const client = async () => (await zoneModel.cloud.connect({})) as HuaweiClient;
const zoneStatus = async (id: string) => (await dns.showPrivateZone(await client(), id)).status;
const routersOf = async (id: string) => (await dns.showPrivateZone(await client(), id)).routers.map((r) => r.router_id).sort();

describe("huaweicloud:dns:PrivateZone enabled", () => {
    it("is created disabled after its further VPCs; VPC changes of a disabled zone enable it around them, an enabling goes first and a disabling last", async () => {
        const net = cloudOf().account().network;
        const since = await cloudOf().mark();
        let zone = await create(PZ, { name: "paused.example.com", vpcId: net.clientVpcId, vpcIds: [net.backendVpcId], enabled: false });
        // CreatePrivateZoneReq has no status: the zone is made, its further VPC associated, then it is disabled.
        expect(await operationsSince(since)).toEqual(["CreatePrivateZone", "AssociateRouter", "UpdatePrivateZoneStatus"]);
        expect(zone.outs).toMatchObject({ enabled: false, status: "DISABLE" });
        expect(await zoneStatus(zone.id)).toBe("DISABLE");

        // Staying disabled: enabled for the disassociation, disabled again.
        let step = await update(PZ, zone, { vpcIds: [] });
        expect(step.calls).toEqual(["UpdatePrivateZoneStatus", "DisassociateRouter", "UpdatePrivateZoneStatus"]);
        expect(step.outs).toMatchObject({ enabled: false, status: "DISABLE", vpcIds: [] });
        expect(await routersOf(zone.id)).toEqual([net.clientVpcId]);
        zone = step;

        // Enabled with a VPC added: enabled first (a disabled zone refuses the association), once.
        step = await update(PZ, zone, { enabled: true, vpcIds: [net.backendVpcId] });
        expect(step.calls).toEqual(["UpdatePrivateZoneStatus", "AssociateRouter"]);
        expect(step.outs).toMatchObject({ enabled: true, status: "ACTIVE" });
        zone = step;

        // Disabled with the TTL and a VPC removed: the other changes first, the disabling last.
        step = await update(PZ, zone, { enabled: false, ttl: 900, vpcIds: [] });
        expect(step.calls).toEqual(["UpdatePrivateZone", "DisassociateRouter", "UpdatePrivateZoneStatus"]);
        expect(step.outs).toMatchObject({ enabled: false, status: "DISABLE", ttl: 900 });
        expect(await routersOf(zone.id)).toEqual([net.clientVpcId]);
        zone = step;

        // A refresh of the disabled zone sees no drift; deleting it needs no enabling.
        expect((await refresh(PZ, zone)).changes).toBe(false);
        const impl = (await implOf(PZ))!;
        await impl.delete(zone.id, { ...zone.inputs, ...zone.outs });
        expect((await cloudOf().resources("dns:private_zone")).find((r) => r.id === zone.id)).toBeUndefined();
    });

    it("a zone disabled out of band shows as a change of enabled, and the update enables it again", async () => {
        const zone = await create(PZ, { name: "drift.example.com", vpcId: cloudOf().account().network.clientVpcId });
        expect(zone.outs.status).toBe("ACTIVE");
        await dns.updatePrivateZoneStatus(await client(), zone.id, { status: "DISABLE" });
        const seen = await refresh(PZ, zone);
        expect(seen.outs).toMatchObject({ enabled: false, status: "DISABLE" });
        expect(seen.changes).toBe(true);
        // The program leaves `enabled` out: its default (true) is what the zone must be.
        const impl = (await implOf(PZ))!;
        const since = await cloudOf().mark();
        const updated = await impl.update(zone.id, seen.outs, zone.inputs);
        expect(await operationsSince(since)).toEqual(["UpdatePrivateZoneStatus"]);
        expect(updated.outs.status).toBe("ACTIVE");
        expect(await zoneStatus(zone.id)).toBe("ACTIVE");
        expect((await refresh(PZ, { ...zone, outs: updated.outs })).changes).toBe(false);
        await impl.delete(zone.id, { ...zone.inputs, ...updated.outs });
    });

    it("an association with a disabled zone is refused before any call, naming the zone's enabled input", async () => {
        const net = cloudOf().account().network;
        const zone = await create(PZ, { name: "closed.example.com", vpcId: net.clientVpcId, enabled: false });
        const impl = (await implOf("huaweicloud:dns:PrivateZoneAssociation"))!;
        const checked = await impl.check({}, { zoneId: zone.id, vpcId: net.backendVpcId });
        const since = await cloudOf().mark();
        await expect(impl.create(checked.inputs)).rejects.toThrow(/is disabled.*enable it \(its enabled input\) first/);
        expect(await operationsSince(since)).toEqual([]);
        await (await implOf(PZ))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });
});

describe("huaweicloud:dns:RecordSet enabled", () => {
    it("is created paused through its create body, takes record changes paused, resumes in place, and a pause out of band is drift", async () => {
        const zone = await create(PZ, { name: "sets.example.com", vpcId: cloudOf().account().network.clientVpcId });
        const since = await cloudOf().mark();
        let set = await create(RS, { zoneId: zone.id, name: "www.sets.example.com", type: "A", records: ["10.0.0.1"], enabled: false });
        // No status call: CreateRecordSetRequestBody.status carries it.
        expect(await operationsSince(since)).toEqual(["CreateRecordSet"]);
        expect(set.outs).toMatchObject({ enabled: false, status: "DISABLE" });

        let step = await update(RS, set, { records: ["10.0.0.2"] });
        expect(step.calls).toEqual(["UpdateRecordSet"]);
        expect(step.outs).toMatchObject({ enabled: false, status: "DISABLE", records: ["10.0.0.2"] });
        set = step;

        step = await update(RS, set, { enabled: true });
        expect(step.calls).toEqual(["SetRecordSetsStatus"]);
        expect(step.outs).toMatchObject({ enabled: true, status: "ACTIVE" });
        set = step;

        const recordsetId = set.outs.recordSetId as string;
        await dns.setRecordSetStatus(await client(), recordsetId, { status: "DISABLE" });
        const seen = await refresh(RS, set);
        expect(seen).toMatchObject({ changes: true, outs: { enabled: false, status: "DISABLE" } });
        const impl = (await implOf(RS))!;
        const updated = await impl.update(set.id, seen.outs, set.inputs);
        expect(updated.outs).toMatchObject({ enabled: true, status: "ACTIVE" });
        expect((await dns.showRecordSet(await client(), zone.id, recordsetId)).status).toBe("ACTIVE");

        await impl.delete(set.id, { ...set.inputs, ...updated.outs });
        await (await implOf(PZ))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });
});
