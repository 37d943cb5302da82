import type { HandlerContext } from "../../../core/api-module";
import { NetworkError } from "../../../network/store";
import { neutron } from "../errors";
import { FREE_PORT_OWNERS, isBound, portToWire, type WirePort } from "../models";
import { markerPage, parseLimit } from "../paging";
import { portFilter } from "../port-filter";
import { reply, scopeOf, type VpcApi, type VpcHandler } from "./context";

// GET    /v2.0/ports            NeutronListPorts   → 200 {"ports":[…], "ports_links"?: [{href, rel:"next"}]}
// GET    /v2.0/ports/{port_id}  NeutronShowPort    → 200 {"port":{…}}
// POST   /v2.0/ports            NeutronCreatePort  → 201 {"port":{…}}
// DELETE /v2.0/ports/{port_id}  NeutronDeletePort  → 204
// (the neutron section of the VPC API reference: "Querying Ports", "Querying a Port", "Creating a
// Port", "Deleting a Port"; operation names and `ports_links` from the Python SDK's NeutronListPorts*;
// 201 on create as OpenStack answers and golangsdk's ports.Create expects.)

/** The caller's ports in their wire shape, ordered by id (neutron's paging order). */
function wirePorts(api: VpcApi, ctx: HandlerContext): WirePort[] {
    const scope = scopeOf(ctx);
    return Object.values(api.world.network.scope(scope).ports)
        .map((p) => portToWire(p, scope.projectId))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The port of the path in the caller's project; 404 PortNotFound otherwise (also for another project's). */
function ownPort(api: VpcApi, ctx: HandlerContext) {
    const port = api.world.network.port(scopeOf(ctx), ctx.params.port_id!);
    if (!port) throw neutron.portNotFound(ctx.params.port_id!);
    return port;
}

/** NeutronListPorts: the project's ports by id, filtered and marker-paged, with a `next` link when more follow. */
export const listPorts: VpcHandler = (api, ctx) => {
    const q = ctx.req.query;
    const limit = parseLimit(q.get("limit"));
    if (Number.isNaN(limit)) throw neutron.badRequest("limit", `Limit must be an integer 0 or greater and not '${q.get("limit")}'`);
    const marker = q.get("marker") ?? undefined;
    const page = markerPage(wirePorts(api, ctx), portFilter(q), marker, limit);
    // neutron looks the marker up as a port of the caller: an unknown one is PortNotFound.
    if (!page) throw neutron.portNotFound(marker!);
    const body: Record<string, unknown> = { ports: page.items };
    if (page.more) {
        const next = new URLSearchParams(q);
        next.set("marker", page.items[page.items.length - 1]!.id);
        body.ports_links = [{ href: `http://${ctx.req.headers.host ?? "127.0.0.1"}/v2.0/ports?${next.toString()}`, rel: "next" }];
    }
    return reply(200, body);
};

/** NeutronShowPort: one port of the project. */
export const showPort: VpcHandler = (api, ctx) => reply(200, { port: portToWire(ownPort(api, ctx), scopeOf(ctx).projectId) });

/** The `port` object of a create body, as neutron's request parser wants it. */
function portBody(ctx: HandlerContext): Record<string, unknown> {
    let v: unknown;
    try {
        v = JSON.parse(ctx.req.body.toString("utf8"));
    } catch (e) {
        throw neutron.malformed(String((e as Error).message));
    }
    const port = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>).port : undefined;
    if (!port || typeof port !== "object" || Array.isArray(port)) throw neutron.httpBadRequest("Unable to find 'port' in request body");
    return port as Record<string, unknown>;
}

/** The one fixed IP a port may ask for (`subnet_id` must be the network's own subnet). */
function fixedIp(body: Record<string, unknown>, networkId: string): string | undefined {
    const list = body.fixed_ips;
    if (list === undefined || list === null) return undefined;
    if (!Array.isArray(list)) throw neutron.invalidInput(`'${JSON.stringify(list)}' is not a list`);
    if (list.length > 1) throw neutron.invalidInput("Exceeded maximum amount of fixed ips per port.");
    const f = list[0] as Record<string, unknown> | undefined;
    if (f === undefined) return undefined;
    if (!f || typeof f !== "object") throw neutron.invalidInput(`'${JSON.stringify(f)}' is not a dictionary`);
    if (f.subnet_id !== undefined && f.subnet_id !== networkId)
        throw neutron.invalidInput(`Failed to create port on network ${networkId}, because fixed_ips included invalid subnet ${String(f.subnet_id)}.`);
    if (f.ip_address !== undefined && typeof f.ip_address !== "string")
        throw neutron.invalidInput(`'${JSON.stringify(f.ip_address)}' is not a valid IP address.`);
    return f.ip_address as string | undefined;
}

/** NeutronCreatePort: a port on a network (subnet) with the requested or lowest free address, 201. */
export const createPort: VpcHandler = (api, ctx) => {
    const body = portBody(ctx);
    const scope = scopeOf(ctx);
    const networkId = body.network_id;
    if (typeof networkId !== "string" || networkId === "")
        throw neutron.httpBadRequest("Failed to parse request. Required attribute 'network_id' not specified");
    if (body.name !== undefined && (typeof body.name !== "string" || body.name.length > 255))
        throw neutron.invalidInput(`'${JSON.stringify(body.name)}' is not a valid string of at most 255 characters`);
    // The page: device_id is maintained by the system; device_owner may only be neutron:VIP_PORT; admin_state_up only true.
    if (body.device_id !== undefined && body.device_id !== "") throw neutron.invalidInput("device_id cannot be set when creating a port.");
    const owner = body.device_owner ?? "";
    if (typeof owner !== "string" || !FREE_PORT_OWNERS.includes(owner))
        throw neutron.invalidInput(`device_owner can only be neutron:VIP_PORT when creating a port, got ${JSON.stringify(owner)}.`);
    if (body.admin_state_up !== undefined && body.admin_state_up !== true) throw neutron.invalidInput("admin_state_up can only be true.");
    if (!api.world.network.subnet(scope, networkId)) throw neutron.networkNotFound(networkId);
    const ip = fixedIp(body, networkId);
    try {
        const port = api.world.network.allocatePort(scope, {
            subnetId: networkId,
            ip,
            deviceOwner: owner,
            name: body.name as string | undefined,
            createdAt: api.world.now(),
        });
        return reply(201, { port: portToWire(port, scope.projectId) });
    } catch (e) {
        if (!(e instanceof NetworkError)) throw e;
        if (e.reason === "ip_in_use") throw neutron.ipInUse(networkId, ip!);
        if (e.reason === "subnet_full") throw neutron.noMoreIps(networkId);
        if (e.reason === "ip_invalid") throw neutron.invalidInput(`'${ip}' is not a valid IP address.`);
        throw neutron.invalidInput(`IP address ${ip} is not a valid IP for the specified subnet.`);
    }
};

/** NeutronDeletePort: a port without a device. */
export const deletePort: VpcHandler = (api, ctx) => {
    const port = ownPort(api, ctx);
    // The page: a port with a device_id, or a device_owner other than neutron:VIP_PORT, cannot be deleted.
    if (isBound(port)) throw neutron.portInUse(port.id, port.subnetId, port.deviceId || port.deviceOwner);
    api.world.network.releasePort(scopeOf(ctx), port.id);
    return reply(204);
};
