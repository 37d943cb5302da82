// CreateVpcEndpoint, GetVpcEndpointAttribute, ListVpcEndpoints, UpdateVpcEndpointAttribute,
// DeleteVpcEndpoint, AddZoneToVpcEndpoint, RemoveZoneFromVpcEndpoint, ListVpcEndpointZones,
// AttachSecurityGroupToVpcEndpoint, DetachSecurityGroupFromVpcEndpoint, ListVpcEndpointSecurityGroups
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { isIPv4 } from "../../../network/cidr";
import { formatIpv6, inIpv6Subnet, ipv6Groups, nextFreeIpv6 } from "../../ipv6";
import { hasSecurityGroup, vSwitchIpv6Cidr, vSwitchZone } from "../../network";
import { plError } from "../errors";
import {
    type AddressIpVersion,
    allowsAccount,
    DEFAULT_CONNECT_BANDWIDTH,
    type EndpointRecord,
    endpointToWire,
    type ServiceRecord,
    serviceName,
    serviceType,
    type ZoneRecord,
    zoneToWire,
} from "../models";
import { type Params, page } from "../params";
import { policyDocumentParam } from "../policy";
import { ENDPOINT_KIND } from "../state";
import {
    type Caller,
    descriptionParam,
    dryRun,
    endpointModifiable,
    idempotent,
    isRegionId,
    newId,
    ownEndpoint,
    type PrivateLink,
    type PrivateLinkHandler,
    tagsParam,
} from "./context";

/** Endpoints per VPC (the `totalEpPerVpc` quota). */
export const ENDPOINTS_PER_VPC = 50;
const ZONES_PER_ENDPOINT = 10;
const NAME = /^[A-Za-z][A-Za-z0-9_-]{1,127}$/;

function nameParam(p: Params): string | undefined {
    const v = p.raw("EndpointName");
    if (v === undefined || v === "") return v === "" ? "" : undefined;
    if (!NAME.test(v))
        throw plError("IllegalParam.EndpointName", `EndpointName "${v}" must have 2–128 characters (letters, digits, _ and -) and start with a letter.`);
    return v;
}

/**
 * Cross-region bandwidth, Mbit/s: "Minimum value: 100. Maximum value: limited by the quota of the
 * current account" (UpdateVpcEndpointAttributeRequest `cross_region_bandwidth`, official SDK 4.0.9).
 * The quota is the emulator's figure, overridable as the `privatelink:cross_region_bandwidth` quota.
 */
export const CROSS_REGION_BANDWIDTH = { min: 100, quota: 1024, quotaKind: "privatelink:cross_region_bandwidth" };

/**
 * `ServiceRegionId`: the service's region, by default the endpoint's own ("The default value is the
 * current region": CreateVpcEndpointRequest `service_region_id`, official SDK 4.0.9).
 */
function serviceRegionParam(p: Params, caller: Caller): string {
    const v = p.str("ServiceRegionId");
    if (v === undefined) return caller.region;
    if (!isRegionId(v)) throw plError("IllegalParam.ServiceRegionId", `ServiceRegionId "${v}" is not a region id (such as cn-hangzhou).`);
    return v;
}

/**
 * `CrossRegionBandwidth` of a cross-region endpoint: "required only when the endpoint and the
 * endpoint service are in different regions" (CreateVpcEndpointRequest), and taken only by a
 * cross-region endpoint ("make sure that the endpoint is a cross-region endpoint":
 * UpdateVpcEndpointAttributeRequest); from 100 Mbit/s to the account's quota.
 */
