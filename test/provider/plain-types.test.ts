/**
 * The generated classes and lookup functions carry their types written out (scripts/docs/plain-types.ts),
 * so that the package's declarations hold no type derived from a model, which a program's compiler
 * may not read (Pulumi compiles a program that has no TypeScript of its own with TypeScript 3.8).
 * The compiler holds them equal here to what the declarations derive — `ArgsOf`, `OutputsOf` and
 * the lookup types — for every kind the registry serves and every lookup: `tsc -p
 * tsconfig.test.json` (which `npm test` runs) fails if one differs, in either direction: a name,
 * an optional member, a `readonly`, an `Input` or an `undefined` more or less. Each
 * `@ts-expect-error` below fails the type check if its line ever compiles.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as pkg from "../../index";
import type * as privatelink from "../../provider/alicloud/privatelink";
import type { availableServices } from "../../provider/alicloud/privatelink/lookups/available-services";
import type { vpcEndpointConnections } from "../../provider/alicloud/privatelink/lookups/vpc-endpoint-connections";
import type { vpcEndpointServices } from "../../provider/alicloud/privatelink/lookups/vpc-endpoint-services";
import type { vpcEndpoints } from "../../provider/alicloud/privatelink/lookups/vpc-endpoints";
import type { VpcEndpointZoneEntry } from "../../provider/alicloud/privatelink/vpc-endpoint";
import type { VpcEndpointServiceResourceEntry } from "../../provider/alicloud/privatelink/vpc-endpoint-service";
import type * as pvtz from "../../provider/alicloud/pvtz";
import type { zoneRecords } from "../../provider/alicloud/pvtz/lookups/zone-records";
import type { zones } from "../../provider/alicloud/pvtz/lookups/zones";
import type * as dns from "../../provider/huaweicloud/dns";
import type { RecordedAddress } from "../../provider/huaweicloud/dns/addresses";
import type { privateZones } from "../../provider/huaweicloud/dns/lookups/private-zones";
import type { recordSets } from "../../provider/huaweicloud/dns/lookups/record-sets";
import type { resolverEndpoints } from "../../provider/huaweicloud/dns/lookups/resolver-endpoints";
import type { resolverRules } from "../../provider/huaweicloud/dns/lookups/resolver-rules";
import type { ResolverEndpointIpAddressArgs } from "../../provider/huaweicloud/dns/resolver-endpoint";
import type * as vpcep from "../../provider/huaweicloud/vpcep";
import type { PortMapping } from "../../provider/huaweicloud/vpcep/endpoint-service";
import type { endpointServices } from "../../provider/huaweicloud/vpcep/lookups/endpoint-services";
import type { endpoints } from "../../provider/huaweicloud/vpcep/lookups/endpoints";
import type { publicServices } from "../../provider/huaweicloud/vpcep/lookups/public-services";
import type { serviceByName } from "../../provider/huaweicloud/vpcep/lookups/service-by-name";
import type { serviceConnections } from "../../provider/huaweicloud/vpcep/lookups/service-connections";
import type { servicePermissions } from "../../provider/huaweicloud/vpcep/lookups/service-permissions";
import type { AnyLookup, LookupArgs, LookupItem, LookupResult } from "../../provider/lookup/declaration";
import type { LookupOutputArgs } from "../../provider/lookup/functions";
import type { ResourceClass } from "../../provider/model/class";
import type { ArgsOf, OutputsOf } from "../../provider/model/resource";
import { KINDS, type registry } from "../../provider/runtime/kinds";
import { findLookups } from "../../scripts/docs/functions";

/** The class the package exports for a kind. */
const classOf = (kind: Kind) => {
    const [cloud, api, type] = kind.split(":") as [string, string, string];
    return (pkg as unknown as Record<string, Record<string, Record<string, unknown>>>)[cloud]?.[api]?.[type];
};

/**
 * A type with every object in it (through lists, promises and outputs) made one plain object
 * type: an interface and an intersection of mapped types with the same members become the same.
 */
