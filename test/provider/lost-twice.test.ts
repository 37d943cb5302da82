/**
 * A call whose answer is lost twice in a row never leaves an orphan or a duplicate: for every
 * resource kind, and for the sub-resources that their inputs create, the first attempt is reset
 * before the cloud performs it and the second is performed with its answer lost (the exact
 * sequence of issue 25). The create must still end with exactly one object, recorded with its id.
 * The same sequence on the PUTs of an update and on the DELETEs (and the non-idempotent POST that
 * disassociates a resolver rule) must converge too.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { implOf } from "../../provider/runtime/kinds";
import { withRequest } from "../../provider/runtime/requests";
import { cloudForThisProcess } from "../helpers/process-cloud";

const STACK = "lost-twice";
const PROJECT = "privatelink-test";
const urnOf = (type: string, name: string) => `urn:pulumi:${STACK}::${PROJECT}::pulumi-nodejs:dynamic/${type}::${name}`;

const backend = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-lost-twice-"));
const cloudOf = cloudForThisProcess((c) => ({ ...c.huaweiEnv(), ...alicloudEnv(c), PULUMI_BACKEND_URL: `file://${backend}` }));
// This stack's checkpoint, with no interrupted creation in it.
fs.mkdirSync(path.join(backend, ".pulumi", "stacks", PROJECT), { recursive: true });
fs.writeFileSync(path.join(backend, ".pulumi", "stacks", PROJECT, `${STACK}.json`), JSON.stringify({ checkpoint: { latest: { resources: [] } } }));
afterAll(() => fs.rmSync(backend, { recursive: true, force: true }));

type Kind = `${string}:${string}:${string}`;
type Props = Record<string, any>;

/** The resource type of a kind as its URN spells it ("huaweicloud-vpcep:EndpointService"). */
const typeOf = (kind: Kind) => {
    const [cloud, api, name] = kind.split(":");
    return `${cloud}-${api}:${name}`;
};

/** check then create, as the engine calls them for the resource `name`. */
async function create(kind: Kind, name: string, news: Props): Promise<{ id: string; outs: Props }> {
    const impl = (await implOf(kind))!;
    const urn = urnOf(typeOf(kind), name);
    const checked = await withRequest({ urn }, () => impl.check({}, { ...news, __provider: "stub" }));
    expect(checked.failures).toEqual([]);
    const made = await withRequest({ urn }, () => impl.create(checked.inputs));
    return { id: made.id, outs: made.outs ?? {} };
}

/** The next two requests of `operation`: the first reset before the cloud performs it, the second performed and its answer lost. */
async function loseTwice(...operations: string[]): Promise<number> {
    const rules = operations.flatMap((operation) => [
        { operation, drop: "before", times: 1 },
        { operation, drop: "after", times: 1 },
    ]);
    await cloudOf().control("PUT", "faults", { seed: 1, rules });
    return cloudOf().mark();
}

/** Status codes of the requests of `operation` since `mark` (0: the connection was reset). */
async function answers(operation: string, since: number): Promise<number[]> {
    return (await cloudOf().requests(since)).filter((r) => r.operation === operation).map((r) => r.status);
}

/** Objects of an emulator kind, those being deleted left out. */
async function live(kind: string): Promise<string[]> {
    const gone = new Set(["deleting", "PENDING_DELETE", "Deleting", "DELETED"]);
    return (await cloudOf().resources(kind)).filter((r) => !gone.has(String(r.status))).map((r) => r.id);
}

/** Creates `news` with the create call's answer lost twice; exactly one new object of `emuKind` is its id. */
async function createLosingTwice(kind: Kind, name: string, news: Props, operation: string, emuKind: string): Promise<{ id: string; outs: Props }> {
    const before = await live(emuKind);
    const since = await loseTwice(operation);
    const made = await create(kind, name, news);
    await cloudOf().control("PUT", "faults", { rules: [] });
    // Reset, performed with the answer lost; a later attempt (a repetition with the same
    // ClientToken) may follow, but no second object does.
    expect((await answers(operation, since)).slice(0, 2)).toEqual([0, 0]);
    const after = (await live(emuKind)).filter((id) => !before.includes(id));
    expect(after).toEqual([made.id]);
    return made;
}