function crossRegionBandwidthParam(api: PrivateLink, p: Params, crossRegion: boolean, required: boolean): number | undefined {
    if (p.str("CrossRegionBandwidth") !== undefined && !crossRegion)
        throw plError(
            "IllegalParam.CrossRegionBandwidth",
            "CrossRegionBandwidth is taken only by a cross-region endpoint (ServiceRegionId other than RegionId).",
        );
    const v = p.int("CrossRegionBandwidth", CROSS_REGION_BANDWIDTH.min, Number.MAX_SAFE_INTEGER, "IllegalParam.CrossRegionBandwidth");
    if (v === undefined) {
        if (crossRegion && required)
            throw plError(
                "MissingParam.CrossRegionBandwidth",
                "CrossRegionBandwidth is mandatory for a cross-region endpoint (ServiceRegionId other than RegionId).",
            );
        return undefined;
    }
    const quota = api.world.quota(CROSS_REGION_BANDWIDTH.quotaKind, CROSS_REGION_BANDWIDTH.quota);
    if (v > quota) throw plError("QuotaExceeded.CrossRegionBandwidth", `CrossRegionBandwidth ${v} is over the account's quota of ${quota} Mbit/s.`);
    return v;
}

/**
 * The service an endpoint connects to, by ServiceId or ServiceName, checked for the caller: in
 * `serviceRegion`, and offered in the caller's region when that is another one ("Service consumers
 * can initiate endpoint connections from the regions in the list": CreateVpcEndpointServiceRequest
 * `supported_region_list`, official SDK 4.0.9).
 */
function targetService(api: PrivateLink, p: Params, caller: Caller, serviceRegion: string): ServiceRecord {
    const id = p.str("ServiceId");
    const name = p.str("ServiceName");
    if (id === undefined && name === undefined)
        throw plError("MissingParameter", "The input parameter ServiceId that is mandatory for processing this request is not supplied.");
    let service = id !== undefined ? api.state.findService(id) : undefined;
    if (id === undefined) {
        for (const { value } of api.state.store.entries()) {
            service ??= Object.values(value.services).find((s) => serviceName(s) === name && api.state.serviceStatus(s, "peek") !== "gone");
        }
    }
    if (!service || service.region !== serviceRegion || (name !== undefined && serviceName(service) !== name))
        throw plError("EndpointServiceNotFound", `Service ${id ?? name} in region ${serviceRegion}.`);
    if (!allowsAccount(service, caller.uid)) throw plError("EndpointServiceNotAuthorized", `Account ${caller.uid} is not an allowed user of ${service.id}.`);
    if (serviceRegion !== caller.region && !(service.supportedRegions ?? []).includes(caller.region))
        throw plError(
            "EndpointServiceNotSupportedRegion",
            `Service ${service.id} (${serviceRegion}) is offered in ${(service.supportedRegions ?? []).join(", ") || "no other region"}, not in ${caller.region}.`,
        );
    const st = api.state.serviceStatus(service, "peek");
    if (st === "Creating" || st === "Deleting")
        throw plError("IncorrectStatus.VpcEndpointService", `The status of VpcEndpointService [${service.id}] is ${st}.`);
    return service;
}

interface ZoneInput {
    zoneId: string;
    vSwitchId: string;
    ip?: string;
    /** `Ipv6Address`: only a DualStack endpoint takes one; canonical text once checked. */
    ipv6?: string;
}

/** `AddressIpVersion`: IPv4 or DualStack (the official SDK's CreateVpcEndpointRequest and UpdateVpcEndpointAttributeRequest). */
export function addressIpVersionParam(p: Params): AddressIpVersion | undefined {
    const v = p.str("AddressIpVersion");
    if (v === undefined) return undefined;
    if (v !== "IPv4" && v !== "DualStack") throw plError("IllegalParam.AddressIpVersion", `AddressIpVersion "${v}" (IPv4 or DualStack).`);
    return v;
}

/**
 * A DualStack endpoint needs a DualStack service ("the endpoint service connected to the endpoint
 * and the VPC in which the endpoint resides must both support dual-stack": UpdateVpcEndpointAttributeRequest,
 * official SDK 4.0.9); the seeded VPC has an IPv6 block.
 */
function checkDualStackService(service: ServiceRecord): void {
    if ((service.addressIpVersion ?? "IPv4") !== "DualStack")
        throw plError(
            "Mismatch.AddressIpVersion",
            `Service ${service.id} is ${service.addressIpVersion ?? "IPv4"}; a DualStack endpoint needs a DualStack service.`,
        );
}

