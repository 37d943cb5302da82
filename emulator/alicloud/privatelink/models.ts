import type { Lifecycle } from "../../core/lifecycle";

/** Records are plain JSON: they are persisted as they are. */
export interface Tag {
    Key: string;
    Value: string;
}

export interface ZoneRecord {
    zoneId: string;
    vSwitchId: string;
    ip: string;
    /** The interface's IPv6 address while the endpoint is DualStack. */
    ipv6?: string;
    portId?: string;
    eniId: string;
    /** Zone creation (Creating → Connected/Wait) and removal (Deleting → gone). */
    lifecycle: Lifecycle;
}

export interface EndpointRecord {
    id: string;
    /** Owner's UID. */
    accountId: string;
    region: string;
    name: string;
    description: string;
    endpointType: EndpointType;
    /**
     * Managed protection as created (`ProtectedEnabled`; absent in states saved before the field
     * existed: false). Kept and reported: the emulator's STS tokens carry no user to hold it against.
     */
    protectedEnabled?: boolean;
    /** Absent in states saved before the field existed: IPv4. */
    addressIpVersion?: AddressIpVersion;
    /** The RAM policy as the caller sent it; absent: the default policy. */
    policyDocument?: string;
    serviceId: string;
    serviceName: string;
    /**
     * The service's region, on a cross-region endpoint only (`ServiceRegionId`); absent: the
     * endpoint's own region (also in states saved before the field existed).
     */
    serviceRegion?: string;
    /** Mbit/s between the two regions, on a cross-region endpoint only (`CrossRegionBandwidth`). */
    crossRegionBandwidth?: number;
    vpcId: string;
    securityGroupIds: string[];
    zones: ZoneRecord[];
    tags: Tag[];
    /**
     * Where the connection rests (or is heading): true once the owner accepted it
     * (EnableVpcEndpointConnection, or the service's auto-accept), false while it waits for
     * approval or after DisableVpcEndpointConnection.
     */
    connected: boolean;
    /** The owner's last operation on the connection: its status is transitional until the lifecycle completes. */
    connectionOp?: ConnectionOp;
    /** Mbit/s: 3072 until the owner sets another (EnableVpcEndpointConnection, UpdateVpcEndpointConnectionAttribute). */
    bandwidth: number;
    lifecycle: Lifecycle;
    /** An in-progress modification: the endpoint reads `Pending` until it completes. */
    busy?: Lifecycle;
    modifiedAt: number;
}

export interface ServiceResource {
    resourceId: string;
    resourceType: string;
    zoneId: string;
}

export interface ServiceRecord {
    id: string;
    accountId: string;
    region: string;
    description: string;
    autoAcceptEnabled: boolean;
    payer: "Endpoint" | "EndpointService";
    serviceResourceType: string;
    zoneAffinityEnabled: boolean;
    /**
     * The default bandwidth of its endpoint connections, Mbit/s (UpdateVpcEndpointServiceAttribute
     * `ConnectBandwidth`); absent until one is set (and in states saved before the field existed):
     * {@link DEFAULT_CONNECT_BANDWIDTH}.
     */
    connectBandwidth?: number;
    /** Absent in states saved before the field existed: IPv4. */
    addressIpVersion?: AddressIpVersion;
    /** Regions besides its own that the service is offered in (cross-region). */
    supportedRegions?: string[];
    resources: ServiceResource[];
    /** UIDs allowed to connect (besides the owner). */
    users: string[];
    /** ARN entries of the allow-list (`UserARN`, `acs:ram:*:<account-id>:*`); absent in older states: none. */
    userArns?: string[];
    tags: Tag[];
    lifecycle: Lifecycle;
    busy?: Lifecycle;
}

/**
 * An operation of the service owner on an endpoint connection, transitional while its lifecycle is
 * `creating`: enable → `Connecting`, disable → `Disconnecting`, modify (bandwidth) → `Pending`.
 */
export interface ConnectionOp {
    kind: "enable" | "disable" | "modify";
    lifecycle: Lifecycle;
}

