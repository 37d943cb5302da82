// POST   /v2/zones                               create with the first VPC and the creation marker tags (found again by them when the answer is lost)
// GET    /v2/zones?type=private                  find by creation key (the list shows tags), in the zone's enterprise project
// GET    /v2/zones/{zone_id}                     read, wait
// PATCH  /v2/zones/{zone_id}                     description, e-mail, TTL in place
// POST   /v2/zones/{zone_id}/associaterouter     vpcIds added (in place), then wait until ACTIVE
// POST   /v2/zones/{zone_id}/disassociaterouter  vpcIds removed (in place), then wait until no longer listed
// POST   /v2/zones/{zone_id}/actions/set-proxy-pattern            proxyPattern in place
// PUT    /v2/zones/{zone_id}/statuses            enabled in place, after every other change (and for VPC changes of a disabled zone)
// GET    /v2/{project_id}/DNS-private_zone/{zone_id}/tags         tags read back beside the zone
// POST   /v2/{project_id}/DNS-private_zone/{zone_id}/tags/action  tags in place (the creation tags stay)
// DELETE /v2/zones/{zone_id}                     delete (with its record sets), then wait until gone
/** `huaweicloud.dns.PrivateZone`: a DNS zone resolved only inside the VPCs associated with it. */
import { z } from "zod";
import { ConflictError } from "../../../sdk/core/errors";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as dns from "../../../sdk/huaweicloud/dns";
import { TOKEN_TAG } from "../../lifecycle/creation";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import type { ApplyContext } from "../../model/field";
import { fieldsOf, type OperationBudget, type RuleViolation } from "../../model/resource";
import { huaweicloud } from "../connect";
import { enterpriseProjectId, uuid } from "../inputs";
import { createWithMarker, keyedObject } from "../marker";
import { dnsDescription, dnsObjectId, domainName, normalizeDomain, ttl } from "./names";
import { enabledInput, resolves, setResolution } from "./resolution";
import { dnsTagsField, readTags } from "./tags";

const f = fieldsOf<dns.PrivateZone, HuaweiClient, dns.CreatePrivateZoneRequest>();

const router = (c: HuaweiClient, vpcId: string) => ({ router: { router_id: vpcId, router_region: c.region } });

/** The VPCs associated with the zone, but those on their way out. */
const live = (z: dns.PrivateZone) => z.routers.filter((r) => r.status !== "PENDING_DELETE").map((r) => r.router_id);

/**
 * The list filter that shows the zone's own enterprise project: ListPrivateZones lists one project,
 * the default one unless asked (ListPrivateZonesRequest.enterprise_project_id, "默认取值：0"; the
 * SDK's models name no value for every project), so a zone made in another is found by naming it.
 */
const inProject = (inputs: { enterpriseProjectId?: string }) => ({ enterprise_project_id: inputs.enterpriseProjectId ?? dns.DEFAULT_ENTERPRISE_PROJECT });

/** Associates `vpcId` (when a lost answer did not already) and waits until the association is ACTIVE. */
async function associate(c: HuaweiClient, id: string, vpcId: string, budget: OperationBudget): Promise<void> {
    await untilKnown<unknown>({
        attempt: () => dns.associateRouter(c, id, router(c, vpcId), { signal: budget.signal }),
        find: async () => (live(await dns.showPrivateZone(c, id)).includes(vpcId) ? true : undefined),
        budget,
    });
    await dns.waitForPrivateZoneRouter(c, id, vpcId, "present", budget);
}

/** Disassociates `vpcId` (not associated is done: `DNS.0707`) and waits until it is no longer listed. */
async function disassociate(c: HuaweiClient, id: string, vpcId: string, budget: OperationBudget): Promise<void> {
    await untilKnown({
        attempt: async () => {
            await ignoreNotFound(() => dns.disassociateRouter(c, id, router(c, vpcId), { signal: budget.signal }));
            return true;
        },
        find: async () => (live(await dns.showPrivateZone(c, id)).includes(vpcId) ? undefined : true),
        budget,
    });
    await dns.waitForPrivateZoneRouter(c, id, vpcId, "absent", budget);
}

