// ListVpcEndpointServicesByEndUser   resolve serviceName to a service id
// CreateVpcEndpoint (DryRun)         the cloud's own validation before anything is created
// CreateVpcEndpoint (ClientToken)    create, idempotent across retries of the same create
// GetVpcEndpointAttribute / ListVpcEndpoints   read, wait (coalesced)
// ListVpcEndpointZones, ListVpcEndpointSecurityGroups, ListTagResources   read
// UpdateVpcEndpointAttribute         name, description, address families (AddressIpVersion), policy (PolicyDocument),
//                                    cross-region bandwidth (CrossRegionBandwidth)
// AttachSecurityGroupToVpcEndpoint / DetachSecurityGroupFromVpcEndpoint   security groups in place
// AddZoneToVpcEndpoint / RemoveZoneFromVpcEndpoint   zones in place
// TagResources / UntagResources      tags
// DeleteVpcEndpoint                  delete, then wait until gone
/** `alicloud.privatelink.VpcEndpoint`: an endpoint in a VPC that connects to an endpoint service. */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined } from "../../lifecycle/outcomes";
import type { ApplyContext } from "../../model/field";
import { canonicalJsonText } from "../../model/json-document";
import { type BodyOf, fieldsOf, type RuleViolation } from "../../model/resource";
import { alicloud } from "../connect";
import { acsId, addressIpVersion, description, ipv4, ipv6, regionId, zoneId } from "../inputs";
import { privateLinkHooks } from "./object";
import { policyDocument } from "./policy-document";
import { tagsField } from "./tags";

/** What a read gathers: the endpoint, its zones, security groups and tags. */
export interface VpcEndpointWire {
    endpoint: pl.VpcEndpoint;
    zones: pl.EndpointZone[];
    securityGroupIds: string[];
    tags: Record<string, string>;
}

const f = fieldsOf<VpcEndpointWire, AlibabaClient, pl.CreateVpcEndpointRequest>();

const zone = z
    .object({
        /** The zone, such as `cn-hangzhou-h`; the endpoint service must serve it. */
        zoneId,
        /** The vSwitch (in `vpcId` and in this zone) the endpoint's network interface is created in. */
        vswitchId: acsId("vsw", "vSwitch id"),
        /** The interface's private IPv4 address inside the vSwitch; the cloud picks one when omitted. */
        ip: ipv4.optional(),
        /**
         * The interface's IPv6 address inside the vSwitch's IPv6 block, on a `DualStack` endpoint
         * (`Ipv6Address`); the cloud picks one when omitted.
         */
        ipv6Address: ipv6.optional(),
    })
    .strict();

/** One zone of an endpoint (an entry of its `zones`). */
export type VpcEndpointZoneEntry = z.input<typeof zone>;

/** Zones as the cloud reports them, with `ip` and `ipv6Address` kept only where the recorded inputs set them. */
function observedZones(outputs: Record<string, unknown>): unknown {
    const details = outputs.zoneDetails as Array<{ zoneId: string; vswitchId: string; ip?: string; ipv6Address?: string }> | undefined;
    if (!details) return outputs.zones;
    const recorded = (outputs.zones as Array<{ zoneId: string; ip?: string; ipv6Address?: string }> | undefined) ?? [];
    // Zones this resource does not manage (a VpcEndpointZone resource's) are not its drift; with
    // none recorded (`pulumi import`), every zone the endpoint has is shown.
    const managed = outputs.zones === undefined ? undefined : new Set(recorded.map((r) => r.zoneId));
    return details
        .filter((d) => managed?.has(d.zoneId) ?? true)
        .map((d) => {
            const r = recorded.find((x) => x.zoneId === d.zoneId);
            return {
                zoneId: d.zoneId,
                vswitchId: d.vswitchId,
                ...(r?.ip !== undefined ? { ip: d.ip } : {}),
                ...(r?.ipv6Address !== undefined ? { ipv6Address: d.ipv6Address } : {}),
            };
        });
}

