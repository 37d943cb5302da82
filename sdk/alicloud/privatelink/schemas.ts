/**
 * PrivateLink 2020-04-15 wire shapes (PascalCase, as the API spells them). Requests are strict
 * (a misspelt parameter fails before any call); responses are loose.
 */
import { z } from "zod";
import { arr, opt } from "../../core/schema";

export const TagInput = z.strictObject({ Key: z.string().min(1).max(128), Value: z.string().max(128).optional() });
export type TagInput = z.input<typeof TagInput>;

const Tag = z.looseObject({ Key: opt(z.string()), Value: opt(z.string()) });

const Common = { DryRun: z.boolean().optional() };

/**
 * `AddressIpVersion` of endpoints and services: IPv4 (default) or DualStack (the Python SDK's
 * CreateVpcEndpointRequest, UpdateVpcEndpointAttributeRequest and their service counterparts).
 */
export const AddressIpVersion = z.enum(["IPv4", "DualStack"]);
export type AddressIpVersion = z.output<typeof AddressIpVersion>;

// ---- endpoints ----------------------------------------------------------------------------

/**
 * `EndpointType` (GetVpcEndpointAttributeResponseBody `endpoint_type`: Interface, Reverse,
 * GatewayLoadBalancer — a Gateway Load Balancer endpoint, for a service of `gwlb` resources).
 */
export const EndpointType = z.enum(["Interface", "Reverse", "GatewayLoadBalancer"]);

// Ipv6Address: the zone interface's IPv6 address (CreateVpcEndpointRequestZone, AddZoneToVpcEndpointRequest
// in alibabacloud_privatelink20200415 4.0.9); taken only by a DualStack endpoint.
export const ZoneInput = z.strictObject({
    ZoneId: z.string().min(1),
    VSwitchId: z.string().min(1),
    ip: z.string().optional(),
    Ipv6Address: z.string().optional(),
});
export type ZoneInput = z.input<typeof ZoneInput>;

export const CreateVpcEndpointRequest = z.strictObject({
    ...Common,
    ClientToken: z.string().max(64).optional(),
    ServiceId: z.string().optional(),
    ServiceName: z.string().optional(),
    VpcId: z.string().min(1),
    SecurityGroupId: z.array(z.string().min(1)).max(10).optional(),
    Zone: z.array(ZoneInput).max(10).optional(),
    EndpointName: z.string().optional(),
    EndpointDescription: z.string().optional(),
    /** `GatewayLoadBalancer` connects to a `gwlb` service (CreateVpcEndpointRequest, ListVpcEndpointsRequest `endpoint_type`). */
    EndpointType: EndpointType.optional(),
    AddressIpVersion: AddressIpVersion.optional(),
    /** The RAM access policy, as JSON text. */
    PolicyDocument: z.string().optional(),
    /** Private IPs of each zone's interface: "Set the value to 1" (CreateVpcEndpointRequest `zone_private_ip_address_count`). */
    ZonePrivateIpAddressCount: z.number().int().optional(),
    /** Managed protection, effective for STS callers (CreateVpcEndpointRequest `protected_enabled`). */
    ProtectedEnabled: z.boolean().optional(),
    /**
     * The endpoint service's region, when it is not the endpoint's (CreateVpcEndpointRequest
     * `service_region_id`: "The default value is the current region").
     */
    ServiceRegionId: z.string().optional(),
    /**
     * Mbit/s between the two regions of a cross-region endpoint: "required only when the endpoint and
     * the endpoint service are in different regions" (CreateVpcEndpointRequest `cross_region_bandwidth`).
     */
    CrossRegionBandwidth: z.number().int().optional(),
    Tag: z.array(TagInput).max(20).optional(),
    ResourceGroupId: z.string().optional(),
});
export type CreateVpcEndpointRequest = z.input<typeof CreateVpcEndpointRequest>;