type Plain<T> = T extends (...args: any[]) => any
    ? T
    : T extends pulumi.Output<infer U>
      ? pulumi.Output<Plain<U>>
      : T extends pulumi.OutputInstance<infer U>
        ? pulumi.OutputInstance<Plain<U>>
        : T extends Promise<infer U>
          ? Promise<Plain<U>>
          : T extends Array<infer U>
            ? Array<Plain<U>>
            : T extends ReadonlyArray<infer U>
              ? ReadonlyArray<Plain<U>>
              : T extends object
                ? { [K in keyof T]: Plain<T[K]> }
                : T;

/** True when A and B are the same type: the same members, each as optional, as readonly and of the same type. */
type Equals<A, B> = (<T>() => T extends Plain<A> ? 1 : 2) extends <T>() => T extends Plain<B> ? 1 : 2 ? true : false;

/** Compiles only when its argument is `true`. */
const holds = <T extends true>(): T | undefined => undefined;

// The comparison tells apart what a program would notice…
holds<Equals<{ a: string; b?: number }, { a: string } & { b?: number }>>();
holds<Equals<{ a: pulumi.Input<{ b: string }[]> }, { a: pulumi.Input<Array<{ b: string }>> }>>();
// @ts-expect-error: an optional member more
holds<Equals<{ a: string; b?: number }, { a: string }>>();
// @ts-expect-error: optional on one side, required on the other
holds<Equals<{ a?: string }, { a: string | undefined }>>();
// @ts-expect-error: an `undefined` more inside an Input
holds<Equals<{ a?: pulumi.Input<string> }, { a?: pulumi.Input<string | undefined> }>>();
// @ts-expect-error: readonly on one side only
holds<Equals<{ readonly a: pulumi.Output<string> }, { a: pulumi.Output<string> }>>();
// @ts-expect-error: a list entry that is not an Input
holds<Equals<{ a: pulumi.Input<string>[] }, { a: string[] }>>();
// @ts-expect-error: a nested member's type
holds<Equals<{ a: pulumi.Output<{ b: string }[]> }, { a: pulumi.Output<{ b: number }[]> }>>();

// Every kind the registry serves: its class, as the package exports it, takes what its model's
// `ArgsOf` says and makes what its `OutputsOf` says.
type Kind = keyof typeof registry;
type ModelOf<K extends Kind> = Awaited<ReturnType<(typeof registry)[K]>>["model"];
type ClassOf<K extends Kind> = K extends `${infer C extends "huaweicloud" | "alicloud"}:${infer A}:${infer T}`
    ? A extends keyof (typeof pkg)[C]
        ? T extends keyof (typeof pkg)[C][A]
            ? (typeof pkg)[C][A][T]
            : never
        : never
    : never;
type ArgsDiffer<K extends Kind> = Equals<ConstructorParameters<ClassOf<K>>[1], ArgsOf<ModelOf<K>>> extends true ? never : K;
type OutputsDiffer<K extends Kind> = Equals<InstanceType<ClassOf<K>>, pulumi.CustomResource & OutputsOf<ModelOf<K>>> extends true ? never : K;
type ClassDiffers<K extends Kind> = [ClassOf<K>] extends [ResourceClass<ModelOf<K>>] ? ([ResourceClass<ModelOf<K>>] extends [ClassOf<K>] ? never : K) : K;
/** Compiles only when its argument is `never`: the kinds named in an error are those that differ. */
const none = <T extends never>(): T | undefined => undefined;
none<{ [K in Kind]: ArgsDiffer<K> }[Kind]>();
none<{ [K in Kind]: OutputsDiffer<K> }[Kind]>();
none<{ [K in Kind]: ClassDiffers<K> }[Kind]>();
// …and a kind without a class would be `never`, which every check above would let through.
none<{ [K in Kind]: [ClassOf<K>] extends [never] ? K : never }[Kind]>();

