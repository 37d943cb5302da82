// POST   /v1/{project_id}/vpc-endpoints                        create (tagged with a creation marker)
// GET    /v1/{project_id}/vpc-endpoints[/{id}]                 read, wait, find by marker or creation key
// PUT    /v1/{project_id}/vpc-endpoints/{id}                   whitelist, enableWhitelist
// PUT    /v1/{project_id}/vpc-endpoints/{id}/routetables       route tables (gateway endpoints)
// PUT    /v1/{project_id}/vpc-endpoints/{id}/policy            policyStatement, policyDocument
// DELETE /v1/{project_id}/vpc-endpoints/{id}/policy            policy removed
// POST   /v1/{project_id}/endpoint/{id}/tags/action            tags
// DELETE /v1/{project_id}/vpc-endpoints/{id}                   delete, then wait until gone
/** `huaweicloud.vpcep.Endpoint`: a VPC endpoint that connects a VPC to an endpoint service. */
import { z } from "zod";
import { ConflictError } from "../../../sdk/core/errors";
import { settledResource } from "../../../sdk/core/waiter";
import type { HuaweiClient } from "../../../sdk/huaweicloud/client";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { TOKEN_TAG } from "../../lifecycle/creation";
import { orUndefined } from "../../lifecycle/outcomes";
import type { ApplyContext } from "../../model/field";
import { canonicalJson } from "../../model/json-document";
import { fieldsOf, type OperationBudget, type RuleViolation } from "../../model/resource";
import { huaweicloud } from "../connect";
import { description, ipv4, ipv4OrCidr, ipv6, uuid } from "../inputs";
import { createWithMarker, keyedObject } from "../marker";
import { deleteOrAlreadyDeleting } from "./deleting";
import { policyDocumentText, policyStatementText } from "./policy";
import { tagsField } from "./tags";

const f = fieldsOf<vpcep.Endpoint, HuaweiClient, vpcep.CreateEndpointRequest>();

async function findByMarker(c: HuaweiClient, marker: string, vpcId: string): Promise<vpcep.Endpoint | undefined> {
    return (await vpcep.listEndpoints(c, { vpc_id: vpcId })).find((e) => e.tags.some((t) => t.key === TOKEN_TAG && t.value === marker));
}

/** Waits until the endpoint is accepted (or pending acceptance, unless waiting for it is asked for). */
async function settle(
    c: HuaweiClient,
    id: string,
    inputs: { waitForAcceptance?: boolean },
    budget: OperationBudget,
    created?: vpcep.Endpoint,
): Promise<vpcep.Endpoint> {
    const r = await vpcep.waitForEndpointCreated(c, id, { acceptPending: !inputs.waitForAcceptance, ...budget });
    return settledResource(r, async () => created ?? vpcep.listEndpointInfoDetails(c, id));
}

/** The whitelist and its switch travel together in one request. */
async function updateWhitelist({ c, id, news, budget }: ApplyContext<unknown, HuaweiClient>): Promise<void> {
    await vpcep.updateEndpointWhite(c, id, { whitelist: news.whitelist ?? [], enable_whitelist: news.enableWhitelist ?? false }, { signal: budget.signal });
}

/**
 * The policy travels in one request, whichever of the two is set (`PUT …/policy`, as
 * terraform-provider-huaweicloud's resource_huaweicloud_vpcep_endpoint.go sends it); with neither
 * left, the policy is removed (`DELETE …/policy`) and the cloud's default, full access, applies.
 */
async function updatePolicy({ c, id, news, olds, budget }: ApplyContext<unknown, HuaweiClient>): Promise<void> {
    const body: vpcep.UpdateEndpointPolicyRequest = {};
    if (news.policyStatement !== undefined) body.policy_statement = JSON.parse(news.policyStatement);
    if (news.policyDocument !== undefined) body.policy_document = JSON.parse(news.policyDocument);
    if (Object.keys(body).length) await vpcep.updateEndpointPolicy(c, id, body, { signal: budget.signal });
    else if (olds.policyStatement !== undefined || olds.policyDocument !== undefined) await vpcep.deleteEndpointPolicy(c, id, { signal: budget.signal });
}