/** The endpoint's calls, and the hooks every PrivateLink object shares. */
const endpoint = privateLinkHooks<
    VpcEndpointWire,
    pl.CreateVpcEndpointRequest,
    { serviceId?: string; serviceName?: string; serviceRegionId?: string },
    BodyOf<typeof fields & typeof alicloud.fields, pl.CreateVpcEndpointRequest>
>({
    title: "alicloud.privatelink.VpcEndpoint",
    request: async (c, inputs, body) => {
        checkCrossRegion(c.region, body);
        return { ...body, ServiceId: await serviceIdOf(c, inputs) };
    },
    async read(c, id) {
        const endpoint = await orUndefined(() => pl.getVpcEndpointAttribute(c, id));
        if (!endpoint || endpoint.EndpointStatus === "Deleting") return undefined;
        const [zones, securityGroupIds, t] = await Promise.all([
            pl.listVpcEndpointZones(c, id),
            pl.listVpcEndpointSecurityGroups(c, id),
            pl.listTags(c, "vpcendpoint", id),
        ]);
        return { endpoint, zones: zones.filter((z) => z.ZoneStatus !== "Deleting"), securityGroupIds, tags: t };
    },
    status: async (c, id, signal) => (await orUndefined(() => pl.getVpcEndpointAttribute(c, id, { signal })))?.EndpointStatus ?? undefined,
    settle: (c, id, budget) => pl.waitForVpcEndpointActive(c, id, budget),
    create: async (c, request, signal) => (await pl.createVpcEndpoint(c, request, { signal })).EndpointId,
    remove: (c, id, signal) => pl.deleteVpcEndpoint(c, id, { signal }),
    listTagged: async (c, tag) => (await pl.listVpcEndpoints(c, { Tag: [tag] })).map((e) => ({ id: e.EndpointId, status: e.EndpointStatus, tags: e.Tags })),
    waitGone: (c, id, budget) => pl.waitForVpcEndpointDeleted(c, id, budget),
});
const settled = endpoint.beforeUpdate;

async function serviceIdOf(c: AlibabaClient, inputs: { serviceId?: string; serviceName?: string; serviceRegionId?: string }): Promise<string> {
    if (inputs.serviceId) return inputs.serviceId;
    // A service of another region is listed only when its region is named (ListVpcEndpointServicesByEndUserRequest `service_region_id`).
    const found = await pl.listVpcEndpointServicesByEndUser(c, { ServiceName: inputs.serviceName, ServiceRegionId: inputs.serviceRegionId });
    const hit = found.find((s) => s.ServiceName === inputs.serviceName);
    if (!hit)
        throw new Error(
            `alicloud.privatelink.VpcEndpoint: serviceName ${inputs.serviceName} is not an endpoint service these credentials may connect to in region ${inputs.serviceRegionId ?? c.region} (ListVpcEndpointServicesByEndUser found none)`,
        );
    return hit.ServiceId;
}

/** The least cross-region bandwidth, Mbit/s ("Minimum value: 100": UpdateVpcEndpointAttributeRequest `cross_region_bandwidth`, official SDK 4.0.9). */
export const MIN_CROSS_REGION_BANDWIDTH = 100;

/**
 * The rules that need the endpoint's region, which is the provider's (`alicloud:region`) and so
 * not known at preview: a cross-region endpoint needs `crossRegionBandwidth` ("required only when
 * the endpoint and the endpoint service are in different regions": CreateVpcEndpointRequest
 * `cross_region_bandwidth`), and a same-region one takes none ("make sure that the endpoint is a
 * cross-region endpoint": UpdateVpcEndpointAttributeRequest). Checked before the cloud's own dry run,
 * so the error names the inputs.
 */