/**
 * The endpoint types (GetVpcEndpointAttributeResponseBody `endpoint_type`, official SDK 4.0.9):
 * Interface, Reverse, and GatewayLoadBalancer, the endpoint of a service of GWLB resources.
 */
export type EndpointType = "Interface" | "Reverse" | "GatewayLoadBalancer";

/**
 * A service's type, which its endpoints' EndpointType must equal: GatewayLoadBalancer for GWLB
 * resources, Interface for CLB, ALB and NLB ones (GetVpcEndpointServiceAttributeResponseBody
 * `service_type`, official SDK 4.0.9).
 */
export const serviceType = (s: { serviceResourceType: string }): EndpointType => (s.serviceResourceType === "gwlb" ? "GatewayLoadBalancer" : "Interface");

/**
 * Whether a service lets an account connect: its owner, a UID of its allow-list, or an ARN entry
 * naming the account (`acs:ram:<region>:<account-id>:<resource>`; `*` in the account part names
 * every account). How an ARN entry admits callers is the emulator's reading: the pages give only
 * the form.
 */
export function allowsAccount(s: { accountId: string; users: string[]; userArns?: string[] }, uid: string): boolean {
    return s.accountId === uid || s.users.includes(uid) || (s.userArns ?? []).some((a) => [uid, "*"].includes(a.split(":")[3] ?? ""));
}

/** IPv4, or DualStack (IPv4 and IPv6): the values of AddressIpVersion in the official SDK's request models. */
export type AddressIpVersion = "IPv4" | "DualStack";

/**
 * The policy an endpoint reads when none was set: everything allowed. The text is the emulator's;
 * terraform-provider-alicloud's example sets this document, and its policy_document is
 * Optional+Computed (the cloud reports a policy of its own when none is given).
 */
export const DEFAULT_POLICY = JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"], Principal: "*" }] });

export type EndpointStatus = "Creating" | "Active" | "Pending" | "Deleting";
/**
 * ConnectionStatus as GetVpcEndpointAttribute, ListVpcEndpoints and ListVpcEndpointConnections
 * report it (values from the official SDK's ListVpcEndpointConnectionsRequest and the
 * GetVpcEndpointAttribute page: Pending = being modified, Connecting, Connected, Disconnecting,
 * Disconnected, Deleting, ServiceDeleted = the endpoint service was deleted).
 */
export type ConnectionStatus = "Pending" | "Connecting" | "Connected" | "Disconnecting" | "Disconnected" | "Deleting" | "ServiceDeleted";
export type ServiceStatus = "Creating" | "Active" | "Pending" | "Deleting";
/** ListVpcEndpointZones' ZoneStatus values (official SDK's ListVpcEndpointZonesResponseBody). */
export type ZoneStatus = "Creating" | "Wait" | "Connecting" | "Connected" | "Disconnecting" | "Disconnected" | "Deleting";

