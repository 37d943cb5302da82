// AddZone, DescribeZoneInfo, DescribeZones, UpdateZoneRemark, SetProxyPattern, BindZoneVpc, DeleteZone
import { parseRequest } from "../../core/schema";
import type { AlibabaClient } from "../client";
import { type CallOptions, type ListOptions, listAll, pvtzCall } from "./operation";
import {
    AddZoneRequest,
    AddZoneResponse,
    BindZoneVpcRequest,
    DescribeZonesResponse,
    Empty,
    type ProxyPattern,
    type VpcInput,
    ZoneInfo,
    type ZoneSummary,
} from "./schemas";

/** Adds a zone; with a ClientToken a repetition answers the first call's zone (AddZoneRequest). */
export async function addZone(client: AlibabaClient, input: AddZoneRequest, opts: CallOptions = {}): Promise<{ ZoneId: string }> {
    const params = parseRequest(AddZoneRequest, input, "pvtz", "AddZone");
    return client.call(pvtzCall("AddZone", params, { idempotent: params.ClientToken !== undefined, signal: opts.signal }), AddZoneResponse);
}

/** The zone with its VPCs; `Zone.Invalid.Id` (not found) when the account has no such zone. */
export async function describeZoneInfo(client: AlibabaClient, zoneId: string, opts: CallOptions = {}): Promise<ZoneInfo> {
    return client.call(pvtzCall("DescribeZoneInfo", { ZoneId: zoneId }, { idempotent: true, signal: opts.signal }), ZoneInfo);
}

/**
 * The account's zones; `Keyword` with `SearchMode` `EXACT` finds one name (LIKE, the default,
 * finds names containing it), `QueryVpcId` those bound to a VPC.
 */
export async function describeZones(
    client: AlibabaClient,
    filter: { Keyword?: string; SearchMode?: "LIKE" | "EXACT"; QueryVpcId?: string; QueryRegionId?: string } = {},
    opts: ListOptions<ZoneSummary> = {},
): Promise<ZoneSummary[]> {
    return listAll(client, "DescribeZones", filter, DescribeZonesResponse, (p) => p.Zones, opts);
}

/** Sets the zone's remark; an empty one clears it (UpdateZoneRemarkRequest). */
export async function updateZoneRemark(client: AlibabaClient, zoneId: string, remark: string, opts: CallOptions = {}): Promise<void> {
    await client.call(pvtzCall("UpdateZoneRemark", { ZoneId: zoneId, Remark: remark }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function setProxyPattern(client: AlibabaClient, zoneId: string, pattern: ProxyPattern, opts: CallOptions = {}): Promise<void> {
    await client.call(pvtzCall("SetProxyPattern", { ZoneId: zoneId, ProxyPattern: pattern }, { idempotent: true, signal: opts.signal }), Empty);
}

/**
 * Sets the zone's whole list of VPCs: those left out are unbound, an empty list unbinds them
 * all (BindZoneVpcRequest). Repeating the same list is harmless.
 */
export async function bindZoneVpc(client: AlibabaClient, zoneId: string, vpcs: VpcInput[], opts: CallOptions = {}): Promise<void> {
    const params = parseRequest(BindZoneVpcRequest, { ZoneId: zoneId, Vpcs: vpcs }, "pvtz", "BindZoneVpc");
    await client.call(pvtzCall("BindZoneVpc", params, { idempotent: true, signal: opts.signal }), Empty);
}

/** Deletes a zone, which must have no VPCs left (`Zone.VpcExists` otherwise: DeleteZoneRequest). */
export async function deleteZone(client: AlibabaClient, zoneId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(pvtzCall("DeleteZone", { ZoneId: zoneId }, { idempotent: true, signal: opts.signal }), Empty);
}