describe("a create whose answer is lost twice makes exactly one object", () => {
    const hw = () => cloudOf().account().network;
    let serviceId: string;
    let endpointId: string;
    let outboundId: string;
    let ruleId: string;

    test("huaweicloud.vpcep.EndpointService", async () => {
        const news = {
            vpcId: hw().backendVpcId,
            portId: hw().backendPortId,
            serverType: "VM",
            serviceName: "lost",
            ports: [{ clientPort: 80, serverPort: 80 }],
            approvalEnabled: true,
        };
        serviceId = (await createLosingTwice("huaweicloud:vpcep:EndpointService", "svc", news, "CreateEndpointService", "vpcep:endpoint_service")).id;
    });

    test("huaweicloud.vpcep.ServicePermission", async () => {
        const since = await loseTwice("BatchAddOrRemoveEndpointServicePermissions");
        const made = await create("huaweicloud:vpcep:ServicePermission", "perm", {
            endpointServiceId: serviceId,
            permission: "iam:domain::0123456789abcdef0123456789abcdef",
        });
        expect(made.id).toBe(`${serviceId}/iam:domain::0123456789abcdef0123456789abcdef`);
        expect((await answers("BatchAddOrRemoveEndpointServicePermissions", since)).slice(0, 2)).toEqual([0, 0]);
        // The service lists it (a read of the permission finds it).
        const impl = (await implOf("huaweicloud:vpcep:ServicePermission"))!;
        expect((await impl.read(made.id, made.outs)).id).toBe(made.id);
    });

    test("huaweicloud.vpcep.Endpoint", async () => {
        const news = { endpointServiceId: serviceId, vpcId: hw().clientVpcId, subnetId: hw().clientSubnetId, portIp: "10.0.0.88" };
        endpointId = (await createLosingTwice("huaweicloud:vpcep:Endpoint", "ep", news, "CreateEndpoint", "vpcep:endpoint")).id;
    });

    test("huaweicloud.vpcep.ConnectionApproval", async () => {
        const since = await loseTwice("AcceptOrRejectEndpoint");
        const made = await create("huaweicloud:vpcep:ConnectionApproval", "approve", { endpointServiceId: serviceId, endpointId, decision: "accept" });
        expect(made.outs.status).toBe("accepted");
        expect((await answers("AcceptOrRejectEndpoint", since)).slice(0, 2)).toEqual([0, 0]);
    });

    test("huaweicloud.dns.ResolverEndpoint", async () => {
        const subnetId = hw().clientSubnetId;
        const news = { name: "lost-out", direction: "outbound", ipAddresses: [{ subnetId }, { subnetId }] };
        outboundId = (await createLosingTwice("huaweicloud:dns:ResolverEndpoint", "out", news, "CreateResolverEndpoint", "dns:endpoint")).id;
    });

    test("huaweicloud.dns.ResolverRule", async () => {
        const news = { name: "lost-rule", domainName: "lost.example.com", endpointId: outboundId, ipAddresses: ["10.1.0.53"] };
        ruleId = (await createLosingTwice("huaweicloud:dns:ResolverRule", "rule", news, "CreateResolverRule", "dns:resolver_rule")).id;
    });

    test("huaweicloud.dns.ResolverRuleAssociation (a non-idempotent POST)", async () => {
        const since = await loseTwice("AssociateResolverRuleRouter");
        const made = await create("huaweicloud:dns:ResolverRuleAssociation", "assoc", { resolverRuleId: ruleId, vpcId: hw().clientVpcId });
        expect(made.outs.status).toBe("ACTIVE");
        expect((await answers("AssociateResolverRuleRouter", since)).slice(0, 2)).toEqual([0, 0]);
    });

    let zoneId: string;

    test("huaweicloud.dns.PrivateZone (found again by its creation marker tags)", async () => {
        const news = { name: "lost-zone.example.com", vpcId: hw().clientVpcId };
        zoneId = (await createLosingTwice("huaweicloud:dns:PrivateZone", "zone", news, "CreatePrivateZone", "dns:private_zone")).id;
    });

    test("huaweicloud.dns.PrivateZone in an enterprise project (looked for in that project)", async () => {
        const enterpriseProjectId = "7d3e9a10-2b4c-4d5e-8f60-718293a4b5c6";
        const news = { name: "lost-eps-zone.example.com", vpcId: hw().clientVpcId, enterpriseProjectId };
        const made = await createLosingTwice("huaweicloud:dns:PrivateZone", "eps-zone", news, "CreatePrivateZone", "dns:private_zone");
        expect(made.outs.enterpriseProjectId).toBe(enterpriseProjectId);
    });

    test("huaweicloud.dns.PrivateZoneAssociation (a non-idempotent POST)", async () => {
        const since = await loseTwice("AssociateRouter");
        const made = await create("huaweicloud:dns:PrivateZoneAssociation", "zone-assoc", { zoneId, vpcId: hw().backendVpcId });
        expect(made).toMatchObject({ id: `${zoneId}/${hw().backendVpcId}`, outs: { status: "ACTIVE" } });
        expect((await answers("AssociateRouter", since)).slice(0, 2)).toEqual([0, 0]);
    });

    test("huaweicloud.dns.RecordSet (found again by name and type, unique in a zone)", async () => {
        const before = await live("dns:recordset");
        const since = await loseTwice("CreateRecordSet");
        const made = await create("huaweicloud:dns:RecordSet", "rs", { zoneId, name: "www.lost-zone.example.com", type: "A", records: ["10.0.0.1"] });
        await cloudOf().control("PUT", "faults", { rules: [] });
        expect((await answers("CreateRecordSet", since)).slice(0, 2)).toEqual([0, 0]);
        const after = (await live("dns:recordset")).filter((id) => !before.includes(id));
        expect(after.map((id) => `${zoneId}/${id}`)).toEqual([made.id]);
    });

    const ali = () => alicloudAccount(cloudOf());
    let aliServiceId: string;
    let aliEndpointId: string;

    test("alicloud.privatelink.VpcEndpointService", async () => {
        const news = {
            serviceResourceType: "slb",
            resources: ["cn-hangzhou-h", "cn-hangzhou-i"].map((zoneId) => ({ resourceId: ali().network.loadBalancerId, resourceType: "slb", zoneId })),
            autoAcceptEnabled: false,
            serviceDescription: "lost",
        };
        aliServiceId = (
            await createLosingTwice("alicloud:privatelink:VpcEndpointService", "ali-svc", news, "CreateVpcEndpointService", "privatelink:endpoint_service")
        ).id;
    });

    test("alicloud.privatelink.VpcEndpointServiceUser", async () => {
        const since = await loseTwice("AddUserToVpcEndpointService");
        const made = await create("alicloud:privatelink:VpcEndpointServiceUser", "user", { serviceId: aliServiceId, userId: "1234567890123456" });
        expect(made.id).toBe(`${aliServiceId}/1234567890123456`);
        expect((await answers("AddUserToVpcEndpointService", since)).slice(0, 2)).toEqual([0, 0]);
    });

    test("alicloud.privatelink.VpcEndpoint", async () => {
        const news = {
            serviceId: aliServiceId,
            vpcId: ali().network.vpcId,
            securityGroupIds: [ali().network.securityGroupIds[0]],
            zones: [{ zoneId: "cn-hangzhou-h", vswitchId: ali().network.vSwitchIds["cn-hangzhou-h"] }],
            endpointName: "lost",
        };
        aliEndpointId = (await createLosingTwice("alicloud:privatelink:VpcEndpoint", "ali-ep", news, "CreateVpcEndpoint", "privatelink:endpoint")).id;
    });

    test("alicloud.privatelink.VpcEndpointConnection", async () => {
        const since = await loseTwice("EnableVpcEndpointConnection");
        const made = await create("alicloud:privatelink:VpcEndpointConnection", "accept", { serviceId: aliServiceId, endpointId: aliEndpointId });
        expect(made.outs.connectionStatus ?? made.outs.status).toBe("Connected");
        expect((await answers("EnableVpcEndpointConnection", since)).slice(0, 2)).toEqual([0, 0]);
    });

    test("alicloud.privatelink.VpcEndpointZone", async () => {
        const since = await loseTwice("AddZoneToVpcEndpoint");
        const made = await create("alicloud:privatelink:VpcEndpointZone", "zone", {
            endpointId: aliEndpointId,
            zoneId: "cn-hangzhou-i",
            vswitchId: ali().network.vSwitchIds["cn-hangzhou-i"],
        });
        expect(made.id).toBe(`${aliEndpointId}/cn-hangzhou-i`);
        expect((await answers("AddZoneToVpcEndpoint", since)).slice(0, 2)).toEqual([0, 0]);
        const zones = (await cloudOf().resources("privatelink:endpoint")).find((e) => e.id === aliEndpointId)!.body;
        expect(JSON.stringify(zones).match(/cn-hangzhou-i/g)?.length).toBe(1);
    });
});

