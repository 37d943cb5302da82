/**
 * VPCEP v1 wire shapes (snake_case, as the API spells them). Requests are strict objects: an
 * unknown field fails before any call. Responses are loose: clouds add fields, and absent or
 * null fields read as undefined / [].
 */
import { z } from "zod";
import { arr, opt } from "../../core/schema";

// ---- shared pieces ------------------------------------------------------------------------

export const TagInput = z.strictObject({
    key: z.string().min(1).max(128),
    value: z.string().max(255).optional(),
});
export type TagInput = z.input<typeof TagInput>;

export const Tag = z.looseObject({ key: z.string(), value: opt(z.string()) });
export type Tag = z.output<typeof Tag>;

export const PortMappingInput = z.strictObject({
    client_port: z.number().int().min(1).max(65535),
    server_port: z.number().int().min(1).max(65535),
    protocol: z.enum(["TCP", "UDP"]).optional(),
});
export type PortMappingInput = z.input<typeof PortMappingInput>;

export const PortMapping = z.looseObject({
    client_port: opt(z.number()),
    server_port: opt(z.number()),
    protocol: opt(z.string()),
});
export type PortMapping = z.output<typeof PortMapping>;

/** A failed resource's explanation (`error[]` on services, endpoints and connections). */
export const ResourceErrorEntry = z.looseObject({ error_code: opt(z.string()), error_message: opt(z.string()) });
export type ResourceErrorEntry = z.output<typeof ResourceErrorEntry>;

/** The cloud's own explanation of a failure, for messages people read. */
export function describeResourceErrors(errors: readonly ResourceErrorEntry[] | undefined): string | undefined {
    if (!errors || errors.length === 0) return undefined;
    return errors.map((e) => [e.error_code, e.error_message].filter(Boolean).join(": ")).join("; ");
}

const SortDir = z.enum(["asc", "desc"]);

// ---- endpoint services --------------------------------------------------------------------

export const EndpointServiceStatus = ["creating", "available", "failed", "deleting"] as const;

export const EndpointService = z.looseObject({
    id: z.string(),
    status: opt(z.string()),
    service_name: opt(z.string()),
    port_id: opt(z.string()),
    vip_port_id: opt(z.string()),
    vpc_id: opt(z.string()),
    pool_id: opt(z.string()),
    approval_enabled: opt(z.boolean()),
    service_type: opt(z.string()),
    server_type: opt(z.string()),
    ip: opt(z.string()),
    ports: arr(PortMapping),
    tcp_proxy: opt(z.string()),
    tags: arr(Tag),
    description: opt(z.string()),
    enable_policy: opt(z.boolean()),
    ip_version: opt(z.string()),
    /** The network the service's SNAT addresses come from (IPv6 services); the Terraform provider reads it. */
    snat_network_id: opt(z.string()),
    connection_count: opt(z.number()),
    project_id: opt(z.string()),
    domain_id: opt(z.string()),
    created_at: opt(z.string()),
    updated_at: opt(z.string()),
    error: arr(ResourceErrorEntry),
});
export type EndpointService = z.output<typeof EndpointService>;

export const CreateEndpointServiceRequest = z.strictObject({
    port_id: z.string().min(1).max(64),
    vpc_id: z.string().min(1).max(64),
    server_type: z.enum(["VM", "VIP", "LB"]),
    ports: z.array(PortMappingInput).min(1).max(200),
    service_name: z.string().max(16).optional(),
    approval_enabled: z.boolean().optional(),
    service_type: z.enum(["interface", "gateway"]).optional(),
    ip: z.string().optional(),
    tcp_proxy: z.string().optional(),
    tags: z.array(TagInput).optional(),
    description: z.string().max(512).optional(),
    ip_version: z.enum(["ipv4", "ipv6"]).optional(),
    /** Required with `ip_version: ipv6`: any network (subnet) of `vpc_id` (SDK CreateEndpointServiceRequestBody). */
    snat_network_id: z.string().min(1).max(64).optional(),
    /**
     * Whether endpoints may carry a policy. Not in the SDK's create body, but in its response, and
     * sent by terraform-provider-huaweicloud on create (resource_huaweicloud_vpcep_service.go).
     */
    enable_policy: z.boolean().optional(),
});
export type CreateEndpointServiceRequest = z.input<typeof CreateEndpointServiceRequest>;

export const UpdateEndpointServiceRequest = z.strictObject({
    approval_enabled: z.boolean().optional(),
    service_name: z.string().max(16).optional(),
    ports: z.array(PortMappingInput).min(1).max(200).optional(),
    port_id: z.string().optional(),
    ip: z.string().optional(),
    description: z.string().max(512).optional(),
    tcp_proxy: z.string().optional(),
});
export type UpdateEndpointServiceRequest = z.input<typeof UpdateEndpointServiceRequest>;