/** Alibaba times: `2022-01-02T19:11:12Z`. */
export function acsTime(ms: number): string {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const serviceName = (s: { region: string; id: string }) => `com.aliyuncs.privatelink.${s.region}.${s.id}`;
export const serviceDomain = (s: { region: string; id: string }) => `${s.id}.${s.region}.privatelink.aliyuncs.com`;
export const endpointDomain = (e: { id: string; serviceId: string; region: string }) => `${e.id}.${e.serviceId}.${e.region}.privatelink.aliyuncs.com`;

/**
 * The endpoint as GetVpcEndpointAttribute / ListVpcEndpoints report it; `connection` is its
 * connection status (PrivateLinkState.connectionStatus, the same ListVpcEndpointConnections shows).
 */
export function endpointToWire(e: EndpointRecord, status: EndpointStatus, connection: ConnectionStatus, withTags: boolean) {
    return {
        EndpointId: e.id,
        EndpointName: e.name,
        EndpointDescription: e.description,
        EndpointStatus: status,
        EndpointBusinessStatus: "Normal",
        ConnectionStatus: connection,
        EndpointType: e.endpointType,
        ServiceId: e.serviceId,
        ServiceName: e.serviceName,
        VpcId: e.vpcId,
        EndpointDomain: endpointDomain(e),
        Bandwidth: e.bandwidth,
        CreateTime: acsTime(e.lifecycle.createdAt),
        RegionId: e.region,
        ResourceOwner: true,
        ZonePrivateIpAddressCount: 1,
        ProtectedEnabled: e.protectedEnabled ?? false,
        AddressIpVersion: e.addressIpVersion ?? "IPv4",
        PolicyDocument: e.policyDocument ?? DEFAULT_POLICY,
        ZoneAffinityEnabled: false,
        // GetVpcEndpointAttributeResponseBody and ListVpcEndpointsResponseBodyEndpoints (official SDK
        // 4.0.9): the service's region always; the cross-region bandwidth "only when the endpoint and
        // the endpoint service are in different regions" (CreateVpcEndpointResponseBody).
        ServiceRegionId: e.serviceRegion ?? e.region,
        ...(e.crossRegionBandwidth !== undefined ? { CrossRegionBandwidth: e.crossRegionBandwidth } : {}),
        ...(withTags ? { Tags: e.tags } : {}),
    };
}

export function zoneToWire(e: EndpointRecord, z: ZoneRecord, status: ZoneStatus) {
    return {
        ZoneId: z.zoneId,
        VSwitchId: z.vSwitchId,
        EniId: z.eniId,
        EniIp: z.ip,
        ...(z.ipv6 !== undefined ? { ZoneIpv6Address: z.ipv6 } : {}),
        ZoneStatus: status,
        ZoneDomain: `${e.id}-${z.zoneId}.${e.serviceId}.${e.region}.privatelink.aliyuncs.com`,
        RegionId: e.region,
    };
}

/**
 * A service's default connection bandwidth until one is set, Mbit/s ("Default value: 3072":
 * UpdateVpcEndpointServiceAttributeRequest `connect_bandwidth`, official SDK 4.0.9; the CLB default
 * of EnableVpcEndpointConnectionRequest `bandwidth` too).
 */
export const DEFAULT_CONNECT_BANDWIDTH = 3072;

export function serviceToWire(s: ServiceRecord, status: ServiceStatus, withTags: boolean) {
    return {
        ServiceId: s.id,
        ServiceName: serviceName(s),
        ServiceDomain: serviceDomain(s),
        ServiceStatus: status,
        ServiceBusinessStatus: "Normal",
        ServiceDescription: s.description,
        ServiceType: serviceType(s),
        ServiceResourceType: s.serviceResourceType,
        AutoAcceptEnabled: s.autoAcceptEnabled,
        Payer: s.payer,
        ZoneAffinityEnabled: s.zoneAffinityEnabled,
        Zones: [...new Set(s.resources.map((r) => r.zoneId))].sort(),
        // Reported for CLB (slb) services only: "When service_resource_type is slb, this field can be read
        // from the remote API. When nlb, alb, or gwlb, this field can be configured but is not returned"
        // (terraform-provider-alicloud's alicloud_privatelink_vpc_endpoint_service docs, `connect_bandwidth`).
        ...(s.serviceResourceType === "slb" ? { ConnectBandwidth: s.connectBandwidth ?? DEFAULT_CONNECT_BANDWIDTH } : {}),
        MaxBandwidth: 10240,
        MinBandwidth: 100,
        CreateTime: acsTime(s.lifecycle.createdAt),
        RegionId: s.region,
        AddressIpVersion: s.addressIpVersion ?? "IPv4",
        ServiceSupportIPv6: s.addressIpVersion === "DualStack",
        // Regions are offered at once (Available); the cloud's Pending/Failed/Closed are not modelled.
        SupportedRegionSet: (s.supportedRegions ?? []).map((r) => ({
            SupportedRegionId: r,
            ServiceRegionId: s.region,
            RegionServiceStatus: "Available",
            RegionBusinessStatus: "Normal",
        })),
        ...(withTags ? { Tags: s.tags } : {}),
    };
}
