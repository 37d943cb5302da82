import { huaweiTime } from "../../core/ids";
import type { Lifecycle } from "../../core/lifecycle";

/**
 * VPCEP records as the emulator stores them (plain JSON, persisted as is) and their wire
 * projections, written from the API pages rather than from any client.
 */

/** A port mapping, kept in its wire shape. */
export interface PortMapping {
    client_port: number;
    server_port: number;
    protocol: string;
}

export interface Tag {
    key: string;
    value: string;
}

export interface PermissionRecord {
    id: string;
    permission: string;
    permissionType: "domainId" | "orgPath";
    description: string;
    createdAt: number;
}

export interface ServiceRecord {
    id: string;
    projectId: string;
    region: string;
    /** Owner's domain (account) id. */
    domainId: string;
    /** The short name the user gave (`service_name` in requests); may be absent. */
    name?: string;
    /** Public (O&M) services have a fixed full name instead of `{region}.{name}.{id}`. */
    fixedFullName?: string;
    portId?: string;
    vpcId: string;
    serverType: string;
    serviceType: "interface" | "gateway";
    approvalEnabled: boolean;
    ip?: string;
    ports: PortMapping[];
    tcpProxy: string;
    tags: Tag[];
    description: string;
    ipVersion?: string;
    /** Whether endpoints may carry a policy (`enable_policy`; fixed at creation). Absent: false. */
    enablePolicy?: boolean;
    /** The network (subnet) of the service's VPC the service's SNAT addresses come from (IPv6 services). */
    snatNetworkId?: string;
    poolId: string;
    permissions: PermissionRecord[];
    isPublic: boolean;
    updatedAt: number;
    lifecycle: Lifecycle;
}

export interface EndpointRecord {
    id: string;
    projectId: string;
    region: string;
    domainId: string;
    serviceId: string;
    /** The service's full name, copied at creation (the service may go away before the endpoint). */
    serviceName: string;
    serviceType: "interface" | "gateway";
    vpcId: string;
    subnetId?: string;
    /** The port the emulator allocated for `port_ip` (interface endpoints). */
    portId?: string;
    ip?: string;
    enableDns: boolean;
    whitelist: string[];
    enableWhitelist: boolean;
    routetables: string[];
    description: string;
    tags: Tag[];
    markerId: number;
    /** The service required approval when the endpoint was created. */
    approvalRequired: boolean;
    /** The service owner's last decision. */
    decision?: "accepted" | "rejected";
    connectionDescription?: string;
    /** The service enabled policies when the endpoint was created (`enable_policy` cannot change). */
    policyEnabled?: boolean;
    policyStatement?: unknown[];
    policyDocument?: Record<string, unknown>;
    /** `ipv4` or `dualstack`; absent on endpoints created without `ip_version`. */
    ipVersion?: string;
    /** A dual-stack endpoint's IPv6 address, from its subnet's IPv6 block. */
    ipv6Address?: string;
    updatedAt: number;
    lifecycle: Lifecycle;
}

export type ServiceStatus = "creating" | "available" | "failed" | "deleting";
export type EndpointStatus = "creating" | "pendingAcceptance" | "accepted" | "rejected" | "failed" | "deleting";

/** `service_name` as the API returns it: `{region}.{name}.{id}`, or `{region}.{id}` without a name. */
export function fullServiceName(s: ServiceRecord): string {
    return s.fixedFullName ?? (s.name ? `${s.region}.${s.name}.${s.id}` : `${s.region}.${s.id}`);
}

const SERVICE_FAILURE = [{ error_code: "EndPoint.3001", error_message: "Failed to create a port." }];
const ENDPOINT_FAILURE = [{ error_code: "EndPoint.2022", error_message: "Failed to create an endpoint." }];

