import { emulatorError } from "../../../core/api-error";
import type { HandlerContext } from "../../../core/api-module";
import type { Subnet } from "../../../network/model";
import { NetworkError } from "../../../network/store";
import { vpcError } from "../errors";
import { isBound, subnetToWire } from "../models";
import { markerPage, parseLimit, V1_DEFAULT_LIMIT } from "../paging";
import * as v from "../validation";
import { ownSubnet, reply, scopeOf, type VpcApi, type VpcHandler } from "./context";

// GET    /v1/{project_id}/subnets                               ListSubnets   ?vpc_id, limit, marker
// POST   /v1/{project_id}/subnets                               CreateSubnet  → 200 {"subnet":{…,"status":"UNKNOWN"}}
// GET    /v1/{project_id}/subnets/{subnet_id}                   ShowSubnet
// PUT    /v1/{project_id}/vpcs/{vpc_id}/subnets/{subnet_id}     UpdateSubnet  → 200 {"subnet":{"id","status"}}
// DELETE /v1/{project_id}/vpcs/{vpc_id}/subnets/{subnet_id}     DeleteSubnet  → 204
// (paths, fields and statuses: "Creating a Subnet", "Querying Subnets", "Querying Subnet Details",
// "Updating Subnet Information", "Deleting a Subnet" of the VPC API reference; the Python SDK's
// CreateSubnetOption; terraform-provider-huaweicloud's resource_huaweicloud_vpc_subnet.go waits
// for `ACTIVE` after create and for 404 after delete, and its DNS endpoint read lists subnets by vpc_id.)

/** ListSubnets: the project's subnets in creation order, filtered by `vpc_id`, marker-paged. */
export const listSubnets: VpcHandler = (api, ctx) => {
    const q = ctx.req.query;
    const limit = parseLimit(q.get("limit"));
    if (Number.isNaN(limit)) throw vpcError("VPC.0201", `limit must be an integer from 0 to 2147483647, got ${JSON.stringify(q.get("limit"))}.`);
    const vpcId = q.get("vpc_id");
    const all = Object.values(api.world.network.scope(scopeOf(ctx)).subnets);
    const page = markerPage(all, (s) => vpcId === null || s.vpcId === vpcId, q.get("marker") ?? undefined, limit ?? V1_DEFAULT_LIMIT);
    if (!page) throw vpcError("VPC.0201", `marker ${q.get("marker")} is not a subnet of the project.`);
    return reply(200, { subnets: page.items.map((s) => subnetToWire(s)) });
};

/** ShowSubnet: one subnet of the project. */
export const showSubnet: VpcHandler = (api, ctx) => reply(200, { subnet: subnetToWire(ownSubnet(api, ctx)) });

/** CreateSubnet: a subnet inside its VPC with the given gateway; the answer says `UNKNOWN`, reads say `ACTIVE`. */
export const createSubnet: VpcHandler = (api, ctx) => {
    const body = v.wrapped(ctx.req, "subnet", "VPC.0201");
    const scope = scopeOf(ctx);
    const name = v.name(body.name, 1, "VPC.0201");
    const vpcId = v.optString(body, "vpc_id", "VPC.0201");
    if (!vpcId) throw vpcError("VPC.0201", "vpc_id is required.");
    const cidr = v.subnetCidr(body.cidr);
    const gatewayIp = v.optIp(body, "gateway_ip", "VPC.0201");
    if (gatewayIp === undefined) throw vpcError("VPC.0201", "gateway_ip is required.");
    const description = v.description(body, "VPC.0201");
    const az = v.optString(body, "availability_zone", "VPC.0201") || undefined;
    if (az !== undefined && !new RegExp(`^${scope.region}[a-z]$`).test(az))
        throw vpcError("VPC.0201", `availability_zone ${JSON.stringify(az)} is not an availability zone of ${scope.region} (${scope.region}a, …).`);
    if (v.optBool(body, "ipv6_enable", "VPC.0201") === true) throw emulatorError(501, "not implemented by the emulator: IPv6 subnets (ipv6_enable: true)");
    const settings = v.subnetSettings(body);
    if (!api.world.network.vpc(scope, vpcId)) throw vpcError("VPC.0003", `vpc_id ${vpcId}.`);
    try {
        const subnet = api.world.network.addSubnet(scope, { name, vpcId, cidr, gatewayIp, description, availabilityZone: az, ...settings });
        return reply(200, { subnet: subnetToWire(subnet, "UNKNOWN") });
    } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        if (e.reason === "outside_vpc") throw vpcError("VPC.0203", `${e.message}.`);
        if (e.reason === "conflict") throw vpcError("VPC.0204", `${e.message}.`);
        // The CIDR passed its own check above: what is left is the gateway.
        throw vpcError("VPC.0201", `${e.message}.`);
    }
};

/** The subnet of the path, which must belong to the path's VPC (`VPC.0207`). */
function subnetOfVpc(api: VpcApi, ctx: HandlerContext): Subnet {
    const subnet = ownSubnet(api, ctx);
    if (subnet.vpcId !== ctx.params.vpc_id) throw vpcError("VPC.0207", `subnet ${subnet.id} is in VPC ${subnet.vpcId}, not ${ctx.params.vpc_id}.`);
    return subnet;
}

/** UpdateSubnet: name, description, DHCP and DNS settings, through the subnet's own VPC path. */
export const updateSubnet: VpcHandler = (api, ctx) => {
    const subnet = subnetOfVpc(api, ctx);
    const body = v.wrapped(ctx.req, "subnet", "VPC.0201");
    const name = body.name === undefined || body.name === null ? undefined : v.name(body.name, 1, "VPC.0201");
    const description = v.description(body, "VPC.0201");
    api.world.network.updateSubnet(scopeOf(ctx), subnet.id, { name, description, ...v.subnetSettings(body) });
    return reply(200, { subnet: { id: subnet.id, status: "ACTIVE" } });
};

/** DeleteSubnet: a subnet that holds no port (no NIC, no private IP). */
export const deleteSubnet: VpcHandler = (api, ctx) => {
    const subnet = subnetOfVpc(api, ctx);
    const scope = scopeOf(ctx);
    const ports = Object.values(api.world.network.scope(scope).ports).filter((p) => p.subnetId === subnet.id);
    // A device's NIC (a VM, an endpoint) is VPC.0209; a bare private IP (a port without device) VPC.0208.
    const device = ports.find(isBound);
    if (device) throw vpcError("VPC.0209", `port ${device.id} (${device.ip}, ${device.deviceOwner}) is in use.`);
    if (ports.length > 0) throw vpcError("VPC.0208", `private IP ${ports[0]!.ip} (port ${ports[0]!.id}) is still allocated.`);
    api.world.network.removeSubnet(scope, subnet.id);
    return reply(204);
};