function checkCrossRegion(region: string, body: { ServiceRegionId?: string; CrossRegionBandwidth?: number }): void {
    const serviceRegion = body.ServiceRegionId ?? region;
    if (serviceRegion !== region && body.CrossRegionBandwidth === undefined)
        throw new Error(
            `alicloud.privatelink.VpcEndpoint: crossRegionBandwidth is required: serviceRegionId ${serviceRegion} is not the endpoint's region ${region}, and a cross-region endpoint needs a bandwidth of at least ${MIN_CROSS_REGION_BANDWIDTH} Mbit/s`,
        );
    if (serviceRegion === region && body.CrossRegionBandwidth !== undefined)
        throw new Error(
            `alicloud.privatelink.VpcEndpoint: crossRegionBandwidth ${body.CrossRegionBandwidth} is set on a same-region endpoint (service and endpoint in ${region}); only a cross-region endpoint (serviceRegionId another region) takes one`,
        );
}

/** Attaches new groups first, so the endpoint always keeps at least one, then detaches. */
async function changeSecurityGroups({ c, id, old, new: want, budget }: ApplyContext<string[], AlibabaClient>): Promise<void> {
    const have = new Set(old ?? []);
    for (const sg of want ?? [])
        if (!have.has(sg)) {
            await pl.attachSecurityGroupToVpcEndpoint(c, id, sg, { signal: budget.signal });
            await settled(c, id, budget);
        }
    for (const sg of have)
        if (!(want ?? []).includes(sg)) {
            await pl.detachSecurityGroupFromVpcEndpoint(c, id, sg, { signal: budget.signal });
            await settled(c, id, budget);
        }
}

const zoneWire = (z: VpcEndpointZoneEntry) => ({ ZoneId: z.zoneId, VSwitchId: z.vswitchId, ip: z.ip, Ipv6Address: z.ipv6Address });

/** New zones first (the endpoint keeps serving), then removals, then re-creations of changed zones. */
async function changeZones({ c, id, old, news, budget }: ApplyContext<unknown, AlibabaClient>): Promise<void> {
    const signal = budget.signal;
    const zones = news.zones as VpcEndpointZoneEntry[];
    const want = new Map(zones.map((z) => [z.zoneId, z]));
    // Only the zones this resource manages (had or wants): the zone of a VpcEndpointZone resource is left alone.
    const managed = new Set([...((old as VpcEndpointZoneEntry[] | undefined) ?? []).map((z) => z.zoneId), ...want.keys()]);
    const current = (await pl.listVpcEndpointZones(c, id, { signal })).filter((z) => z.ZoneStatus !== "Deleting" && managed.has(z.ZoneId));
    const stale = current.filter((z) => {
        const w = want.get(z.ZoneId);
        // A changed vSwitch or IP needs the zone's interface re-created.
        return (
            !w ||
            w.vswitchId !== z.VSwitchId ||
            (w.ip !== undefined && w.ip !== z.EniIp) ||
            (w.ipv6Address !== undefined && w.ipv6Address !== z.ZoneIpv6Address)
        );
    });
    const staleIds = new Set(stale.map((z) => z.ZoneId));
    const missing = zones.filter((z) => !current.some((x) => x.ZoneId === z.zoneId) || staleIds.has(z.zoneId));
    // New zones first (the endpoint keeps serving), then removals, then re-creations.
    for (const z of missing.filter((m) => !staleIds.has(m.zoneId))) {
        await pl.addZoneToVpcEndpoint(c, id, { ...zoneWire(z), ClientToken: randomUUID() }, { signal });
        await settled(c, id, budget);
    }
    for (const z of stale) {
        await pl.removeZoneFromVpcEndpoint(c, id, z.ZoneId, { signal });
        await settled(c, id, budget);
    }
    for (const z of missing.filter((m) => staleIds.has(m.zoneId))) {
        await pl.addZoneToVpcEndpoint(c, id, { ...zoneWire(z), ClientToken: randomUUID() }, { signal });
        await settled(c, id, budget);
    }
}