/**
 * A policy as the cloud reports it, in the input's canonical text; `""` when the cloud reports none
 * although one is asked for (removed out of band: the next `up` puts it back). Left unset, the
 * input is not compared: the cloud's default applies, whatever it reports of it.
 */
const policyRead = (reported: unknown, asked: unknown) =>
    asked === undefined ? undefined : (canonicalJson(Array.isArray(reported) && !reported.length ? undefined : reported) ?? "");

const fields = {
    /** The endpoint service to connect to (its id). */
    endpointServiceId: f.input(uuid("endpoint service id"), { change: "replace", wire: "endpoint_service_id" }),
    /** The VPC the endpoint lives in. */
    vpcId: f.input(uuid("VPC id"), { change: "replace", wire: "vpc_id" }),
    /** The subnet (of `vpcId`) the endpoint's address comes from; needed for interface services. */
    subnetId: f.input(uuid("subnet id").optional(), { change: "replace", wire: "subnet_id" }),
    /**
     * The endpoint's IPv4 address inside `subnetId`. Required to connect to an interface service
     * (every service except gateway services, which take `routeTables` instead).
     */
    portIp: f.input(ipv4().optional(), {
        change: "replace",
        wire: "port_ip",
        // The endpoint reports it as `ip` (interface endpoints only; a gateway endpoint has none).
        read: (e) => (e.service_type === "interface" && e.ip ? e.ip : undefined),
    }),
    /** Whether the cloud creates a private domain name for the endpoint (default false). */
    enableDns: f.input(z.boolean("must be true or false").optional(), {
        change: "replace",
        default: false,
        wire: "enable_dns",
        // Reported only once accepted: a pending endpoint reads back false, which must not plan a replacement.
        read: (e) => (e.status === "accepted" ? e.enable_dns : undefined),
    }),
    /** Route tables (gateway services only); order does not matter. */
    routeTables: f.input(z.array(uuid("route table id")).max(20, "has more than 20 route tables").optional(), {
        change: "update",
        unordered: true,
        distinct: (t) => t,
        default: [],
        wire: "routetables",
        apply: ({ c, id, new: tables, budget }) =>
            vpcep.updateEndpointRoutetable(c, id, { routetables: tables ?? [] }, { signal: budget.signal }).then(() => undefined),
    }),
    /** IPv4 addresses or CIDR blocks allowed to use the endpoint (up to 20); order does not matter. */
    whitelist: f.input(z.array(ipv4OrCidr).max(20, "has more than 20 entries (the whitelist limit)").optional(), {
        change: "update",
        unordered: true,
        distinct: (w) => w,
        default: [],
        wire: "whitelist",
        apply: updateWhitelist,
    }),
    /** Whether `whitelist` is enforced (default false). */
    enableWhitelist: f.input(z.boolean("must be true or false").optional(), {
        change: "update",
        default: false,
        wire: "enable_whitelist",
        apply: updateWhitelist,
    }),
    /**
     * Gateway endpoints (with `routeTables`) of a service whose endpoints may carry a policy (OBS,
     * SFS): which buckets and actions the endpoint allows, as JSON text — a list of statements
     * `[{"Effect": "Allow"|"Deny", "Action": [...], "Resource": [...]}]`, optionally with
     * `Condition` and `Sid`. Compared as parsed JSON: key order and layout never plan a change.
     * Changed in place; removing it restores the cloud's default (full access).
     */
    policyStatement: f.input(policyStatementText.optional(), {
        change: "update",
        wire: "policy_statement",
        toWire: (text) => JSON.parse(text),
        read: (e, inputs) => policyRead(e.policy_statement, inputs.policyStatement),
        apply: updatePolicy,
    }),
    /**
     * Interface endpoints of a service with `enablePolicy` (not OBS or SFS): the endpoint's policy
     * document as JSON text, `{"Version": "5.0", "Statement": [{"Effect", "Action", "Resource",
     * "Principal"}]}`. Compared as parsed JSON: key order and layout never plan a change. Changed in
     * place; removing it restores the cloud's default (full access).
     */
    policyDocument: f.input(policyDocumentText.optional(), {
        change: "update",
        wire: "policy_document",
        toWire: (text) => JSON.parse(text),
        read: (e, inputs) => policyRead(e.policy_document, inputs.policyDocument),
        apply: updatePolicy,
    }),
    /**
     * `ipv4` (the default) or `dualstack`: a dual-stack endpoint also gets an IPv6 address, from the
     * IPv6 block of `subnetId` (which must be dual-stack). Professional endpoints only.
     */
    ipVersion: f.input(z.enum(["ipv4", "dualstack"], "is not ipv4 or dualstack").optional(), {
        change: "replace",
        default: "ipv4",
        wire: "ip_version",
        // The official SDK's response models leave ip_version out (the Terraform provider reads it):
        // unreported is unknown, never the default, so that a dual-stack endpoint does not seem to drift.
        read: (e) => e.ip_version as "ipv4" | "dualstack" | undefined,
    }),
    /**
     * A dual-stack endpoint's IPv6 address, inside the IPv6 block of `subnetId`; the cloud picks
     * one when it is left out (and this input then accepts it).
     */
    ipv6Address: f.input(ipv6().optional(), { change: "replace", computed: true, wire: "ipv6_address" }),
    /** Up to 512 characters, without `<` or `>` (the API cannot change it in place). */
    description: f.input(description(512).optional(), { change: "replace", default: "", wire: "description" }),
    /** Up to 8 tags (the cloud takes 10; this package uses 2 to find what an interrupted run created); keys 1–36 and values 0–43 characters, without `=*<>\,|/`. */
    tags: tagsField<vpcep.Endpoint>("endpoint", (e) => e.tags),
    /**
     * When the service requires approval, wait until the owner accepts the connection (true), or
     * finish once the endpoint is `pendingAcceptance` (false, the default).
     */
    waitForAcceptance: f.input(z.boolean("must be true or false").optional(), { change: "state", default: false }),
};