describe("a PrivateZone create whose answer is lost twice makes exactly one object", () => {
    const ali = () => alicloudAccount(cloudOf());
    let zoneId: string;

    test("alicloud.pvtz.Zone (one ClientToken for every repetition; tagged with its creation key once made)", async () => {
        const news = { zoneName: "lost.internal", vpcs: [{ vpcId: ali().network.vpcId }] };
        const made = await createLosingTwice("alicloud:pvtz:Zone", "pvtz-zone", news, "AddZone", "pvtz:zone");
        zoneId = made.id;
        const zone = (await cloudOf().resources("pvtz:zone")).find((z) => z.id === zoneId)!;
        const tags = zone.body.ResourceTags.ResourceTag as Array<{ Key: string; Value: string }>;
        expect(tags.map((t) => t.Key).sort()).toEqual(["pulumi-privatelink-key", "pulumi-privatelink-token"]);
        expect(tags.find((t) => t.Key === "pulumi-privatelink-token")!.Value).toBe(made.outs.__creationToken);
    });

    test("alicloud.pvtz.ZoneAttachment (BindZoneVpc sets the whole list: repeating it is harmless)", async () => {
        const other = await create("alicloud:pvtz:Zone", "pvtz-zone-2", { zoneName: "lost2.internal" });
        const since = await loseTwice("BindZoneVpc");
        const made = await create("alicloud:pvtz:ZoneAttachment", "pvtz-attach", { zoneId: other.id, vpcId: ali().network.vpcId });
        await cloudOf().control("PUT", "faults", { rules: [] });
        expect((await answers("BindZoneVpc", since)).slice(0, 2)).toEqual([0, 0]);
        const vpcs = (await cloudOf().resources("pvtz:zone")).find((z) => z.id === other.id)!.body.Vpcs as Array<{ VpcId: string }>;
        expect(vpcs.map((v) => v.VpcId)).toEqual([ali().network.vpcId]);
        expect(made.id).toContain(other.id);
    });

    test("alicloud.pvtz.ZoneRecord (one ClientToken; the program's remark once made)", async () => {
        const news = { zoneId, rr: "www", type: "A", value: "10.0.0.1", remark: "web" };
        const before = await live("pvtz:record");
        const since = await loseTwice("AddZoneRecord");
        const made = await create("alicloud:pvtz:ZoneRecord", "pvtz-record", news);
        await cloudOf().control("PUT", "faults", { rules: [] });
        expect((await answers("AddZoneRecord", since)).slice(0, 2)).toEqual([0, 0]);
        const after = (await live("pvtz:record")).filter((id) => !before.includes(id));
        expect(after.map((id) => `${zoneId}/${id}`)).toEqual([made.id]);
        const record = (await cloudOf().resources("pvtz:record")).find((r) => r.id === after[0])!;
        expect(record.body.Remark).toBe("web");
    });
});

