// AddZone (ClientToken)        create, idempotent across retries; the ClientToken derives from the creation key and token
// TagResources (ZONE)          the creation key and token with the program's tags, in one call right after AddZone (AddZone takes no tags)
// DescribeZones (EXACT)        find by name, with the tags; an untagged zone is proven by repeating AddZone with a token's ClientToken
// BindZoneVpc                  the zone's VPCs, when `vpcs` is set (the whole list each time)
// DescribeZoneInfo, ListTagResources (ZONE)   read (DescribeZoneInfo shows no tags)
// UpdateZoneRemark, SetProxyPattern, TagResources / UntagResources (ZONE)   in place
// BindZoneVpc (none), DeleteZone      delete
/** `alicloud.pvtz.Zone`: a PrivateZone zone, answered in the VPCs bound to it. */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pvtz from "../../../sdk/alicloud/pvtz";
import { ConflictError } from "../../../sdk/core/errors";
import { adoptAdvice, KEY_TAG, TOKEN_TAG } from "../../lifecycle/creation";
import { ignoreNotFound, orUndefined, untilKnown } from "../../lifecycle/outcomes";
import type { ApplyContext, OperationBudget } from "../../model/field";
import { type CreateBudget, type Creation, fieldsOf, type KeyedObject } from "../../model/resource";
import { alicloud } from "../connect";
import { pvtzTags } from "../inputs";
import { createWithClientToken } from "../privatelink/client-token";
import { tagsOptions } from "../tags";
import { domainName, proxyPattern, vpcEntry, zoneId } from "./inputs";

/** A VPC of the zone (an entry of its `vpcs`). */
export type ZoneVpc = z.output<typeof vpcEntry>;

/** What a read returns: DescribeZoneInfo's zone, and its tags (ListTagResources: DescribeZoneInfo shows none). */
interface ZoneWire extends pvtz.ZoneInfo {
    tags: Record<string, string>;
}

const f = fieldsOf<ZoneWire, AlibabaClient, pvtz.AddZoneRequest>();

const vpcKey = (v: ZoneVpc) => v.vpcId;
/** The VPCs as BindZoneVpc takes them: an entry without a region is in the provider's. */
const toWire = (vs: ZoneVpc[], region: string) => vs.map((v) => ({ RegionId: v.regionId ?? region, VpcId: v.vpcId }));

async function bindVpcs({ c, id, new: want, budget }: ApplyContext<ZoneVpc[], AlibabaClient>): Promise<void> {
    await pvtz.bindZoneVpc(c, id, toWire(want ?? [], c.region), { signal: budget.signal });
}

const fields = {
    /** The zone's name, such as `example.internal` (unique in the account). */
    zoneName: f.input(domainName("zone name"), { change: "replace", unique: true, wire: "ZoneName", read: (w) => w.ZoneName }),
    /**
     * What a name without records in the zone answers: `ZONE` (default) NXDOMAIN; `RECORD`
     * passes the query on to forwarding and recursion.
     */
    proxyPattern: f.input(proxyPattern.optional(), {
        change: "update",
        default: "ZONE",
        wire: "ProxyPattern",
        apply: ({ c, id, new: v, budget }) => pvtz.setProxyPattern(c, id, v ?? "ZONE", { signal: budget.signal }),
    }),
    /** A note on the zone; removing it clears it. */
    remark: f.input(z.string().max(512, "is longer than 512 characters").optional(), {
        change: "update",
        default: "",
        read: (w) => w.Remark ?? "",
        apply: ({ c, id, new: v, budget }) => pvtz.updateZoneRemark(c, id, v ?? "", { signal: budget.signal }),
    }),
    /**
     * The VPCs the zone answers in; order does not matter; changed in place (BindZoneVpc sets the
     * whole list). Manage them either here or with `ZoneAttachment` resources, not both: left
     * unset, this input leaves the zone's VPCs alone.
     */
    vpcs: f.input(z.array(vpcEntry).optional(), {
        change: "update",
        unordered: true,
        distinct: vpcKey,
        default: [],
        managedOnlyWhenSet: true,
        // A region is shown where the program gave one (an entry without one is in the provider's).
        read: (w, inputs) =>
            w.BindVpcs.map((v) =>
                (inputs.vpcs as ZoneVpc[] | undefined)?.some((x) => x.vpcId === v.VpcId && x.regionId === undefined)
                    ? { vpcId: v.VpcId }
                    : { vpcId: v.VpcId, regionId: v.RegionId ?? "" },
            ),
        apply: bindVpcs,
    }),
    /**
     * The zone's tags, at most 18: a zone takes 20, and the package keeps two of its own on it
     * (`pulumi-privatelink-key`, `pulumi-privatelink-token`), never shown here, whose keys this
     * input refuses. Changed in place (TagResources, UntagResources).
     */
    tags: f.input(
        pvtzTags.optional(),
        tagsOptions<ZoneWire>((w) => w.tags, pvtz.syncZoneTags),
    ),
};

