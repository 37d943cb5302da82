// ListVpcEndpointServicesByEndUser   resolve serviceName to a service id
// CreateVpcEndpoint (DryRun)         the cloud's own validation before anything is created
// CreateVpcEndpoint (ClientToken)    create, idempotent across retries of the same create
// GetVpcEndpointAttribute / ListVpcEndpoints   read, wait (coalesced)
// ListVpcEndpointZones, ListVpcEndpointSecurityGroups, ListTagResources   read
// UpdateVpcEndpointAttribute         name, description
// AttachSecurityGroupToVpcEndpoint / DetachSecurityGroupFromVpcEndpoint   security groups in place
// AddZoneToVpcEndpoint / RemoveZoneFromVpcEndpoint   zones in place
// TagResources / UntagResources      tags
// DeleteVpcEndpoint                  delete, then wait until gone
/** `alicloud.privatelink.VpcEndpoint`: an endpoint in a VPC that connects to an endpoint service. */
import { randomUUID } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import type { OperationBudget, ResourceSpec } from "../../lifecycle/spec";
import { providerStub } from "../../stub";
import { deleteWhenSettled } from "./deleting";
import { orUndefined } from "../../lifecycle/outcomes";
import { createWithClientToken } from "./client-token";
import { alicloudClient } from "../connect";
import { acsId, description, dryRunCreate, ipv4, tags, timeouts, zoneId } from "../inputs";

/** One zone of an endpoint. */
export interface VpcEndpointZone {
    /** The zone, such as `cn-hangzhou-h`; the endpoint service must serve it. */
    zoneId: string;
    /** The vSwitch (in `vpcId` and in this zone) the endpoint's network interface is created in. */
    vswitchId: string;
    /** The interface's private IPv4 address inside the vSwitch; the cloud picks one when omitted. */
    ip?: string;
}

/** Inputs of {@link VpcEndpoint}. */
export interface VpcEndpointArgs {
    /** The endpoint service's id (`epsrv-…`). Give this or `serviceName`. Changing it replaces the endpoint. */
    serviceId?: pulumi.Input<string>;
    /** The endpoint service's name (`com.aliyuncs.privatelink.<region>.epsrv-…`), resolved to its id. Changing it replaces the endpoint. */
    serviceName?: pulumi.Input<string>;
    /** The VPC the endpoint lives in (`vpc-…`). Changing it replaces the endpoint. */
    vpcId: pulumi.Input<string>;
    /** 1–10 security groups of `vpcId` for the endpoint's interfaces; order does not matter. Updated in place (attach/detach). */
    securityGroupIds: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * 1–10 zones, one per zone id, each with a vSwitch and optionally an IP; order does not
     * matter. Updated in place: added and removed zones go through AddZone/RemoveZone, a zone
     * whose vSwitch or IP changes is removed and added again.
     */
    zones: pulumi.Input<pulumi.Input<VpcEndpointZone>[]>;
    /** 2–128 characters (letters, digits, `_`, `-`), starting with a letter. Updated in place. */
    endpointName?: pulumi.Input<string>;
    /** 2–256 characters, not starting with http:// or https://. Updated in place. */
    endpointDescription?: pulumi.Input<string>;
    /** `Interface` (default; load balancer services) or `Reverse`. Changing it replaces the endpoint. */
    endpointType?: pulumi.Input<"Interface" | "Reverse">;
    /** Up to 20 tags; keys 1–128 and values 0–128 characters, not starting with `aliyun`, `acs:`, `http(s)://`. Updated in place. */
    tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
    /** Time limits ("10m", "90s") for creation, update and deletion. Default 10 minutes each. */
    timeouts?: pulumi.Input<{ create?: string; update?: string; delete?: string }>;
    /**
     * The id of an existing endpoint to manage instead of creating one. `pulumi up` checks that its
     * replace-only inputs match and updates the others in place (docs/adopting.md).
     */
    adopt?: pulumi.Input<string>;
}

const zone = z.object({ zoneId, vswitchId: acsId("vsw", "vSwitch id"), ip: ipv4.optional() }).strict();