describe("updates and deletes whose answers are lost twice converge", () => {
    const hw = () => cloudOf().account().network;

    test("a VPCEP endpoint's PUT, then the DELETEs of an endpoint, its service and a rule's association", async () => {
        const service = await create("huaweicloud:vpcep:EndpointService", "svc-2", {
            vpcId: hw().backendVpcId,
            portId: hw().backendPortId,
            serverType: "VM",
            serviceName: "lost2",
            ports: [{ clientPort: 81, serverPort: 81 }],
        });
        const inputs = { endpointServiceId: service.id, vpcId: hw().clientVpcId, subnetId: hw().clientSubnetId, portIp: "10.0.0.89", enableWhitelist: true };
        const ep = await create("huaweicloud:vpcep:Endpoint", "ep-2", { ...inputs, whitelist: ["10.0.0.0/24"] });
        const impl = (await implOf("huaweicloud:vpcep:Endpoint"))!;
        const urn = urnOf("huaweicloud-vpcep:Endpoint", "ep-2");

        let since = await loseTwice("UpdateEndpointWhite");
        const news = { ...ep.outs, whitelist: ["10.0.1.0/24"] };
        const updated = await withRequest({ urn }, () => impl.update(ep.id, ep.outs, news));
        expect(updated.outs?.whitelist).toEqual(["10.0.1.0/24"]);
        expect((await answers("UpdateEndpointWhite", since)).slice(0, 2)).toEqual([0, 0]);

        since = await loseTwice("DeleteEndpoint", "DeleteEndpointService");
        await withRequest({ urn }, () => impl.delete(ep.id, updated.outs!));
        const serviceImpl = (await implOf("huaweicloud:vpcep:EndpointService"))!;
        await serviceImpl.delete(service.id, service.outs);
        expect((await answers("DeleteEndpoint", since)).slice(0, 2)).toEqual([0, 0]);
        expect(await live("vpcep:endpoint")).not.toContain(ep.id);
        expect(await live("vpcep:endpoint_service")).not.toContain(service.id);
    });

    test("a resolver endpoint's added address (a non-idempotent POST of an update): exactly one more address", async () => {
        const subnetId = hw().clientSubnetId;
        const made = await create("huaweicloud:dns:ResolverEndpoint", "in-3", {
            name: "lost-in-3",
            direction: "inbound",
            ipAddresses: [{ subnetId }, { subnetId }],
        });
        const impl = (await implOf("huaweicloud:dns:ResolverEndpoint"))!;
        const urn = urnOf("huaweicloud-dns:ResolverEndpoint", "in-3");
        const since = await loseTwice("AddEndpointIpaddress");
        const news = { ...made.outs, ipAddresses: [{ subnetId }, { subnetId }, { subnetId }] };
        const updated = await withRequest({ urn }, () => impl.update(made.id, made.outs, news));
        expect((await answers("AddEndpointIpaddress", since)).slice(0, 2)).toEqual([0, 0]);
        expect(updated.outs?.ipAddresses).toHaveLength(3);
        const listed = (await cloudOf().resources("dns:endpoint")).find((e) => e.id === made.id)!.body;
        expect(listed.ipaddress_count ?? listed.ipaddresses?.length).toBe(3);
    });

    test("a resolver rule's DELETE performed with its answer lost, the retry meeting the rule PENDING_DELETE", async () => {
        const subnetId = hw().clientSubnetId;
        const out = await create("huaweicloud:dns:ResolverEndpoint", "out-4", {
            name: "lost-out-4",
            direction: "outbound",
            ipAddresses: [{ subnetId }, { subnetId }],
        });
        const rule = await create("huaweicloud:dns:ResolverRule", "rule-4", {
            name: "lost-rule-4",
            domainName: "lost4.example.com",
            endpointId: out.id,
            ipAddresses: ["10.1.0.53"],
        });
        // Deleting stays visible for a few reads, so the client's retry meets it.
        await cloudOf().control("PUT", "timings", { "dns:resolver_rule": { delete: { afterReads: 3 } } });
        const since = await cloudOf().mark();
        await cloudOf().control("PUT", "faults", { rules: [{ operation: "DeleteResolverRule", drop: "after", times: 1 }] });
        try {
            await (await implOf("huaweicloud:dns:ResolverRule"))!.delete(rule.id, rule.outs);
        } finally {
            await cloudOf().control("PUT", "timings", "fast");
        }
        const deletes = (await cloudOf().requests(since)).filter((r) => r.operation === "DeleteResolverRule");
        expect(deletes.map((r) => r.status)).toEqual([0, 400]);
        expect(await live("dns:resolver_rule")).not.toContain(rule.id);
    });

    test("a resolver rule's disassociation (a non-idempotent POST)", async () => {
        const subnetId = hw().clientSubnetId;
        const out = await create("huaweicloud:dns:ResolverEndpoint", "out-2", {
            name: "lost-out-2",
            direction: "outbound",
            ipAddresses: [{ subnetId }, { subnetId }],
        });
        const rule = await create("huaweicloud:dns:ResolverRule", "rule-2", {
            name: "lost-rule-2",
            domainName: "lost2.example.com",
            endpointId: out.id,
            ipAddresses: ["10.1.0.53"],
        });
        const assoc = await create("huaweicloud:dns:ResolverRuleAssociation", "assoc-2", { resolverRuleId: rule.id, vpcId: hw().clientVpcId });
        const since = await loseTwice("DisassociateResolverRuleRouter");
        await (await implOf("huaweicloud:dns:ResolverRuleAssociation"))!.delete(assoc.id, assoc.outs);
        expect((await answers("DisassociateResolverRuleRouter", since)).slice(0, 2)).toEqual([0, 0]);
        const routers = (await cloudOf().resources("dns:resolver_rule")).find((r) => r.id === rule.id)!.body.routers ?? [];
        expect(routers.filter((r: { router_id: string; status?: string }) => r.router_id === hw().clientVpcId && r.status !== "PENDING_DELETE")).toEqual([]);
    });
});