const outputs = {
    /** The endpoint's private IPv4 address (interface services; after acceptance). */
    ip: f.output((e) => e.ip),
    /** The endpoint's IPv6 address (dual-stack endpoints; after acceptance). */
    ipv6: f.output((e) => e.ipv6_address),
    /** `creating`, `pendingAcceptance`, `accepted`, `rejected`, `failed` or `deleting`. */
    status: f.output((e) => e.status),
    /** Private domain names, when `enableDns` is true. */
    dnsNames: f.output((e) => e.dns_names),
    /** The type of the service connected to (`interface` or `gateway`). */
    serviceType: f.output((e) => e.service_type),
    /** The id the service owner sees for this connection. */
    markerId: f.output((e) => e.marker_id),
    /** The full name of the service connected to. */
    endpointServiceName: f.output((e) => e.endpoint_service_name),
    /** When the endpoint was created. */
    createdAt: f.output((e) => e.created_at),
    /** When the endpoint was last changed. */
    updatedAt: f.output((e) => e.updated_at),
};

/**
 * A VPC endpoint: a private address in your VPC through which clients reach an endpoint service
 * (yours, another account's that permits you, or a cloud service). `pulumi up` waits until it is
 * `accepted`, or `pendingAcceptance` when the service requires the owner's approval.
 */