// The `Args` each class takes, by the name the package exports.
holds<Equals<vpcep.EndpointServiceArgs, ArgsOf<ModelOf<"huaweicloud:vpcep:EndpointService">>>>();
holds<Equals<vpcep.EndpointArgs, ArgsOf<ModelOf<"huaweicloud:vpcep:Endpoint">>>>();
holds<Equals<vpcep.ConnectionApprovalArgs, ArgsOf<ModelOf<"huaweicloud:vpcep:ConnectionApproval">>>>();
holds<Equals<vpcep.ServicePermissionArgs, ArgsOf<ModelOf<"huaweicloud:vpcep:ServicePermission">>>>();
holds<Equals<dns.ResolverEndpointArgs, ArgsOf<ModelOf<"huaweicloud:dns:ResolverEndpoint">>>>();
holds<Equals<dns.ResolverRuleArgs, ArgsOf<ModelOf<"huaweicloud:dns:ResolverRule">>>>();
holds<Equals<dns.ResolverRuleAssociationArgs, ArgsOf<ModelOf<"huaweicloud:dns:ResolverRuleAssociation">>>>();
holds<Equals<dns.PrivateZoneArgs, ArgsOf<ModelOf<"huaweicloud:dns:PrivateZone">>>>();
holds<Equals<dns.PrivateZoneAssociationArgs, ArgsOf<ModelOf<"huaweicloud:dns:PrivateZoneAssociation">>>>();
holds<Equals<dns.RecordSetArgs, ArgsOf<ModelOf<"huaweicloud:dns:RecordSet">>>>();
holds<Equals<privatelink.VpcEndpointArgs, ArgsOf<ModelOf<"alicloud:privatelink:VpcEndpoint">>>>();
holds<Equals<privatelink.VpcEndpointServiceArgs, ArgsOf<ModelOf<"alicloud:privatelink:VpcEndpointService">>>>();
holds<Equals<privatelink.VpcEndpointConnectionArgs, ArgsOf<ModelOf<"alicloud:privatelink:VpcEndpointConnection">>>>();
holds<Equals<privatelink.VpcEndpointServiceUserArgs, ArgsOf<ModelOf<"alicloud:privatelink:VpcEndpointServiceUser">>>>();
holds<Equals<privatelink.VpcEndpointServiceResourceArgs, ArgsOf<ModelOf<"alicloud:privatelink:VpcEndpointServiceResource">>>>();
holds<Equals<privatelink.VpcEndpointZoneArgs, ArgsOf<ModelOf<"alicloud:privatelink:VpcEndpointZone">>>>();

// The types of schema objects the package exported by name before, unchanged.
holds<Equals<vpcep.PortMapping, PortMapping>>();
holds<Equals<dns.ResolverEndpointIpAddressArgs, ResolverEndpointIpAddressArgs>>();
holds<Equals<dns.ResolverEndpointIpAddress, RecordedAddress>>();
holds<Equals<privatelink.VpcEndpointZoneEntry, VpcEndpointZoneEntry>>();
holds<Equals<privatelink.VpcEndpointServiceResourceEntry, VpcEndpointServiceResourceEntry>>();

/** A lookup's written-out arguments, `Output` arguments, result and item equal what its declaration derives. */
type LookupTypes<D extends AnyLookup, Args, OutputArgs, Result, Item> = [
    Equals<Args, LookupArgs<D>>,
    Equals<OutputArgs, LookupOutputArgs<D>>,
    Equals<Result, LookupResult<D>>,
    Equals<Item, LookupItem<D>>,
];
const all = <T extends true[]>(): T | undefined => undefined;
all<
    LookupTypes<
        typeof endpointServices,
        vpcep.GetEndpointServicesArgs,
        vpcep.GetEndpointServicesOutputArgs,
        vpcep.GetEndpointServicesResult,
        vpcep.EndpointServiceInfo
    >
>();
all<LookupTypes<typeof endpoints, vpcep.GetEndpointsArgs, vpcep.GetEndpointsOutputArgs, vpcep.GetEndpointsResult, vpcep.EndpointInfo>>();
all<LookupTypes<typeof publicServices, vpcep.GetPublicServicesArgs, vpcep.GetPublicServicesOutputArgs, vpcep.GetPublicServicesResult, vpcep.PublicService>>();
// The exactly-one form only: no result type of its own.
all<
    LookupTypes<
        typeof serviceByName,
        vpcep.GetServiceByNameArgs,
        vpcep.GetServiceByNameOutputArgs,
        LookupResult<typeof serviceByName>,
        vpcep.ConnectableService
    >
