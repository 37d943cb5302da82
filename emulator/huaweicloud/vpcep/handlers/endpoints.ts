import { isUuid, newUuid } from "../../../core/ids";
import { requestDeletion, startLifecycle } from "../../../core/lifecycle";
import type { Scope } from "../../../core/scoped-store";
import { overlaps, parseCidr } from "../../../network/cidr";
import { bigToIpv6, containsIpv6, ipv6ToBig, nthIpv6, parseCidr6 } from "../../../network/ipv6";
import { NetworkError } from "../../../network/store";
import { vpcepError } from "../errors";
import { type EndpointRecord, type EndpointStatus, endpointToWire } from "../models";
import * as policy from "../policy";
import { ENDPOINT_KIND } from "../state";
import * as v from "../validation";
import { domainOf, noContent, ok, ownEndpoint, scopeOf, type Vpcep, type VpcepHandler } from "./context";

// POST   /v1/{project_id}/vpc-endpoints                      CreateEndpoint
// GET    /v1/{project_id}/vpc-endpoints                      ListEndpoints
// GET    /v1/{project_id}/vpc-endpoints/{id}                 ListEndpointInfoDetails
// PUT    /v1/{project_id}/vpc-endpoints/{id}                 UpdateEndpointWhite
// PUT    /v1/{project_id}/vpc-endpoints/{id}/routetables     UpdateEndpointRoutetable
// PUT    /v1/{project_id}/vpc-endpoints/{id}/policy          UpdateEndpointPolicy
// DELETE /v1/{project_id}/vpc-endpoints/{id}/policy          DeleteEndpointPolicy
// DELETE /v1/{project_id}/vpc-endpoints/{id}                 DeleteEndpoint

/** Endpoint subnets must stay clear of the range VPCEP uses internally. */
const RESERVED_CIDR = parseCidr("198.19.128.0/17")!;
/** Default quota of endpoints per project. */
export const ENDPOINT_QUOTA = 50;

/** Route tables: UUIDs of tables in the endpoint's VPC (`EndPoint.1019`); none → the VPC's default. */
function routeTables(api: Vpcep, scope: Scope, vpcId: string, raw: unknown): string[] {
    if (raw === undefined || raw === null) {
        const def = api.world.network.defaultRouteTable(scope, vpcId);
        return def ? [def.id] : [];
    }
    if (!Array.isArray(raw)) throw vpcepError("EndPoint.1019", "routetables must be an array of route table ids.");
    raw.forEach((id: unknown, i: number) => {
        if (!isUuid(id)) throw vpcepError("EndPoint.1019", `routetables[${i}] ${JSON.stringify(id)} is not a UUID.`);
        const rt = api.world.network.routeTable(scope, id);
        if (!rt || rt.vpcId !== vpcId) throw vpcepError("EndPoint.1019", `routetables[${i}] ${id} is not a route table of VPC ${vpcId}.`);
    });
    return [...new Set(raw as string[])];
}

/** Settled endpoints can be modified; transitional or failed ones cannot. */
function modifiable(id: string, status: EndpointStatus): void {
    if (status === "creating") throw vpcepError("EndPoint.2019", `endpoint ${id} is still being created.`);
    if (status === "deleting") throw vpcepError("EndPoint.2018", `endpoint ${id} is being deleted.`);
    if (status === "failed") throw vpcepError("EndPoint.2047", `endpoint ${id} has failed.`);
}

/**
 * `ip_version` (`ipv4` or `dualstack`, interface endpoints) and `ipv6_address`: a dual-stack
 * endpoint needs a dual-stack subnet and gets an IPv6 address from its block — the one asked for
 * (inside the block, not the block's first address, not another endpoint's) or the lowest free
 * one, as the SDK's CreateEndpointRequestBody says ("不指定的情况下，会使用系统生成的一个地址").
 * An IPv6 address without `dualstack` is refused.
 */