const fields = {
    /** The endpoint service's id (`epsrv-…`). Give this or `serviceName`. */
    serviceId: f.input(acsId("epsrv", "endpoint service id").optional(), {
        change: "replace",
        // Read unless the service is named by `serviceName` (then its id is no input of this resource's).
        read: (w, inputs) => (inputs.serviceName === undefined ? w.endpoint.ServiceId : undefined),
    }),
    /** The endpoint service's name (`com.aliyuncs.privatelink.<region>.epsrv-…`), resolved to its id. */
    serviceName: f.input(
        z
            .string()
            .regex(
                /^com\.aliyuncs\.privatelink\.[a-z0-9-]+\.epsrv-[a-z0-9]+$|^[A-Za-z0-9.-]{3,255}$/,
                "is not an endpoint service name (such as com.aliyuncs.privatelink.cn-hangzhou.epsrv-bp1abcdefgh12345678)",
            )
            .optional(),
        { change: "replace", read: false },
    ),
    /**
     * The region of the endpoint service, when it is not the endpoint's own (the provider's
     * `alicloud:region`): a cross-region endpoint, whose service must list the endpoint's region
     * among its `supportedRegions`, and which needs `crossRegionBandwidth`. Left out, the service is
     * in the endpoint's region. A change replaces the endpoint (CreateVpcEndpointRequest
     * `service_region_id`; the update call has no such parameter).
     */
    serviceRegionId: f.input(regionId.optional(), {
        change: "replace",
        // The cloud reports the endpoint's own region when none was given (GetVpcEndpointAttributeResponseBody `service_region_id`).
        computed: true,
        wire: "ServiceRegionId",
    }),
    /**
     * Mbit/s between the two regions of a cross-region endpoint (`serviceRegionId` another region
     * than the endpoint's): required there, at least 100, at most the account's quota; a
     * same-region endpoint takes none. Changed in place (`UpdateVpcEndpointAttribute`).
     */
    crossRegionBandwidth: f.input(
        z
            .number("must be a number")
            .int("must be a whole number of Mbit/s")
            .min(MIN_CROSS_REGION_BANDWIDTH, `is less than ${MIN_CROSS_REGION_BANDWIDTH}, the least cross-region bandwidth (Mbit/s)`)
            .optional(),
        {
            change: "update",
            // Left out on a same-region endpoint, which reports none; a cross-region one cannot be without one.
            computed: true,
            wire: "CrossRegionBandwidth",
        },
    ),
    /** The VPC the endpoint lives in (`vpc-…`). */
    vpcId: f.input(acsId("vpc", "VPC id"), { change: "replace", wire: "VpcId" }),
    /** 1–10 security groups of `vpcId` for the endpoint's interfaces; order does not matter. Changed in place (attach, then detach). */
    securityGroupIds: f.input(
        z.array(acsId("sg", "security group id")).min(1, "is empty; an endpoint needs at least one security group").max(10, "has more than 10 security groups"),
        {
            change: "update",
            unordered: true,
            distinct: (sg) => sg,
            wire: "SecurityGroupId",
            read: (w) => w.securityGroupIds,
            apply: changeSecurityGroups,
        },
    ),
    /**
     * 1–10 zones, one per zone id, each with a vSwitch and optionally an IP; order does not
     * matter. Changed in place: added and removed zones go through AddZone/RemoveZone, a zone
     * whose vSwitch or IP changes is removed and added again. These are the zones this resource
     * manages: a zone added with a `VpcEndpointZone` resource is left alone.
     */
    zones: f.input(z.array(zone).min(1, "is empty; an endpoint needs at least one zone").max(10, "has more than 10 zones"), {
        change: "update",
        unordered: true,
        wire: "Zone",
        toWire: (zones) => zones.map(zoneWire),
        // The `zoneDetails` output carries what the cloud has.
        read: false,
        recorded: observedZones,
        apply: changeZones,
    }),
    /**
     * 2–128 characters (letters, digits, `_`, `-`), starting with a letter. The cloud cannot clear
     * a name: leaving this input out keeps the endpoint's name.
     */
    endpointName: f.input(
        z
            .string()
            .regex(/^[A-Za-z][A-Za-z0-9_-]{1,127}$/, "must have 2–128 characters (letters, digits, _ and -) and start with a letter")
            .optional(),
        {
            change: "update",
            computed: true,
            wire: "EndpointName",
        },
    ),
    /** 2–256 characters, not starting with http:// or https://. Leaving it out keeps the endpoint's description. */
    endpointDescription: f.input(description.optional(), { change: "update", computed: true, wire: "EndpointDescription" }),
    /**
     * `IPv4` (default) or `DualStack`: whether the interfaces get IPv6 addresses too. DualStack
     * needs a DualStack endpoint service and IPv6-enabled vSwitches in every zone. Changed in
     * place (`UpdateVpcEndpointAttribute`).
     */
    addressIpVersion: f.input(addressIpVersion.optional(), { change: "update", default: "IPv4", wire: "AddressIpVersion" }),
    /**
     * The RAM access policy of the endpoint, as JSON text (`JSON.stringify({ Version: "1",
     * Statement: [...] })`). Compared as JSON: key order and whitespace never plan a change.
     * Changed in place. The cloud applies a policy of its own when none is given, and leaving this
     * input out keeps the endpoint's policy.
     */
    policyDocument: f.input(policyDocument.optional(), {
        change: "update",
        computed: true,
        wire: "PolicyDocument",
        // The cloud's text, in the canonical form the input takes.
        read: (w) => canonicalJsonText(w.endpoint.PolicyDocument),
    }),
    /**
     * `Interface` (default; services of CLB, ALB or NLB resources), `GatewayLoadBalancer` (a
     * service of GWLB resources, whose `serviceType` is `GatewayLoadBalancer`) or `Reverse`.
     */
    endpointType: f.input(z.enum(pl.EndpointType.options, "must be Interface, GatewayLoadBalancer or Reverse").optional(), {
        change: "replace",
        default: "Interface",
        wire: "EndpointType",
    }),
    /**
     * Managed protection: when true, only the RAM user (through STS) who created the endpoint may
     * change or delete it through STS; it has no effect on calls made otherwise. Default false. The
     * update call has no such parameter, so a change replaces the endpoint
     * (CreateVpcEndpointRequest and GetVpcEndpointAttributeResponseBody `protected_enabled`).
     */
    protectedEnabled: f.input(z.boolean("must be true or false").optional(), { change: "replace", default: false, wire: "ProtectedEnabled" }),
    /**
     * Private IPv4 addresses of each zone's network interface. The API takes only 1 (the default)
     * and reports 1 (CreateVpcEndpointRequest: "Set the value to 1"; GetVpcEndpointAttributeResponseBody:
     * "The value is fixed to 1"). A change replaces the endpoint.
     */
    zonePrivateIpAddressCount: f.input(
        z
            .number("must be a number")
            .int("must be a whole number")
            .refine((n) => n === 1, "is not 1, the only number of private IPs per zone the API takes")
            .optional(),
        { change: "replace", default: 1, wire: "ZonePrivateIpAddressCount" },
    ),
    /** Up to 20 tags; keys 1–128 and values 0–128 characters, not starting with `aliyun`, `acs:`, `http(s)://`. */
    tags: tagsField<VpcEndpointWire>("vpcendpoint", (w) => w.tags),
};

