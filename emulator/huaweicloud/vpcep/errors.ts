import type { ApiError } from "../../core/api-error";
import type { ApiErrors } from "../../core/api-module";
import { huaweiGateway, huaweiServiceError } from "../gateway-errors";

/**
 * The VPCEP error codes the emulator answers, with HTTP status and message from the API's
 * error-code table (../shared/reference/vpcep-error-codes.txt). Note `Endpoint.1018` really is
 * spelled with a lower-case p.
 */
const CODES = {
    "EndPoint.0001": [500, "System error. Please retry."],
    "EndPoint.0002": [400, "Parameter error."],
    "EndPoint.0004": [403, "Authentication information is incorrect or you have no permissions."],
    "EndPoint.0005": [404, "The requested resource does not exist."],
    "EndPoint.0006": [400, "Invalid limit."],
    "EndPoint.0007": [400, "Invalid action."],
    "EndPoint.0010": [400, "Invalid offset."],
    "EndPoint.0016": [400, "The number of batch operated resources exceeded the limit."],
    "EndPoint.0017": [400, "Invalid sort_key."],
    "EndPoint.0018": [400, "Invalid sort_dir."],
    "EndPoint.0019": [400, "Invalid status."],
    "EndPoint.0020": [400, "Invalid VPC ID."],
    "EndPoint.0023": [400, "Invalid subnet_id."],
    "EndPoint.1019": [400, "Invalid route table ID."],
    "Endpoint.1018": [400, "Quota exceeded."],
    "EndPoint.2001": [400, "The VPC does not exist."],
    "EndPoint.2003": [400, "The endpoint service does not exist."],
    "EndPoint.2004": [400, "The endpoint service is unavailable."],
    "EndPoint.2006": [404, "The requested endpoint does not exist."],
    "EndPoint.2010": [400, "The input parameter subnet ID is empty."],
    "EndPoint.2011": [400, "The input parameter VPC ID is empty."],
    "EndPoint.2012": [400, "You have no permission to connect to the VPC endpoint service."],
    "EndPoint.2013": [400, "The endpoint does not belong to the endpoint service."],
    "EndPoint.2017": [400, "Invalid endpoint ID."],
    "EndPoint.2018": [400, "The endpoint is being deleted."],
    "EndPoint.2019": [400, "The endpoint is being created."],
    "EndPoint.2027": [400, "Invalid action."],
    "EndPoint.2028": [400, "The endpoint service port or protocol is empty."],
    "EndPoint.2029": [400, "The requested endpoint service ID is empty."],
    "EndPoint.2031": [400, "Only one endpoint is allowed."],
    "EndPoint.2033": [400, "The entered parameter enable_dns is invalid."],
    "EndPoint.2037": [400, "The current network does not belong to the VPC."],
    "EndPoint.2041": [400, "Invalid Port IP address."],
    "EndPoint.2042": [400, "The Port IP is in use."],
    "EndPoint.2043": [400, "The Port IP is not valid for the subnet."],
    "EndPoint.2044": [400, "Invalid whitelist."],
    "EndPoint.2045": [400, "The maximum number of whitelist records has been reached."],
    "EndPoint.2047": [400, "The VPC endpoint in the Failed status cannot be modified."],
    "EndPoint.2048": [400, "The VPC endpoint policy is invalid."],
    "EndPoint.2049": [400, "The VPC endpoint has no policy associated."],
    "EndPoint.3002": [400, "Invalid permission."],
    "EndPoint.3003": [400, "Invalid port ID."],
    "EndPoint.3006": [400, "The endpoint service is being used."],
    "EndPoint.3008": [400, "The port does not exist."],
    "EndPoint.3009": [400, "Invalid CIDR."],
    "EndPoint.3011": [400, "Parameter IP is not required to create an endpoint service (interface)."],
    "EndPoint.3021": [400, "Invalid serverType."],
    "EndPoint.3035": [400, "Invalid action."],
    "EndPoint.3036": [400, "Invalid permissions."],
    "EndPoint.3042": [400, "The port ID does not belong to the current VPC."],
    "EndPoint.3043": [400, "The service port is invalid."],
    "EndPoint.3044": [400, "The parameter ports conflicted with ports in an existing endpoint service."],
    "EndPoint.3045": [400, "Other properties cannot be modified in the current endpoint service state."],
    "EndPoint.3062": [400, "Invalid endpoint service ID."],
    "EndPoint.3066": [400, "The tag cannot be empty."],
    "EndPoint.3067": [400, "The tag key cannot be duplicated."],
    "EndPoint.3068": [400, "Tag keys and values should meet relevant requirements."],
    "EndPoint.3069": [400, "The maximum number of tags has been reached."],
    "EndPoint.3070": [400, "Invalid resource type."],
    "EndPoint.3072": [400, "The tag key size is invalid."],
    "EndPoint.3073": [400, "The tag value size is invalid."],
    "EndPoint.3074": [400, "The maximum of ports has been reached."],
    "EndPoint.3075": [400, "The protocol is invalid."],
    "EndPoint.3076": [400, "Invalid service name."],
} as const satisfies Record<string, readonly [number, string]>;

/** A VPCEP error code the emulator can answer. */
export type VpcepCode = keyof typeof CODES;

/** The VPCEP error for `code`; `detail` names the field and the rule after the table's message. */
export function vpcepError(code: VpcepCode, detail?: string): ApiError {
    const [status, message] = CODES[code];
    return huaweiServiceError(status, code, detail ? `${message} ${detail}` : message);
}

/** The factory the core uses for errors it raises on VPCEP requests. */
export const vpcepErrors: ApiErrors = {
    unauthorized: (m) => huaweiGateway.unauthorized(m),
    forbidden: (m) => vpcepError("EndPoint.0004", m),
    throttled: (limit, retry) => huaweiGateway.throttled(limit, retry),
    internal: (m) => vpcepError("EndPoint.0001", m),
    custom: (status, code, message) => huaweiServiceError(status, code, message),
};
