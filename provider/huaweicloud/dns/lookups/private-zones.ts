// GET /v2/zones?type=private   ListPrivateZones (with each zone's VPCs; one enterprise project, the default unless named)
import { z } from "zod";
import * as dns from "../../../../sdk/huaweicloud/dns";
import { defineLookup } from "../../../lookup/declaration";
import { huaweicloud } from "../../connect";
import { enterpriseProjectId, uuid } from "../../inputs";
import { domainName, normalizeDomain } from "../names";

/** DNS private zones: which domains are resolved privately, for which VPCs — the `zoneId` a `RecordSet` or `PrivateZoneAssociation` takes. */
export const privateZones = defineLookup({
    module: "huaweicloud:dns",
    name: "getPrivateZones",
    one: "getPrivateZone",
    itemType: "PrivateZoneInfo",
    what: "private zone",
    cloud: huaweicloud,
    args: {
        /** Only the zones of this name (`corp.example.com`; case and a trailing dot make no difference). */
        name: { schema: domainName.optional() },
        /** Only zones this VPC resolves. */
        vpcId: { schema: uuid("VPC id").optional() },
        /** Only zones of this status, such as `ACTIVE`. */
        status: { schema: z.enum(dns.PrivateZoneStatuses, `must be one of ${dns.PrivateZoneStatuses.join(", ")}`).optional() },
        /**
         * Only the zones of this enterprise project: `"0"`, the default project, or a project's
         * id. Left out, the default project's zones only, as the API lists them
         * (ListPrivateZonesRequest.enterprise_project_id, default `0`).
         */
        enterpriseProjectId: { schema: enterpriseProjectId.optional() },
    },
    calls: ["ListPrivateZones"],
    fetch: (c, a) =>
        dns.listPrivateZones(c, {
            name: a.name,
            search_mode: a.name === undefined ? undefined : "equal",
            router_id: a.vpcId,
            status: a.status,
            enterprise_project_id: a.enterpriseProjectId,
        }),
    keep: (w, a) =>
        (a.name === undefined || normalizeDomain(w.name ?? "") === a.name) && (a.vpcId === undefined || w.routers.some((r) => r.router_id === a.vpcId)),
    label: (w) => `${w.name} (${w.id})`,
    narrow: "give name and vpcId",
    list: "zones",
    item: {
        /** The zone's id: what a `RecordSet`'s or a `PrivateZoneAssociation`'s `zoneId` takes. */
        id: (w) => w.id,
        /** The zone's name (lower case, no trailing dot). */
        name: (w) => normalizeDomain(w.name ?? ""),
        /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE` or `ERROR`. */
        status: (w) => w.status ?? "",
        /** The TTL of the zone's SOA record, in seconds. */
        ttl: (w) => w.ttl ?? 0,
        /** The zone's description. */
        description: (w) => w.description ?? "",
        /** How many record sets it holds (its own SOA and NS sets included). */
        recordCount: (w) => w.record_num ?? 0,
        /** `AUTHORITY` or `RECURSIVE`. */
        proxyPattern: (w) => w.proxy_pattern ?? "",
        /** The VPCs that resolve it, each with its region and association status. */
        vpcs: (w) =>
            w.routers.map((r) => ({
                /** The VPC's id. */
                vpcId: r.router_id,
                /** The VPC's region. */
                region: r.router_region ?? "",
                /** The association's status: `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
                status: r.status ?? "",
            })),
        /** The enterprise project it belongs to: `0` (the default project) or the project's id. */
        enterpriseProjectId: (w) => w.enterprise_project_id ?? dns.DEFAULT_ENTERPRISE_PROJECT,
        /** When it was created (UTC). */
        createdAt: (w) => w.created_at ?? "",
    },
});
