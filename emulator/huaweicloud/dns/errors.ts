import type { ApiError } from "../../core/api-error";
import { ApiError as Err } from "../../core/api-error";
import type { ApiErrors } from "../../core/api-module";
import { huaweiGateway } from "../gateway-errors";

/**
 * DNS v2.1 answers errors as `{"code","message"}` (not VPCEP's `error_code`/`error_msg`).
 * `DNS.1503`–`DNS.1505` are the documented endpoint codes (invalid direction, name exists, IP not
 * in the subnet); the others are the emulator's choices in the same range, named here so that
 * clients and tests can rely on them.
 *
 * Resolver rules: `DNS.0608`, `DNS.0701` and `DNS.0711` (status, code and message) are from the
 * DNS API reference's error code table ("This resource is in use.", "Invalid VPC.", "This VPC
 * could not be found."); terraform-provider-huaweicloud's associate acceptance test expects
 * `DNS.0711` for an unknown VPC and "Resolver rule not exist" for an unknown rule. The codes of
 * the `DNS.16xx` range are the emulator's choices (no public source names them); their messages
 * follow the table's wording.
 */
const CODES = {
    "DNS.0001": [400, "Invalid parameter."],
    "DNS.0002": [500, "System error. Please retry."],
    "DNS.0003": [403, "Permission denied."],
    "DNS.1501": [404, "Endpoint does not exist."],
    "DNS.1502": [400, "Invalid endpoint name."],
    "DNS.1503": [400, "Invalid endpoint direction."],
    "DNS.1504": [400, "Endpoint name exists."],
    "DNS.1505": [400, "Ip is not in this subnet."],
    "DNS.1506": [400, "Ip is in use."],
    "DNS.1507": [400, "An endpoint has 2 to 6 ip addresses."],
    "DNS.1508": [400, "All subnets of an endpoint must belong to one VPC."],
    "DNS.1509": [404, "Ip address does not exist."],
    "DNS.1510": [400, "The endpoint status does not allow this operation."],
    "DNS.1511": [400, "Invalid subnet."],
    "DNS.0608": [400, "This resource is in use."],
    "DNS.0701": [400, "Invalid VPC."],
    "DNS.0711": [404, "This VPC could not be found."],
    "DNS.1601": [404, "Resolver rule not exist."],
    "DNS.1602": [400, "Invalid resolver rule name."],
    "DNS.1603": [400, "Invalid domain name."],
    "DNS.1604": [400, "Invalid ip address."],
    "DNS.1605": [400, "A resolver rule has 1 to 6 ip addresses."],
    "DNS.1606": [400, "The endpoint already has a resolver rule for this domain name."],
    "DNS.1607": [400, "The resolver rule status does not allow this operation."],
    "DNS.1608": [400, "This VPC has already been associated with the resolver rule."],
    "DNS.1609": [400, "The VPC is not associated with the resolver rule."],
    "DNS.1610": [400, "The VPC is associated with another resolver rule of this domain name."],
    "DNS.1611": [400, "The VPC association is not in a steady state."],
    // Private zones and record sets: the emulator's choices (no public source names them), but
    // DNS.0707, which terraform-provider-huaweicloud (resource_huaweicloud_dns_private_zone_associate.go)
    // reads as "already disassociated".
    "DNS.0301": [404, "Zone does not exist."],
    "DNS.0302": [400, "Invalid zone type."],
    "DNS.0303": [400, "Invalid zone name."],
    "DNS.0304": [400, "Invalid TTL."],
    "DNS.0305": [400, "The zone status does not allow this operation."],
    "DNS.0307": [400, "The VPC is already associated with a private zone of this name."],
    "DNS.0308": [400, "A private zone keeps at least one VPC."],
    "DNS.0309": [400, "The zone already has this status."],
    "DNS.0706": [400, "This VPC has already been associated with the zone."],
    "DNS.0707": [400, "The VPC is not associated with the zone."],
    "DNS.0401": [404, "Record set does not exist."],
    "DNS.0402": [400, "Invalid record set name."],
    "DNS.0403": [400, "Invalid record set type."],
    "DNS.0404": [400, "Invalid record."],
    "DNS.0405": [400, "A record set of this name and type exists."],
    "DNS.0406": [400, "The record set status does not allow this operation."],
    "DNS.0407": [400, "A CNAME record set cannot share its name with other record sets."],
    "DNS.0408": [400, "The zone's own SOA and NS record sets cannot be changed."],
    // Tags (BatchCreateTag, ShowResourceTag): the emulator's choices too.
    "DNS.0901": [400, "Invalid tag."],
    "DNS.0902": [400, "A resource has at most 20 tags."],
    "DNS.0903": [400, "Invalid resource type."],
} as const satisfies Record<string, readonly [number, string]>;

export type DnsCode = keyof typeof CODES;

/** An error in DNS's own envelope. */
export function dnsServiceError(status: number, code: string, message: string): ApiError {
    return new Err(status, code, message, () => ({ code, message }));
}

/** The DNS error for `code`; `detail` names the field and the rule after the table's message. */
export function dnsError(code: DnsCode, detail?: string): ApiError {
    const [status, message] = CODES[code];
    return dnsServiceError(status, code, detail ? `${message} ${detail}` : message);
}

/** The factory the core uses for errors it raises on DNS requests (the gateway keeps its own envelope). */
export const dnsErrors: ApiErrors = {
    unauthorized: (m) => huaweiGateway.unauthorized(m),
    forbidden: (m) => dnsError("DNS.0003", m),
    throttled: (limit, retry) => huaweiGateway.throttled(limit, retry),
    internal: (m) => dnsError("DNS.0002", m),
    custom: (status, code, message) => dnsServiceError(status, code, message),
};