export const VpcEndpoint = z.looseObject({
    EndpointId: z.string(),
    EndpointName: opt(z.string()),
    EndpointDescription: opt(z.string()),
    EndpointStatus: opt(z.string()),
    EndpointBusinessStatus: opt(z.string()),
    ConnectionStatus: opt(z.string()),
    EndpointType: opt(z.string()),
    ServiceId: opt(z.string()),
    ServiceName: opt(z.string()),
    VpcId: opt(z.string()),
    EndpointDomain: opt(z.string()),
    Bandwidth: opt(z.number()),
    CreateTime: opt(z.string()),
    RegionId: opt(z.string()),
    AddressIpVersion: opt(z.string()),
    /** JSON text (GetVpcEndpointAttributeResponseBody, ListVpcEndpointsResponseBodyEndpoints `policy_document: str`). */
    PolicyDocument: opt(z.string()),
    /** Managed protection (GetVpcEndpointAttributeResponseBody `protected_enabled: bool`). */
    ProtectedEnabled: opt(z.boolean()),
    /** Fixed to 1 (GetVpcEndpointAttributeResponseBody `zone_private_ip_address_count: int`). */
    ZonePrivateIpAddressCount: opt(z.number()),
    /** The endpoint service's region (GetVpcEndpointAttributeResponseBody, ListVpcEndpointsResponseBodyEndpoints `service_region_id`). */
    ServiceRegionId: opt(z.string()),
    /** Mbit/s of a cross-region endpoint (GetVpcEndpointAttributeResponseBody, ListVpcEndpointsResponseBodyEndpoints `cross_region_bandwidth: int`). */
    CrossRegionBandwidth: opt(z.number()),
    Tags: arr(Tag),
});
export type VpcEndpoint = z.output<typeof VpcEndpoint>;

// Some lists answer TotalCount as a string (ListVpcEndpointConnections, ListVpcEndpointServiceUsers,
// ListVpcEndpointServicesByEndUser: `total_count: str` in alibabacloud_privatelink20200415's
// response models), the others as a number: read both.
const Paged = { NextToken: opt(z.string()), MaxResults: opt(z.number()), TotalCount: opt(z.union([z.number(), z.string()]).transform(Number)) };

export const ListVpcEndpointsFilter = z.strictObject({
    EndpointId: z.string().optional(),
    EndpointName: z.string().optional(),
    EndpointStatus: z.string().optional(),
    VpcId: z.string().optional(),
    ServiceName: z.string().optional(),
    ConnectionStatus: z.string().optional(),
    EndpointType: z.string().optional(),
    /** Endpoints of services in this region (ListVpcEndpointsRequest `service_region_id`). */
    ServiceRegionId: z.string().optional(),
    Tag: z.array(TagInput).optional(),
});
export type ListVpcEndpointsFilter = z.input<typeof ListVpcEndpointsFilter>;
export const ListVpcEndpointsResponse = z.looseObject({ Endpoints: arr(VpcEndpoint), ...Paged });

export const UpdateVpcEndpointAttributeRequest = z.strictObject({
    ...Common,
    EndpointName: z.string().optional(),
    EndpointDescription: z.string().optional(),
    AddressIpVersion: AddressIpVersion.optional(),
    PolicyDocument: z.string().optional(),
    /** Puts the cloud's default policy back (UpdateVpcEndpointAttributeRequest `reset_policy`). */
    ResetPolicy: z.boolean().optional(),
    /**
     * A cross-region endpoint's bandwidth, in place: at least 100 Mbit/s, at most the account's quota
     * (UpdateVpcEndpointAttributeRequest `cross_region_bandwidth`).
     */
    CrossRegionBandwidth: z.number().int().optional(),
});
export type UpdateVpcEndpointAttributeRequest = z.input<typeof UpdateVpcEndpointAttributeRequest>;

export const EndpointZone = z.looseObject({
    ZoneId: z.string(),
    VSwitchId: opt(z.string()),
    EniId: opt(z.string()),
    EniIp: opt(z.string()),
    ZoneStatus: opt(z.string()),
    ZoneDomain: opt(z.string()),
    /** The interface's IPv6 address, on a DualStack endpoint (ListVpcEndpointZonesResponseBodyZones `zone_ipv_6address`). */
    ZoneIpv6Address: opt(z.string()),
});
export type EndpointZone = z.output<typeof EndpointZone>;
export const ListVpcEndpointZonesResponse = z.looseObject({ Zones: arr(EndpointZone), ...Paged });