/** The endpoint service object of GET/POST/PUT responses. */
export function serviceToWire(s: ServiceRecord, status: ServiceStatus, connectionCount: number): Record<string, unknown> {
    return {
        id: s.id,
        port_id: s.portId,
        service_name: fullServiceName(s),
        server_type: s.serverType,
        vpc_id: s.vpcId,
        pool_id: s.poolId,
        approval_enabled: s.approvalEnabled,
        status,
        service_type: s.serviceType,
        created_at: huaweiTime(s.lifecycle.createdAt),
        updated_at: huaweiTime(s.updatedAt),
        project_id: s.projectId,
        ...(s.ip !== undefined ? { ip: s.ip } : {}),
        ports: s.ports.map((p) => ({ ...p })),
        tcp_proxy: s.tcpProxy,
        tags: s.tags.map((t) => ({ ...t })),
        description: s.description,
        enable_policy: s.enablePolicy === true,
        connection_count: connectionCount,
        ...(s.ipVersion !== undefined ? { ip_version: s.ipVersion } : {}),
        ...(s.snatNetworkId !== undefined ? { snat_network_id: s.snatNetworkId } : {}),
        ...(status === "failed" ? { error: SERVICE_FAILURE } : {}),
    };
}

/** The short form `GET /vpc-endpoint-services/describe` and the public list return. */
export function serviceSummaryToWire(s: ServiceRecord): Record<string, unknown> {
    return { id: s.id, service_name: fullServiceName(s), service_type: s.serviceType, created_at: huaweiTime(s.lifecycle.createdAt), is_charge: false };
}

/**
 * The endpoint object. `ip` appears for interface endpoints once usable: at once without
 * approval, only after acceptance with approval. `dns_names` follows `ip` when enable_dns is set.
 * A pendingAcceptance endpoint reads back `enable_dns: false`, a quirk of the real API that
 * clients must not turn into a diff.
 */
export function endpointToWire(e: EndpointRecord, status: EndpointStatus): Record<string, unknown> {
    const usable = status === "accepted" || (!e.approvalRequired && status === "creating");
    const showIp = e.serviceType === "interface" && e.ip !== undefined && usable;
    return {
        id: e.id,
        service_type: e.serviceType,
        status,
        active_status: ["active"],
        endpoint_service_name: e.serviceName,
        marker_id: e.markerId,
        endpoint_service_id: e.serviceId,
        enable_dns: status === "pendingAcceptance" ? false : e.enableDns,
        ...(e.enableDns && showIp ? { dns_names: [`${e.id.slice(0, 8)}.${e.serviceName}.vpcep.${e.region}.myhuaweicloud.com`] } : {}),
        ...(showIp ? { ip: e.ip } : {}),
        ...(showIp && e.ipv6Address !== undefined ? { ipv6_address: e.ipv6Address } : {}),
        ip_version: e.ipVersion ?? "ipv4",
        ...(e.subnetId !== undefined ? { subnet_id: e.subnetId } : {}),
        vpc_id: e.vpcId,
        created_at: huaweiTime(e.lifecycle.createdAt),
        updated_at: huaweiTime(e.updatedAt),
        project_id: e.projectId,
        tags: e.tags.map((t) => ({ ...t })),
        whitelist: [...e.whitelist],
        enable_whitelist: e.enableWhitelist,
        ...(e.serviceType === "gateway" ? { routetables: [...e.routetables] } : {}),
        specification_name: "default",
        description: e.description,
        ...(e.policyStatement !== undefined ? { policy_statement: e.policyStatement } : {}),
        ...(e.policyDocument !== undefined ? { policy_document: e.policyDocument } : {}),
        enable_status: "enable",
        ...(status === "failed" ? { error: ENDPOINT_FAILURE } : {}),
    };
}

/** One entry of the service owner's connections list. */
export function connectionToWire(e: EndpointRecord, status: EndpointStatus): Record<string, unknown> {
    return {
        id: e.id,
        marker_id: e.markerId,
        domain_id: e.domainId,
        status,
        description: e.connectionDescription ?? "",
        created_at: huaweiTime(e.lifecycle.createdAt),
        updated_at: huaweiTime(e.updatedAt),
        ...(status === "failed" ? { error: ENDPOINT_FAILURE } : {}),
    };
}

export function permissionToWire(p: PermissionRecord): Record<string, unknown> {
    return { id: p.id, permission: p.permission, permission_type: p.permissionType, description: p.description, created_at: huaweiTime(p.createdAt) };
}