export const ListEndpointServicesFilter = z.strictObject({
    endpoint_service_name: z.string().optional(),
    id: z.string().optional(),
    status: z.string().optional(),
    sort_key: z.string().optional(),
    sort_dir: SortDir.optional(),
});
export type ListEndpointServicesFilter = z.input<typeof ListEndpointServicesFilter>;

export const ListEndpointServicesResponse = z.looseObject({ endpoint_services: arr(EndpointService), total_count: opt(z.number()) });

export const ServiceDescribeDetails = z.looseObject({
    id: z.string(),
    service_name: opt(z.string()),
    service_type: opt(z.string()),
    created_at: opt(z.string()),
    is_charge: opt(z.boolean()),
});
export type ServiceDescribeDetails = z.output<typeof ServiceDescribeDetails>;

export const PublicEndpointService = z.looseObject({
    id: z.string(),
    owner: opt(z.string()),
    service_name: opt(z.string()),
    service_type: opt(z.string()),
    created_at: opt(z.string()),
    is_charge: opt(z.boolean()),
});
export type PublicEndpointService = z.output<typeof PublicEndpointService>;
export const ListServicePublicDetailsResponse = z.looseObject({ endpoint_services: arr(PublicEndpointService), total_count: opt(z.number()) });

// ---- endpoints ----------------------------------------------------------------------------

export const EndpointStatus = ["creating", "pendingAcceptance", "accepted", "rejected", "failed", "deleting"] as const;

export const Endpoint = z.looseObject({
    id: z.string(),
    status: opt(z.string()),
    service_type: opt(z.string()),
    active_status: arr(z.string()),
    endpoint_service_name: opt(z.string()),
    endpoint_service_id: opt(z.string()),
    marker_id: opt(z.number()),
    enable_dns: opt(z.boolean()),
    dns_names: arr(z.string()),
    ip: opt(z.string()),
    subnet_id: opt(z.string()),
    vpc_id: opt(z.string()),
    project_id: opt(z.string()),
    tags: arr(Tag),
    whitelist: arr(z.string()),
    enable_whitelist: opt(z.boolean()),
    routetables: arr(z.string()),
    specification_name: opt(z.string()),
    description: opt(z.string()),
    policy_statement: arr(z.unknown()),
    policy_document: opt(z.unknown()),
    /** `ipv4` or `dualstack` (the Terraform provider reads it; the SDK's models leave it out). */
    ip_version: opt(z.string()),
    ipv6_address: opt(z.string()),
    enable_status: opt(z.string()),
    created_at: opt(z.string()),
    updated_at: opt(z.string()),
    error: arr(ResourceErrorEntry),
});
export type Endpoint = z.output<typeof Endpoint>;

/** An IAM statement (SDK PolicyStatement: Effect, Action, Resource, Condition, Sid); checked by the cloud. */
const PolicyStatement = z.record(z.string(), z.unknown());
/** An IAM policy document (`{"Version", "Statement": [...]}`); checked by the cloud. */
const PolicyDocument = z.record(z.string(), z.unknown());

export const CreateEndpointRequest = z.strictObject({
    endpoint_service_id: z.string().min(1).max(64),
    vpc_id: z.string().min(1).max(64),
    subnet_id: z.string().min(1).max(64).optional(),
    enable_dns: z.boolean().optional(),
    tags: z.array(TagInput).optional(),
    routetables: z.array(z.string()).optional(),
    port_ip: z.string().max(128).optional(),
    whitelist: z.array(z.string()).optional(),
    enable_whitelist: z.boolean().optional(),
    description: z.string().optional(),
    specification_name: z.string().optional(),
    /** Gateway endpoints of a service with `enable_policy` (OBS, SFS). */
    policy_statement: z.array(PolicyStatement).optional(),
    /** Interface endpoints of a service with `enable_policy`. */
    policy_document: PolicyDocument.optional(),
    /** `ipv4` or `dualstack` (SDK CreateEndpointRequestBody). */
    ip_version: z.enum(["ipv4", "dualstack"]).optional(),
    /** With `dualstack`: the IPv6 address inside the subnet's IPv6 block (the cloud picks one otherwise). */
    ipv6_address: z.string().max(64).optional(),
});
export type CreateEndpointRequest = z.input<typeof CreateEndpointRequest>;

export const ListEndpointsFilter = z.strictObject({
    endpoint_service_name: z.string().optional(),
    vpc_id: z.string().optional(),
    id: z.string().optional(),
    sort_key: z.string().optional(),
    sort_dir: SortDir.optional(),
});
export type ListEndpointsFilter = z.input<typeof ListEndpointsFilter>;
export const ListEndpointsResponse = z.looseObject({ endpoints: arr(Endpoint), total_count: opt(z.number()) });

export const UpdateEndpointWhiteRequest = z.strictObject({
    whitelist: z.array(z.string()).max(20).optional(),
    enable_whitelist: z.boolean().optional(),
});
export type UpdateEndpointWhiteRequest = z.input<typeof UpdateEndpointWhiteRequest>;

