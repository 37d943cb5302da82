// CreateVpcEndpointService, GetVpcEndpointServiceAttribute, ListVpcEndpointServices,
// ListVpcEndpointServicesByEndUser, UpdateVpcEndpointServiceAttribute, DeleteVpcEndpointService,
// AttachResourceToVpcEndpointService, DetachResourceFromVpcEndpointService, ListVpcEndpointServiceResources,
// AddUserToVpcEndpointService, RemoveUserFromVpcEndpointService, ListVpcEndpointServiceUsers,
// EnableVpcEndpointConnection, DisableVpcEndpointConnection, UpdateVpcEndpointConnectionAttribute, ListVpcEndpointConnections
import type { z } from "zod";
import { parseRequest } from "../../core/schema";
import type { AlibabaClient } from "../client";
import { type CallOptions, type ListOptions, listAll, plCall } from "./operation";
import {
    type Connection,
    CreateVpcEndpointServiceRequest,
    Empty,
    ListVpcEndpointConnectionsResponse,
    ListVpcEndpointServiceResourcesResponse,
    ListVpcEndpointServicesByEndUserResponse,
    ListVpcEndpointServicesResponse,
    ListVpcEndpointServiceUsersResponse,
    type ServiceResource,
    ServiceResourceInput,
    type TagInput,
    UpdateVpcEndpointServiceAttributeRequest,
    VpcEndpointService,
} from "./schemas";

/** Creates a service (idempotent with a ClientToken; see createVpcEndpoint). */
export async function createVpcEndpointService(
    client: AlibabaClient,
    input: CreateVpcEndpointServiceRequest,
    opts: CallOptions = {},
): Promise<VpcEndpointService> {
    const params = parseRequest(CreateVpcEndpointServiceRequest, input, "privatelink", "CreateVpcEndpointService");
    return client.call(
        plCall("CreateVpcEndpointService", params, { idempotent: params.ClientToken !== undefined || params.DryRun === true, signal: opts.signal }),
        VpcEndpointService,
    );
}

export async function getVpcEndpointServiceAttribute(client: AlibabaClient, serviceId: string, opts: CallOptions = {}): Promise<VpcEndpointService> {
    return client.call(plCall("GetVpcEndpointServiceAttribute", { ServiceId: serviceId }, { idempotent: true, signal: opts.signal }), VpcEndpointService);
}

export async function listVpcEndpointServices(
    client: AlibabaClient,
    filter: {
        ServiceId?: string;
        ServiceName?: string;
        ServiceStatus?: string;
        ServiceBusinessStatus?: string;
        AutoAcceptEnabled?: boolean;
        Tag?: TagInput[];
    } = {},
    opts: ListOptions<VpcEndpointService> = {},
): Promise<VpcEndpointService[]> {
    return listAll(client, "ListVpcEndpointServices", filter, ListVpcEndpointServicesResponse, (p) => p.Services, opts);
}

/** Services the caller may connect to (own, or allowing the caller): how a name becomes an id. */
export async function listVpcEndpointServicesByEndUser(
    client: AlibabaClient,
    // ServiceRegionId: services of another region offered in the caller's (ListVpcEndpointServicesByEndUserRequest `service_region_id`).
    filter: { ServiceId?: string; ServiceName?: string; ServiceType?: string; ServiceRegionId?: string } = {},
    opts: CallOptions = {},
) {
    return listAll(client, "ListVpcEndpointServicesByEndUser", filter, ListVpcEndpointServicesByEndUserResponse, (p) => p.Services, opts);
}

