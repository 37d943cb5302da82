// DescribeZoneInfo   read the zone's VPCs
// BindZoneVpc        the zone's whole list with this VPC added (create) or left out (delete)
/**
 * `alicloud.pvtz.ZoneAttachment`: one VPC bound to a zone. BindZoneVpc replaces the zone's whole
 * list, so each change reads the list, adds or removes this VPC, and writes it back, one
 * attachment of a zone at a time (zone-lock.ts).
 */
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pvtz from "../../../sdk/alicloud/pvtz";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf } from "../../model/resource";
import { alicloud } from "../connect";
import { acsId } from "../inputs";
import { vpcEntry, zoneId } from "./inputs";
import { serialisedPerZone } from "./zone-lock";

/** What a read gathers: the zone and the VPC as bound to it. */
export interface ZoneAttachmentWire {
    zoneId: string;
    vpcId: string;
    regionId: string;
}

const f = fieldsOf<ZoneAttachmentWire, AlibabaClient>();

async function find(c: AlibabaClient, zone: string, vpcId: string, signal?: AbortSignal): Promise<ZoneAttachmentWire | undefined> {
    const info = await orUndefined(() => pvtz.describeZoneInfo(c, zone, { signal }));
    const v = info?.BindVpcs.find((b) => b.VpcId === vpcId);
    return v && { zoneId: zone, vpcId, regionId: v.RegionId ?? "" };
}

/** The zone's VPCs as BindZoneVpc takes them, changed by `edit`, written back when they changed. */
async function rewrite(c: AlibabaClient, zone: string, edit: (vpcs: pvtz.VpcInput[]) => pvtz.VpcInput[], signal?: AbortSignal): Promise<void> {
    const info = await pvtz.describeZoneInfo(c, zone, { signal });
    const have = info.BindVpcs.map((v) => ({ RegionId: v.RegionId ?? "", VpcId: v.VpcId }));
    const want = edit(have);
    if (want.length !== have.length || want.some((v, i) => v.VpcId !== have[i]!.VpcId)) await pvtz.bindZoneVpc(c, zone, want, { signal });
}

const fields = {
    /** The zone (owned by the provider's account). */
    zoneId: f.input(zoneId, { change: "replace", read: (w) => w.zoneId }),
    /**
     * The VPC to bind. Manage a zone's VPCs either with these resources or with the zone's `vpcs`,
     * not both.
     */
    vpcId: f.input(acsId("vpc", "VPC id"), { change: "replace", read: (w) => w.vpcId }),
    /** The VPC's region; the provider's region when left out. */
    regionId: f.input(vpcEntry.shape.regionId.optional(), { change: "replace", computed: true, read: (w) => w.regionId }),
};

/** Binds one VPC to a PrivateZone zone, leaving the zone's other VPCs as they are. */
export const model = f.define({
    kind: "alicloud:pvtz:ZoneAttachment",
    cloud: alicloud,
    fields,
    outputs: {},
    idParts: ["zoneId", "vpcId"],
    hooks: {
        async create({ c, inputs, budget }) {
            const regionId = inputs.regionId ?? c.region;
            const add = (vpcs: pvtz.VpcInput[]) => (vpcs.some((v) => v.VpcId === inputs.vpcId) ? vpcs : [...vpcs, { RegionId: regionId, VpcId: inputs.vpcId }]);
            // Adding a VPC that is there already changes nothing: repeated until the answer is known.
            await serialisedPerZone(inputs.zoneId, () => untilKnown({ attempt: () => rewrite(c, inputs.zoneId, add, budget.signal), budget }));
            budget.onCreated();
            const w = await find(c, inputs.zoneId, inputs.vpcId, budget.signal);
            if (!w) throw new Error(`alicloud.pvtz.ZoneAttachment: ${inputs.vpcId} is not bound to zone ${inputs.zoneId} right after binding it`);
            return w;
        },
        read: (c, _id, inputs) => find(c, inputs.zoneId, inputs.vpcId),
        async delete(c, _id, inputs, budget) {
            const drop = (vpcs: pvtz.VpcInput[]) => vpcs.filter((v) => v.VpcId !== inputs.vpcId);
            await serialisedPerZone(inputs.zoneId, () => ignoreNotFound(() => rewrite(c, inputs.zoneId, drop, budget.signal)));
        },
    },
});
