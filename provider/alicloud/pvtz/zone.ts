// AddZone (ClientToken)        create, idempotent across retries
// BindZoneVpc                  the zone's VPCs, when `vpcs` is set (the whole list each time)
// DescribeZoneInfo             read
// UpdateZoneRemark, SetProxyPattern   in place
// BindZoneVpc (none), DeleteZone      delete
/** `alicloud.pvtz.Zone`: a PrivateZone zone, answered in the VPCs bound to it. */
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pvtz from "../../../sdk/alicloud/pvtz";
import { ignoreNotFound, orUndefined } from "../../lifecycle/outcomes";
import type { ApplyContext } from "../../model/field";
import { fieldsOf } from "../../model/resource";
import { alicloud } from "../connect";
import { createWithClientToken } from "../privatelink/client-token";
import { domainName, proxyPattern, vpcEntry, zoneId } from "./inputs";

/** A VPC of the zone (an entry of its `vpcs`). */
export type ZoneVpc = z.output<typeof vpcEntry>;

const f = fieldsOf<pvtz.ZoneInfo, AlibabaClient, pvtz.AddZoneRequest>();

const vpcKey = (v: ZoneVpc) => v.vpcId;
/** The VPCs as BindZoneVpc takes them: an entry without a region is in the provider's. */
const toWire = (vs: ZoneVpc[], region: string) => vs.map((v) => ({ RegionId: v.regionId ?? region, VpcId: v.vpcId }));

async function bindVpcs({ c, id, new: want, budget }: ApplyContext<ZoneVpc[], AlibabaClient>): Promise<void> {
    await pvtz.bindZoneVpc(c, id, toWire(want ?? [], c.region), { signal: budget.signal });
}

const fields = {
    /** The zone's name, such as `example.internal` (unique in the account). */
    zoneName: f.input(domainName("zone name"), { change: "replace", unique: true, wire: "ZoneName", read: (w) => w.ZoneName }),
    /**
     * What a name without records in the zone answers: `ZONE` (default) NXDOMAIN; `RECORD`
     * passes the query on to forwarding and recursion.
     */
    proxyPattern: f.input(proxyPattern.optional(), {
        change: "update",
        default: "ZONE",
        wire: "ProxyPattern",
        apply: ({ c, id, new: v, budget }) => pvtz.setProxyPattern(c, id, v ?? "ZONE", { signal: budget.signal }),
    }),
    /** A note on the zone; removing it clears it. */
    remark: f.input(z.string().max(512, "is longer than 512 characters").optional(), {
        change: "update",
        default: "",
        read: (w) => w.Remark ?? "",
        apply: ({ c, id, new: v, budget }) => pvtz.updateZoneRemark(c, id, v ?? "", { signal: budget.signal }),
    }),
    /**
     * The VPCs the zone answers in; order does not matter; changed in place (BindZoneVpc sets the
     * whole list). Manage them either here or with `ZoneAttachment` resources, not both: left
     * unset, this input leaves the zone's VPCs alone.
     */
    vpcs: f.input(z.array(vpcEntry).optional(), {
        change: "update",
        unordered: true,
        distinct: vpcKey,
        default: [],
        managedOnlyWhenSet: true,
        // A region is shown where the program gave one (an entry without one is in the provider's).
        read: (w, inputs) =>
            w.BindVpcs.map((v) =>
                (inputs.vpcs as ZoneVpc[] | undefined)?.some((x) => x.vpcId === v.VpcId && x.regionId === undefined)
                    ? { vpcId: v.VpcId }
                    : { vpcId: v.VpcId, regionId: v.RegionId ?? "" },
            ),
        apply: bindVpcs,
    }),
};

const outputs = {
    /** How many records the zone holds. */
    recordCount: f.output((w) => w.RecordCount ?? 0),
    /** Whether it is a reverse lookup zone (`in-addr.arpa`, `ip6.arpa`). */
    isPtr: f.output((w) => w.IsPtr ?? false),
    /** When it was created. */
    createTime: f.output((w) => w.CreateTime ?? ""),
    /** When it was last changed. */
    updateTime: f.output((w) => w.UpdateTime ?? ""),
};

async function read(c: AlibabaClient, id: string): Promise<pvtz.ZoneInfo | undefined> {
    return orUndefined(() => pvtz.describeZoneInfo(c, id));
}

async function readBack(c: AlibabaClient, id: string, when: string): Promise<pvtz.ZoneInfo> {
    const w = await read(c, id);
    if (!w) throw new Error(`alicloud.pvtz.Zone: ${id} disappeared ${when}`);
    return w;
}

/**
 * An Alibaba Cloud DNS PrivateZone zone: names that resolve only inside the VPCs bound to it,
 * with `vpcs` here or one `ZoneAttachment` per VPC.
 */
export const model = f.define({
    kind: "alicloud:pvtz:Zone",
    cloud: alicloud,
    fields,
    outputs,
    adopt: zoneId,
    hooks: {
        async create({ c, inputs, body, budget }) {
            // One token for every repetition of this create: a lost answer never makes a second zone.
            const { ZoneId } = await createWithClientToken((ClientToken) => pvtz.addZone(c, { ...body, ClientToken }, { signal: budget.signal }), budget);
            budget.onCreated(ZoneId);
            if (inputs.vpcs?.length) await pvtz.bindZoneVpc(c, ZoneId, toWire(inputs.vpcs, c.region), { signal: budget.signal });
            return readBack(c, ZoneId, "right after creation");
        },
        read: (c, id) => read(c, id),
        afterUpdate: ({ c, id }) => readBack(c, id, "during the update"),
        async delete(c, id, inputs, budget) {
            // VPCs this resource bound go with it; those of ZoneAttachments are theirs to unbind
            // (they depend on the zone, so the engine deletes them first).
            if (inputs.vpcs?.length) await ignoreNotFound(() => pvtz.bindZoneVpc(c, id, [], { signal: budget.signal }));
            await ignoreNotFound(() => pvtz.deleteZone(c, id, { signal: budget.signal }));
        },
        id: (w) => w.ZoneId,
    },
});
