// AddUserToVpcEndpointService, RemoveUserFromVpcEndpointService, ListVpcEndpointServiceUsers
import { plError } from "../errors";
import type { ServiceRecord } from "../models";
import { type Params, page } from "../params";
import { dryRun, ownService, type PrivateLinkHandler } from "./context";

/** An allow-list ARN: `acs:ram:<region>:<account-id or *>:<resource>` (the pages' example `acs:ram:*:<account-id>:*`). */
const USER_ARN = /^acs:ram:[^:]*:(\d{1,20}|\*):[^:\s]+$/;

/** The entry a call names: `UserId` (a UID) or `UserARN` (official SDK 4.0.9 `user_arn`), exactly one. */
function entryParam(p: Params): { uid: string } | { arn: string } {
    const uid = p.str("UserId");
    const arn = p.str("UserARN");
    if (uid !== undefined && arn !== undefined) throw plError("InvalidParameter", "Give UserId or UserARN, not both.");
    if (arn !== undefined) {
        if (!USER_ARN.test(arn)) throw plError("IllegalParam.UserArn", `UserARN "${arn}" is not acs:ram:<region>:<account-id>:<resource>.`);
        return { arn };
    }
    if (uid === undefined) throw plError("MissingParam.UserArn", "Give UserId or UserARN.");
    if (!/^\d{1,20}$/.test(uid)) throw plError("IllegalParam.UserId", `UserId "${uid}" is not an account UID.`);
    return { uid };
}

function editable(service: ServiceRecord, status: string): void {
    if (status === "Deleting") throw plError("EndpointServiceLocked", `Endpoint service ${service.id} is being deleted.`);
}

export const addUserToVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const entry = entryParam(p);
    editable(service, status);
    p.str("ClientToken");
    dryRun(p);
    // Adding an entry twice is harmless (the API is idempotent on the pair).
    if ("uid" in entry) {
        if (!service.users.includes(entry.uid)) service.users.push(entry.uid);
    } else if (!(service.userArns ?? []).includes(entry.arn)) service.userArns = [...(service.userArns ?? []), entry.arn];
    api.world.markDirty();
    return {};
};

export const removeUserFromVpcEndpointService: PrivateLinkHandler = (api, p, caller) => {
    const { service, status } = ownService(api, p, caller);
    const entry = entryParam(p);
    editable(service, status);
    dryRun(p);
    if ("uid" in entry) service.users = service.users.filter((u) => u !== entry.uid);
    else service.userArns = (service.userArns ?? []).filter((a) => a !== entry.arn);
    api.world.markDirty();
    return {};
};

/**
 * One list per call, by `UserListType`: `Users` (the default) or `UserARNs` (the
 * ListVpcEndpointServiceUsers page's two values); the other list is answered empty. Which one an
 * absent type lists is the emulator's choice: the page's example value is `Users`.
 */
export const listVpcEndpointServiceUsers: PrivateLinkHandler = (api, p, caller) => {
    const { service } = ownService(api, p, caller);
    const type = p.str("UserListType") ?? "Users";
    if (type !== "Users" && type !== "UserARNs") throw plError("InvalidParameter", `UserListType "${type}" (Users or UserARNs).`);
    if (type === "UserARNs") {
        const pg = page(
            p,
            (service.userArns ?? []).map((a) => ({ UserARN: a })),
        );
        return { Users: [], UserARNs: pg.items, NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: String(pg.TotalCount) };
    }
    // UserId is a number on the wire (a long: alibabacloud_privatelink20200415's
    // ListVpcEndpointServiceUsersResponseBodyUsers declares `user_id: int`); a UID past 2^53 stays
    // a string rather than being rounded.
    const uid = (u: string) => (Number.isSafeInteger(Number(u)) ? Number(u) : u);
    const items = service.users.filter((u) => (p.str("UserId") ?? u) === u).map((u) => ({ UserId: uid(u) }));
    const pg = page(p, items);
    // TotalCount is a string in this action's answer (`total_count: str` in the Python SDK's response model).
    return { Users: pg.items, UserARNs: [], NextToken: pg.NextToken, MaxResults: pg.MaxResults, TotalCount: String(pg.TotalCount) };
};
