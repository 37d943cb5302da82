import { newUuid } from "../../../core/ids";
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import { vpcepError } from "../errors";
import { fullServiceName, type ServiceRecord, type ServiceStatus, serviceSummaryToWire, serviceToWire } from "../models";
import { PUBLIC_OWNER, PUBLIC_SCOPE, SERVICE_KIND } from "../state";
import * as v from "../validation";
import { domainOf, noContent, ok, ownService, scopeOf, type Vpcep, type VpcepHandler } from "./context";

// POST   /v1/{project_id}/vpc-endpoint-services                  CreateEndpointService
// GET    /v1/{project_id}/vpc-endpoint-services                  ListEndpointServices
// GET    /v1/{project_id}/vpc-endpoint-services/describe         ListServiceDescribeDetails
// GET    /v1/{project_id}/vpc-endpoint-services/public           ListServicePublicDetails
// GET    /v1/{project_id}/vpc-endpoint-services/{id}             ListServiceDetails
// PUT    /v1/{project_id}/vpc-endpoint-services/{id}             UpdateEndpointService
// DELETE /v1/{project_id}/vpc-endpoint-services/{id}             DeleteEndpointService

const SERVER_TYPES = ["VM", "VIP", "LB"] as const;
const TCP_PROXY = ["close", "toa_open", "proxy_open", "open", "proxy_vni"] as const;
const SERVICE_STATUSES = ["creating", "available", "failed", "deleting"];
/** Default quota of endpoint services per project. */
export const SERVICE_QUOTA = 20;

/** The backend port must exist in the service's VPC; `(server_port, protocol)` unique across services sharing it. */
function checkBackend(
    api: Vpcep,
    scope: { projectId: string; region: string },
    vpcId: string,
    portId: string,
    ports: ServiceRecord["ports"],
    selfId?: string,
): void {
    const port = api.world.network.port(scope, portId);
    if (!port) throw vpcepError("EndPoint.3008", `port_id ${portId} does not exist.`);
    if (port.vpcId !== vpcId) throw vpcepError("EndPoint.3042", `port_id ${portId} is in VPC ${port.vpcId}, not ${vpcId}.`);
    for (const other of Object.values(api.state.scope(scope).services)) {
        if (other.id === selfId || other.portId !== portId || api.state.serviceStatus(other, "peek") === "gone") continue;
        for (const p of ports) {
            if (other.ports.some((o) => o.server_port === p.server_port && o.protocol === p.protocol)) {
                throw vpcepError(
                    "EndPoint.3044",
                    `server_port ${p.server_port}/${p.protocol} is already used on port ${portId} by endpoint service ${other.id}.`,
                );
            }
        }
    }
}

/**
 * `snat_network_id`: "any network (subnet) of the VPC the service is created in", required when
 * `ip_version` is ipv6 (the official SDK's CreateEndpointServiceRequestBody). A network of another
 * VPC is refused like an unknown one.
 */
function snatNetwork(api: Vpcep, scope: { projectId: string; region: string }, vpcId: string, body: Record<string, unknown>, ipVersion?: string) {
    const id = v.uuidField(body, "snat_network_id", "EndPoint.0002");
    if (id === undefined) {
        if (ipVersion === "ipv6") throw vpcepError("EndPoint.0002", "snat_network_id is required when ip_version is ipv6.");
        return undefined;
    }
    const subnet = api.world.network.subnet(scope, id);
    if (!subnet || subnet.vpcId !== vpcId) throw vpcepError("EndPoint.0002", `snat_network_id ${id} is not a network of VPC ${vpcId}.`);
    return id;
}