function dualStack(
    api: Vpcep,
    scope: Scope,
    body: Record<string, unknown>,
    serviceType: "interface" | "gateway",
    subnetId: string | undefined,
): { ipVersion?: string; ipv6Address?: string } {
    const ipVersion = v.enumField(body, "ip_version", ["ipv4", "dualstack"] as const, undefined);
    const asked = body.ipv6_address;
    const hasAsked = asked !== undefined && asked !== null && asked !== "";
    if (ipVersion !== "dualstack") {
        if (hasAsked) throw vpcepError("EndPoint.0002", "ipv6_address needs ip_version dualstack.");
        return ipVersion ? { ipVersion } : {};
    }
    if (serviceType !== "interface" || subnetId === undefined)
        throw vpcepError("EndPoint.0002", "ip_version dualstack applies only to endpoints of interface endpoint services.");
    const subnet = api.world.network.subnet(scope, subnetId)!;
    const block = subnet.ipv6Cidr === undefined ? undefined : parseCidr6(subnet.ipv6Cidr);
    if (!block) throw vpcepError("EndPoint.0002", `ip_version dualstack needs a dual-stack subnet; subnet ${subnetId} has no IPv6 block.`);
    const taken = new Set(
        Object.values(api.state.scope(scope).endpoints)
            .filter((e) => e.subnetId === subnetId && e.ipv6Address !== undefined && api.state.endpointStatus(e, "peek") !== "gone")
            .map((e) => e.ipv6Address),
    );
    if (!hasAsked) {
        for (let n = 2; ; n++) if (!taken.has(nthIpv6(block, n))) return { ipVersion, ipv6Address: nthIpv6(block, n) };
    }
    const ip = ipv6ToBig(asked);
    if (ip === undefined) throw vpcepError("EndPoint.2041", `ipv6_address ${JSON.stringify(asked)} is not an IPv6 address.`);
    const text = bigToIpv6(ip);
    if (!containsIpv6(block, ip) || ip === block.base) throw vpcepError("EndPoint.2043", `ipv6_address ${text} is not a host address of ${subnet.ipv6Cidr}.`);
    if (taken.has(text)) throw vpcepError("EndPoint.2042", `ipv6_address ${text} is already used by another endpoint.`);
    return { ipVersion, ipv6Address: text };
}