describe("a creation whose outcome stays unknown to its time limit", () => {
    const hw = () => cloudOf().account().network;
    const kind = "huaweicloud:vpcep:Endpoint";
    const urn = urnOf("huaweicloud-vpcep:Endpoint", "ep-unknown");

    test("is recorded with its token; the next up removes what the lost call made and creates it anew; nothing is orphaned", async () => {
        const service = await create("huaweicloud:vpcep:EndpointService", "svc-3", {
            vpcId: hw().backendVpcId,
            portId: hw().backendPortId,
            serverType: "VM",
            serviceName: "lost3",
            ports: [{ clientPort: 82, serverPort: 82 }],
        });
        const news = { endpointServiceId: service.id, vpcId: hw().clientVpcId, subnetId: hw().clientSubnetId, portIp: "10.0.0.90", timeouts: { create: "3s" } };
        const impl = (await implOf(kind))!;
        const checked = await withRequest({ urn }, () => impl.check({}, { ...news, __provider: "stub" }));
        // The create is performed and its answer lost; every look-up for it is then refused.
        await cloudOf().control("PUT", "faults", {
            rules: [
                { operation: "CreateEndpoint", drop: "after", times: 1 },
                { operation: "ListEndpoints", error: { status: 403, code: "VPC.0015", message: "no permission (test)" } },
            ],
        });
        const before = await live("vpcep:endpoint");
        const err = (await withRequest({ urn }, () => impl.create(checked.inputs)).catch((e) => e)) as Error & { id?: string; properties?: Props };
        await cloudOf().control("PUT", "faults", { rules: [] });
        const made = (await live("vpcep:endpoint")).filter((id) => !before.includes(id));
        expect(made).toHaveLength(1);
        // Recorded, not lost: an id that says so, the inputs with the token, and the creation key.
        expect(err.message).toContain("the outcome of creating it is unknown");
        expect(err.message).toContain("the next `pulumi up` removes whatever the lost calls made");
        expect(err.id).toBe(`outcome-unknown-${checked.inputs.__creationToken}`);
        const recorded = err.properties!;
        expect(recorded.__creationToken).toBe(checked.inputs.__creationToken);
        expect(typeof recorded.__outcomeUnknown).toBe("string");

        // A refresh keeps it as recorded.
        expect(await impl.read(err.id!, recorded)).toEqual({ id: err.id, props: recorded });
        // The next up: a new token, a replacement that deletes first.
        const next = await withRequest({ urn }, () => impl.check(recorded, { ...news, __provider: "stub" }));
        expect(next.inputs.__creationToken).not.toBe(recorded.__creationToken);
        expect(await impl.diff(err.id!, recorded, next.inputs)).toMatchObject({ changes: true, replaces: ["__creationToken"], deleteBeforeReplace: true });
        await withRequest({ urn }, () => impl.delete(err.id!, recorded));
        expect(await live("vpcep:endpoint")).not.toContain(made[0]);
        const again = await withRequest({ urn }, () => impl.create(next.inputs));
        expect((await live("vpcep:endpoint")).filter((id) => !before.includes(id))).toEqual([again.id]);
    });

    test("an object of this resource's key made by a run without a record blocks the creation by name, with the way out", async () => {
        const services = (await cloudOf().resources("vpcep:endpoint_service")).filter((s) => s.status === "available");
        const news = { endpointServiceId: services[0]!.id, vpcId: hw().clientVpcId, subnetId: hw().clientSubnetId, portIp: "10.0.0.91" };
        const first = await create(kind, "ep-twice", news);
        // The same resource checked afresh (its state lost with a failed run): another token, the same key.
        const err = (await create(kind, "ep-twice", news).catch((e) => e)) as Error;
        expect(err.message).toContain("EndPoint.2042");
        expect(err.message).toContain(`found ${first.id} carrying this resource's creation key`);
        expect(err.message).toContain(`the input adopt: "${first.id}"`);
        expect((await live("vpcep:endpoint")).filter((id) => id === first.id)).toHaveLength(1);
    });
});