export const createEndpointService: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const scope = scopeOf(ctx);
    const vpcId = v.uuidField(body, "vpc_id", "EndPoint.0020", "EndPoint.2011")!;
    const portId = v.uuidField(body, "port_id", "EndPoint.3003", "EndPoint.3003")!;
    const serverType = v.enumField(body, "server_type", SERVER_TYPES, undefined, "EndPoint.3021");
    if (!serverType) throw vpcepError("EndPoint.3021", "server_type is required (VM, VIP or LB).");
    const serviceType = v.enumField(body, "service_type", ["interface", "gateway"] as const, "interface")!;
    // Gateway services are configured by the cloud's O&M; users can only create interface services.
    if (serviceType !== "interface") throw vpcepError("EndPoint.0002", "service_type must be interface: gateway services are provided by the cloud.");
    if (body.ip !== undefined && body.ip !== null) throw vpcepError("EndPoint.3011", "ip applies only to VLAN scenarios.");
    const name = v.serviceName(body.service_name);
    const approvalEnabled = v.boolField(body, "approval_enabled", true);
    const ports = v.ports(body.ports);
    const tcpProxy = v.enumField(body, "tcp_proxy", TCP_PROXY, "close")!;
    const tags = v.tags(body.tags);
    const description = v.description(body.description);
    const ipVersion = v.enumField(body, "ip_version", ["ipv4", "ipv6"] as const, undefined);
    // Not in the official SDK's create body, but the response carries it and the Terraform
    // provider sends it (resource_huaweicloud_vpcep_service.go, `EnablePolicy`, create only).
    const enablePolicy = v.boolField(body, "enable_policy", false);
    if (!api.world.network.vpc(scope, vpcId)) throw vpcepError("EndPoint.2001", `vpc_id ${vpcId} does not exist.`);
    const snatNetworkId = snatNetwork(api, scope, vpcId, body, ipVersion);
    checkBackend(api, scope, vpcId, portId, ports);
    const own = api.state.scope(scope);
    const used = Object.values(own.services).filter((s) => api.state.serviceStatus(s, "peek") !== "gone").length;
    if (used >= api.world.quota(SERVICE_KIND, SERVICE_QUOTA))
        throw vpcepError("Endpoint.1018", `at most ${api.world.quota(SERVICE_KIND, SERVICE_QUOTA)} endpoint services per project.`);
    const now = api.world.now();
    const t = api.world.timings.for(SERVICE_KIND);
    const record: ServiceRecord = {
        id: newUuid(),
        projectId: scope.projectId,
        region: scope.region,
        domainId: domainOf(ctx),
        name,
        portId,
        vpcId,
        serverType,
        serviceType,
        approvalEnabled,
        ports,
        tcpProxy,
        tags,
        description,
        ipVersion,
        ...(enablePolicy ? { enablePolicy } : {}),
        ...(snatNetworkId !== undefined ? { snatNetworkId } : {}),
        poolId: newUuid(),
        permissions: [],
        isPublic: false,
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(name ?? "") ?? false)),
    };
    own.services[record.id] = record;
    api.world.markDirty();
    // The create answer always says "creating", whatever the timings: provisioning is asynchronous.
    return ok(serviceToWire(record, "creating", 0));
};

export const listEndpointServices: VpcepHandler = (api, ctx) => {
    const q = ctx.req.query;
    const status = q.get("status");
    if (status !== null && !SERVICE_STATUSES.includes(status)) throw vpcepError("EndPoint.0019", `status must be one of ${SERVICE_STATUSES.join(", ")}.`);
    const name = q.get("endpoint_service_name");
    const id = q.get("id");
    const rows: Array<{ s: ServiceRecord; status: ServiceStatus }> = [];
    for (const s of Object.values(api.state.scope(scopeOf(ctx)).services)) {
        const st = api.state.serviceStatus(s);
        if (st === "gone") continue;
        if (status !== null && st !== status) continue;
        if (id !== null && s.id !== id) continue;
        if (name !== null && !fullServiceName(s).includes(name)) continue;
        rows.push({ s, status: st });
    }
    const { items, total } = v.page(rows, (r) => ({ created: r.s.lifecycle.createdAt, updated: r.s.updatedAt, id: r.s.id }), q, 1000);
    return ok({ endpoint_services: items.map((r) => serviceToWire(r.s, r.status, api.state.endpointsOf(r.s.id).length)), total_count: total });
};