/** Pauses or resumes the zone's resolution unless it already is so, and waits until it is settled. */
async function setEnabled(c: HuaweiClient, id: string, want: boolean, budget: OperationBudget): Promise<void> {
    await setResolution({
        want,
        read: () => dns.showPrivateZone(c, id, { signal: budget.signal }),
        call: (status) => dns.updatePrivateZoneStatus(c, id, { status }, { signal: budget.signal }),
        budget,
    });
    await dns.waitForPrivateZoneSettled(c, id, budget);
}

/**
 * Runs `change` (VPC associations) on an enabled zone: a disabled zone refuses them
 * (terraform-provider-huaweicloud's huaweicloud_dns_zone: "This operation is supported only when
 * the zone status is enabled"), so it is enabled first and, unless it is to stay enabled
 * (`keepEnabled`), disabled again afterwards.
 */
async function whileEnabled(c: HuaweiClient, id: string, keepEnabled: boolean, budget: OperationBudget, change: () => Promise<void>): Promise<void> {
    const paused = !resolves((await dns.showPrivateZone(c, id, { signal: budget.signal })).status);
    if (paused) await setEnabled(c, id, true, budget);
    await change();
    if (paused && !keepEnabled) await setEnabled(c, id, false, budget);
}

/** The zone with its tags (ShowPrivateZone answers none; the tag API does). */
async function readZone(c: HuaweiClient, id: string, signal?: AbortSignal): Promise<dns.PrivateZone> {
    const zone = await dns.showPrivateZone(c, id, { signal });
    return { ...zone, tags: await readTags(c, "DNS-private_zone", id, signal) };
}

/**
 * Waits until the zone is settled, associates the further VPCs it lacks, pauses its resolution when
 * the program says so (a new zone resolves: CreatePrivateZoneReq has no status), and reads it.
 */
async function settle(c: HuaweiClient, id: string, inputs: { vpcIds?: string[]; enabled?: boolean }, budget: OperationBudget): Promise<dns.PrivateZone> {
    await dns.waitForPrivateZoneSettled(c, id, budget);
    const have = live(await dns.showPrivateZone(c, id));
    const missing = (inputs.vpcIds ?? []).filter((v) => !have.includes(v));
    if (missing.length)
        await whileEnabled(c, id, true, budget, async () => {
            for (const vpcId of missing) await associate(c, id, vpcId, budget);
        });
    await setEnabled(c, id, inputs.enabled ?? true, budget);
    return readZone(c, id, budget.signal);
}

/**
 * The further VPCs in place: the added ones first, so that the zone never drops to none. A disabled
 * zone is enabled for them; it is disabled again at once when it is to stay disabled, and
 * otherwise left enabled (then `enabled`'s own update, which runs last, finds nothing to do).
 */
async function changeVpcs({ c, id, old, new: want, news, budget }: ApplyContext<string[], HuaweiClient>): Promise<void> {
    const have = new Set(old ?? []);
    const wanted = new Set(want ?? []);
    await whileEnabled(c, id, news.enabled !== false, budget, async () => {
        for (const v of wanted) if (!have.has(v)) await associate(c, id, v, budget);
        for (const v of have) if (!wanted.has(v)) await disassociate(c, id, v, budget);
    });
}

