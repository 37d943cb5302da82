// AddZoneToVpcEndpoint        add (with a ClientToken), then wait until the endpoint settles
// ListVpcEndpointZones        read
// RemoveZoneFromVpcEndpoint   on delete, then wait until the endpoint settles
/** `alicloud.privatelink.VpcEndpointZone`: one zone (network interface) of an endpoint. */
import { randomUUID } from "node:crypto";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf, type OperationBudget } from "../../model/resource";
import { alicloud } from "../connect";
import { acsId, ipv4, zoneId } from "../inputs";

/** What a read gathers: the endpoint and its zone. */
export interface VpcEndpointZoneWire {
    endpointId: string;
    zone: pl.EndpointZone;
}

const f = fieldsOf<VpcEndpointZoneWire, AlibabaClient>();

async function find(c: AlibabaClient, endpointId: string, zone: string): Promise<VpcEndpointZoneWire | undefined> {
    const list = await orUndefined(() => pl.listVpcEndpointZones(c, endpointId));
    const found = list?.find((z) => z.ZoneId === zone && z.ZoneStatus !== "Deleting");
    return found ? { endpointId, zone: found } : undefined;
}

const settled = (c: AlibabaClient, endpointId: string, budget: OperationBudget) => pl.waitForVpcEndpointActive(c, endpointId, budget);

const fields = {
    /** The endpoint (its id, `ep-…`). */
    endpointId: f.input(acsId("ep", "endpoint id"), { change: "replace", read: (w) => w.endpointId }),
    /** The zone, such as `cn-hangzhou-i`; the endpoint service must serve it. */
    zoneId: f.input(zoneId, { change: "replace", read: (w) => w.zone.ZoneId }),
    /** The vSwitch (in the endpoint's VPC and in this zone) the network interface is created in. */
    vswitchId: f.input(acsId("vsw", "vSwitch id"), { change: "replace", read: (w) => w.zone.VSwitchId }),
    /** The interface's private IPv4 address inside the vSwitch; the cloud picks one when left out. */
    ip: f.input(ipv4.optional(), { change: "replace", computed: true, read: (w) => w.zone.EniIp }),
};

const outputs = {
    /** The zone's status: `Creating`, `Wait`, `Connected`, `Deleting`… */
    zoneStatus: f.output((w) => w.zone.ZoneStatus),
    /** The network interface's id. */
    eniId: f.output((w) => w.zone.EniId),
    /** The interface's address (the one given, or the one the cloud picked). */
    eniIp: f.output((w) => w.zone.EniIp),
    /** The zone's domain name. */
    zoneDomain: f.output((w) => w.zone.ZoneDomain),
};

/**
 * Adds one zone (a network interface in a vSwitch) to an endpoint — for adding zones apart from
 * the endpoint's own `zones`, which lists the zones the endpoint resource manages; a zone is
 * managed by one or the other, never both.
 */
export const model = f.define({
    kind: "alicloud:privatelink:VpcEndpointZone",
    cloud: alicloud,
    fields,
    outputs,
    idParts: ["endpointId", "zoneId"],
    hooks: {
        async create({ c, inputs, budget }) {
            await settled(c, inputs.endpointId, budget);
            // Already there (added by another tool, or a run whose answer was lost): taken over if it
            // matches; a zone in another vSwitch is not this one.
            const existing = await find(c, inputs.endpointId, inputs.zoneId);
            if (existing && existing.zone.VSwitchId === inputs.vswitchId) return existing;
            if (existing)
                throw new Error(`zone ${inputs.zoneId} of ${inputs.endpointId} already exists in vSwitch ${existing.zone.VSwitchId}, not ${inputs.vswitchId}`);
            const zone = { ZoneId: inputs.zoneId, VSwitchId: inputs.vswitchId, ip: inputs.ip, ClientToken: randomUUID() };
            // The same ClientToken for every repetition: the cloud adds the zone once.
            await untilKnown({ attempt: () => pl.addZoneToVpcEndpoint(c, inputs.endpointId, zone, { signal: budget.signal }), budget });
            budget.onCreated();
            await settled(c, inputs.endpointId, budget);
            const wire = await find(c, inputs.endpointId, inputs.zoneId);
            if (!wire) throw new Error(`zone ${inputs.zoneId} is not on ${inputs.endpointId} after adding it`);
            return wire;
        },
        read: (c, _id, inputs) => find(c, inputs.endpointId, inputs.zoneId),
        async delete(c, _id, inputs, budget) {
            if (!(await find(c, inputs.endpointId, inputs.zoneId))) return;
            await settled(c, inputs.endpointId, budget);
            await pl.removeZoneFromVpcEndpoint(c, inputs.endpointId, inputs.zoneId, { signal: budget.signal });
            await settled(c, inputs.endpointId, budget);
        },
    },
});
