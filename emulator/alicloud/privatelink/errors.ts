import type { ApiError } from "../../core/api-error";
import type { ApiErrors } from "../../core/api-module";
import type { AlibabaAuthErrors } from "../../core/auth/alicloud-scheme";
import { type RpcProduct, rpcApiErrors, rpcAuthErrors, alibabaError as rpcError } from "../rpc/envelope";

/**
 * PrivateLink error codes the emulator answers: HTTP status and message as the API's pages list
 * them (`%s` filled in by the caller's detail). Every error body is Alibaba's RPC envelope
 * `{RequestId, HostId, Code, Message, Recommend}`.
 */
const CODES = {
    // request shape
    MissingParameter: [400, "The input parameter that is mandatory for processing this request is not supplied."],
    InvalidParameter: [400, "The specified parameter is invalid."],
    "InvalidAction.NotFound": [404, "Specified api is not found, please check your url and method."],
    InvalidVersion: [400, "Specified parameter Version is not valid."],
    "InvalidRegionId.NotFound": [400, "The specified region does not exist."],
    "IllegalParam.EndpointName": [400, "The specified parameter EndpointName is invalid."],
    "IllegalParam.EndpointDescription": [400, "The specified parameter EndpointDescription is invalid."],
    "IllegalParam.ServiceDescription": [400, "The specified parameter ServiceDescription is invalid."],
    "IllegalParam.EndpointType": [400, "The specified parameter EndpointType is invalid."],
    "IllegalParam.ServiceResourceType": [400, "The specified parameter ServiceResourceType is invalid."],
    "IllegalParam.Payer": [400, "The specified parameter Payer is invalid."],
    "IllegalParam.ResourceType": [400, "The specified parameter ResourceType is invalid."],
    "IllegalParam.Ip": [400, "The specified parameter IP is invalid."],
    "IllegalParam.ZoneId": [400, "The specified parameter ZoneId is invalid."],
    "IllegalParam.UserId": [400, "The specified parameter UserId is invalid."],
    // The allow-list's ARN form (AddUserToVpcEndpointService / RemoveUserFromVpcEndpointService `UserARN`, official
    // SDK 4.0.9). MissingParam.UserArn is in the RemoveUserFromVpcEndpointService page's error table (neither UserId
    // nor UserARN given); IllegalParam.UserArn is the emulator's, in the API's IllegalParam.* pattern.
    "MissingParam.UserArn": [400, "The param of UserArn is missing."],
    "IllegalParam.UserArn": [400, "The specified parameter UserARN is invalid."],
    // ZonePrivateIpAddressCount other than 1 ("Set the value to 1": CreateVpcEndpointRequest, official SDK 4.0.9);
    // the code is the emulator's.
    "IllegalParam.ZonePrivateIpAddressCount": [400, "The specified parameter ZonePrivateIpAddressCount is invalid."],
    "IllegalParam.ClientToken": [400, "The specified parameter ClientToken is invalid."],
    "IllegalParam.MaxResults": [400, "The specified parameter MaxResults is invalid."],
    "IllegalParam.NextToken": [400, "The specified parameter NextToken is invalid."],
    "IllegalParam.TagKey": [400, "The specified parameter Tag.Key is invalid."],
    "IllegalParam.TagValue": [400, "The specified parameter Tag.Value is invalid."],
    // Bandwidth of EnableVpcEndpointConnection / UpdateVpcEndpointConnectionAttribute (and the service's
    // ConnectBandwidth). The code and message are the emulator's pattern for IllegalParam.*: the stored pages
    // did not show the one the API answers for an out-of-range bandwidth.
    "IllegalParam.Bandwidth": [400, "The specified parameter Bandwidth is invalid."],
    // IPv6, policies and cross-region services (parameters of the official SDK 4.0.9 that the stored pages do not
    // cover). The codes and messages are the emulator's, in the API's IllegalParam.* / Mismatch.* pattern.
    "IllegalParam.AddressIpVersion": [400, "The specified parameter AddressIpVersion is invalid."],
    "IllegalParam.Ipv6Address": [400, "The specified parameter Ipv6Address is invalid."],
    "IllegalParam.PolicyDocument": [400, "The specified parameter PolicyDocument is invalid."],
    "IllegalParam.SupportedRegion": [400, "The specified supported region is invalid."],
    "Mismatch.AddressIpVersion": [400, "The endpoint service does not support the address IP version of the endpoint."],
    "VSwitch.Ipv6NotEnabled": [400, "IPv6 is not enabled for the specified vSwitch."],
    // Cross-region endpoints (CreateVpcEndpoint's ServiceRegionId and CrossRegionBandwidth, official SDK 4.0.9):
    // codes and messages in the same pattern, the emulator's.
    "IllegalParam.ServiceRegionId": [400, "The specified parameter ServiceRegionId is invalid."],
    "IllegalParam.CrossRegionBandwidth": [400, "The specified parameter CrossRegionBandwidth is invalid."],
    "MissingParam.CrossRegionBandwidth": [400, "The param of CrossRegionBandwidth is missing."],
    "QuotaExceeded.CrossRegionBandwidth": [400, "The quota of cross-region bandwidth is exceeded."],
    EndpointServiceNotSupportedRegion: [400, "The specified endpoint service is not offered in the region of the endpoint."],
    DryRunOperation: [400, "Request validation has been passed with DryRun flag set."],
    // not found
    EndpointNotFound: [400, "The specified endpoint does not exist."],
    // DisableVpcEndpointConnection / DeleteVpcEndpointService pages' error tables. Also what a consumer gets for an
    // owner-only call on another account's service: the service is looked up in the caller's account
    // (RAM resource acs:privatelink:{#regionId}:{#accountId}:vpcendpointservice/{#ServiceId}).
    EndpointServiceNotFound: [400, "The specified Service does not exist."],
    EndpointZoneNotFound: [400, "The specified zone of the endpoint does not exist."],
    // GetVpcEndpointAttribute page's error table (and terraform-provider-alicloud's DisableVpcEndpointConnection
    // treats it as "already gone").
    EndpointConnectionNotFound: [400, "The specified endpoint connection does not exist."],
    EndpointServiceResourceNotFound: [400, "The specified service resource is not found."],
    VpcNotFound: [400, "The specified VPC does not exist."],
    VSwitchNotFound: [400, "The specified VSwitch does not exist."],
    SecurityGroupNotFound: [400, "The specified security group does not exist."],
    "ResourceNotFound.LoadBalancer": [400, "The specified load balancer does not exist."],
    // rules
    EndpointZoneDuplicated: [400, "The zone is duplicated for the Endpoint."],
    EndpointServiceNotSupportedZone: [400, "The specified endpoint service does not support the zone."],
    EndpointServiceNotAuthorized: [400, "The specified endpoint service is not authorized to user."],
    EndpointMustContainSecurityGroup: [400, "The specified endpoint must have at least one security group."],
    "Mismatch.EndpointType": [400, "The endpoint type is mismatched for the endpoint and the endpoint service."],
    EniIpUnavailable: [400, "The specified IP address is unavailable."],
    ResourceAlreadyAssociated: [400, "The specified resource is already attached to an endpoint service."],
    SecurityGroupAlreadyAttached: [400, "The specified security group is already attached to the endpoint."],
    SecurityGroupNotAttached: [400, "The specified security group is not attached to the endpoint."],
    "DependencyViolation.EndpointConnection": [400, "The endpoint service has endpoint connections and cannot be deleted."],
    "DependencyViolation.LastZone": [400, "The last zone of the endpoint cannot be removed."],
    "DependencyViolation.LastSecurityGroup": [400, "The last security group of the endpoint cannot be detached."],
    "QuotaExceeded.totalEpPerVpc": [400, "The quota of endpoints per VPC is exceeded."],
    "QuotaExceeded.epZonePerEndpoint": [400, "The quota of zones per endpoint is exceeded."],
    "QuotaExceeded.EndpointService": [400, "The quota of endpoint services is exceeded."],
    "QuotaExceeded.TagsPerResource": [400, "The quota of tags per resource is exceeded."],
    // state (transitional: clients retry these)
    "IncorrectStatus.VpcEndpointService": [400, "The status of the endpoint service is incorrect."],
    EndpointOperationDenied: [400, "The operation is denied because the endpoint is in a transitional state."],
    EndpointLocked: [400, "The specified endpoint is locked."],
    EndpointServiceOperationDenied: [400, "The operation is denied because the endpoint service is in a transitional state."],
    EndpointServiceLocked: [400, "The specified endpoint service is locked."],
    // Public error codes page (api-privatelink-2020-04-15-errorcodes). terraform-provider-alicloud retries it on
    // UpdateVpcEndpointConnectionAttribute, which the emulator answers while the connection is transitional.
    ConcurrentCallNotSupported: [400, "The operation conflicts with other operations. Please try again later."],
    // An endpoint connection that cannot take the operation in its status (Connecting, Disconnecting, Pending, the
    // endpoint still Creating or Deleting). terraform-provider-alicloud's alicloud_privatelink_vpc_endpoint_connection
    // retries this code on EnableVpcEndpointConnection and DisableVpcEndpointConnection; the message is the
    // emulator's (the stored pages did not show it).
    EndpointConnectionOperationDenied: [400, "The operation is denied because of the status of the endpoint connection."],
    // core
    InternalError: [500, "The request processing has failed due to some unknown error, exception or failure."],
    "Throttling.User": [400, "Request was denied due to user flow control."],
} as const satisfies Record<string, readonly [number, string]>;

export type PrivateLinkCode = keyof typeof CODES;

export const PRIVATELINK_HOST = (region: string) => `privatelink.${region}.aliyuncs.com`;

const PRODUCT: RpcProduct = { host: PRIVATELINK_HOST("cn-hangzhou"), product: "Privatelink" };

/** Alibaba's RPC error envelope, from PrivateLink's host. */
export function alibabaError(status: number, code: string, message: string): ApiError {
    return rpcError(PRODUCT, status, code, message);
}

/** The PrivateLink error `code`; `detail` is appended to the table's message. */
export function plError(code: PrivateLinkCode, detail?: string): ApiError {
    const [status, message] = CODES[code];
    return alibabaError(status, code, detail ? `${message} ${detail}` : message);
}

export const privatelinkAuthErrors: AlibabaAuthErrors = rpcAuthErrors(PRODUCT);

/** The factory the core uses for errors it raises on PrivateLink requests. */
export const privatelinkErrors: ApiErrors = rpcApiErrors(PRODUCT);