>();
all<
    LookupTypes<
        typeof serviceConnections,
        vpcep.GetServiceConnectionsArgs,
        vpcep.GetServiceConnectionsOutputArgs,
        vpcep.GetServiceConnectionsResult,
        vpcep.ServiceConnection
    >
>();
all<
    LookupTypes<
        typeof servicePermissions,
        vpcep.GetServicePermissionsArgs,
        vpcep.GetServicePermissionsOutputArgs,
        vpcep.GetServicePermissionsResult,
        vpcep.ServicePermissionInfo
    >
>();
all<
    LookupTypes<
        typeof resolverEndpoints,
        dns.GetResolverEndpointsArgs,
        dns.GetResolverEndpointsOutputArgs,
        dns.GetResolverEndpointsResult,
        dns.ResolverEndpointInfo
    >
>();
all<LookupTypes<typeof resolverRules, dns.GetResolverRulesArgs, dns.GetResolverRulesOutputArgs, dns.GetResolverRulesResult, dns.ResolverRuleInfo>>();
all<LookupTypes<typeof privateZones, dns.GetPrivateZonesArgs, dns.GetPrivateZonesOutputArgs, dns.GetPrivateZonesResult, dns.PrivateZoneInfo>>();
all<LookupTypes<typeof recordSets, dns.GetRecordSetsArgs, dns.GetRecordSetsOutputArgs, dns.GetRecordSetsResult, dns.RecordSetInfo>>();
all<
    LookupTypes<
        typeof availableServices,
        privatelink.GetAvailableVpcEndpointServicesArgs,
        privatelink.GetAvailableVpcEndpointServicesOutputArgs,
        privatelink.GetAvailableVpcEndpointServicesResult,
        privatelink.AvailableVpcEndpointService
    >
>();
all<
    LookupTypes<
        typeof vpcEndpointConnections,
        privatelink.GetVpcEndpointConnectionsArgs,
        privatelink.GetVpcEndpointConnectionsOutputArgs,
        privatelink.GetVpcEndpointConnectionsResult,
        privatelink.VpcEndpointConnectionInfo
    >
>();
all<
    LookupTypes<
        typeof vpcEndpointServices,
        privatelink.GetVpcEndpointServicesArgs,
        privatelink.GetVpcEndpointServicesOutputArgs,
        privatelink.GetVpcEndpointServicesResult,
        privatelink.VpcEndpointServiceInfo
    >
>();
all<
    LookupTypes<
        typeof vpcEndpoints,
        privatelink.GetVpcEndpointsArgs,
        privatelink.GetVpcEndpointsOutputArgs,
        privatelink.GetVpcEndpointsResult,
        privatelink.VpcEndpointInfo
    >
>();

all<LookupTypes<typeof zones, pvtz.GetZonesArgs, pvtz.GetZonesOutputArgs, pvtz.GetZonesResult, pvtz.ZoneInfo>>();
all<LookupTypes<typeof zoneRecords, pvtz.GetZoneRecordsArgs, pvtz.GetZoneRecordsOutputArgs, pvtz.GetZoneRecordsResult, pvtz.ZoneRecordInfo>>();

test("the written-out types are the derived ones: the declarations above compile, the marked differences do not", () => {
    // Every kind is compared above through the registry; every lookup is listed above by hand.
    expect(
        findLookups()
            .map((f) => f.name)
            .sort(),
    ).toEqual([
        "availableServices",
        "endpointServices",
        "endpoints",
        "privateZones",
        "publicServices",
        "recordSets",
        "resolverEndpoints",
        "resolverRules",
        "serviceByName",
        "serviceConnections",
        "servicePermissions",
        "vpcEndpointConnections",
        "vpcEndpointServices",
        "vpcEndpoints",
        "zoneRecords",
        "zones",
    ]);
    expect(KINDS.map((k) => typeof classOf(k))).toEqual(KINDS.map(() => "function"));
});