const schema = z
    .object({
        serviceId: acsId("epsrv", "endpoint service id").optional(),
        serviceName: z.string().regex(/^com\.aliyuncs\.privatelink\.[a-z0-9-]+\.epsrv-[a-z0-9]+$|^[A-Za-z0-9.-]{3,255}$/, "is not an endpoint service name (such as com.aliyuncs.privatelink.cn-hangzhou.epsrv-bp1abcdefgh12345678)").optional(),
        vpcId: acsId("vpc", "VPC id"),
        securityGroupIds: z.array(acsId("sg", "security group id")).min(1, "is empty; an endpoint needs at least one security group").max(10, "has more than 10 security groups"),
        zones: z.array(zone).min(1, "is empty; an endpoint needs at least one zone").max(10, "has more than 10 zones"),
        endpointName: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,127}$/, "must have 2–128 characters (letters, digits, _ and -) and start with a letter").optional(),
        endpointDescription: description.optional(),
        endpointType: z.enum(["Interface", "Reverse"], "must be Interface or Reverse").optional(),
        tags: tags.optional(),
        timeouts: timeouts.optional(),
        adopt: acsId("ep", "endpoint id").optional(),
    })
    .strict();

export type VpcEndpointInputs = z.output<typeof schema>;

/** What a read gathers: the endpoint, its zones, security groups and tags. */
export interface VpcEndpointWire {
    endpoint: pl.VpcEndpoint;
    zones: pl.EndpointZone[];
    securityGroupIds: string[];
    tags: Record<string, string>;
}

const TITLE = "alicloud.privatelink.VpcEndpoint";

/** Zones as the cloud reports them, with `ip` kept only where the recorded inputs set one. */
function observedZones(outputs: Record<string, unknown>): unknown {
    const details = outputs.zoneDetails as Array<{ zoneId: string; vswitchId: string; ip?: string }> | undefined;
    if (!details) return outputs.zones;
    const recorded = (outputs.zones as VpcEndpointZone[] | undefined) ?? [];
    return details.map((d) => {
        const withIp = recorded.find((r) => r.zoneId === d.zoneId)?.ip !== undefined;
        return withIp ? { zoneId: d.zoneId, vswitchId: d.vswitchId, ip: d.ip } : { zoneId: d.zoneId, vswitchId: d.vswitchId };
    });
}

async function read(c: AlibabaClient, id: string): Promise<VpcEndpointWire | undefined> {
    const endpoint = await orUndefined(() => pl.getVpcEndpointAttribute(c, id));
    if (!endpoint || endpoint.EndpointStatus === "Deleting") return undefined;
    const [zones, securityGroupIds, t] = await Promise.all([pl.listVpcEndpointZones(c, id), pl.listVpcEndpointSecurityGroups(c, id), pl.listTags(c, "vpcendpoint", id)]);
    return { endpoint, zones: zones.filter((z) => z.ZoneStatus !== "Deleting"), securityGroupIds, tags: t };
}

async function settled(c: AlibabaClient, id: string, budget: OperationBudget): Promise<void> {
    await pl.waitForVpcEndpointActive(c, id, { deadline: budget.deadline, signal: budget.signal });
}

async function serviceIdOf(c: AlibabaClient, inputs: VpcEndpointInputs): Promise<string> {
    if (inputs.serviceId) return inputs.serviceId;
    const found = await pl.listVpcEndpointServicesByEndUser(c, { ServiceName: inputs.serviceName });
    const hit = found.find((s) => s.ServiceName === inputs.serviceName);
    if (!hit) throw new Error(`${TITLE}: serviceName ${inputs.serviceName} is not an endpoint service these credentials may connect to (ListVpcEndpointServicesByEndUser found none)`);
    return hit.ServiceId;
}