const outputs = {
    // Not outputs: the record count and the update time, which change whenever a record of the
    // zone does (a refresh would report the zone changed); getZone has them.
    /** Whether it is a reverse lookup zone (`in-addr.arpa`, `ip6.arpa`). */
    isPtr: f.output((w) => w.IsPtr ?? false),
    /** When it was created. */
    createTime: f.output((w) => w.CreateTime ?? ""),
};

/**
 * The ClientToken of a keyed creation's AddZone, derived from its creation key and token (64 hex
 * digits, what ClientToken allows): AddZone takes no tags, so a run killed between AddZone and
 * TagResources leaves a zone without them, and a later run that knows the token (this stack's
 * record of the interrupted creation) repeats AddZone with this ClientToken to be answered that
 * zone — proof that this creation made it.
 */
export function zoneClientToken(creation: Creation): string {
    return createHash("sha256").update(`alicloud:pvtz:Zone\n${creation.key}\n${creation.token}`).digest("hex");
}

const sameName = (a: string | undefined, b: string) => (a ?? "").replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();

/** The account's zones of this name (one at most: names are unique in the account). */
async function zonesNamed(c: AlibabaClient, name: string): Promise<pvtz.ZoneSummary[]> {
    return (await pvtz.describeZones(c, { Keyword: name.replace(/\.$/, ""), SearchMode: "EXACT" })).filter((z) => sameName(z.ZoneName, name));
}

/**
 * Tags a new zone with its creation key and token (hidden from `tags`) and the program's `tags`, in
 * one call: the zone never carries the program's tags without its creation tags. Nothing is called
 * when there is nothing to tag.
 */
async function tagNewZone(
    c: AlibabaClient,
    id: string,
    creation: Creation | undefined,
    tags: Record<string, string> = {},
    signal?: AbortSignal,
): Promise<void> {
    const all = { ...tags, ...(creation ? { [KEY_TAG]: creation.key, [TOKEN_TAG]: creation.token } : {}) };
    if (Object.keys(all).length) await pvtz.tagZone(c, id, all, { signal });
}

/**
 * AddZone for a keyed creation: its ClientToken derives from the key and token, so that every
 * repetition (a lost answer) and a later run's proof (`find`) are answered the same zone. A
 * replacement that keeps the name keeps the key and token too (and deletes the old zone first):
 * the cloud may answer the old zone's id, which no longer exists; then the zone is added with a
 * fresh ClientToken.
 */
async function addKeyedZone(c: AlibabaClient, body: pvtz.AddZoneRequest, creation: Creation, budget: CreateBudget): Promise<string> {
    const { ZoneId } = await untilKnown({
        attempt: () => pvtz.addZone(c, { ...body, ClientToken: zoneClientToken(creation) }, { signal: budget.signal }),
        budget,
    });
    if (await read(c, ZoneId)) return ZoneId;
    return (await createWithClientToken((ClientToken) => pvtz.addZone(c, { ...body, ClientToken }, { signal: budget.signal }), budget)).ZoneId;
}

/**
 * Whether a zone that carries no creation tags was made by a creation of this key and one of
 * `tokens`: AddZone repeated with that creation's ClientToken answers the zone it made. It cannot
 * add a second zone of the name while `zone` holds it; should `zone` have gone in between, the
 * zone it adds carries this creation's ClientToken, and is this creation's as well. A zone so
 * proven is tagged, as the interrupted run would have.
 */
async function provenToken(c: AlibabaClient, zone: pvtz.ZoneSummary, name: string, key: string, tokens: string[]): Promise<KeyedObject | undefined> {
    for (const token of new Set(tokens)) {
        const creation = { key, token };
        let id: string;
        try {
            ({ ZoneId: id } = await pvtz.addZone(c, { ZoneName: name, ClientToken: zoneClientToken(creation) }));
        } catch (e) {
            if (e instanceof ConflictError) continue; // not this token's: the name is held
            throw e;
        }
        if (id !== zone.ZoneId && !(await read(c, id))) continue; // the answer of a zone since deleted
        await tagNewZone(c, id, creation);
        return { id, token };
    }
    return undefined;
}