export const describeEndpointService: VpcepHandler = (api, ctx) => {
    const name = ctx.req.query.get("endpoint_service_name");
    const id = ctx.req.query.get("id");
    if (!name && !id) throw vpcepError("EndPoint.0002", "endpoint_service_name or id is required.");
    const domain = domainOf(ctx);
    const region = scopeOf(ctx).region;
    let found: ServiceRecord | undefined;
    if (id) found = api.state.findService(id);
    else {
        for (const { value } of api.state.store.entries()) {
            found = Object.values(value.services).find((s) => fullServiceName(s) === name && api.state.serviceStatus(s, "peek") !== "gone");
            if (found) break;
        }
    }
    if (!found || found.region !== region || !api.state.canConnect(found, domain)) {
        throw vpcepError("EndPoint.0005", `Endpoint service ${name ?? id} does not exist or is not visible to this account.`);
    }
    return ok(serviceSummaryToWire(found));
};

export const listPublicEndpointServices: VpcepHandler = (api, ctx) => {
    const q = ctx.req.query;
    const name = q.get("endpoint_service_name");
    const id = q.get("id");
    const region = scopeOf(ctx).region;
    const rows = Object.values(api.state.scope({ ...PUBLIC_SCOPE, region }).services).filter(
        (s) => (name === null || fullServiceName(s).includes(name)) && (id === null || s.id === id),
    );
    const { items, total } = v.page(rows, (s) => ({ created: s.lifecycle.createdAt, updated: s.updatedAt, id: s.id }), q, 1000);
    return ok({ endpoint_services: items.map((s) => ({ owner: PUBLIC_OWNER, ...serviceSummaryToWire(s) })), total_count: total });
};

export const getEndpointService: VpcepHandler = (api, ctx) => {
    const { service, status } = ownService(api, ctx);
    return ok(serviceToWire(service, status, api.state.endpointsOf(service.id).length));
};

export const updateEndpointService: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { service, status } = ownService(api, ctx);
    if (status !== "available") throw vpcepError("EndPoint.3045", `the endpoint service is ${status}; it can be modified only when available.`);
    const scope = scopeOf(ctx);
    // Validate everything first so a rejected update changes nothing.
    const name = body.service_name !== undefined ? v.serviceName(body.service_name) : service.name;
    const approvalEnabled = v.boolField(body, "approval_enabled", service.approvalEnabled);
    const ports = body.ports !== undefined ? v.ports(body.ports) : service.ports;
    const portId = v.uuidField(body, "port_id", "EndPoint.3003") ?? service.portId;
    if (body.ip !== undefined && body.ip !== null) throw vpcepError("EndPoint.3011", "ip applies only to VLAN scenarios.");
    const description = body.description !== undefined ? v.description(body.description) : service.description;
    const tcpProxy = v.enumField(body, "tcp_proxy", TCP_PROXY, service.tcpProxy as (typeof TCP_PROXY)[number])!;
    if (portId !== undefined && (portId !== service.portId || body.ports !== undefined)) checkBackend(api, scope, service.vpcId, portId, ports, service.id);
    Object.assign(service, { name, approvalEnabled, ports, portId, description, tcpProxy, updatedAt: api.world.now() });
    api.world.markDirty();
    return ok(serviceToWire(service, status, api.state.endpointsOf(service.id).length));
};

export const deleteEndpointService: VpcepHandler = (api, ctx) => {
    const { service, status } = ownService(api, ctx);
    if (status === "creating") throw vpcepError("EndPoint.2019", "the endpoint service is still being created.");
    if (status === "deleting") throw vpcepError("EndPoint.2018", "the endpoint service is already being deleted.");
    // Rejected and failed connections do not keep a service in use; live ones do.
    const inUse = api.state.endpointsOf(service.id).filter((e) => {
        const s = api.state.endpointStatus(e, "peek");
        return s !== "rejected" && s !== "failed";
    });
    if (inUse.length > 0) throw vpcepError("EndPoint.3006", `endpoints ${inUse.map((e) => e.id).join(", ")} are connected to it.`);
    requestDeletion(service.lifecycle, api.world.now(), api.world.timings.for(SERVICE_KIND).delete);
    api.world.markDirty();
    return noContent();
};