export const model = f.define({
    kind: "huaweicloud:vpcep:Endpoint",
    cloud: huaweicloud,
    fields,
    outputs,
    adopt: uuid("endpoint id"),
    refine(inputs, known) {
        const out: RuleViolation[] = [];
        const gateway = known("routeTables") && (inputs.routeTables?.length ?? 0) > 0;
        if (known("routeTables") && known("portIp") && !gateway && inputs.portIp === undefined) {
            out.push({ path: ["portIp"], message: "is required to connect to an interface endpoint service (gateway services take routeTables instead)" });
        }
        if (known("routeTables") && known("subnetId") && !gateway && inputs.subnetId === undefined) {
            out.push({ path: ["subnetId"], message: "is required to connect to an interface endpoint service" });
        }
        if (gateway && known("whitelist") && (inputs.whitelist?.length ?? 0) > 0) {
            out.push({ path: ["whitelist"], message: "applies to interface endpoints only, not to gateway endpoints (routeTables is set)" });
        }
        if (known("policyStatement") && inputs.policyStatement !== undefined && known("routeTables") && !gateway) {
            out.push({ path: ["policyStatement"], message: "applies to gateway endpoints (with routeTables) only; interface endpoints take policyDocument" });
        }
        if (known("policyDocument") && inputs.policyDocument !== undefined && gateway) {
            out.push({ path: ["policyDocument"], message: "applies to interface endpoints only; gateway endpoints (routeTables is set) take policyStatement" });
        }
        if (known("ipv6Address") && known("ipVersion") && inputs.ipv6Address !== undefined && inputs.ipVersion !== "dualstack") {
            out.push({ path: ["ipv6Address"], message: 'needs ipVersion "dualstack"' });
        }
        if (known("ipVersion") && inputs.ipVersion === "dualstack" && gateway) {
            out.push({ path: ["ipVersion"], message: "dualstack applies to interface endpoints only, not to gateway endpoints (routeTables is set)" });
        }
        if (known("enableWhitelist") && known("whitelist") && inputs.enableWhitelist && !(inputs.whitelist?.length ?? 0)) {
            out.push({ path: ["enableWhitelist"], message: "is true but the whitelist is empty, which would block every client" });
        }
        return out;
    },
    hooks: {
        async create({ c, inputs, body, budget, creation }) {
            const make = () =>
                createWithMarker(
                    body,
                    (request) => vpcep.createEndpoint(c, request, { signal: budget.signal }),
                    (marker) => findByMarker(c, marker, inputs.vpcId),
                    budget,
                    creation,
                );
            // The address may still be held by an endpoint being deleted (the one this creation
            // replaces, or one deleted out of band just before): wait for it to go, then make this one.
            const created = await make().catch(async (e) => {
                if (!(e instanceof ConflictError && e.code === "EndPoint.2042" && inputs.portIp)) throw e;
                // A deleting endpoint's address is not shown: every one being deleted in the subnet may hold it.
                const holders = (await vpcep.listEndpoints(c, { vpc_id: inputs.vpcId })).filter(
                    (x) => x.status === "deleting" && (x.ip === undefined || x.ip === inputs.portIp) && (x.subnet_id ?? inputs.subnetId) === inputs.subnetId,
                );
                if (!holders.length) throw e;
                for (const h of holders) await vpcep.waitForEndpointDeleted(c, h.id, budget);
                return make();
            });
            budget.onCreated(created.id);
            return settle(c, created.id, inputs, budget, created);
        },

        async find(c, inputs, key) {
            const all = await vpcep.listEndpoints(c, { vpc_id: inputs.vpcId });
            return all.filter((e) => e.status !== "deleting").flatMap((e) => keyedObject(e.id, e.tags, key, e.status === "failed") ?? []);
        },

        resume: ({ c, id, inputs, budget }) => settle(c, id, inputs, budget),

        async read(c, id) {
            const e = await orUndefined(() => vpcep.listEndpointInfoDetails(c, id));
            // Deletion cannot be undone: an endpoint being deleted (out of band) is already gone.
            return e?.status === "deleting" ? undefined : e;
        },

        afterUpdate: ({ c, id }) => vpcep.listEndpointInfoDetails(c, id),

        async delete(c, id, _inputs, budget) {
            await deleteOrAlreadyDeleting(() => vpcep.deleteEndpoint(c, id, { signal: budget.signal }));
            await vpcep.waitForEndpointDeleted(c, id, budget);
        },

        id: (e) => e.id,
    },
});