/** The IPv6 addresses the caller's endpoint interfaces hold. */
function takenIpv6(api: PrivateLink, caller: Caller): Set<string> {
    const taken = new Set<string>();
    for (const e of Object.values(api.state.scope(caller.scope).endpoints)) for (const z of e.zones) if (z.ipv6 !== undefined) taken.add(z.ipv6);
    return taken;
}

/** Checks a zone's IPv6 side: an IPv6-enabled vSwitch, and a requested address inside it and free. */
function checkZoneIpv6(caller: Caller, z: ZoneInput, dualStack: boolean, taken: Set<string>): void {
    if (z.ipv6 !== undefined && !dualStack)
        throw plError("IllegalParam.Ipv6Address", `Ipv6Address "${z.ipv6}" of zone ${z.zoneId}: only a DualStack endpoint takes one.`);
    if (!dualStack) return;
    const cidr = vSwitchIpv6Cidr(caller.account, z.vSwitchId);
    if (cidr === undefined)
        throw plError("VSwitch.Ipv6NotEnabled", `VSwitch ${z.vSwitchId} (zone ${z.zoneId}) has no IPv6 CIDR; a DualStack endpoint needs one.`);
    if (z.ipv6 === undefined) return;
    const groups = ipv6Groups(z.ipv6);
    if (!groups || !inIpv6Subnet(cidr, z.ipv6))
        throw plError("IllegalParam.Ipv6Address", `Ipv6Address "${z.ipv6}" is not an address of ${z.vSwitchId} (${cidr}).`);
    z.ipv6 = formatIpv6(groups);
    if (taken.has(z.ipv6)) throw plError("EniIpUnavailable", `${z.ipv6} is in use.`);
    taken.add(z.ipv6);
}

/** The zone's IPv6 address on a DualStack endpoint: the requested one, or the vSwitch's next free one. */
function assignIpv6(caller: Caller, vSwitchId: string, requested: string | undefined, taken: Set<string>): string {
    const ip = requested ?? nextFreeIpv6(vSwitchIpv6Cidr(caller.account, vSwitchId)!, taken);
    taken.add(ip);
    return ip;
}

/** Checks one zone against the VPC, the service's zones and the vSwitch's free addresses. */
function checkZone(api: PrivateLink, caller: Caller, vpcId: string, service: ServiceRecord, z: ZoneInput, taken: Set<string>): void {
    const vsw = api.world.network.subnet(caller.scope, z.vSwitchId);
    if (!vsw || vsw.vpcId !== vpcId) throw plError("VSwitchNotFound", `VSwitch ${z.vSwitchId} is not a vSwitch of ${vpcId}.`);
    const zone = vSwitchZone(caller.account, z.vSwitchId);
    if (zone !== z.zoneId) throw plError("IllegalParam.ZoneId", `VSwitch ${z.vSwitchId} is in zone ${zone}, not ${z.zoneId}.`);
    // A cross-region endpoint's zones are in its own region, where the service has no zones: any
    // zone of the caller's region serves (the cloud's list of such zones, DescribeZones with
    // CrossRegion, is not emulated).
    if (service.region === caller.region && !service.resources.some((r) => r.zoneId === z.zoneId))
        throw plError(
            "EndpointServiceNotSupportedZone",
            `Service ${service.id} serves zones ${[...new Set(service.resources.map((r) => r.zoneId))].join(", ") || "(none)"}, not ${z.zoneId}.`,
        );
    if (z.ip !== undefined) {
        if (!isIPv4(z.ip)) throw plError("IllegalParam.Ip", `ip "${z.ip}".`);
        const problem = api.world.network.checkIp(caller.scope, z.vSwitchId, z.ip);
        if (problem || taken.has(z.ip)) throw plError("EniIpUnavailable", problem?.message ?? `${z.ip} is requested twice.`);
        taken.add(z.ip);
    }
}

