import type { ApiError } from "../../core/api-error";
import { alibabaError, type RpcProduct, rpcApiErrors, rpcAuthErrors } from "../rpc/envelope";

/**
 * PrivateZone error codes the emulator answers, with HTTP status and message. Which come from
 * where is in README.md: `Zone.Invalid.Id` is the DescribeZoneInfo page's; `Zone.VpcExists`,
 * `ZoneVpc.NotExists.VpcId` and `System.Busy` are the codes terraform-provider-alicloud's pvtz
 * resources branch on (messages the emulator's), as is `Record.Invalid.Conflict` (a record with the
 * host record, type and value of one the zone has); `Zone.AlreadyExists` and `Record.Invalid.Id` are
 * the emulator's choice.
 */
const CODES = {
    MissingParameter: [400, "The input parameter that is mandatory for processing this request is not supplied."],
    InvalidParameter: [400, "The specified parameter is invalid."],
    "InvalidAction.NotFound": [404, "Specified api is not found, please check your url and method."],
    "Zone.Invalid.Id": [400, "Zone id is invalid."],
    "Zone.AlreadyExists": [400, "The zone already exists."],
    "Zone.VpcExists": [400, "The zone is still bound to VPCs: unbind them first."],
    "ZoneVpc.NotExists.VpcId": [400, "The VPC does not exist."],
    "Record.Invalid.Id": [400, "Record id is invalid."],
    "Record.Invalid.Conflict": [400, "The record conflicts with a record the zone has."],
    "System.Busy": [400, "The system is busy. Try again later."],
} as const satisfies Record<string, readonly [number, string]>;

export type PvtzCode = keyof typeof CODES;

/** One host for every region (the official SDK's endpoint map). */
const PRODUCT: RpcProduct = { host: "pvtz.aliyuncs.com", product: "pvtz" };

/** The PrivateZone error `code`; `detail` is appended to the table's message. */
export function pvtzError(code: PvtzCode, detail?: string): ApiError {
    const [status, message] = CODES[code];
    return alibabaError(PRODUCT, status, code, detail ? `${message} ${detail}` : message);
}

export const pvtzAuthErrors = rpcAuthErrors(PRODUCT);
export const pvtzErrors = rpcApiErrors(PRODUCT);
