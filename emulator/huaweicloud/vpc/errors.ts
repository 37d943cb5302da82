import { ApiError } from "../../core/api-error";
import type { ApiErrors } from "../../core/api-module";
import { huaweiGateway } from "../gateway-errors";

/**
 * VPC v1 errors: `{"code","message"}`, with the HTTP status and the "Error Message" column of the
 * VPC API reference's error-code table ("Error Codes", support.huaweicloud.com/intl/en-us/api-vpc/
 * vpc_api_0003.html; the same table is in opentelekomcloud/docs, vpc/api-reference/error-codes.md).
 * Where the table gives one code several statuses (VPC.0202 "404/500"), the not-found case is 404.
 * The table really answers 500 for a subnet still in use (VPC.0208, VPC.0209), and
 * terraform-provider-huaweicloud's subnet delete retries on 500 for that reason.
 * VPC.0003 for an unknown VPC (also on subnet create) is the table's public code; CS-SI SafeScale's
 * Huawei driver branches on it when creating a subnet.
 */
const CODES = {
    "VPC.0003": [404, "VPC does not exist."],
    "VPC.0007": [400, "urlTenantId is not equal tokenTenantId"],
    "VPC.0101": [400, "Param is invalid."],
    "VPC.0104": [409, "Router contains subnets, please delete subnet first."],
    "VPC.0111": [500, "Database Error."],
    "VPC.0115": [400, "The router name has exist."],
    "VPC.0117": [400, "Cidr can not contain subnetList cidr."],
    "VPC.0201": [400, "Incorrect subnet parameters."],
    "VPC.0202": [404, "Query subnet fail."],
    "VPC.0203": [400, "Subnet is not in the range of VPC."],
    "VPC.0204": [400, "The subnet has already existed in the VPC, or has been in conflict with the VPC subnet."],
    "VPC.0207": [400, "Subnet does not belong to the VPC."],
    "VPC.0208": [500, "Subnet is used by private IP, can not be deleted."],
    "VPC.0209": [500, "Subnet is still used, such as computer, LB."],
    "VPC.0212": [400, "The subnet cidr is not valid."],
} as const satisfies Record<string, readonly [number, string]>;

/** A VPC v1 error code the emulator answers. */
export type VpcCode = keyof typeof CODES;

function vpcEnvelope(status: number, code: string, message: string): ApiError {
    return new ApiError(status, code, message, () => ({ code, message }));
}

/** The VPC v1 error for `code`; `detail` names the field and the rule after the table's message. */
export function vpcError(code: VpcCode, detail?: string): ApiError {
    const [status, message] = CODES[code];
    return vpcEnvelope(status, code, detail ? `${message} ${detail}` : message);
}

/** 404 VPC.0202 with the message the real API gives for an unknown subnet id. */
export function subnetNotFound(id: string): ApiError {
    return vpcEnvelope(CODES["VPC.0202"][0], "VPC.0202", `Query resource by id ${id} fail.the subnet could not be found.`);
}

/**
 * An error of the neutron API (`/v2.0/...`): OpenStack's `{"NeutronError":{"type","message","detail"}}`,
 * `type` being neutron's exception class and the message its text.
 */
export function neutronError(status: number, type: string, message: string): ApiError {
    return new ApiError(status, type, message, () => ({ NeutronError: { type, message, detail: "" } }));
}

/** The neutron exceptions the port operations raise (names and texts from neutron / neutron-lib). */
export const neutron = {
    portNotFound: (id: string) => neutronError(404, "PortNotFound", `Port ${id} could not be found.`),
    networkNotFound: (id: string) => neutronError(404, "NetworkNotFound", `Network ${id} could not be found.`),
    invalidInput: (why: string) => neutronError(400, "InvalidInput", `Invalid input for operation: ${why}`),
    badRequest: (resource: string, why: string) => neutronError(400, "BadRequest", `Bad ${resource} request: ${why}`),
    /** What neutron's request-body parser raises (missing wrapper or required attribute). */
    httpBadRequest: (why: string) => neutronError(400, "HTTPBadRequest", why),
    malformed: (why: string) => neutronError(400, "MalformedRequestBody", `Malformed request body: ${why}`),
    ipInUse: (network: string, ip: string) =>
        neutronError(409, "IpAddressInUse", `Unable to complete operation for network ${network}. The IP address ${ip} is in use.`),
    noMoreIps: (network: string) => neutronError(409, "IpAddressGenerationFailure", `No more IP addresses available on network ${network}.`),
    portInUse: (port: string, network: string, device: string) =>
        neutronError(409, "PortInUse", `Unable to complete operation on port ${port} for network ${network}. Port already has an attached device ${device}.`),
};

/**
 * The factory the core uses for errors it raises on VPC requests. One module serves v1 and the
 * neutron paths, so a fault rule's code picks the envelope: a neutron exception name (no dot,
 * `PortNotFound`) renders `NeutronError`, a `VPC.xxxx` code the v1 envelope. Forbidden (the project
 * in the path or `X-Project-Id` is not the caller's) is the table's tenant mismatch VPC.0007.
 */
export const vpcErrors: ApiErrors = {
    unauthorized: (m) => huaweiGateway.unauthorized(m),
    forbidden: (m) => vpcError("VPC.0007", m),
    throttled: (limit, retry) => huaweiGateway.throttled(limit, retry),
    internal: (m) => vpcError("VPC.0111", m),
    custom: (status, code, message) => (code.includes(".") ? vpcEnvelope(status, code, message) : neutronError(status, code, message)),
};