export const vpcEndpointSpec: ResourceSpec<VpcEndpointInputs, VpcEndpointWire, AlibabaClient> = {
    kind: "alicloud:privatelink:VpcEndpoint",
    title: TITLE,
    schema,
    refine(inputs, known) {
        const out: Array<{ path: PropertyKey[]; message: string }> = [];
        if (known("serviceId") && known("serviceName") && (inputs.serviceId === undefined) === (inputs.serviceName === undefined)) {
            out.push({ path: ["serviceId"], message: "give exactly one of serviceId and serviceName" });
        }
        if (known("zones")) {
            const seen = new Set<string>();
            (inputs.zones ?? []).forEach((z, i) => {
                if (seen.has(z.zoneId)) out.push({ path: ["zones", i, "zoneId"], message: "appears twice; an endpoint has one interface per zone" });
                seen.add(z.zoneId);
            });
        }
        return out;
    },
    fields: {
        serviceId: { change: "replace" },
        serviceName: { change: "replace" },
        vpcId: { change: "replace" },
        securityGroupIds: { change: "update", compare: "set" },
        zones: { change: "update", compare: "set", observe: observedZones },
        endpointName: { change: "update", default: "" },
        endpointDescription: { change: "update", default: "" },
        endpointType: { change: "replace", default: "Interface" },
        tags: { change: "update", default: {} },
        timeouts: { change: "update", local: true },
        adopt: { change: "replace", local: true },
    },
    timeouts: { create: 10 * 60_000, update: 10 * 60_000, delete: 10 * 60_000 },
    connect: () => alicloudClient(),

    async create(c, inputs, budget) {
        const serviceId = await serviceIdOf(c, inputs);
        const request: pl.CreateVpcEndpointRequest = {
            ServiceId: serviceId,
            VpcId: inputs.vpcId,
            SecurityGroupId: inputs.securityGroupIds,
            Zone: inputs.zones.map((z) => ({ ZoneId: z.zoneId, VSwitchId: z.vswitchId, ip: z.ip })),
            EndpointName: inputs.endpointName,
            EndpointDescription: inputs.endpointDescription,
            EndpointType: inputs.endpointType,
            Tag: Object.entries(inputs.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
        };
        await dryRunCreate(TITLE, () => pl.createVpcEndpoint(c, { ...request, DryRun: true }, { signal: budget.signal }));
        // One token per create: every retry of this create (lost answers included) sends the same
        // token, so the cloud makes at most one endpoint.
        const created = await createWithClientToken((ClientToken) => pl.createVpcEndpoint(c, { ...request, ClientToken }, { signal: budget.signal }), budget.deadline, budget.signal);
        budget.onCreated(created.EndpointId);
        await settled(c, created.EndpointId, budget);
        const wire = await read(c, created.EndpointId);
        if (!wire) throw new Error(`${TITLE}: ${created.EndpointId} disappeared right after creation`);
        return wire;
    },

    read: (c, id) => read(c, id),

    async update(c, id, olds, news, changed, budget) {
        const signal = budget.signal;
        await settled(c, id, budget);
        if (changed.includes("endpointName") || changed.includes("endpointDescription")) {
            await pl.updateVpcEndpointAttribute(c, id, { EndpointName: news.endpointName, EndpointDescription: news.endpointDescription }, { signal });
            await settled(c, id, budget);
        }
        if (changed.includes("securityGroupIds")) {
            const have = new Set(olds.securityGroupIds ?? []);
            const want = new Set(news.securityGroupIds);
            // Attach first, so the endpoint always keeps at least one group.
            for (const sg of want) if (!have.has(sg)) {
                await pl.attachSecurityGroupToVpcEndpoint(c, id, sg, { signal });
                await settled(c, id, budget);
            }
            for (const sg of have) if (!want.has(sg)) {
                await pl.detachSecurityGroupFromVpcEndpoint(c, id, sg, { signal });
                await settled(c, id, budget);
            }
        }
        if (changed.includes("zones")) {
            const current = (await pl.listVpcEndpointZones(c, id, { signal })).filter((z) => z.ZoneStatus !== "Deleting");
            const want = new Map(news.zones.map((z) => [z.zoneId, z]));
            const stale = current.filter((z) => {
                const w = want.get(z.ZoneId);
                // A changed vSwitch or IP needs the zone's interface re-created.
                return !w || w.vswitchId !== z.VSwitchId || (w.ip !== undefined && w.ip !== z.EniIp);
            });
            const staleIds = new Set(stale.map((z) => z.ZoneId));
            const missing = news.zones.filter((z) => !current.some((x) => x.ZoneId === z.zoneId) || staleIds.has(z.zoneId));
            // New zones first (the endpoint keeps serving), then removals, then re-creations.
            for (const z of missing.filter((m) => !staleIds.has(m.zoneId))) {
                await pl.addZoneToVpcEndpoint(c, id, { ZoneId: z.zoneId, VSwitchId: z.vswitchId, ip: z.ip, ClientToken: randomUUID() }, { signal });
                await settled(c, id, budget);
            }
            for (const z of stale) {
                await pl.removeZoneFromVpcEndpoint(c, id, z.ZoneId, { signal });
                await settled(c, id, budget);
            }
            for (const z of missing.filter((m) => staleIds.has(m.zoneId))) {
                await pl.addZoneToVpcEndpoint(c, id, { ZoneId: z.zoneId, VSwitchId: z.vswitchId, ip: z.ip, ClientToken: randomUUID() }, { signal });
                await settled(c, id, budget);
            }
        }
        if (changed.includes("tags")) await pl.syncTags(c, "vpcendpoint", id, olds.tags ?? {}, news.tags ?? {}, { signal });
        const wire = await read(c, id);
        if (!wire) throw new Error(`${TITLE} ${id} disappeared during the update`);
        return wire;
    },

    async delete(c, id, _inputs, budget) {
        await deleteWhenSettled({
            status: async () => (await orUndefined(() => pl.getVpcEndpointAttribute(c, id, { signal: budget.signal })))?.EndpointStatus ?? undefined,
            settle: () => settled(c, id, budget),
            remove: () => pl.deleteVpcEndpoint(c, id, { signal: budget.signal }),
            waitGone: () => pl.waitForVpcEndpointDeleted(c, id, { deadline: budget.deadline, signal: budget.signal }),
        });
    },

    id: (w) => w.endpoint.EndpointId,
    observe: (w) => ({
        vpcId: w.endpoint.VpcId,
        securityGroupIds: w.securityGroupIds,
        endpointName: w.endpoint.EndpointName ?? "",
        endpointDescription: w.endpoint.EndpointDescription ?? "",
        endpointType: (w.endpoint.EndpointType as VpcEndpointInputs["endpointType"]) ?? "Interface",
        tags: w.tags,
    }),
    outputs: (w) => ({
        resolvedServiceId: w.endpoint.ServiceId,
        resolvedServiceName: w.endpoint.ServiceName,
        endpointDomain: w.endpoint.EndpointDomain,
        endpointStatus: w.endpoint.EndpointStatus,
        connectionStatus: w.endpoint.ConnectionStatus,
        bandwidth: w.endpoint.Bandwidth,
        createTime: w.endpoint.CreateTime,
        zoneDetails: w.zones.map((z) => ({ zoneId: z.ZoneId, vswitchId: z.VSwitchId ?? "", ip: z.EniIp, eniId: z.EniId, status: z.ZoneStatus, domain: z.ZoneDomain })),
    }),
};

/**
 * An Alibaba Cloud PrivateLink endpoint: network interfaces in your VPC's zones through which
 * clients reach an endpoint service. `pulumi up` waits until it is `Active`. Zones and security
 * groups change in place.
 */
export class VpcEndpoint extends pulumi.dynamic.Resource {
    declare readonly serviceId: pulumi.Output<string | undefined>;
    declare readonly serviceName: pulumi.Output<string | undefined>;
    /** The service the endpoint connects to (also when given by name). */
    declare readonly resolvedServiceId: pulumi.Output<string>;
    declare readonly resolvedServiceName: pulumi.Output<string>;
    declare readonly vpcId: pulumi.Output<string>;
    declare readonly securityGroupIds: pulumi.Output<string[]>;
    declare readonly zones: pulumi.Output<VpcEndpointZone[]>;
    declare readonly endpointName: pulumi.Output<string | undefined>;
    declare readonly endpointDescription: pulumi.Output<string | undefined>;
    declare readonly tags: pulumi.Output<Record<string, string> | undefined>;
    /** The endpoint's domain name (resolves to its interfaces). */
    declare readonly endpointDomain: pulumi.Output<string>;
    /** `Creating`, `Active`, `Pending` (being modified) or `Deleting`. */
    declare readonly endpointStatus: pulumi.Output<string>;
    /** `Connected` once the service accepted the endpoint; `Disconnected` while it waits for approval. */
    declare readonly connectionStatus: pulumi.Output<string>;
    /** Connection bandwidth in Mbit/s. */
    declare readonly bandwidth: pulumi.Output<number>;
    declare readonly createTime: pulumi.Output<string>;
    /** Each zone as the cloud has it: the interface's IP, id, status and domain name. */
    declare readonly zoneDetails: pulumi.Output<Array<{ zoneId: string; vswitchId: string; ip: string; eniId: string; status: string; domain: string }>>;

    constructor(name: string, args: VpcEndpointArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            provider,
            name,
            {
                ...args,
                resolvedServiceId: undefined,
                resolvedServiceName: undefined,
                endpointDomain: undefined,
                endpointStatus: undefined,
                connectionStatus: undefined,
                bandwidth: undefined,
                createTime: undefined,
                zoneDetails: undefined,
            },
            opts,
            "alicloud-privatelink",
            "VpcEndpoint",
        );
    }
}

const provider = providerStub("alicloud:privatelink:VpcEndpoint");