const outputs = {
    /** The service the endpoint connects to (also when given by name). */
    resolvedServiceId: f.output((w) => w.endpoint.ServiceId),
    /** The name of the service the endpoint connects to. */
    resolvedServiceName: f.output((w) => w.endpoint.ServiceName),
    /** The endpoint's domain name (resolves to its interfaces). */
    endpointDomain: f.output((w) => w.endpoint.EndpointDomain),
    /** `Creating`, `Active`, `Pending` (being modified) or `Deleting`. */
    endpointStatus: f.output((w) => w.endpoint.EndpointStatus),
    /**
     * `Normal`, or `FinancialLocked` while the account's overdue payment locks it
     * (GetVpcEndpointAttributeResponseBody `endpoint_business_status`).
     */
    endpointBusinessStatus: f.output((w) => w.endpoint.EndpointBusinessStatus),
    /** `Connected` once the service accepted the endpoint; `Disconnected` while it waits for approval. */
    connectionStatus: f.output((w) => w.endpoint.ConnectionStatus),
    /** Connection bandwidth in Mbit/s. */
    bandwidth: f.output((w) => w.endpoint.Bandwidth),
    /** When the endpoint was created. */
    createTime: f.output((w) => w.endpoint.CreateTime),
    /** Each zone as the cloud has it: the interface's IP, id, status and domain name. */
    zoneDetails: f.output((w) =>
        w.zones.map((z) => ({
            /** The zone. */
            zoneId: z.ZoneId,
            /** The vSwitch the interface is in. */
            vswitchId: z.VSwitchId ?? "",
            /** The interface's private IPv4 address. */
            ip: z.EniIp,
            /** The interface's IPv6 address, on a DualStack endpoint. */
            ipv6Address: z.ZoneIpv6Address,
            /** The network interface's id. */
            eniId: z.EniId,
            /** The zone's status: `Creating`, `Wait`, `Connected`, `Deleting`… */
            status: z.ZoneStatus,
            /** The zone's domain name. */
            domain: z.ZoneDomain,
        })),
    ),
};