export const createEndpoint: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const scope = scopeOf(ctx);
    const serviceId = v.uuidField(body, "endpoint_service_id", "EndPoint.3062", "EndPoint.2029")!;
    const vpcId = v.uuidField(body, "vpc_id", "EndPoint.0020", "EndPoint.2011")!;
    const service = api.state.findService(serviceId);
    if (!service || service.region !== scope.region) throw vpcepError("EndPoint.2003", `endpoint service ${serviceId} does not exist.`);
    if (!api.state.canConnect(service, domainOf(ctx)))
        throw vpcepError("EndPoint.2012", `the service owner has not granted this account (iam:domain::${domainOf(ctx)}) permission.`);
    // Peek: a consumer's create must not advance the owner's afterReads timing.
    const serviceStatus = api.state.serviceStatus(service, "peek");
    if (serviceStatus !== "available") throw vpcepError("EndPoint.2004", `endpoint service ${serviceId} is ${serviceStatus}.`);
    const enableDns = v.boolField(body, "enable_dns", false, "EndPoint.2033");
    const description = v.description(body.description);
    const tags = v.tags(body.tags);
    const whitelist = v.whitelist(body.whitelist) ?? [];
    const enableWhitelist = v.boolField(body, "enable_whitelist", false);
    if (!api.world.network.vpc(scope, vpcId)) throw vpcepError("EndPoint.2001", `vpc_id ${vpcId} does not exist.`);
    let subnetId: string | undefined;
    let portIp: string | undefined;
    let routetables: string[] = [];
    if (service.serviceType === "interface") {
        if (body.routetables !== undefined && body.routetables !== null)
            throw vpcepError("EndPoint.0002", "routetables applies only to gateway endpoint services.");
        subnetId = v.uuidField(body, "subnet_id", "EndPoint.0023", "EndPoint.2010")!;
        const subnet = api.world.network.subnet(scope, subnetId);
        if (!subnet) throw vpcepError("EndPoint.0023", `subnet_id ${subnetId} does not exist.`);
        if (subnet.vpcId !== vpcId) throw vpcepError("EndPoint.2037", `subnet ${subnetId} belongs to VPC ${subnet.vpcId}, not ${vpcId}.`);
        if (overlaps(parseCidr(subnet.cidr)!, RESERVED_CIDR))
            throw vpcepError("EndPoint.3009", `subnet CIDR ${subnet.cidr} overlaps 198.19.128.0/17, which VPCEP reserves.`);
        if (body.port_ip === undefined || body.port_ip === null || body.port_ip === "")
            throw vpcepError("EndPoint.2041", "port_ip is required for an endpoint of an interface endpoint service.");
        api.state.settleDeletedEndpoints(scope);
        const problem = api.world.network.checkIp(scope, subnetId, String(body.port_ip));
        if (typeof body.port_ip !== "string" || problem?.reason === "ip_invalid")
            throw vpcepError("EndPoint.2041", `port_ip ${JSON.stringify(body.port_ip)} is not an IPv4 address.`);
        if (problem?.reason === "ip_in_use") throw vpcepError("EndPoint.2042", problem.message);
        if (problem) throw vpcepError("EndPoint.2043", problem.message);
        portIp = body.port_ip;
    } else {
        routetables = routeTables(api, scope, vpcId, body.routetables);
    }
    const enablePolicy = service.enablePolicy === true;
    policy.policyAllowed(body, service.serviceType, enablePolicy);
    const policyStatement = body.policy_statement != null ? policy.policyStatement(body.policy_statement) : undefined;
    const policyDocument = body.policy_document != null ? policy.policyDocument(body.policy_document) : undefined;
    const { ipVersion, ipv6Address } = dualStack(api, scope, body, service.serviceType, subnetId);
    const own = api.state.scope(scope);
    const quota = api.world.quota(ENDPOINT_KIND, ENDPOINT_QUOTA);
    if (Object.values(own.endpoints).filter((e) => api.state.endpointStatus(e, "peek") !== "gone").length >= quota) {
        throw vpcepError("Endpoint.1018", `at most ${quota} endpoints per project.`);
    }
    const id = newUuid();
    let portId: string | undefined;
    if (subnetId !== undefined && portIp !== undefined) {
        try {
            portId = api.world.network.allocatePort(scope, { subnetId, ip: portIp, deviceOwner: "network:vpcep", deviceId: id }).id;
        } catch (e) {
            if (e instanceof NetworkError) throw vpcepError("EndPoint.2043", e.message);
            throw e;
        }
    }
    const now = api.world.now();
    const t = api.world.timings.for(ENDPOINT_KIND);
    const record: EndpointRecord = {
        id,
        projectId: scope.projectId,
        region: scope.region,
        domainId: domainOf(ctx),
        serviceId: service.id,
        serviceName: service.fixedFullName ?? (service.name ? `${service.region}.${service.name}.${service.id}` : `${service.region}.${service.id}`),
        serviceType: service.serviceType,
        vpcId,
        subnetId,
        portId,
        ip: portIp,
        enableDns,
        whitelist,
        enableWhitelist,
        routetables,
        description,
        tags,
        markerId: api.state.nextMarkerId(),
        approvalRequired: service.approvalEnabled,
        ...(enablePolicy ? { policyEnabled: true } : {}),
        ...(policyStatement !== undefined ? { policyStatement } : {}),
        ...(policyDocument !== undefined ? { policyDocument } : {}),
        ...(ipVersion !== undefined ? { ipVersion } : {}),
        ...(ipv6Address !== undefined ? { ipv6Address } : {}),
        updatedAt: now,
        lifecycle: startLifecycle(now, t.create, t.fail || (t.failNamesMatching?.test(description) ?? false)),
    };
    own.endpoints[id] = record;
    api.world.markDirty();
    return ok(endpointToWire(record, "creating"));
};

