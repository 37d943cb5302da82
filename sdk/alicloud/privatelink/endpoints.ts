// CreateVpcEndpoint, GetVpcEndpointAttribute, ListVpcEndpoints, UpdateVpcEndpointAttribute,
// DeleteVpcEndpoint, AddZoneToVpcEndpoint, RemoveZoneFromVpcEndpoint, ListVpcEndpointZones,
// AttachSecurityGroupToVpcEndpoint, DetachSecurityGroupFromVpcEndpoint, ListVpcEndpointSecurityGroups
import { z } from "zod";
import { parseRequest } from "../../core/schema";
import type { AlibabaClient } from "../client";
import { type CallOptions, type ListOptions, listAll, plCall } from "./operation";
import {
    CreateVpcEndpointRequest,
    Empty,
    type EndpointZone,
    ListVpcEndpointSecurityGroupsResponse,
    ListVpcEndpointsFilter,
    ListVpcEndpointsResponse,
    ListVpcEndpointZonesResponse,
    UpdateVpcEndpointAttributeRequest,
    VpcEndpoint,
    ZoneInput,
} from "./schemas";

/**
 * Creates an endpoint. With a `ClientToken` the call is idempotent: a lost answer is retried
 * with the same token and the cloud returns the first result, so exactly one endpoint exists.
 * Without one, a lost answer raises OutcomeUnknownError. `DryRun: true` answers the
 * `DryRunOperation` error when the request would succeed.
 */
export async function createVpcEndpoint(client: AlibabaClient, input: CreateVpcEndpointRequest, opts: CallOptions = {}): Promise<VpcEndpoint> {
    const params = parseRequest(CreateVpcEndpointRequest, input, "privatelink", "CreateVpcEndpoint");
    return client.call(
        plCall("CreateVpcEndpoint", params, { idempotent: params.ClientToken !== undefined || params.DryRun === true, signal: opts.signal }),
        VpcEndpoint,
    );
}

/** One endpoint; NotFoundError (`EndpointNotFound`) when it does not exist. */
export async function getVpcEndpointAttribute(client: AlibabaClient, endpointId: string, opts: CallOptions = {}): Promise<VpcEndpoint> {
    return client.call(plCall("GetVpcEndpointAttribute", { EndpointId: endpointId }, { idempotent: true, signal: opts.signal }), VpcEndpoint);
}

export async function listVpcEndpoints(
    client: AlibabaClient,
    filter: ListVpcEndpointsFilter = {},
    opts: ListOptions<VpcEndpoint> = {},
): Promise<VpcEndpoint[]> {
    const q = parseRequest(ListVpcEndpointsFilter, filter, "privatelink", "ListVpcEndpoints");
    return listAll(client, "ListVpcEndpoints", q, ListVpcEndpointsResponse, (p) => p.Endpoints, opts);
}

export async function updateVpcEndpointAttribute(
    client: AlibabaClient,
    endpointId: string,
    input: UpdateVpcEndpointAttributeRequest,
    opts: CallOptions = {},
): Promise<void> {
    const params = parseRequest(UpdateVpcEndpointAttributeRequest, input, "privatelink", "UpdateVpcEndpointAttribute");
    await client.call(plCall("UpdateVpcEndpointAttribute", { EndpointId: endpointId, ...params }, { idempotent: true, signal: opts.signal }), Empty);
}

/** Starts the deletion (the endpoint reads `Deleting` until it is gone). */
export async function deleteVpcEndpoint(client: AlibabaClient, endpointId: string, opts: CallOptions & { dryRun?: boolean } = {}): Promise<void> {
    await client.call(plCall("DeleteVpcEndpoint", { EndpointId: endpointId, DryRun: opts.dryRun }, { idempotent: true, signal: opts.signal }), Empty);
}

/** Adds a zone (idempotent with a ClientToken); the endpoint is `Pending` until it is connected. */
export async function addZoneToVpcEndpoint(
    client: AlibabaClient,
    endpointId: string,
    zone: ZoneInput & { ClientToken?: string },
    opts: CallOptions = {},
): Promise<void> {
    const { ClientToken, ...z0 } = zone;
    const z = parseRequest(ZoneInput, z0, "privatelink", "AddZoneToVpcEndpoint");
    await client.call(
        plCall("AddZoneToVpcEndpoint", { EndpointId: endpointId, ...z, ClientToken }, { idempotent: ClientToken !== undefined, signal: opts.signal }),
        Empty,
    );
}

export async function removeZoneFromVpcEndpoint(client: AlibabaClient, endpointId: string, zoneId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(
        plCall("RemoveZoneFromVpcEndpoint", { EndpointId: endpointId, ZoneId: z.string().min(1).parse(zoneId) }, { idempotent: true, signal: opts.signal }),
        Empty,
    );
}

export async function listVpcEndpointZones(client: AlibabaClient, endpointId: string, opts: ListOptions<EndpointZone> = {}): Promise<EndpointZone[]> {
    return listAll(client, "ListVpcEndpointZones", { EndpointId: endpointId }, ListVpcEndpointZonesResponse, (p) => p.Zones, opts);
}

export async function attachSecurityGroupToVpcEndpoint(
    client: AlibabaClient,
    endpointId: string,
    securityGroupId: string,
    opts: CallOptions = {},
): Promise<void> {
    await client.call(
        plCall("AttachSecurityGroupToVpcEndpoint", { EndpointId: endpointId, SecurityGroupId: securityGroupId }, { idempotent: true, signal: opts.signal }),
        Empty,
    );
}

export async function detachSecurityGroupFromVpcEndpoint(
    client: AlibabaClient,
    endpointId: string,
    securityGroupId: string,
    opts: CallOptions = {},
): Promise<void> {
    await client.call(
        plCall("DetachSecurityGroupFromVpcEndpoint", { EndpointId: endpointId, SecurityGroupId: securityGroupId }, { idempotent: true, signal: opts.signal }),
        Empty,
    );
}

export async function listVpcEndpointSecurityGroups(client: AlibabaClient, endpointId: string, opts: ListOptions<string> = {}): Promise<string[]> {
    return listAll(
        client,
        "ListVpcEndpointSecurityGroups",
        { EndpointId: endpointId },
        ListVpcEndpointSecurityGroupsResponse,
        (p) => p.SecurityGroups.map((s) => s.SecurityGroupId),
        opts,
    );
}