export const ListVpcEndpointSecurityGroupsResponse = z.looseObject({ SecurityGroups: arr(z.looseObject({ SecurityGroupId: z.string() })), ...Paged });

// ---- endpoint services ----------------------------------------------------------------------

/**
 * The load balancer kinds behind a service: slb (CLB), alb, nlb and gwlb (Gateway Load Balancer)
 * (CreateVpcEndpointServiceRequest `service_resource_type`, AttachResourceToVpcEndpointServiceRequest `resource_type`).
 */
export const ServiceResourceType = z.enum(["slb", "alb", "nlb", "gwlb"]);
export type ServiceResourceType = z.output<typeof ServiceResourceType>;

export const ServiceResourceInput = z.strictObject({ ResourceId: z.string().min(1), ResourceType: ServiceResourceType, ZoneId: z.string().min(1) });
export type ServiceResourceInput = z.input<typeof ServiceResourceInput>;

export const CreateVpcEndpointServiceRequest = z.strictObject({
    ...Common,
    ClientToken: z.string().max(64).optional(),
    AutoAcceptEnabled: z.boolean().optional(),
    ServiceDescription: z.string().optional(),
    ServiceResourceType: ServiceResourceType.optional(),
    Payer: z.enum(["Endpoint", "EndpointService"]).optional(),
    /** "false (default)" (CreateVpcEndpointServiceRequest `zone_affinity_enabled`, official SDK 4.0.9). */
    ZoneAffinityEnabled: z.boolean().optional(),
    AddressIpVersion: AddressIpVersion.optional(),
    ServiceSupportIPv6: z.boolean().optional(),
    /** Regions other than the service's own from which endpoints may connect (CreateVpcEndpointServiceRequest `supported_region_list`). */
    SupportedRegionList: z.array(z.string().min(1)).optional(),
    Resource: z.array(ServiceResourceInput).optional(),
    Tag: z.array(TagInput).max(20).optional(),
    ResourceGroupId: z.string().optional(),
});
export type CreateVpcEndpointServiceRequest = z.input<typeof CreateVpcEndpointServiceRequest>;

/**
 * One region a cross-region service is offered in (GetVpcEndpointServiceAttributeResponseBodySupportedRegionSet):
 * RegionServiceStatus is Pending, Available, Deleting, Failed or Closed.
 */
export const SupportedRegion = z.looseObject({
    SupportedRegionId: z.string(),
    RegionServiceStatus: opt(z.string()),
    RegionBusinessStatus: opt(z.string()),
    ServiceRegionId: opt(z.string()),
});
export type SupportedRegion = z.output<typeof SupportedRegion>;

export const VpcEndpointService = z.looseObject({
    ServiceId: z.string(),
    ServiceName: opt(z.string()),
    ServiceDomain: opt(z.string()),
    ServiceStatus: opt(z.string()),
    ServiceBusinessStatus: opt(z.string()),
    ServiceDescription: opt(z.string()),
    ServiceType: opt(z.string()),
    ServiceResourceType: opt(z.string()),
    AutoAcceptEnabled: opt(z.boolean()),
    Payer: opt(z.string()),
    /** Whether endpoint domain names resolve to the nearest zone first (GetVpcEndpointServiceAttributeResponseBody `zone_affinity_enabled`). */
    ZoneAffinityEnabled: opt(z.boolean()),
    /**
     * The default bandwidth of the service's endpoint connections, Mbit/s (GetVpcEndpointServiceAttributeResponseBody
     * `connect_bandwidth`, an int); terraform-provider-alicloud's docs: reported for slb services, not for the others.
     */
    ConnectBandwidth: opt(z.number()),
    Zones: arr(z.string()),
    CreateTime: opt(z.string()),
    RegionId: opt(z.string()),
    AddressIpVersion: opt(z.string()),
    ServiceSupportIPv6: opt(z.boolean()),
    SupportedRegionSet: arr(SupportedRegion),
    Tags: arr(Tag),
});
export type VpcEndpointService = z.output<typeof VpcEndpointService>;
export const ListVpcEndpointServicesResponse = z.looseObject({ Services: arr(VpcEndpointService), ...Paged });

