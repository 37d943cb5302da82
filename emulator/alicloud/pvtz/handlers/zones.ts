// AddZone, DescribeZoneInfo, DescribeZones, UpdateZoneRemark, SetProxyPattern, BindZoneVpc, DeleteZone
import { pvtzError } from "../errors";
import { type BoundVpc, zoneInfoWire, zoneSummaryWire } from "../models";
import { checkZoneName } from "../validation";
import { idempotent, newZoneId, ownZone, type Params, type PvtzHandler, page } from "./context";

function proxyPattern(p: Params): "ZONE" | "RECORD" | undefined {
    const v = p.str("ProxyPattern");
    if (v !== undefined && v !== "ZONE" && v !== "RECORD") throw pvtzError("InvalidParameter", `ProxyPattern "${v}" must be ZONE or RECORD.`);
    return v;
}

/** Names compare without case and without a final dot. */
const sameName = (a: string, b: string) => a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();

export const addZone: PvtzHandler = (api, p, caller) => {
    const name = p.required("ZoneName");
    const pattern = proxyPattern(p);
    return idempotent(api, p, caller, "AddZone", () => {
        checkZoneName(name);
        if (Object.values(caller.pvtz.zones).some((z) => sameName(z.name, name)))
            throw pvtzError("Zone.AlreadyExists", `The account has a zone named ${name} already.`);
        const now = api.world.now();
        const id = newZoneId();
        caller.pvtz.zones[id] = { id, name, proxyPattern: pattern ?? "ZONE", vpcs: [], createdAt: now, updatedAt: now };
        api.world.markDirty();
        return { Success: true, ZoneId: id, ZoneName: name };
    });
};

export const describeZoneInfo: PvtzHandler = (api, p, caller) => {
    const z = ownZone(p, caller);
    const vpcName = (v: BoundVpc) => api.world.network.vpc({ projectId: `alicloud:${caller.uid}`, region: v.regionId }, v.vpcId)?.name;
    return zoneInfoWire(z, api.state.recordsOf(caller.pvtz, z.id).length, vpcName);
};

/** Keyword (LIKE by default, EXACT with SearchMode), QueryVpcId / QueryRegionId: the zones bound to a VPC. */
export const describeZones: PvtzHandler = (api, p, caller) => {
    const keyword = p.str("Keyword")?.toLowerCase();
    const mode = p.str("SearchMode") ?? "LIKE";
    if (mode !== "LIKE" && mode !== "EXACT") throw pvtzError("InvalidParameter", `SearchMode "${mode}" must be LIKE or EXACT.`);
    const vpcId = p.str("QueryVpcId");
    const regionId = p.str("QueryRegionId");
    const zones = Object.values(caller.pvtz.zones)
        .filter((z) => keyword === undefined || (mode === "EXACT" ? sameName(z.name, keyword) : z.name.toLowerCase().includes(keyword)))
        .filter((z) => vpcId === undefined || z.vpcs.some((v) => v.vpcId === vpcId && (regionId === undefined || v.regionId === regionId)))
        // Oldest first; zones of one millisecond in the order they were added (the sort is stable).
        .sort((a, b) => a.createdAt - b.createdAt);
    const { items, ...rest } = page(p, zones);
    return { ...rest, Zones: { Zone: items.map((z) => zoneSummaryWire(z, api.state.recordsOf(caller.pvtz, z.id).length)) } };
};

/** Remark: an empty one clears it (UpdateZoneRemarkRequest). */
export const updateZoneRemark: PvtzHandler = (api, p, caller) => {
    const z = ownZone(p, caller);
    const remark = p.raw("Remark") ?? "";
    z.remark = remark === "" ? undefined : remark;
    z.updatedAt = api.world.now();
    api.world.markDirty();
    return { ZoneId: z.id };
};

export const setProxyPattern: PvtzHandler = (api, p, caller) => {
    const z = ownZone(p, caller);
    const pattern = proxyPattern(p);
    if (pattern === undefined)
        throw pvtzError("MissingParameter", "The input parameter ProxyPattern that is mandatory for processing this request is not supplied.");
    z.proxyPattern = pattern;
    z.updatedAt = api.world.now();
    api.world.markDirty();
    return { ZoneId: z.id };
};

/**
 * Replaces the zone's VPCs with `Vpcs.N.RegionId` / `Vpcs.N.VpcId`; none unbinds them all
 * (BindZoneVpcRequest). Each must be one of the caller's VPCs in that region (the seeded network).
 */
export const bindZoneVpc: PvtzHandler = (api, p, caller) => {
    const z = ownZone(p, caller);
    const vpcs: BoundVpc[] = [];
    for (const [i, o] of p.objects("Vpcs").entries()) {
        const vpcId = o.VpcId ?? "";
        const regionId = o.RegionId ?? "";
        if (vpcId === "")
            throw pvtzError("MissingParameter", `The input parameter Vpcs.${i + 1}.VpcId that is mandatory for processing this request is not supplied.`);
        if (regionId === "")
            throw pvtzError("MissingParameter", `The input parameter Vpcs.${i + 1}.RegionId that is mandatory for processing this request is not supplied.`);
        if (!api.world.network.vpc({ projectId: `alicloud:${caller.uid}`, region: regionId }, vpcId))
            throw pvtzError("ZoneVpc.NotExists.VpcId", `VpcId ${vpcId} in region ${regionId}.`);
        if (vpcs.some((v) => v.vpcId === vpcId)) throw pvtzError("InvalidParameter", `Vpcs lists VPC ${vpcId} twice.`);
        vpcs.push({ vpcId, regionId });
    }
    z.vpcs = vpcs;
    z.updatedAt = api.world.now();
    api.world.markDirty();
    return {};
};

/** A zone still bound to VPCs is refused (`Zone.VpcExists`: terraform-provider-alicloud retries it); its records go with it. */
export const deleteZone: PvtzHandler = (api, p, caller) => {
    const z = ownZone(p, caller);
    if (z.vpcs.length > 0) throw pvtzError("Zone.VpcExists", `Zone ${z.id} is bound to ${z.vpcs.map((v) => v.vpcId).join(", ")}.`);
    for (const r of api.state.recordsOf(caller.pvtz, z.id)) delete caller.pvtz.records[String(r.id)];
    delete caller.pvtz.zones[z.id];
    api.world.markDirty();
    return { ZoneId: z.id };
};
