/** Which project and region a Huawei API call addresses, for the APIs whose paths may lack the project. */
import { accounts } from "../core/accounts";
import type { HandlerContext } from "../core/api-module";
import type { Scope } from "../core/scoped-store";

/**
 * The caller's project and region: from the path's project or the signed `X-Project-Id` (the
 * auth scheme checked it is the caller's), or the token's scope; AK/SK without either addresses
 * the account's project of the region the endpoint serves (the emulator has one region).
 */
export function scopeOf(ctx: HandlerContext): Scope {
    const p = ctx.principal;
    if (p.projectId !== undefined && p.region !== undefined) return { projectId: p.projectId, region: p.region };
    const project = p.account?.projects[0] ?? accounts.all[0]!.projects[0]!;
    return { projectId: project.id, region: project.region };
}