export async function updateVpcEndpointServiceAttribute(
    client: AlibabaClient,
    serviceId: string,
    input: UpdateVpcEndpointServiceAttributeRequest,
    opts: CallOptions = {},
): Promise<void> {
    const params = parseRequest(UpdateVpcEndpointServiceAttributeRequest, input, "privatelink", "UpdateVpcEndpointServiceAttribute");
    await client.call(plCall("UpdateVpcEndpointServiceAttribute", { ServiceId: serviceId, ...params }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function deleteVpcEndpointService(client: AlibabaClient, serviceId: string, opts: CallOptions = {}): Promise<void> {
    await client.call(plCall("DeleteVpcEndpointService", { ServiceId: serviceId }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function attachResourceToVpcEndpointService(
    client: AlibabaClient,
    serviceId: string,
    resource: ServiceResourceInput,
    opts: CallOptions & { clientToken?: string } = {},
): Promise<void> {
    const r = parseRequest(ServiceResourceInput, resource, "privatelink", "AttachResourceToVpcEndpointService");
    await client.call(
        plCall(
            "AttachResourceToVpcEndpointService",
            { ServiceId: serviceId, ...r, ClientToken: opts.clientToken },
            { idempotent: opts.clientToken !== undefined, signal: opts.signal },
        ),
        Empty,
    );
}

export async function detachResourceFromVpcEndpointService(
    client: AlibabaClient,
    serviceId: string,
    resource: ServiceResourceInput,
    opts: CallOptions = {},
): Promise<void> {
    const r = parseRequest(ServiceResourceInput, resource, "privatelink", "DetachResourceFromVpcEndpointService");
    await client.call(plCall("DetachResourceFromVpcEndpointService", { ServiceId: serviceId, ...r }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function listVpcEndpointServiceResources(
    client: AlibabaClient,
    serviceId: string,
    opts: ListOptions<ServiceResource> = {},
): Promise<ServiceResource[]> {
    return listAll(client, "ListVpcEndpointServiceResources", { ServiceId: serviceId }, ListVpcEndpointServiceResourcesResponse, (p) => p.Resources, opts);
}

/**
 * One entry of a service's allow-list: an account UID (`UserId`), or an ARN (`UserARN`, such as
 * `acs:ram:*:<account-id>:*`; AddUserToVpcEndpointServiceRequest and
 * RemoveUserFromVpcEndpointServiceRequest `user_arn`, alibabacloud_privatelink20200415 4.0.9).
 */
export type ServiceUser = string | { userArn: string };

const userParams = (user: ServiceUser) => (typeof user === "string" ? { UserId: user } : { UserARN: user.userArn });

/** Allows an account (a UID, or an ARN entry) to connect; adding twice is harmless. */
export async function addUserToVpcEndpointService(client: AlibabaClient, serviceId: string, user: ServiceUser, opts: CallOptions = {}): Promise<void> {
    await client.call(plCall("AddUserToVpcEndpointService", { ServiceId: serviceId, ...userParams(user) }, { idempotent: true, signal: opts.signal }), Empty);
}

export async function removeUserFromVpcEndpointService(client: AlibabaClient, serviceId: string, user: ServiceUser, opts: CallOptions = {}): Promise<void> {
    await client.call(
        plCall("RemoveUserFromVpcEndpointService", { ServiceId: serviceId, ...userParams(user) }, { idempotent: true, signal: opts.signal }),
        Empty,
    );
}

/** One kind of allow-list entry: `UserListType` Users (UIDs) or UserARNs (ARN entries). */
function listUserList(client: AlibabaClient, serviceId: string, type: "Users" | "UserARNs", opts: ListOptions<string>): Promise<string[]> {
    const pick = (p: z.output<typeof ListVpcEndpointServiceUsersResponse>) =>
        type === "Users" ? p.Users.map((u) => u.UserId) : p.UserARNs.map((u) => u.UserARN);
    return listAll(client, "ListVpcEndpointServiceUsers", { ServiceId: serviceId, UserListType: type }, ListVpcEndpointServiceUsersResponse, pick, opts);
}

/** The account UIDs of the allow-list. */
export async function listVpcEndpointServiceUsers(client: AlibabaClient, serviceId: string, opts: ListOptions<string> = {}): Promise<string[]> {
    return listUserList(client, serviceId, "Users", opts);
}

/** The ARN entries of the allow-list. */
export async function listVpcEndpointServiceUserArns(client: AlibabaClient, serviceId: string, opts: ListOptions<string> = {}): Promise<string[]> {
    return listUserList(client, serviceId, "UserARNs", opts);
}

/**
 * Accepts an endpoint. With a `clientToken` a repetition (after a lost answer) gets the first
 * answer back rather than `EndpointConnectionOperationDenied` from the connection it set Connecting.
 */
export async function enableVpcEndpointConnection(
    client: AlibabaClient,
    serviceId: string,
    endpointId: string,
    opts: CallOptions & { bandwidth?: number; clientToken?: string } = {},
): Promise<void> {
    await client.call(
        plCall(
            "EnableVpcEndpointConnection",
            { ServiceId: serviceId, EndpointId: endpointId, Bandwidth: opts.bandwidth, ClientToken: opts.clientToken },
            { idempotent: true, signal: opts.signal },
        ),
        Empty,
    );
}

/** Rejects (disconnects) an endpoint; a `clientToken` makes a repetition get the first answer back. */
export async function disableVpcEndpointConnection(
    client: AlibabaClient,
    serviceId: string,
    endpointId: string,
    opts: CallOptions & { clientToken?: string } = {},
): Promise<void> {
    await client.call(
        plCall(
            "DisableVpcEndpointConnection",
            { ServiceId: serviceId, EndpointId: endpointId, ClientToken: opts.clientToken },
            { idempotent: true, signal: opts.signal },
        ),
        Empty,
    );
}

/** Changes a connected endpoint's bandwidth (Mbit/s); a `clientToken` makes a repetition get the first answer back. */
export async function updateVpcEndpointConnectionAttribute(
    client: AlibabaClient,
    serviceId: string,
    endpointId: string,
    bandwidth: number,
    opts: CallOptions & { clientToken?: string } = {},
): Promise<void> {
    await client.call(
        plCall(
            "UpdateVpcEndpointConnectionAttribute",
            { ServiceId: serviceId, EndpointId: endpointId, Bandwidth: bandwidth, ClientToken: opts.clientToken },
            { idempotent: true, signal: opts.signal },
        ),
        Empty,
    );
}

export async function listVpcEndpointConnections(
    client: AlibabaClient,
    serviceId: string,
    filter: { EndpointId?: string; ConnectionStatus?: string } = {},
    opts: ListOptions<Connection> = {},
): Promise<Connection[]> {
    return listAll(client, "ListVpcEndpointConnections", { ServiceId: serviceId, ...filter }, ListVpcEndpointConnectionsResponse, (p) => p.Connections, opts);
}