function newZone(api: PrivateLink, caller: Caller, endpointId: string, z: ZoneInput, ipv6Taken?: Set<string>): ZoneRecord {
    const port = api.world.network.allocatePort(caller.scope, { subnetId: z.vSwitchId, ip: z.ip, deviceOwner: "privatelink:endpoint", deviceId: endpointId });
    const t = api.world.timings.for(ENDPOINT_KIND);
    return {
        zoneId: z.zoneId,
        vSwitchId: z.vSwitchId,
        ip: port.ip,
        ...(ipv6Taken ? { ipv6: assignIpv6(caller, z.vSwitchId, z.ipv6, ipv6Taken) } : {}),
        portId: port.id,
        eniId: newId("eni"),
        lifecycle: startLifecycle(api.world.now(), t.create, false),
    };
}

function zonesParam(p: Params): ZoneInput[] {
    return p.objects("Zone").map((o, i) => {
        if (!o.ZoneId) throw plError("MissingParameter", `Zone.${i + 1}.ZoneId is mandatory.`);
        if (!o.VSwitchId) throw plError("MissingParameter", `Zone.${i + 1}.VSwitchId is mandatory.`);
        return { zoneId: o.ZoneId, vSwitchId: o.VSwitchId, ip: o.ip === "" ? undefined : o.ip, ipv6: o.Ipv6Address === "" ? undefined : o.Ipv6Address };
    });
}

function securityGroups(caller: Caller, vpcId: string, ids: string[]): void {
    for (const sg of ids) if (!hasSecurityGroup(caller.account, sg, vpcId)) throw plError("SecurityGroupNotFound", `SecurityGroup ${sg} in ${vpcId}.`);
}

export const createVpcEndpoint: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "CreateVpcEndpoint", () => {
        const vpcId = p.required("VpcId");
        const serviceRegion = serviceRegionParam(p, caller);
        const service = targetService(api, p, caller, serviceRegion);
        const crossRegionBandwidth = crossRegionBandwidthParam(api, p, serviceRegion !== caller.region, true);
        const endpointType = (p.str("EndpointType") ?? "Interface") as EndpointRecord["endpointType"];
        if (!["Interface", "Reverse", "GatewayLoadBalancer"].includes(endpointType))
            throw plError("IllegalParam.EndpointType", `EndpointType "${endpointType}" (Interface, Reverse or GatewayLoadBalancer).`);
        // An endpoint's type is its service's (Interface for CLB/ALB/NLB resources, GatewayLoadBalancer for GWLB
        // ones); no service here is of the Reverse kind.
        if (endpointType !== serviceType(service))
            throw plError("Mismatch.EndpointType", `The EndpointType is mismatched for ${endpointType} and ${serviceType(service)} (service ${service.id}).`);
        const name = nameParam(p) ?? "";
        const description = descriptionParam(p, "EndpointDescription", "IllegalParam.EndpointDescription") ?? "";
        // "Set the value to 1" (CreateVpcEndpointRequest `zone_private_ip_address_count`, official SDK 4.0.9).
        p.int("ZonePrivateIpAddressCount", 1, 1, "IllegalParam.ZonePrivateIpAddressCount");
        const protectedEnabled = p.bool("ProtectedEnabled") ?? false;
        const addressIpVersion = addressIpVersionParam(p) ?? "IPv4";
        const dualStack = addressIpVersion === "DualStack";
        if (dualStack) checkDualStackService(service);
        const policyDocument = policyDocumentParam(p.raw("PolicyDocument"));
        const tags = tagsParam(p);
        if (!api.world.network.vpc(caller.scope, vpcId)) throw plError("VpcNotFound", `VpcId ${vpcId}.`);
        const sgs = [...new Set(p.list("SecurityGroupId"))];
        if (sgs.length === 0) throw plError("EndpointMustContainSecurityGroup");
        securityGroups(caller, vpcId, sgs);
        const zones = zonesParam(p);
        if (zones.length > ZONES_PER_ENDPOINT) throw plError("QuotaExceeded.epZonePerEndpoint", `usage ${zones.length}/${ZONES_PER_ENDPOINT}.`);
        const seen = new Set<string>();
        const taken = new Set<string>();
        const ipv6Taken = takenIpv6(api, caller);
        for (const z of zones) {
            if (seen.has(z.zoneId)) throw plError("EndpointZoneDuplicated", `Zone ${z.zoneId}.`);
            seen.add(z.zoneId);
            checkZone(api, caller, vpcId, service, z, taken);
            checkZoneIpv6(caller, z, dualStack, new Set(ipv6Taken));
        }
        const own = api.state.scope(caller.scope);
        const quota = api.world.quota(ENDPOINT_KIND, ENDPOINTS_PER_VPC);
        const inVpc = Object.values(own.endpoints).filter((e) => e.vpcId === vpcId && api.state.endpointStatus(e, "peek") !== "gone").length;
        if (inVpc >= quota) throw plError("QuotaExceeded.totalEpPerVpc", `usage ${inVpc}/${quota}.`);
        dryRun(p);
        const id = newId("ep");
        const now = api.world.now();
        const t = api.world.timings.for(ENDPOINT_KIND);
        const record: EndpointRecord = {
            id,
            accountId: caller.uid,
            region: caller.region,
            name,
            description,
            endpointType,
            protectedEnabled,
            addressIpVersion,
            ...(policyDocument !== undefined ? { policyDocument } : {}),
            serviceId: service.id,
            serviceName: serviceName(service),
            ...(serviceRegion !== caller.region ? { serviceRegion, crossRegionBandwidth } : {}),
            vpcId,
            securityGroupIds: sgs,
            zones: zones.map((z) => newZone(api, caller, id, z, dualStack ? ipv6Taken : undefined)),
            tags,
            // An auto-accepting service connects the endpoint by itself (Connecting while it is created, then
            // Connected); otherwise the connection waits Disconnected for the owner's EnableVpcEndpointConnection.
            connected: service.autoAcceptEnabled,
            // The service's default connection bandwidth (its ConnectBandwidth: "the service provider provides default
            // bandwidth throttling for each endpoint", GetVpcEndpointAttributeResponseBody `traffic_control_mode`).
            bandwidth: service.connectBandwidth ?? DEFAULT_CONNECT_BANDWIDTH,
            lifecycle: startLifecycle(now, t.create, false),
            modifiedAt: now,
        };
        own.endpoints[id] = record;
        api.world.markDirty();
        return endpointToWire(record, "Creating", api.state.connectionStatus(record, "Creating", "peek"), false);
    });