export const listEndpoints: VpcepHandler = (api, ctx) => {
    const q = ctx.req.query;
    const name = q.get("endpoint_service_name");
    const vpcId = q.get("vpc_id");
    const id = q.get("id");
    const rows: Array<{ e: EndpointRecord; status: EndpointStatus }> = [];
    for (const e of Object.values(api.state.scope(scopeOf(ctx)).endpoints)) {
        const st = api.state.endpointStatus(e);
        if (st === "gone") continue;
        if (name !== null && !e.serviceName.includes(name)) continue;
        if (vpcId !== null && e.vpcId !== vpcId) continue;
        if (id !== null && e.id !== id) continue;
        rows.push({ e, status: st });
    }
    const { items, total } = v.page(rows, (r) => ({ created: r.e.lifecycle.createdAt, updated: r.e.updatedAt, id: r.e.id }), q, 1000);
    return ok({ endpoints: items.map((r) => endpointToWire(r.e, r.status)), total_count: total });
};

export const getEndpoint: VpcepHandler = (api, ctx) => {
    const { endpoint, status } = ownEndpoint(api, ctx);
    return ok(endpointToWire(endpoint, status));
};

/** Records a modification and answers with the endpoint. */
function touched(api: Vpcep, e: EndpointRecord, status: EndpointStatus) {
    e.updatedAt = api.world.now();
    api.world.markDirty();
    return ok(endpointToWire(e, status));
}

export const updateEndpointWhitelist: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { endpoint, status } = ownEndpoint(api, ctx);
    modifiable(endpoint.id, status);
    const whitelist = v.whitelist(body.whitelist) ?? endpoint.whitelist;
    const enableWhitelist = v.boolField(body, "enable_whitelist", endpoint.enableWhitelist);
    const description = body.description !== undefined ? v.description(body.description) : endpoint.description;
    Object.assign(endpoint, { whitelist, enableWhitelist, description });
    return touched(api, endpoint, status);
};

export const updateEndpointRoutetables: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { endpoint, status } = ownEndpoint(api, ctx);
    modifiable(endpoint.id, status);
    if (endpoint.serviceType !== "gateway") throw vpcepError("EndPoint.0002", "routetables applies only to endpoints of gateway endpoint services.");
    if (!Array.isArray(body.routetables)) throw vpcepError("EndPoint.1019", "routetables must be an array of route table ids.");
    endpoint.routetables = routeTables(api, scopeOf(ctx), endpoint.vpcId, body.routetables);
    return touched(api, endpoint, status);
};

export const updateEndpointPolicy: VpcepHandler = (api, ctx) => {
    const body = v.jsonObject(ctx.req);
    const { endpoint, status } = ownEndpoint(api, ctx);
    modifiable(endpoint.id, status);
    policy.policyAllowed(body, endpoint.serviceType, endpoint.policyEnabled === true);
    const hasStatement = body.policy_statement != null;
    const hasDocument = body.policy_document != null;
    if (!hasStatement && !hasDocument) throw vpcepError("EndPoint.2048", "policy_statement or policy_document is required.");
    if (hasStatement) endpoint.policyStatement = policy.policyStatement(body.policy_statement);
    if (hasDocument) endpoint.policyDocument = policy.policyDocument(body.policy_document);
    return touched(api, endpoint, status);
};

export const deleteEndpointPolicy: VpcepHandler = (api, ctx) => {
    const { endpoint, status } = ownEndpoint(api, ctx);
    modifiable(endpoint.id, status);
    if (endpoint.policyStatement === undefined && endpoint.policyDocument === undefined) throw vpcepError("EndPoint.2049");
    endpoint.policyStatement = undefined;
    endpoint.policyDocument = undefined;
    return touched(api, endpoint, status);
};

export const deleteEndpoint: VpcepHandler = (api, ctx) => {
    const { endpoint, status } = ownEndpoint(api, ctx);
    if (status === "creating") throw vpcepError("EndPoint.2019", `endpoint ${endpoint.id} is still being created.`);
    if (status === "deleting") throw vpcepError("EndPoint.2018", `endpoint ${endpoint.id} is already being deleted.`);
    requestDeletion(endpoint.lifecycle, api.world.now(), api.world.timings.for(ENDPOINT_KIND).delete);
    api.world.markDirty();
    // An immediate deletion is complete now: free the port at once.
    api.state.endpointStatus(endpoint, "peek");
    return noContent();
};
