import { requestDeletion } from "../../../core/lifecycle";
import { dnsError } from "../errors";
import { addressToWire } from "../models";
import { ENDPOINT_KIND } from "../state";
import * as v from "../validation";
import { type DnsHandler, ownEndpoint, reply, scopeOf, settled } from "./context";
import { allocateAddress, subnetVpc } from "./endpoints";

// GET    /v2.1/endpoints/{endpoint_id}/ipaddresses                   ListEndpointIpaddresses
// POST   /v2.1/endpoints/{endpoint_id}/ipaddresses                   AddEndpointIpaddress
// DELETE /v2.1/endpoints/{endpoint_id}/ipaddresses/{ipaddress_id}    DeleteEndpointIpaddress

export const listEndpointIpaddresses: DnsHandler = (api, ctx) => {
    const view = ownEndpoint(api, ctx);
    return reply(200, { ipaddresses: view.addresses.map((x) => addressToWire(x.address, x.status)), metadata: { total_count: view.addresses.length } });
};

/** Adds one address (never a seventh); it is `PENDING_CREATE`, and the endpoint `PENDING_UPDATE`, until it settles. */
export const addEndpointIpaddress: DnsHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const view = ownEndpoint(api, ctx);
    if (view.status !== "ACTIVE") throw dnsError("DNS.1510", `endpoint ${view.endpoint.id} is ${view.status}.`);
    const want = v.ipaddressInfo(body.ipaddress, "ipaddress");
    if (view.addresses.length >= v.MAX_ADDRESSES) throw dnsError("DNS.1507", `endpoint ${view.endpoint.id} already has ${view.addresses.length} addresses.`);
    const scope = scopeOf(ctx);
    const vpc = subnetVpc(api, scope, want.subnetId, "ipaddress");
    if (vpc !== view.endpoint.vpcId) throw dnsError("DNS.1508", `subnet ${want.subnetId} is in VPC ${vpc}, the endpoint in ${view.endpoint.vpcId}.`);
    const address = allocateAddress(api, scope, view.endpoint.id, want, "ipaddress", false);
    view.endpoint.addresses.push(address);
    view.endpoint.updatedAt = api.world.now();
    api.world.markDirty();
    const now = api.state.view(view.endpoint, "peek")!.addresses.find((x) => x.address.id === address.id)!;
    return reply(202, { ipaddress: addressToWire(address, now.status) });
};

/** Removes one address (never below two); it reads `PENDING_DELETE` until gone. */
export const deleteEndpointIpaddress: DnsHandler = (api, ctx) => {
    const view = ownEndpoint(api, ctx);
    const id = ctx.params.ipaddress_id!;
    const hit = view.addresses.find((x) => x.address.id === id);
    if (!hit) throw dnsError("DNS.1509", `endpoint ${view.endpoint.id} has no ip address ${id}.`);
    settled(view);
    if (view.status === "ERROR") throw dnsError("DNS.1510", `endpoint ${view.endpoint.id} is ERROR.`);
    if (view.addresses.length <= v.MIN_ADDRESSES) throw dnsError("DNS.1507", `endpoint ${view.endpoint.id} has only ${view.addresses.length} addresses.`);
    requestDeletion(hit.address.lifecycle, api.world.now(), api.world.timings.for(ENDPOINT_KIND).delete);
    hit.address.updatedAt = view.endpoint.updatedAt = api.world.now();
    api.world.markDirty();
    const after = api.state.view(view.endpoint, "peek")!.addresses.find((x) => x.address.id === id);
    return reply(202, { ipaddress: addressToWire(hit.address, after?.status ?? "PENDING_DELETE") });
};
