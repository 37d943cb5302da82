// AddUserToVpcEndpointService, RemoveUserFromVpcEndpointService, ListVpcEndpointServiceUsers
import { plError } from "../errors";
import { type Params, page } from "../params";
import { dryRun, ownService, type PrivateLinkHandler } from "./context";

function userParam(p: Params): string {
    const uid = p.required("UserId");
    if (!/^\d{1,20}$/.test(uid)) throw plError("IllegalParam.UserId", `UserId "${uid}" is not an account UID.`);
    return uid;
}

export const addUserToVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const uid = userParam(p);
    if (status === "Deleting") throw plError("EndpointServiceLocked", `Endpoint service ${service.id} is being deleted.`);
    p.str("ClientToken");
    dryRun(p);
    // Adding a user twice is harmless (the API is idempotent on the pair).
    if (!service.users.includes(uid)) service.users.push(uid);
    api.world.markDirty();
    return {};
};

export const removeUserFromVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const uid = userParam(p);
    if (status === "Deleting") throw plError("EndpointServiceLocked", `Endpoint service ${service.id} is being deleted.`);
    dryRun(p);
    service.users = service.users.filter((u) => u !== uid);
    api.world.markDirty();
    return {};
};

export const listVpcEndpointServiceUsers: PrivateLinkHandler = (api, p, caller) => {
    const { service } = ownService(api, p, caller);
    // UserId is a number on the wire (a long: alibabacloud_privatelink20200415's
    // ListVpcEndpointServiceUsersResponseBodyUsers declares `user_id: int`); a UID past 2^53 stays
    // a string rather than being rounded.
    const uid = (u: string) => (Number.isSafeInteger(Number(u)) ? Number(u) : u);
    const items = service.users.filter((u) => (p.str("UserId") ?? u) === u).map((u) => ({ UserId: uid(u) }));
    const pg = page(p, items);
    // TotalCount is a string in this action's answer (`total_count: str` in the Python SDK's response model).
    return { Users: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: String(pg.TotalCount) };
};
