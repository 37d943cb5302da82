/**
 * `vpcRegion` of `huaweicloud.dns.PrivateZoneAssociation` against the emulator: a VPC only the
 * demo account's second region (cn-south-1) has is associated with a zone of the first by naming
 * its region, read back without drift, imported by its `<zoneId>/<vpcId>` id with its region, and
 * disassociated in its region (the emulator refuses a disassociation in another region with
 * `DNS.0707`); left out, the VPC is taken in the zone's region, where that VPC is not found.
 */

import { implOf } from "../../provider/runtime/kinds";
import { createResource as create } from "../helpers/create-resource";
import { cloudForThisProcess } from "../helpers/process-cloud";

const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

const PZ = "huaweicloud:dns:PrivateZone";
const PZA = "huaweicloud:dns:PrivateZoneAssociation";

/** A VPC that only the demo account's second region has (the seeded ones repeat in both). */
async function southVpc(): Promise<{ id: string; region: string }> {
    const south = cloudOf().account().projects[1]!;
    const made = await cloudOf().control("POST", "network/vpcs", { projectId: south.id, cidr: "172.20.0.0/16", name: "south" });
    return { id: made.vpc.id as string, region: south.region };
}

/** The zone's VPCs as the cloud lists them: id, region, status. */
async function routersOf(zoneId: string): Promise<string[][]> {
    const shown = await (await implOf(PZ))!.read(zoneId, {});
    return (shown.props.routers as Array<{ vpcId: string; region: string; status: string }>).map((r) => [r.vpcId, r.region, r.status]);
}

describe("huaweicloud:dns:PrivateZoneAssociation vpcRegion", () => {
    it("associates a VPC of the second region, reads it back, imports it by its id with its region, and disassociates it there", async () => {
        const net = cloudOf().account().network;
        const home = cloudOf().account().projects[0]!.region;
        const vpc = await southVpc();
        const zone = await create(PZ, { name: "regions.example.com", vpcId: net.clientVpcId });
        const impl = (await implOf(PZA))!;

        // Left out, the VPC is looked for in the zone's region, which does not have it.
        const here = await impl.check({}, { zoneId: zone.id, vpcId: vpc.id });
        expect(here.failures).toEqual([]);
        await expect(impl.create(here.inputs)).rejects.toThrow(/DNS\.0711/);

        const made = await create(PZA, { zoneId: zone.id, vpcId: vpc.id, vpcRegion: vpc.region });
        expect(made.id).toBe(`${zone.id}/${vpc.id}`);
        expect(made.outs).toMatchObject({ vpcId: vpc.id, vpcRegion: vpc.region, status: "ACTIVE", zoneName: "regions.example.com" });
        expect(await routersOf(zone.id)).toEqual([
            [net.clientVpcId, home, "ACTIVE"],
            [vpc.id, vpc.region, "ACTIVE"],
        ]);

        // Refreshed: no drift. Another region plans a replacement; removing the input changes nothing.
        const refreshed = await impl.read(made.id, made.outs);
        expect(refreshed.props).toMatchObject({ vpcRegion: vpc.region });
        expect((await impl.diff(made.id, refreshed.props, made.inputs)).changes).toBe(false);
        const elsewhere = await impl.check(made.inputs, { ...made.inputs, vpcRegion: home });
        expect(await impl.diff(made.id, refreshed.props, elsewhere.inputs)).toMatchObject({ changes: true, replaces: ["vpcRegion"] });
        const { vpcRegion: _left, ...without } = made.inputs;
        expect((await impl.diff(made.id, refreshed.props, without)).changes).toBe(false);

        // `pulumi import` by the id alone: the region comes from the zone's routers.
        const imported = (await impl.read(made.id, {})) as { id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> };
        expect(imported.id).toBe(made.id);
        expect(imported.inputs).toEqual({ zoneId: zone.id, vpcId: vpc.id, vpcRegion: vpc.region });
        expect(imported.props).toMatchObject({ vpcRegion: vpc.region, status: "ACTIVE" });

        // Deleted from the imported state: disassociated in the VPC's region, so the cloud takes it.
        const since = await cloudOf().mark();
        await impl.delete(made.id, imported.props);
        const calls = (await cloudOf().requests(since)).filter((r) => r.operation === "DisassociateRouter").map((r) => r.status);
        expect(calls).toEqual([202]);
        expect(await routersOf(zone.id)).toEqual([[net.clientVpcId, home, "ACTIVE"]]);
        await (await implOf(PZ))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });

    it("left out, the VPC is taken in the zone's region and the output shows that region", async () => {
        const net = cloudOf().account().network;
        const zone = await create(PZ, { name: "home.example.com", vpcId: net.clientVpcId });
        const made = await create(PZA, { zoneId: zone.id, vpcId: net.backendVpcId });
        expect(made.outs).toMatchObject({ vpcRegion: cloudOf().account().projects[0]!.region, status: "ACTIVE" });
        const impl = (await implOf(PZA))!;
        const refreshed = await impl.read(made.id, { ...made.inputs, ...made.outs });
        expect((await impl.diff(made.id, refreshed.props, made.inputs)).changes).toBe(false);
        await impl.delete(made.id, refreshed.props);
        await (await implOf(PZ))!.delete(zone.id, { ...zone.inputs, ...zone.outs });
    });
});