export const getVpcEndpointAttribute: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint, status } = ownEndpoint(api, p, caller);
    return endpointToWire(endpoint, status, api.state.connectionStatus(endpoint, status), false);
};

export const listVpcEndpoints: PrivateLinkHandler = (api, p, caller) => {
    const filters: Array<[string, (e: ReturnType<typeof endpointToWire>) => string]> = [
        ["EndpointId", (e) => e.EndpointId],
        ["EndpointName", (e) => e.EndpointName],
        ["EndpointStatus", (e) => e.EndpointStatus],
        ["VpcId", (e) => e.VpcId],
        ["ServiceName", (e) => e.ServiceName],
        ["ConnectionStatus", (e) => e.ConnectionStatus],
        ["EndpointType", (e) => e.EndpointType],
        ["AddressIpVersion", (e) => e.AddressIpVersion],
        ["ServiceRegionId", (e) => e.ServiceRegionId],
    ];
    const wantTags = tagsParam(p);
    const all = Object.values(api.state.scope(caller.scope).endpoints)
        .map((e) => ({ e, st: api.state.endpointStatus(e) }))
        .filter((x) => x.st !== "gone")
        .sort((a, b) => b.e.lifecycle.createdAt - a.e.lifecycle.createdAt || (a.e.id < b.e.id ? -1 : 1))
        .map(({ e, st }) => {
            const est = st as Exclude<typeof st, "gone">;
            return endpointToWire(e, est, api.state.connectionStatus(e, est), true);
        })
        .filter((w) => filters.every(([k, get]) => p.str(k) === undefined || get(w) === p.str(k)))
        .filter((w) => wantTags.every((t) => w.Tags!.some((x) => x.Key === t.Key && (t.Value === "" || x.Value === t.Value))));
    const pg = page(p, all);
    return { Endpoints: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: pg.TotalCount };
};