export const UpdateEndpointRoutetableRequest = z.strictObject({ routetables: z.array(z.string()) });
export type UpdateEndpointRoutetableRequest = z.input<typeof UpdateEndpointRoutetableRequest>;

export const UpdateEndpointPolicyRequest = z.strictObject({
    policy_statement: z.array(PolicyStatement).optional(),
    policy_document: PolicyDocument.optional(),
});
export type UpdateEndpointPolicyRequest = z.input<typeof UpdateEndpointPolicyRequest>;

// ---- connections (the service owner's view of endpoints) ----------------------------------

export const Connection = z.looseObject({
    id: z.string(),
    marker_id: opt(z.number()),
    domain_id: opt(z.string()),
    status: opt(z.string()),
    description: opt(z.string()),
    created_at: opt(z.string()),
    updated_at: opt(z.string()),
    error: arr(ResourceErrorEntry),
});
export type Connection = z.output<typeof Connection>;

export const ListServiceConnectionsFilter = z.strictObject({
    id: z.string().optional(),
    marker_id: z.string().optional(),
    status: z.string().optional(),
    sort_key: z.string().optional(),
    sort_dir: SortDir.optional(),
});
export type ListServiceConnectionsFilter = z.input<typeof ListServiceConnectionsFilter>;
export const ListServiceConnectionsResponse = z.looseObject({ connections: arr(Connection), total_count: opt(z.number()) });

export const AcceptOrRejectEndpointRequest = z.strictObject({
    action: z.enum(["receive", "reject"]),
    /** The API takes one endpoint per call. */
    endpoints: z.array(z.string().min(1)).length(1),
});
export type AcceptOrRejectEndpointRequest = z.input<typeof AcceptOrRejectEndpointRequest>;
export const ConnectionsResponse = z.looseObject({ connections: arr(Connection) });

export const UpdateEndpointConnectionRequest = z.strictObject({
    connections: z.array(z.strictObject({ id: z.string().min(1), description: z.string().max(512) })).min(1),
});
export type UpdateEndpointConnectionRequest = z.input<typeof UpdateEndpointConnectionRequest>;

// ---- permissions --------------------------------------------------------------------------

export const Permission = z.looseObject({
    id: opt(z.string()),
    permission: z.string(),
    permission_type: opt(z.string()),
    description: opt(z.string()),
    created_at: opt(z.string()),
});
export type Permission = z.output<typeof Permission>;

export const ListServicePermissionsFilter = z.strictObject({
    permission: z.string().optional(),
    sort_key: z.string().optional(),
    sort_dir: SortDir.optional(),
});
export type ListServicePermissionsFilter = z.input<typeof ListServicePermissionsFilter>;
export const ListServicePermissionsResponse = z.looseObject({ permissions: arr(Permission), total_count: opt(z.number()) });

export const PermissionString = z
    .string()
    .regex(/^(\*|iam:domain::[0-9a-zA-Z]{1,64}|organizations:orgPath::.+)$/, "expected iam:domain::<domain id>, organizations:orgPath::<path> or *");

export const BatchAddOrRemovePermissionsRequest = z.strictObject({
    action: z.enum(["add", "remove"]),
    permissions: z.array(PermissionString).min(1).max(50),
    permission_type: z.enum(["domainId", "orgPath"]).optional(),
});
export type BatchAddOrRemovePermissionsRequest = z.input<typeof BatchAddOrRemovePermissionsRequest>;
export const BatchAddOrRemovePermissionsResponse = z.looseObject({ permissions: arr(z.union([z.string(), Permission])) });

// ---- tags ---------------------------------------------------------------------------------

export const TagResourceType = z.enum(["endpoint_service", "endpoint"]);
export type TagResourceType = z.output<typeof TagResourceType>;

export const BatchAddOrDeleteResourceTagsRequest = z.strictObject({
    action: z.enum(["create", "delete"]),
    tags: z.array(TagInput).min(1).max(20),
});
export type BatchAddOrDeleteResourceTagsRequest = z.input<typeof BatchAddOrDeleteResourceTagsRequest>;

export const ResourceTagKeyValues = z.looseObject({ key: z.string(), values: arr(z.string()) });
export const ListResourceTagsResponse = z.looseObject({ tags: arr(ResourceTagKeyValues) });
export type ResourceTagKeyValues = z.output<typeof ResourceTagKeyValues>;

// ---- quotas -------------------------------------------------------------------------------

export const QuotaResource = z.looseObject({ type: z.string(), used: opt(z.number()), quota: opt(z.number()) });
export type QuotaResource = z.output<typeof QuotaResource>;
export const ListQuotaDetailsResponse = z.looseObject({ quotas: z.looseObject({ resources: arr(QuotaResource) }) });
