/**
 * The Alibaba client against the emulator: typed actions, ClientToken across a lost answer,
 * retried busy and throttling codes, DryRun, and coalesced waiters.
 */
import { ControlClient, startEmulator } from "../../../emulator";
import { AlibabaClient } from "../../../sdk/alicloud/client";
import * as pl from "../../../sdk/alicloud/privatelink";
import { CloudError, NotFoundError } from "../../../sdk/core/errors";
import { PacerRegistry } from "../../../sdk/core/pacer";
import { RetryBudget } from "../../../sdk/core/retry";

describe("Alibaba PrivateLink client on the emulator", () => {
    let url: string;
    let close: () => Promise<void>;
    let net: { vpcId: string; vSwitchIds: Record<string, string>; securityGroupIds: string[]; loadBalancerId: string };
    let client: AlibabaClient;
    let account: { accessKeyId: string; accessKeySecret: string };
    const control = (method: string, route: string, body?: unknown) => new ControlClient(url).call<any>(method, route, body);
    const requests = () => new ControlClient(url).requests();

    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast" });
        url = emu.url;
        close = emu.close;
        const a = (await control("GET", "info")).accounts[0].alicloud;
        net = a.network;
        account = a;
        client = new AlibabaClient({
            region: "cn-hangzhou",
            accessKeyId: a.accessKeyId,
            accessKeySecret: a.accessKeySecret,
            endpoints: { privatelink: url },
            retryBudget: new RetryBudget(),
            retry: { baseDelayMs: 10 },
            wait: { minDelayMs: 20, maxDelayMs: 50 },
        });
    });
    afterAll(() => close());
    beforeEach(async () => {
        await control("POST", "reset");
        await control("PUT", "timings", "fast");
    });

    async function serviceId(): Promise<string> {
        const s = await pl.createVpcEndpointService(client, {
            AutoAcceptEnabled: true,
            Resource: [{ ResourceId: net.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" }],
        });
        return s.ServiceId;
    }
    const endpointRequest = (sid: string): pl.CreateVpcEndpointRequest => ({
        ServiceId: sid,
        VpcId: net.vpcId,
        SecurityGroupId: [net.securityGroupIds[0]!],
        Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: net.vSwitchIds["cn-hangzhou-h"]! }],
    });

    test("a create whose answer is lost is retried with the same ClientToken: exactly one endpoint", async () => {
        const sid = await serviceId();
        await control("PUT", "faults", { rules: [{ api: "privatelink", operation: "CreateVpcEndpoint", drop: "after", times: 1 }] });
        const e = await pl.createVpcEndpoint(client, { ...endpointRequest(sid), ClientToken: "one-token" });
        expect((await pl.listVpcEndpoints(client)).map((x) => x.EndpointId)).toEqual([e.EndpointId]);
        const creates = (await requests()).filter((r) => r.operation === "CreateVpcEndpoint");
        expect(creates.map((r) => [r.status, r.attempt])).toEqual([
            [0, 1],
            [200, 2],
        ]);
    });

    test("without a ClientToken a lost answer is an OutcomeUnknownError, not a blind retry", async () => {
        const sid = await serviceId();
        await control("PUT", "faults", { rules: [{ api: "privatelink", operation: "CreateVpcEndpoint", drop: "after", times: 1 }] });
        await expect(pl.createVpcEndpoint(client, endpointRequest(sid))).rejects.toMatchObject({ kind: "outcome_unknown" });
    });

    test("learns an unstated rate limit from a burst: 30 reads at 5 rps all pass", async () => {
        await control("PUT", "limits", { requestsPerSecond: 5 });
        const fresh = new AlibabaClient({
            region: "cn-hangzhou",
            accessKeyId: account.accessKeyId,
            accessKeySecret: account.accessKeySecret,
            endpoints: { privatelink: url },
            retryBudget: new RetryBudget(),
            pacers: new PacerRegistry(),
        });
        const results = await Promise.all(Array.from({ length: 30 }, () => pl.listVpcEndpoints(fresh)));
        expect(results).toHaveLength(30);
        const log = (await requests()).filter((r) => r.operation === "ListVpcEndpoints");
        expect(log.filter((r) => r.status === 200)).toHaveLength(30);
        // Throttling.User states no limit: the burst is refused, then the pace found keeps refusals few.
        expect(log.filter((r) => r.status !== 200).length).toBeLessThan(45);
        expect(Math.max(...log.map((r) => r.attempt ?? 1))).toBeLessThanOrEqual(3);
    }, 30_000);

    test("busy and throttling codes are retried; DryRun answers DryRunOperation", async () => {
        const sid = await serviceId();
        await control("PUT", "faults", {
            rules: [
                { api: "privatelink", operation: "CreateVpcEndpoint", times: 1, error: { status: 400, code: "EndpointOperationDenied", message: "busy" } },
                {
                    api: "privatelink",
                    operation: "CreateVpcEndpoint",
                    times: 1,
                    error: { status: 400, code: "Throttling.User", message: "Request was denied due to user flow control." },
                },
            ],
        });
        const e = await pl.createVpcEndpoint(client, { ...endpointRequest(sid), ClientToken: "t2" });
        expect(e.EndpointId).toMatch(/^ep-/);
        expect((await requests()).filter((r) => r.operation === "CreateVpcEndpoint").map((r) => r.status)).toEqual([400, 400, 200]);
        const dry = await pl.createVpcEndpoint(client, { ...endpointRequest(sid), DryRun: true }).catch((x) => x);
        expect(dry).toBeInstanceOf(CloudError);
        expect(dry.code).toBe(pl.DRY_RUN_OK);
        await expect(pl.getVpcEndpointAttribute(client, "ep-nosuchendpoint00000000")).rejects.toBeInstanceOf(NotFoundError);
        await expect(pl.createVpcEndpoint(client, { ...endpointRequest(sid), Bogus: 1 } as never)).rejects.toMatchObject({ code: "SDK.InvalidRequest" });
    });

    test("several waiters share one ListVpcEndpoints per tick", async () => {
        const sid = await serviceId();
        // Ready after the same number of reads (a list reads every endpoint it shows): they settle on the same tick, load or not.
        await control("PUT", "timings", { "privatelink:endpoint": { create: { afterReads: 3 } } });
        const ids = await Promise.all(
            [1, 2, 3].map(async (i) => (await pl.createVpcEndpoint(client, { ...endpointRequest(sid), ClientToken: `w${i}` })).EndpointId),
        );
        const before = (await requests()).length;
        const results = await Promise.all(ids.map((id) => pl.waitForVpcEndpointActive(client, id)));
        expect(results.every((r) => r.outcome === "target")).toBe(true);
        const polls = (await requests()).slice(before).map((r) => r.operation);
        expect(polls.filter((o) => o === "GetVpcEndpointAttribute")).toEqual([]);
        expect(polls.filter((o) => o === "ListVpcEndpoints").length).toBeGreaterThan(0);
        expect(polls.filter((o) => o === "ListVpcEndpoints").length).toBeLessThan(ids.length * 10);
    });

    test("a service's ConnectBandwidth and ZoneAffinityEnabled read back as set; a bandwidth outside 100–10240 is refused before any call", async () => {
        const sid = await serviceId();
        await pl.waitForVpcEndpointServiceActive(client, sid);
        expect(await pl.getVpcEndpointServiceAttribute(client, sid)).toMatchObject({ ConnectBandwidth: 3072, ZoneAffinityEnabled: false });
        await pl.updateVpcEndpointServiceAttribute(client, sid, { ConnectBandwidth: 4096, ZoneAffinityEnabled: true });
        expect(await pl.getVpcEndpointServiceAttribute(client, sid)).toMatchObject({ ConnectBandwidth: 4096, ZoneAffinityEnabled: true });
        expect((await pl.listVpcEndpointServices(client, {})).map((s) => [s.ServiceId, s.ConnectBandwidth])).toEqual([[sid, 4096]]);
        const before = (await requests()).length;
        await expect(pl.updateVpcEndpointServiceAttribute(client, sid, { ConnectBandwidth: 50 })).rejects.toThrow(/ConnectBandwidth: .*100/);
        await expect(pl.updateVpcEndpointServiceAttribute(client, sid, { ConnectBandwidth: 10241 })).rejects.toThrow(/ConnectBandwidth: .*10240/);
        expect((await requests()).length).toBe(before);
    });

    test("zones, security groups, users, resources and tags round-trip", async () => {
        const sid = await serviceId();
        await pl.attachResourceToVpcEndpointService(
            client,
            sid,
            { ResourceId: net.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-i" },
            { clientToken: "r1" },
        );
        await pl.waitForVpcEndpointServiceActive(client, sid);
        expect((await pl.listVpcEndpointServiceResources(client, sid)).map((r) => r.ZoneId).sort()).toEqual(["cn-hangzhou-h", "cn-hangzhou-i"]);
        await pl.addUserToVpcEndpointService(client, sid, "1000000000000002");
        await pl.addUserToVpcEndpointService(client, sid, { userArn: "acs:ram:*:1000000000000003:*" });
        expect(await pl.listVpcEndpointServiceUsers(client, sid)).toEqual(["1000000000000002"]);
        expect(await pl.listVpcEndpointServiceUserArns(client, sid)).toEqual(["acs:ram:*:1000000000000003:*"]);
        await pl.removeUserFromVpcEndpointService(client, sid, { userArn: "acs:ram:*:1000000000000003:*" });
        expect(await pl.listVpcEndpointServiceUserArns(client, sid)).toEqual([]);
        const id = (await pl.createVpcEndpoint(client, { ...endpointRequest(sid), ClientToken: "z", ProtectedEnabled: true, ZonePrivateIpAddressCount: 1 }))
            .EndpointId;
        await pl.waitForVpcEndpointActive(client, id);
        expect(await pl.getVpcEndpointAttribute(client, id)).toMatchObject({
            ProtectedEnabled: true,
            ZonePrivateIpAddressCount: 1,
            EndpointBusinessStatus: "Normal",
        });
        await pl.addZoneToVpcEndpoint(client, id, { ZoneId: "cn-hangzhou-i", VSwitchId: net.vSwitchIds["cn-hangzhou-i"]!, ip: "172.16.2.9" });
        await pl.waitForVpcEndpointActive(client, id);
        await pl.attachSecurityGroupToVpcEndpoint(client, id, net.securityGroupIds[1]!);
        await pl.waitForVpcEndpointActive(client, id);
        expect((await pl.listVpcEndpointZones(client, id)).map((z) => z.EniIp).sort()).toEqual([expect.stringMatching(/^172\.16\.1\./), "172.16.2.9"]);
        expect((await pl.listVpcEndpointSecurityGroups(client, id)).sort()).toEqual([...net.securityGroupIds].sort());
        await pl.syncTags(client, "vpcendpoint", id, {}, { a: "1", b: "2" });
        await pl.syncTags(client, "vpcendpoint", id, { a: "1", b: "2" }, { b: "3" });
        expect(await pl.listTags(client, "vpcendpoint", id)).toEqual({ b: "3" });
        await pl.deleteVpcEndpoint(client, id);
        expect((await pl.waitForVpcEndpointDeleted(client, id)).outcome).toBe("gone");
    });
});
