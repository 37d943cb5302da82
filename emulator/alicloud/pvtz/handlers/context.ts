import { randomBytes } from "node:crypto";
import type { Account } from "../../../core/accounts";
import type { ApiResponse, HandlerContext } from "../../../core/api-module";
import type { World } from "../../../core/world";
import { RpcParams } from "../../rpc/params";
import { pvtzError } from "../errors";
import type { RecordRec, ZoneRec } from "../models";
import type { PvtzAccount, PvtzState } from "../state";

/** What every PrivateZone handler works with. */
export interface Pvtz {
    world: World;
    state: PvtzState;
}

/** RPC parameters with PrivateZone's codes. */
export class Params extends RpcParams {
    constructor(r: Record<string, string>) {
        super(Object.entries(r), (code, message) => pvtzError(code, message));
    }

    int(name: string, min: number, max: number): number | undefined {
        return this.integer(name, min, max);
    }
}

/** The authenticated caller and its PrivateZone state. */
export interface Caller {
    account: Account;
    uid: string;
    pvtz: PvtzAccount;
}

/** A handler returns the body without RequestId; the route wrapper adds it. */
export type PvtzHandler = (api: Pvtz, p: Params, caller: Caller, ctx: HandlerContext) => Record<string, unknown>;

export function wrap(api: Pvtz, handler: PvtzHandler): (ctx: HandlerContext) => ApiResponse {
    return (ctx) => {
        const p = new Params(ctx.params);
        const account = ctx.principal.account!;
        const uid = account.alicloud.accountId;
        const body = handler(api, p, { account, uid, pvtz: api.state.account(uid) }, ctx);
        return { status: 200, body: { RequestId: ctx.req.requestId, ...body } };
    };
}

/** A zone id: 32 hexadecimal digits, as the API pages' examples show (`0e41496f12da01311d314f17b801****`). */
export function newZoneId(): string {
    return randomBytes(16).toString("hex");
}

/** The caller's zone named by `ZoneId`; `Zone.Invalid.Id` otherwise (DescribeZoneInfo page). */
export function ownZone(p: Params, caller: Caller): ZoneRec {
    const id = p.required("ZoneId");
    const z = caller.pvtz.zones[id];
    if (!z) throw pvtzError("Zone.Invalid.Id", `ZoneId ${id}.`);
    return z;
}

/** The caller's record named by `RecordId`; `Record.Invalid.Id` otherwise. */
export function ownRecord(p: Params, caller: Caller): RecordRec {
    const id = p.required("RecordId");
    const r = /^\d+$/.test(id) ? caller.pvtz.records[id] : undefined;
    if (!r) throw pvtzError("Record.Invalid.Id", `RecordId ${id}.`);
    return r;
}

/**
 * ClientToken (every writing action of the SDK's models has one): a repeated token answers the
 * first call's answer without acting again.
 */
export function idempotent(api: Pvtz, p: Params, caller: Caller, action: string, run: () => Record<string, unknown>): Record<string, unknown> {
    const token = p.str("ClientToken");
    if (token === undefined) return run();
    if (token.length > 64 || !/^[\x20-\x7e]+$/.test(token)) throw pvtzError("InvalidParameter", "ClientToken must be at most 64 ASCII characters.");
    const key = `${action}/${token}`;
    const tokens = caller.pvtz.tokens;
    if (tokens[key] !== undefined) return tokens[key] as Record<string, unknown>;
    const result = run();
    tokens[key] = result;
    api.world.markDirty();
    return result;
}

/** `PageNumber` (from 1) / `PageSize` (1–100, default 20) paging (DescribeZonesRequest, DescribeZoneRecordsRequest). */
export function page<T>(p: Params, items: T[]): { items: T[]; PageNumber: number; PageSize: number; TotalItems: number; TotalPages: number } {
    const number = p.int("PageNumber", 1, 1_000_000) ?? 1;
    const size = p.int("PageSize", 1, 100) ?? 20;
    return {
        items: items.slice((number - 1) * size, number * size),
        PageNumber: number,
        PageSize: size,
        TotalItems: items.length,
        TotalPages: Math.ceil(items.length / size),
    };
}
