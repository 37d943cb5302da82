/**
 * DNS v2.1 resolver endpoint wire shapes. Requests strict (a typo fails before any call),
 * responses loose (absent or null fields read as undefined / []).
 */
import { z } from "zod";
import { arr, opt } from "../../core/schema";

export const ResolverEndpointDirection = z.enum(["inbound", "outbound"]);
export type ResolverEndpointDirection = z.infer<typeof ResolverEndpointDirection>;

/** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE`, `ERROR`. */
export const ResolverEndpointStatuses = ["PENDING_CREATE", "ACTIVE", "PENDING_UPDATE", "PENDING_DELETE", "ERROR"] as const;

export const ResolverEndpoint = z.looseObject({
    id: z.string(),
    name: opt(z.string()),
    direction: opt(z.string()),
    status: opt(z.string()),
    /** null until creation settles. */
    vpc_id: opt(z.string()),
    /** 0 until creation settles. */
    ipaddress_count: opt(z.number()),
    /** Outbound endpoints only. */
    resolver_rule_count: opt(z.number()),
    create_time: opt(z.string()),
    update_time: opt(z.string()),
});
export type ResolverEndpoint = z.output<typeof ResolverEndpoint>;

export const ResolverEndpointResponse = z.looseObject({ endpoint: ResolverEndpoint });

export const ListResolverEndpointsResponse = z.looseObject({
    endpoints: arr(ResolverEndpoint),
    metadata: opt(z.looseObject({ total_count: opt(z.number()) })),
});

/** One address of an endpoint. `subnet_id` is the subnet's *network* id, which may differ from the id the caller passed. */
export const EndpointIpaddress = z.looseObject({
    id: z.string(),
    ip: opt(z.string()),
    subnet_id: opt(z.string()),
    status: opt(z.string()),
    create_time: opt(z.string()),
    update_time: opt(z.string()),
    error_info: opt(z.string()),
});
export type EndpointIpaddress = z.output<typeof EndpointIpaddress>;

export const ListEndpointIpaddressesResponse = z.looseObject({ ipaddresses: arr(EndpointIpaddress) });
export const EndpointIpaddressResponse = z.looseObject({ ipaddress: opt(EndpointIpaddress) });

/** `IpaddressInfo`: a subnet and optionally a fixed IP inside it. */
export const IpaddressInfo = z.strictObject({ subnet_id: z.string().min(1), ip: z.string().optional() });
export type IpaddressInfo = z.input<typeof IpaddressInfo>;

export const CreateResolverEndpointRequest = z.strictObject({
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
    direction: ResolverEndpointDirection,
    /** The region of the subnets. */
    region: z.string().min(1),
    ipaddresses: z.array(IpaddressInfo).min(2).max(6),
});
export type CreateResolverEndpointRequest = z.input<typeof CreateResolverEndpointRequest>;

export const ListResolverEndpointsFilter = z.strictObject({
    /** Required by the API. */
    direction: ResolverEndpointDirection,
    vpc_id: z.string().optional(),
    name: z.string().optional(),
});
export type ListResolverEndpointsFilter = z.input<typeof ListResolverEndpointsFilter>;

export const UpdateResolverEndpointRequest = z.strictObject({ name: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/) });
export type UpdateResolverEndpointRequest = z.input<typeof UpdateResolverEndpointRequest>;

/** A resolver rule's router (VPC) association, as the rule lists it. */
export const ResolverRuleRouter = z.looseObject({
    router_id: z.string(),
    router_region: opt(z.string()),
    status: opt(z.string()),
});
export type ResolverRuleRouter = z.output<typeof ResolverRuleRouter>;

/** A resolver rule: queries for `domain_name` from its VPCs are forwarded to `ipaddresses` through an outbound endpoint. */
export const ResolverRule = z.looseObject({
    id: z.string(),
    name: opt(z.string()),
    domain_name: opt(z.string()),
    endpoint_id: opt(z.string()),
    status: opt(z.string()),
    rule_type: opt(z.string()),
    ipaddress_count: opt(z.number()),
    ipaddresses: arr(z.looseObject({ ip: opt(z.string()) })),
    routers: arr(ResolverRuleRouter),
    create_time: opt(z.string()),
    update_time: opt(z.string()),
});
export type ResolverRule = z.output<typeof ResolverRule>;

export const ResolverRuleResponse = z.looseObject({ resolver_rule: ResolverRule });

export const ListResolverRulesResponse = z.looseObject({
    resolver_rules: arr(ResolverRule),
    metadata: opt(z.looseObject({ total_count: opt(z.number()) })),
});

const RuleAddress = z.strictObject({ ip: z.string().min(1) });

export const CreateResolverRuleRequest = z.strictObject({
    name: z.string().min(1).max(64),
    domain_name: z.string().min(1).max(254),
    endpoint_id: z.string().min(1),
    ipaddresses: z.array(RuleAddress).min(1),
});
export type CreateResolverRuleRequest = z.input<typeof CreateResolverRuleRequest>;

export const UpdateResolverRuleRequest = z.strictObject({
    name: z.string().min(1).max(64).optional(),
    ipaddresses: z.array(RuleAddress).min(1).optional(),
});
export type UpdateResolverRuleRequest = z.input<typeof UpdateResolverRuleRequest>;

export const ListResolverRulesFilter = z.strictObject({ domain_name: z.string().optional(), name: z.string().optional() });
export type ListResolverRulesFilter = z.input<typeof ListResolverRulesFilter>;

/** The VPC of an association: `router_region` is the region the VPC is in. */
export const RuleRouterRequest = z.strictObject({ router: z.strictObject({ router_id: z.string().min(1), router_region: z.string().min(1).optional() }) });
export type RuleRouterRequest = z.input<typeof RuleRouterRequest>;