/** A modification that keeps the endpoint `Pending` for the create timing of its kind. */
function startBusy(api: PrivateLink, e: EndpointRecord): void {
    e.busy = startLifecycle(api.world.now(), api.world.timings.for(ENDPOINT_KIND).create, false);
    e.modifiedAt = api.world.now();
    api.world.markDirty();
}

export const updateVpcEndpointAttribute: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint, status } = ownEndpoint(api, p, caller);
    const name = nameParam(p);
    const description = descriptionParam(p, "EndpointDescription", "IllegalParam.EndpointDescription");
    const version = addressIpVersionParam(p);
    const policy = policyDocumentParam(p.raw("PolicyDocument"));
    const resetPolicy = p.bool("ResetPolicy") ?? false;
    if (resetPolicy && policy !== undefined) throw plError("InvalidParameter", "Give PolicyDocument or ResetPolicy, not both.");
    const crossRegionBandwidth = crossRegionBandwidthParam(api, p, endpoint.serviceRegion !== undefined, false);
    endpointModifiable(endpoint, status);
    const switching = version !== undefined && version !== (endpoint.addressIpVersion ?? "IPv4");
    const live = api.state.liveZones(endpoint).map((x) => x.zone);
    if (switching && version === "DualStack") {
        const service = api.state.findService(endpoint.serviceId);
        if (!service) throw plError("EndpointServiceNotFound", `Service ${endpoint.serviceId}.`);
        checkDualStackService(service);
        for (const z of live) checkZoneIpv6(caller, { zoneId: z.zoneId, vSwitchId: z.vSwitchId }, true, new Set());
    }
    dryRun(p);
    if (name !== undefined) endpoint.name = name;
    if (description !== undefined) endpoint.description = description;
    if (policy !== undefined) endpoint.policyDocument = policy;
    if (resetPolicy) delete endpoint.policyDocument;
    // A new bandwidth keeps the endpoint Pending while it is applied, as other modifications do.
    if (crossRegionBandwidth !== undefined && crossRegionBandwidth !== endpoint.crossRegionBandwidth) {
        endpoint.crossRegionBandwidth = crossRegionBandwidth;
        startBusy(api, endpoint);
    }
    if (switching) {
        // The interfaces gain (DualStack) or lose (IPv4) their IPv6 addresses; the endpoint is Pending meanwhile.
        endpoint.addressIpVersion = version;
        const taken = takenIpv6(api, caller);
        for (const z of live) {
            if (version === "DualStack") z.ipv6 = assignIpv6(caller, z.vSwitchId, undefined, taken);
            else delete z.ipv6;
        }
        startBusy(api, endpoint);
    }
    endpoint.modifiedAt = api.world.now();
    api.world.markDirty();
    return {};
};

export const deleteVpcEndpoint: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint, status } = ownEndpoint(api, p, caller);
    if (status === "Deleting") throw plError("EndpointLocked", `Endpoint ${endpoint.id} is being deleted.`);
    if (status !== "Active") throw plError("EndpointOperationDenied", `Endpoint ${endpoint.id} is ${status}.`);
    dryRun(p);
    requestDeletion(endpoint.lifecycle, api.world.now(), api.world.timings.for(ENDPOINT_KIND).delete);
    api.world.markDirty();
    return {};
};

