// GET /v2.1/endpoints                      ListResolverEndpoints
// GET /v2.1/endpoints/{id}/ipaddresses     ListEndpointIpaddresses (once per endpoint found)
import { z } from "zod";
import * as dns from "../../../../sdk/huaweicloud/dns";
import { defineLookup } from "../../../lookup/declaration";
import { huaweicloud } from "../../connect";
import { uuid } from "../../inputs";

/**
 * DNS resolver endpoints of one direction, with their addresses: find the inbound endpoint's
 * addresses to point an on-premises DNS server's forwarders at, or the outbound endpoint a
 * `ResolverRule` forwards through.
 */
export const resolverEndpoints = defineLookup({
    module: "huaweicloud:dns",
    name: "getResolverEndpoints",
    one: "getResolverEndpoint",
    itemType: "ResolverEndpointInfo",
    what: "resolver endpoint",
    cloud: huaweicloud,
    args: {
        /** `inbound` (on-premises servers query the cloud through it) or `outbound` (the cloud forwards to on-premises through it). */
        direction: { schema: dns.ResolverEndpointDirection },
        /** Only endpoints in this VPC. */
        vpcId: { schema: uuid("VPC id").optional() },
        /** The endpoint's name, or part of it, as the API matches it. The exactly-one form prefers the endpoint with exactly this name. */
        name: { schema: z.string().min(1, "is empty").max(64, "is longer than 64 characters").optional() },
    },
    calls: ["ListResolverEndpoints", "ListEndpointIpaddresses"],
    async fetch(c, a) {
        const found = await dns.listResolverEndpoints(c, { direction: a.direction, vpc_id: a.vpcId, name: a.name });
        return Promise.all(found.map(async (endpoint) => ({ endpoint, addresses: await dns.listEndpointIpaddresses(c, endpoint.id) })));
    },
    exact: (w, a) => w.endpoint.name === a.name,
    label: (w) => `${w.endpoint.name} (${w.endpoint.id})`,
    narrow: "give vpcId or the endpoint's exact name",
    list: "endpoints",
    item: {
        /** The endpoint's id. */
        id: (w) => w.endpoint.id,
        /** The endpoint's name. */
        name: (w) => w.endpoint.name ?? "",
        /** `inbound` or `outbound`. */
        direction: (w) => w.endpoint.direction ?? "",
        /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE` or `ERROR`. */
        status: (w) => w.endpoint.status ?? "",
        /** The VPC of its addresses. */
        vpcId: (w) => w.endpoint.vpc_id ?? "",
        /** Its addresses: each with its id, IP, subnet (the subnet's network id, as the DNS API reports it) and status. */
        ipAddresses: (w) =>
            w.addresses.map((x) => ({
                /** The address's id. */
                id: x.id,
                /** The IPv4 address. */
                ip: x.ip ?? "",
                /** The subnet's network id, as the DNS API reports it. */
                subnetId: x.subnet_id ?? "",
                /** `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
                status: x.status ?? "",
            })),
        /** How many resolver rules forward through it (outbound endpoints). */
        resolverRuleCount: (w) => w.endpoint.resolver_rule_count ?? 0,
        /** When it was created (UTC). */
        createdAt: (w) => w.endpoint.create_time ?? "",
    },
});