export const ListVpcEndpointServicesByEndUserResponse = z.looseObject({
    Services: arr(
        z.looseObject({
            ServiceId: z.string(),
            ServiceName: opt(z.string()),
            ServiceDomain: opt(z.string()),
            ServiceType: opt(z.string()),
            ServiceResourceType: opt(z.string()),
            Payer: opt(z.string()),
            Zones: arr(z.string()),
        }),
    ),
    ...Paged,
});

export type AvailableVpcEndpointService = z.output<typeof ListVpcEndpointServicesByEndUserResponse>["Services"][number];
export const UpdateVpcEndpointServiceAttributeRequest = z.strictObject({
    ...Common,
    ServiceDescription: z.string().optional(),
    AutoAcceptEnabled: z.boolean().optional(),
    ZoneAffinityEnabled: z.boolean().optional(),
    /**
     * Mbit/s, 100–10240 (UpdateVpcEndpointServiceAttributeRequest `connect_bandwidth`, official SDK 4.0.9);
     * CreateVpcEndpointServiceRequest has no such parameter, so a new service is given one by this call.
     */
    ConnectBandwidth: z.number().int().min(100).max(10240).optional(),
    AddressIpVersion: AddressIpVersion.optional(),
    ServiceSupportIPv6: z.boolean().optional(),
    /** Regions to offer the service in, and to stop offering it in (UpdateVpcEndpointServiceAttributeRequest). */
    AddSupportedRegionSet: z.array(z.string().min(1)).optional(),
    DeleteSupportedRegionSet: z.array(z.string().min(1)).optional(),
});
export type UpdateVpcEndpointServiceAttributeRequest = z.input<typeof UpdateVpcEndpointServiceAttributeRequest>;

export const ServiceResource = z.looseObject({
    ResourceId: z.string(),
    ResourceType: opt(z.string()),
    ZoneId: opt(z.string()),
    VpcId: opt(z.string()),
    Ip: opt(z.string()),
});
export type ServiceResource = z.output<typeof ServiceResource>;
export const ListVpcEndpointServiceResourcesResponse = z.looseObject({ Resources: arr(ServiceResource), ...Paged });

/**
 * The allow-list: accounts (`Users`) and ARN entries (`UserARNs`, such as `acs:ram:*:<account-id>:*`),
 * one kind per call by `UserListType` Users | UserARNs (ListVpcEndpointServiceUsers page,
 * ListVpcEndpointServiceUsersResponseBody `users`, `user_arns`).
 */
export const ListVpcEndpointServiceUsersResponse = z.looseObject({
    Users: arr(z.looseObject({ UserId: z.union([z.string(), z.number()]).transform(String) })),
    UserARNs: arr(z.looseObject({ UserARN: z.string() })),
    ...Paged,
});

export const Connection = z.looseObject({
    EndpointId: z.string(),
    EndpointOwnerId: opt(z.union([z.string(), z.number()]).transform(String)),
    ConnectionStatus: opt(z.string()),
    Bandwidth: opt(z.number()),
});
export type Connection = z.output<typeof Connection>;
export const ListVpcEndpointConnectionsResponse = z.looseObject({ Connections: arr(Connection), ...Paged });

// ---- tags -----------------------------------------------------------------------------------

export const TagResourceRow = z.looseObject({ ResourceId: z.string(), ResourceType: opt(z.string()), TagKey: z.string(), TagValue: opt(z.string()) });
export const ListTagResourcesResponse = z.looseObject({ TagResources: arr(TagResourceRow), NextToken: opt(z.string()) });

export const Empty = z.looseObject({ RequestId: opt(z.string()) });