/**
 * An Alibaba Cloud PrivateLink endpoint: network interfaces in your VPC's zones through which
 * clients reach an endpoint service. `pulumi up` waits until it is `Active`. Zones and security
 * groups change in place.
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpoint",
    cloud: alicloud,
    fields,
    outputs,
    adopt: acsId("ep", "endpoint id"),
    wire: (w) => w.endpoint,
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        if (known("serviceId") && known("serviceName") && (inputs.serviceId === undefined) === (inputs.serviceName === undefined)) {
            out.push({ path: ["serviceId"], message: "give exactly one of serviceId and serviceName" });
        }
        if (known("crossRegionBandwidth") && known("serviceRegionId") && inputs.crossRegionBandwidth !== undefined && inputs.serviceRegionId === undefined)
            out.push({
                path: ["crossRegionBandwidth"],
                message: "is set without serviceRegionId; only a cross-region endpoint (serviceRegionId another region than the endpoint's) takes one",
            });
        // A service name carries its region (com.aliyuncs.privatelink.<region>.epsrv-…).
        const named =
            known("serviceName") && known("serviceRegionId") ? /^com\.aliyuncs\.privatelink\.([a-z0-9-]+)\.epsrv-/.exec(inputs.serviceName ?? "") : null;
        if (named && inputs.serviceRegionId !== undefined && named[1] !== inputs.serviceRegionId)
            out.push({
                path: ["serviceRegionId"],
                message: `is ${inputs.serviceRegionId}, but serviceName ${inputs.serviceName} names a service of ${named[1]}`,
            });
        if (known("zones")) {
            const seen = new Set<string>();
            (inputs.zones ?? []).forEach((z, i) => {
                if (seen.has(z.zoneId)) out.push({ path: ["zones", i, "zoneId"], message: "appears twice; an endpoint has one interface per zone" });
                seen.add(z.zoneId);
            });
        }
        if (known("zones") && known("addressIpVersion") && inputs.addressIpVersion !== "DualStack") {
            (inputs.zones ?? []).forEach((z, i) => {
                if (z.ipv6Address !== undefined)
                    out.push({
                        path: ["zones", i, "ipv6Address"],
                        message: "is set on an IPv4 endpoint; only a DualStack endpoint (addressIpVersion) has IPv6 addresses",
                    });
            });
        }
        return out;
    },
    hooks: {
        ...endpoint,
        async put(c, id, body, budget) {
            await pl.updateVpcEndpointAttribute(c, id, body, { signal: budget.signal });
            await settled(c, id, budget);
        },

        id: (w) => w.endpoint.EndpointId,
    },
});