export const addZoneToVpcEndpoint: PrivateLinkHandler = (api, p, caller) =>
    idempotent(api, p, caller, "AddZoneToVpcEndpoint", () => {
        const { endpoint, status } = ownEndpoint(api, p, caller);
        const z: ZoneInput = { zoneId: p.required("ZoneId"), vSwitchId: p.required("VSwitchId"), ip: p.str("ip"), ipv6: p.str("Ipv6Address") };
        endpointModifiable(endpoint, status);
        const live = api.state.liveZones(endpoint);
        if (live.some((x) => x.zone.zoneId === z.zoneId)) throw plError("EndpointZoneDuplicated", `Zone ${z.zoneId} of ${endpoint.id}.`);
        if (live.length >= ZONES_PER_ENDPOINT) throw plError("QuotaExceeded.epZonePerEndpoint", `usage ${live.length}/${ZONES_PER_ENDPOINT}.`);
        const service = api.state.findService(endpoint.serviceId);
        if (!service) throw plError("EndpointServiceNotFound", `Service ${endpoint.serviceId}.`);
        checkZone(api, caller, endpoint.vpcId, service, z, new Set());
        const dualStack = endpoint.addressIpVersion === "DualStack";
        const ipv6Taken = takenIpv6(api, caller);
        checkZoneIpv6(caller, z, dualStack, new Set(ipv6Taken));
        dryRun(p);
        endpoint.zones.push(newZone(api, caller, endpoint.id, z, dualStack ? ipv6Taken : undefined));
        endpoint.modifiedAt = api.world.now();
        api.world.markDirty();
        return {};
    });

export const removeZoneFromVpcEndpoint: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint, status } = ownEndpoint(api, p, caller);
    const zoneId = p.required("ZoneId");
    endpointModifiable(endpoint, status);
    const live = api.state.liveZones(endpoint);
    const z = live.find((x) => x.zone.zoneId === zoneId);
    if (!z) throw plError("EndpointZoneNotFound", `Zone ${zoneId} of ${endpoint.id}.`);
    dryRun(p);
    requestDeletion(z.zone.lifecycle, api.world.now(), api.world.timings.for(ENDPOINT_KIND).delete);
    endpoint.modifiedAt = api.world.now();
    api.world.markDirty();
    return {};
};

export const listVpcEndpointZones: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint } = ownEndpoint(api, p, caller);
    const zones = api.state.liveZones(endpoint).map(({ zone, status }) => zoneToWire(endpoint, zone, status));
    const pg = page(p, zones);
    // TotalCount too, as the cloud answers it (the Python SDK's ListVpcEndpointZonesResponseBody
    // declares `total_count: int`).
    return { Zones: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: pg.TotalCount };
};

export const attachSecurityGroupToVpcEndpoint: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint, status } = ownEndpoint(api, p, caller);
    const sg = p.required("SecurityGroupId");
    endpointModifiable(endpoint, status, "ConcurrentCallNotSupported");
    securityGroups(caller, endpoint.vpcId, [sg]);
    if (endpoint.securityGroupIds.includes(sg)) throw plError("SecurityGroupAlreadyAttached", `${sg} on ${endpoint.id}.`);
    dryRun(p);
    endpoint.securityGroupIds.push(sg);
    startBusy(api, endpoint);
    return {};
};

export const detachSecurityGroupFromVpcEndpoint: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint, status } = ownEndpoint(api, p, caller);
    const sg = p.required("SecurityGroupId");
    endpointModifiable(endpoint, status, "ConcurrentCallNotSupported");
    if (!endpoint.securityGroupIds.includes(sg)) throw plError("SecurityGroupNotAttached", `${sg} on ${endpoint.id}.`);
    if (endpoint.securityGroupIds.length === 1) throw plError("DependencyViolation.LastSecurityGroup", `${sg} is the last security group of ${endpoint.id}.`);
    dryRun(p);
    endpoint.securityGroupIds = endpoint.securityGroupIds.filter((x) => x !== sg);
    startBusy(api, endpoint);
    return {};
};

export const listVpcEndpointSecurityGroups: PrivateLinkHandler = (api, p, caller) => {
    const { endpoint } = ownEndpoint(api, p, caller);
    const pg = page(
        p,
        endpoint.securityGroupIds.map((id) => ({ SecurityGroupId: id })),
    );
    // TotalCount: ListVpcEndpointSecurityGroupsResponseBody `total_count: int` (the Python SDK).
    return { SecurityGroups: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: pg.TotalCount };
};
