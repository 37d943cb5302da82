/**
 * The registry: every resource kind the runtime serves, one line each, loaded on first use (a
 * provider process pays only for the kinds its stack has). A kind is written into the state of
 * every resource of that kind (inside the serialized stub), so a kind, once published, is never
 * renamed or removed; each entry's model declares the same kind (a test checks).
 */
import type { AnyModel } from "../model/resource";
import { dynamicImplOf } from "./host";
import type { ResourceImpl } from "./impl";

export const registry = {
    "huaweicloud:vpcep:EndpointService": () => import("../huaweicloud/vpcep/endpoint-service"),
    "huaweicloud:vpcep:Endpoint": () => import("../huaweicloud/vpcep/endpoint"),
    "huaweicloud:vpcep:ConnectionApproval": () => import("../huaweicloud/vpcep/connection-approval"),
    "huaweicloud:vpcep:ServicePermission": () => import("../huaweicloud/vpcep/service-permission"),
    "huaweicloud:dns:ResolverEndpoint": () => import("../huaweicloud/dns/resolver-endpoint"),
    "huaweicloud:dns:ResolverRule": () => import("../huaweicloud/dns/resolver-rule"),
    "huaweicloud:dns:ResolverRuleAssociation": () => import("../huaweicloud/dns/resolver-rule-association"),
    "alicloud:privatelink:VpcEndpoint": () => import("../alicloud/privatelink/vpc-endpoint"),
    "alicloud:privatelink:VpcEndpointService": () => import("../alicloud/privatelink/vpc-endpoint-service"),
    "alicloud:privatelink:VpcEndpointConnection": () => import("../alicloud/privatelink/vpc-endpoint-connection"),
    "alicloud:privatelink:VpcEndpointServiceUser": () => import("../alicloud/privatelink/vpc-endpoint-service-user"),
    "alicloud:privatelink:VpcEndpointServiceResource": () => import("../alicloud/privatelink/vpc-endpoint-service-resource"),
    "alicloud:privatelink:VpcEndpointZone": () => import("../alicloud/privatelink/vpc-endpoint-zone"),
    "alicloud:pvtz:Zone": () => import("../alicloud/pvtz/zone"),
    "alicloud:pvtz:ZoneAttachment": () => import("../alicloud/pvtz/zone-attachment"),
    "alicloud:pvtz:ZoneRecord": () => import("../alicloud/pvtz/zone-record"),
    "huaweicloud:dns:PrivateZone": () => import("../huaweicloud/dns/private-zone"),
    "huaweicloud:dns:PrivateZoneAssociation": () => import("../huaweicloud/dns/private-zone-association"),
    "huaweicloud:dns:RecordSet": () => import("../huaweicloud/dns/record-set"),
} satisfies Record<string, () => Promise<{ model: AnyModel }>>;

export type Kind = keyof typeof registry;

/** Every resource kind users can declare. */
export const KINDS = Object.keys(registry) as Kind[];

/** A kind that only the toolchain tests use: no cloud behind it, not part of the public surface. */
const TESTING_KINDS: Record<string, () => Promise<ResourceImpl>> = {
    "privatelink:testing:Echo": async () => (await import("../testing/echo")).echoImpl,
};

export function isKind(kind: string): kind is Kind {
    return Object.hasOwn(registry, kind);
}

/** The model of a kind. */
export async function modelOf(kind: Kind): Promise<AnyModel> {
    return (await registry[kind]()).model;
}

const impls = new Map<string, Promise<ResourceImpl>>();

/** The lifecycle of a kind, built once per process; undefined for a kind this version does not know. */
export function implOf(kind: string): Promise<ResourceImpl> | undefined {
    let impl = impls.get(kind);
    if (!impl) {
        if (isKind(kind)) impl = modelOf(kind).then(dynamicImplOf);
        else if (TESTING_KINDS[kind]) impl = TESTING_KINDS[kind]();
        else return undefined;
        impls.set(kind, impl);
    }
    return impl;
}