const fields = {
    /**
     * The zone's domain name, such as `corp.example.com`; with or without the trailing dot, in any
     * case, it is the same name. A VPC resolves one private zone of a name.
     */
    name: f.input(domainName, { change: "replace", wire: "name", read: (w) => (w.name === undefined ? undefined : normalizeDomain(w.name)) }),
    /**
     * The VPC the zone is created with (its id): the cloud creates a private zone with one VPC
     * (CreatePrivateZoneReq.router), and this one stays associated for the zone's life. Changing
     * it replaces the zone.
     */
    vpcId: f.input(uuid("VPC id"), {
        change: "replace",
        read: (w, inputs) => (live(w).includes(inputs.vpcId) ? inputs.vpcId : live(w)[0]),
    }),
    /**
     * The enterprise project the zone belongs to: `"0"`, the default project (the default), or
     * the project's id, a UUID. An enterprise account keeps each resource in an enterprise
     * project; a zone created without one lands in the default project. Changing it replaces the
     * zone: the DNS API takes it only when the zone is created (no update request has it), and
     * moving a zone to another project is the Enterprise Project Management Service's call, which
     * this package does not make.
     */
    // CreatePrivateZoneReq.enterprise_project_id ("默认取值：0"), read back from
    // ShowPrivateZoneResponse; terraform-provider-huaweicloud's huaweicloud_dns_zone marks it
    // ForceNew too. A read that does not report it is no drift.
    enterpriseProjectId: f.input(enterpriseProjectId.optional(), {
        change: "replace",
        default: dns.DEFAULT_ENTERPRISE_PROJECT,
        wire: "enterprise_project_id",
        read: (w) => w.enterprise_project_id,
    }),
    /**
     * Further VPCs that resolve the zone; order does not matter. Changed in place (associated,
     * then disassociated). Manage them either here or with `PrivateZoneAssociation` resources, not
     * both: left unset, this input leaves the zone's further VPCs alone.
     */
    vpcIds: f.input(z.array(uuid("VPC id")).optional(), {
        change: "update",
        unordered: true,
        distinct: (v) => v,
        default: [],
        managedOnlyWhenSet: true,
        read: (w, inputs) => live(w).filter((v) => v !== inputs.vpcId),
        apply: changeVpcs,
    }),
    /** At most 255 characters. Leaving it out keeps the zone's description (the API cannot clear one). */
    description: f.input(dnsDescription.optional(), { change: "update", computed: true, wire: "description" }),
    /** The administrator's e-mail address, written into the zone's SOA record. Leaving it out keeps the zone's. */
    email: f.input(z.email("is not an e-mail address").optional(), { change: "update", computed: true, wire: "email" }),
    /** The TTL of the zone's SOA record, in seconds: 1–2147483647 (default 300). */
    ttl: f.input(ttl.optional(), { change: "update", default: 300, wire: "ttl" }),
    /**
     * `AUTHORITY` (default): names of the zone that have no record set do not resolve; `RECURSIVE`:
     * they are resolved recursively, outside the zone. Changed in place.
     */
    proxyPattern: f.input(z.enum(["AUTHORITY", "RECURSIVE"], "must be AUTHORITY or RECURSIVE").optional(), {
        change: "update",
        default: "AUTHORITY",
        wire: "proxy_pattern",
        // Not in UpdatePrivateZoneInfoReq: its own action, as terraform-provider-huaweicloud's
        // huaweicloud_dns_zone changes it (updateDNSPrivateZoneProxyPattern).
        apply: async ({ c, id, new: want, budget }) => {
            await dns.setPrivateZoneProxyPattern(c, id, { proxy_pattern: want ?? "AUTHORITY" }, { signal: budget.signal });
        },
    }),
    /**
     * Up to 18 tags (the cloud takes 20; this package uses 2 to find what an interrupted run
     * created, which no key here may name); keys 1–128 characters of letters, digits, spaces and
     * `_ . : = + - @`, not starting with `_sys_`; values 0–255 characters, `/` allowed too.
     * Changed in place.
     */
    tags: dnsTagsField<dns.PrivateZone>("DNS-private_zone", 2, (w) => w.tags),
    // Declared last: the engine applies in-place changes in declaration order, so that disabling
    // comes after every other change (terraform-provider-huaweicloud's `status`, set by
    // UpdatePrivateZoneStatus; CreatePrivateZoneReq has no status, so a new zone is disabled after
    // it is made).
    /**
     * Whether the zone resolves (default `true`). `false` pauses its resolution — the zone keeps
     * its record sets and VPCs, and `status` reads `DISABLE` — and `true` resumes it. Changed in
     * place, after every other change of the zone. A disabled zone refuses VPC associations:
     * changing `vpcIds` enables it for the change and disables it again, but `PrivateZoneAssociation`
     * resources of a disabled zone cannot be created or deleted. A zone disabled outside the
     * program shows as a change, and `pulumi up` enables it again.
     */
    enabled: f.input(enabledInput, {
        change: "update",
        default: true,
        read: (w) => resolves(w.status),
        apply: ({ c, id, new: want, budget }) => setEnabled(c, id, want ?? true, budget),
    }),
};

