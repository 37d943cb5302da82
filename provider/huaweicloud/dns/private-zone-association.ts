// GET  /v2/zones/{zone_id}                      wait for the zone; read the association from its routers
// POST /v2/zones/{zone_id}/associaterouter      associate the VPC, then wait until ACTIVE
// POST /v2/zones/{zone_id}/disassociaterouter   disassociate, then wait until it is no longer listed
// Both POSTs take {"router": {"router_id", "router_region"}}: the VPC and the region it is in.
/** `huaweicloud.dns.PrivateZoneAssociation`: one more VPC that resolves a private zone. */
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import { fieldsOf } from "../../model/resource";
import { huaweicloud } from "../connect";
import { region, uuid } from "../inputs";
import { dnsObjectId, normalizeDomain } from "./names";

/** What a read gathers: the zone and this VPC's entry in its routers. */
export interface PrivateZoneAssociationWire {
    zone: dns.PrivateZone;
    router: dns.PrivateZoneRouter;
}

const f = fieldsOf<PrivateZoneAssociationWire, HuaweiClient>();

async function readAssociation(c: HuaweiClient, zoneId: string, vpcId: string): Promise<PrivateZoneAssociationWire | undefined> {
    const found = await orUndefined(() => dns.showPrivateZone(c, zoneId));
    const zone = found?.status === "PENDING_DELETE" ? undefined : found;
    const router = zone?.routers.find((r) => r.router_id === vpcId);
    // Being disassociated (out of band) is as good as gone.
    return zone && router && router.status !== "PENDING_DELETE" ? { zone, router } : undefined;
}

const fields = {
    /** The private zone (its id). */
    zoneId: f.input(dnsObjectId("private zone id"), { change: "replace", read: (w) => w.zone.id }),
    /**
     * The VPC that resolves the zone (its id). Manage a zone's further VPCs either with these
     * resources or with the zone's `vpcIds`, not both; the zone's own `vpcId` is associated already.
     */
    vpcId: f.input(uuid("VPC id"), { change: "replace", read: (w) => w.router.router_id }),
    // Sent as `router.router_region` (huaweicloudsdkdns v2 Router, AssociateRouterRequestBody and
    // DisassociaterouterRequestBody: optional; the API reference: "empty, the region of the
    // token's project"). terraform-provider-huaweicloud's huaweicloud_dns_private_zone_associate
    // takes it the same way: optional and computed, ForceNew, sends the provider's region when it
    // is unset and reads it back from the zone's `routers`.
    /**
     * The region of the VPC, when it is not the zone's: a zone resolves for VPCs of other regions
     * too. Left out, the VPC is taken in the region the zone is reached in (the resource's
     * `region`, else the provider's), and the `vpcRegion` output shows it.
     */
    vpcRegion: f.input(region.optional(), { change: "replace", computed: true, read: (w) => w.router.router_region }),
};

const outputs = {
    /** The association's status: `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
    status: f.output((w) => w.router.status),
    /** The region of the VPC, as the zone's routers report it (the input's value, or the one taken when it is left out). */
    vpcRegion: f.output((w) => w.router.router_region),
    /** The zone's domain name (lower case, no trailing dot). */
    zoneName: f.output((w) => (w.zone.name === undefined ? undefined : normalizeDomain(w.zone.name))),
};

/**
 * Associates a VPC with a DNS private zone: the VPC's queries for the zone's names are answered
 * from its record sets. Creating it waits until the zone is ready and the association is
 * `ACTIVE`; deleting it disassociates the VPC and waits until it is no longer listed (the zone's
 * own `vpcId` stays).
 */
export const model = f.define({
    kind: "huaweicloud:dns:PrivateZoneAssociation",
    cloud: huaweicloud,
    fields,
    outputs,
    idParts: ["zoneId", "vpcId"],
    hooks: {
        async create({ c, inputs, budget }) {
            // Wait for the zone rather than fail while it is still being created; a disabled zone
            // refuses associations (terraform-provider-huaweicloud's huaweicloud_dns_zone: "This
            // operation is supported only when the zone status is enabled"), said here in its terms.
            const settled = await dns.waitForPrivateZoneSettled(c, inputs.zoneId, budget);
            if (settled.outcome === "target" && settled.status === "DISABLE")
                throw new Error(
                    `zoneId: private zone ${inputs.zoneId} is disabled, and a disabled zone refuses VPC associations; enable it (its enabled input) first, or list VPC ${inputs.vpcId} in its vpcIds`,
                );
            const router = { router: { router_id: inputs.vpcId, router_region: inputs.vpcRegion ?? c.region } };
            // Not idempotent: after a lost answer the association is looked for before associating again.
            await untilKnown<unknown>({
                attempt: () => dns.associateRouter(c, inputs.zoneId, router, { signal: budget.signal }),
                find: () => readAssociation(c, inputs.zoneId, inputs.vpcId),
                budget,
            });
            budget.onCreated();
            await dns.waitForPrivateZoneRouter(c, inputs.zoneId, inputs.vpcId, "present", budget);
            const wire = await readAssociation(c, inputs.zoneId, inputs.vpcId);
            if (!wire) throw new Error(`the association of VPC ${inputs.vpcId} with private zone ${inputs.zoneId} disappeared right after creation`);
            return wire;
        },

        read: (c, _id, inputs) => readAssociation(c, inputs.zoneId, inputs.vpcId),

        async delete(c, _id, inputs, budget) {
            // The recorded region (the output's, so also after an import), as the association was made.
            const router = { router: { router_id: inputs.vpcId, router_region: inputs.vpcRegion ?? c.region } };
            // Not associated (DNS.0707) or the zone gone is the outcome asked for.
            await untilKnown({
                attempt: async () => {
                    await ignoreNotFound(() => dns.disassociateRouter(c, inputs.zoneId, router, { signal: budget.signal }));
                    return true;
                },
                find: async () => ((await readAssociation(c, inputs.zoneId, inputs.vpcId)) === undefined ? true : undefined),
                budget,
            });
            if (await orUndefined(() => dns.showPrivateZone(c, inputs.zoneId)))
                await dns.waitForPrivateZoneRouter(c, inputs.zoneId, inputs.vpcId, "absent", budget);
        },
    },
});