/** Waits for nothing (every PrivateZone action takes effect at once): gives the remark, binds the VPCs and reads the zone. */
async function settle(c: AlibabaClient, id: string, inputs: { vpcs?: ZoneVpc[]; remark?: string }, budget: OperationBudget): Promise<ZoneWire> {
    // AddZone takes no remark (AddZoneRequest): it is given once the zone exists.
    if (inputs.remark) await pvtz.updateZoneRemark(c, id, inputs.remark, { signal: budget.signal });
    if (inputs.vpcs?.length) await pvtz.bindZoneVpc(c, id, toWire(inputs.vpcs, c.region), { signal: budget.signal });
    return readBack(c, id, "right after creation");
}

async function read(c: AlibabaClient, id: string): Promise<ZoneWire | undefined> {
    const zone = await orUndefined(() => pvtz.describeZoneInfo(c, id));
    if (!zone) return undefined;
    const tags = await orUndefined(() => pvtz.listZoneTags(c, id)); // gone between the two calls: gone
    return tags && { ...zone, tags };
}

async function readBack(c: AlibabaClient, id: string, when: string): Promise<ZoneWire> {
    const w = await read(c, id);
    if (!w) throw new Error(`alicloud.pvtz.Zone: ${id} disappeared ${when}`);
    return w;
}

/**
 * An Alibaba Cloud DNS PrivateZone zone: names that resolve only inside the VPCs bound to it,
 * with `vpcs` here or one `ZoneAttachment` per VPC.
 */
export const model = f.define({
    kind: "alicloud:pvtz:Zone",
    cloud: alicloud,
    fields,
    outputs,
    adopt: zoneId,
    hooks: {
        async create({ c, inputs, body, budget, creation, urn }) {
            let ZoneId: string;
            try {
                ZoneId = creation
                    ? await addKeyedZone(c, body, creation, budget)
                    : // One token for every repetition of this create: a lost answer never makes a second zone.
                      (await createWithClientToken((ClientToken) => pvtz.addZone(c, { ...body, ClientToken }, { signal: budget.signal }), budget)).ZoneId;
            } catch (e) {
                if (!(e instanceof ConflictError && e.reason === "exists")) throw e;
                // The name is held. A zone with this resource's creation key is the engine's to explain;
                // one without tags may be this stack's own from a run killed before it tagged the zone
                // and whose ClientToken the cloud no longer remembers.
                const holder = (await zonesNamed(c, inputs.zoneName)).find((z) => !z.ResourceTags.some((t) => t.Key === KEY_TAG));
                if (!holder) throw e;
                throw new Error(
                    `alicloud.pvtz.Zone: a zone named ${inputs.zoneName} already exists (${holder.ZoneId}). If \`pulumi stack export\` lists a pending creation of ` +
                        `${urn ?? "this resource"}, a killed run of this stack made it: ${adoptAdvice(urn ?? "this resource", holder.ZoneId)}. ` +
                        "Otherwise it is someone else's: give this zone another name.",
                );
            }
            budget.onCreated(ZoneId);
            await tagNewZone(c, ZoneId, creation, inputs.tags, budget.signal);
            return settle(c, ZoneId, inputs, budget);
        },
        async find(c, inputs, key, tokens) {
            const out: KeyedObject[] = [];
            for (const z of await zonesNamed(c, inputs.zoneName)) {
                const tags = z.ResourceTags;
                if (tags.some((t) => t.Key === KEY_TAG)) {
                    if (tags.some((t) => t.Key === KEY_TAG && t.Value === key)) out.push({ id: z.ZoneId, token: tags.find((t) => t.Key === TOKEN_TAG)?.Value });
                    continue;
                }
                const proven = await provenToken(c, z, inputs.zoneName, key, tokens);
                if (proven) out.push(proven);
            }
            return out;
        },
        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs, budget),
        read: (c, id) => read(c, id),
        afterUpdate: ({ c, id }) => readBack(c, id, "during the update"),
        async delete(c, id, inputs, budget) {
            // VPCs this resource bound go with it; those of ZoneAttachments are theirs to unbind
            // (they depend on the zone, so the engine deletes them first).
            if (inputs.vpcs?.length) await ignoreNotFound(() => pvtz.bindZoneVpc(c, id, [], { signal: budget.signal }));
            await ignoreNotFound(() => pvtz.deleteZone(c, id, { signal: budget.signal }));
        },
        id: (w) => w.ZoneId,
    },
});