const outputs = {
    /** `PENDING_CREATE`, `ACTIVE`, `PENDING_UPDATE`, `PENDING_DELETE`, `ERROR`, or `DISABLE` (resolution paused: `enabled` false). */
    status: f.output((w) => w.status),
    /** The zone's name as the cloud writes it, with the trailing dot. */
    zoneName: f.output((w) => w.name),
    // Not outputs: the record count, the SOA serial and the update time, which change whenever a
    // record set of the zone does (a refresh would report the zone changed); getPrivateZone has them.
    /** Every VPC associated with the zone, with its status (`vpcId`'s, `vpcIds`' and `PrivateZoneAssociation`s'). */
    routers: f.output((w) =>
        w.routers.map((r) => ({
            /** The VPC's id. */
            vpcId: r.router_id,
            /** The VPC's region. */
            region: r.router_region,
            /** The association's status: `PENDING_CREATE`, `ACTIVE`, `PENDING_DELETE` or `ERROR`. */
            status: r.status,
        })),
    ),
    /** When the zone was created. */
    createdAt: f.output((w) => w.created_at),
};

/**
 * A DNS private zone: a domain whose record sets (`RecordSet`) are resolved only inside the VPCs
 * associated with it — the one it is created with, `vpcIds`, or `PrivateZoneAssociation`
 * resources. `pulumi up` waits until it is `ACTIVE` (`DISABLE` when `enabled` is false).
 */
export const model = f.define({
    kind: "huaweicloud:dns:PrivateZone",
    cloud: huaweicloud,
    fields,
    outputs,
    adopt: dnsObjectId("private zone id"),
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        if (known("vpcId") && known("vpcIds"))
            (inputs.vpcIds ?? []).forEach((v, i) => {
                if (v === inputs.vpcId) out.push({ path: ["vpcIds", i], message: "is the zone's vpcId, associated already; list only further VPCs" });
            });
        return out;
    },
    hooks: {
        async create({ c, inputs, body, budget, creation }) {
            const request: dns.CreatePrivateZoneRequest = { ...body, zone_type: "private", ...router(c, inputs.vpcId) };
            const created = await createWithMarker<dns.CreatePrivateZoneRequest, dns.PrivateZone>(
                request,
                (r) => dns.createPrivateZone(c, r, { signal: budget.signal }),
                async (marker) =>
                    (await dns.listPrivateZones(c, { ...inProject(inputs), name: inputs.name, search_mode: "equal", tags: `${TOKEN_TAG},${marker}` })).find(
                        (z) => z.tags.some((t) => t.key === TOKEN_TAG && t.value === marker),
                    ),
                budget,
                creation,
            );
            budget.onCreated(created.id);
            return settle(c, created.id, inputs, budget);
        },

        async find(c, inputs, key) {
            const all = await dns.listPrivateZones(c, { ...inProject(inputs), name: inputs.name, search_mode: "equal" });
            return all.filter((z) => z.status !== "PENDING_DELETE").flatMap((z) => keyedObject(z.id, z.tags, key, z.status === "ERROR") ?? []);
        },

        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs, budget),

        async read(c, id) {
            const zone = await orUndefined(() => readZone(c, id));
            // Deletion cannot be undone: a zone being deleted (out of band) is already gone.
            return zone?.status === "PENDING_DELETE" ? undefined : zone;
        },

        async put(c, id, body, budget) {
            await dns.updatePrivateZone(c, id, body, { signal: budget.signal });
        },

        async beforeUpdate(c, id, budget) {
            await dns.waitForPrivateZoneSettled(c, id, budget);
        },

        async afterUpdate({ c, id, budget }) {
            await dns.waitForPrivateZoneSettled(c, id, budget);
            return readZone(c, id, budget.signal);
        },

        async delete(c, id, _inputs, budget) {
            try {
                await ignoreNotFound(() => dns.deletePrivateZone(c, id, { signal: budget.signal }));
            } catch (e) {
                // A DELETE whose answer was lost and is retried meets the zone already PENDING_DELETE.
                if (!(e instanceof ConflictError)) throw e;
                const now = await orUndefined(() => dns.showPrivateZone(c, id));
                if (now && now.status !== "PENDING_DELETE") throw e;
            }
            await dns.waitForPrivateZoneDeleted(c, id, budget);
        },

        id: (w) => w.id,
    },
});
