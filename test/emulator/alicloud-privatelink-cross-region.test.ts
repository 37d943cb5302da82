/**
 * Cross-region PrivateLink on the wire: each account's second seeded region (cn-shanghai), an
 * endpoint there connecting to a service in cn-hangzhou (`ServiceRegionId`), the service's
 * supported regions, and the cross-region bandwidth's limits on create and update.
 */
import { ControlClient, type AlicloudIdentity as Identity, startEmulator } from "../../emulator";
import { type AlicloudCreds, rpc } from "../helpers/alicloud-request";

describe("Alibaba PrivateLink emulator: cross-region endpoints", () => {
    let url: string;
    let close: () => Promise<void>;
    let control: ControlClient;
    let demo: Identity;
    let consumer: Identity;
    const HZ = "cn-hangzhou";
    const SH = "cn-shanghai";
    const creds = (a: Identity): AlicloudCreds => ({ accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret });
    const call = (a: Identity, region: string, action: string, params: Record<string, unknown>) => rpc(url, creds(a), action, { RegionId: region, ...params });
    /** The demo account's service in cn-hangzhou (its CLB in `zone`), offered to the consumer and in `supported` regions. */
    const hangzhouService = async (supported: string[], zone = "cn-hangzhou-h") => {
        const r = await call(demo, HZ, "CreateVpcEndpointService", {
            AutoAcceptEnabled: true,
            Resource: [{ ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: zone }],
            ...(supported.length ? { SupportedRegionList: supported } : {}),
        });
        expect(r.status).toBe(200);
        const sid = r.body.ServiceId as string;
        expect((await call(demo, HZ, "AddUserToVpcEndpointService", { ServiceId: sid, UserId: consumer.accountId })).status).toBe(200);
        return sid;
    };
    /** The consumer's endpoint in cn-shanghai (its second region's network). */
    const shanghaiEndpoint = (serviceId: string, extra: Record<string, unknown> = {}) => {
        const n = consumer.secondRegion.network;
        return call(consumer, SH, "CreateVpcEndpoint", {
            ServiceId: serviceId,
            ServiceRegionId: HZ,
            VpcId: n.vpcId,
            SecurityGroupId: [n.securityGroupIds[0]],
            Zone: [{ ZoneId: "cn-shanghai-e", VSwitchId: n.vSwitchIds["cn-shanghai-e"] }],
            ...extra,
        });
    };
    const settle = async (a: Identity, region: string, id: string) => {
        for (let i = 0; i < 50; i++) {
            const got = (await call(a, region, "GetVpcEndpointAttribute", { EndpointId: id })).body;
            if (got.EndpointStatus === "Active") return got;
        }
        throw new Error(`${id} never became Active`);
    };

    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast" });
        url = emu.url;
        close = emu.close;
        control = new ControlClient(url);
        const info = await control.info();
        demo = info.accounts.find((a) => a.name === "demo")!.alicloud;
        consumer = info.accounts.find((a) => a.name === "consumer")!.alicloud;
    });
    afterAll(() => close());
    beforeEach(async () => {
        await control.reset();
    });

    test("every account has a second region with a network of its own; its first region is unchanged", () => {
        for (const a of [demo, consumer]) {
            expect(a.regionId).toBe(HZ);
            expect(a.secondRegion.regionId).toBe(SH);
            expect(Object.keys(a.secondRegion.network.vSwitchIds).sort()).toEqual(["cn-shanghai-e", "cn-shanghai-f"]);
            const ids = [a.network.vpcId, a.network.loadBalancerId, ...Object.values(a.network.vSwitchIds)];
            for (const id of [a.secondRegion.network.vpcId, a.secondRegion.network.loadBalancerId, ...Object.values(a.secondRegion.network.vSwitchIds)])
                expect(ids).not.toContain(id);
        }
        expect(demo.secondRegion.network.vpcId).not.toBe(consumer.secondRegion.network.vpcId);
    });

    test("a region's calls see that region's network: a load balancer serves only services of its own region", async () => {
        const sh = demo.secondRegion.network;
        const here = await call(demo, SH, "CreateVpcEndpointService", {
            AutoAcceptEnabled: true,
            ServiceResourceType: "nlb",
            Resource: [{ ResourceId: sh.nlbLoadBalancerId, ResourceType: "nlb", ZoneId: "cn-shanghai-f" }],
        });
        expect(here.status).toBe(200);
        expect(here.body.ServiceName).toBe(`com.aliyuncs.privatelink.${SH}.${here.body.ServiceId}`);
        const elsewhere = await call(demo, HZ, "CreateVpcEndpointService", {
            Resource: [{ ResourceId: sh.loadBalancerId, ResourceType: "slb", ZoneId: "cn-shanghai-e" }],
        });
        expect(elsewhere.body.Code).toBe("ResourceNotFound.LoadBalancer");
        // A same-region endpoint in cn-shanghai uses the cn-shanghai VPC; the cn-hangzhou one is not there.
        const ep = await call(demo, SH, "CreateVpcEndpoint", {
            ServiceId: here.body.ServiceId,
            VpcId: demo.network.vpcId,
            SecurityGroupId: [demo.network.securityGroupIds[0]],
            Zone: [{ ZoneId: "cn-shanghai-f", VSwitchId: sh.vSwitchIds["cn-shanghai-f"] }],
        });
        expect(ep.body.Code).toBe("VpcNotFound");
    });

    test("an endpoint in cn-shanghai connects to a service in cn-hangzhou that supports cn-shanghai", async () => {
        const sid = await hangzhouService([SH]);
        const c = await shanghaiEndpoint(sid, { CrossRegionBandwidth: 200 });
        expect(c.status).toBe(200);
        const id = c.body.EndpointId as string;
        const got = await settle(consumer, SH, id);
        expect(got).toMatchObject({ RegionId: SH, ServiceId: sid, ServiceRegionId: HZ, CrossRegionBandwidth: 200, ConnectionStatus: "Connected" });
        // The endpoint lives in cn-shanghai only.
        expect((await call(consumer, HZ, "GetVpcEndpointAttribute", { EndpointId: id })).body.Code).toBe("EndpointNotFound");
        const listed = (await call(consumer, SH, "ListVpcEndpoints", { ServiceRegionId: HZ })).body.Endpoints;
        expect(listed.map((e: any) => [e.EndpointId, e.ServiceRegionId, e.CrossRegionBandwidth])).toEqual([[id, HZ, 200]]);
        expect((await call(consumer, SH, "ListVpcEndpoints", { ServiceRegionId: SH })).body.Endpoints).toEqual([]);
        // The owner sees the connection from its own region, with the endpoint's region.
        const conns = (await call(demo, HZ, "ListVpcEndpointConnections", { ServiceId: sid })).body.Connections;
        expect(conns).toEqual([expect.objectContaining({ EndpointId: id, EndpointRegionId: SH, ServiceRegionId: HZ })]);
        // The consumer finds the service from cn-shanghai by naming its region.
        const byEndUser = (await call(consumer, SH, "ListVpcEndpointServicesByEndUser", { ServiceRegionId: HZ })).body.Services;
        expect(byEndUser.map((s: any) => s.ServiceId)).toEqual([sid]);
        expect((await call(consumer, SH, "ListVpcEndpointServicesByEndUser", {})).body.Services).toEqual([]);
    });

    test("the service must be offered in the endpoint's region, and must be in ServiceRegionId", async () => {
        const notOffered = await hangzhouService([]);
        const r = await shanghaiEndpoint(notOffered, { CrossRegionBandwidth: 200 });
        expect(r.body).toMatchObject({ Code: "EndpointServiceNotSupportedRegion" });
        expect(r.body.Message).toContain(`not in ${SH}`);
        const offered = await hangzhouService([SH], "cn-hangzhou-i");
        // Without ServiceRegionId the service is looked for in cn-shanghai, where it is not.
        expect((await shanghaiEndpoint(offered, { ServiceRegionId: undefined })).body.Code).toBe("EndpointServiceNotFound");
        expect((await shanghaiEndpoint(offered, { ServiceRegionId: "cn-beijing", CrossRegionBandwidth: 200 })).body.Code).toBe("EndpointServiceNotFound");
        expect((await shanghaiEndpoint(offered, { ServiceRegionId: "Hangzhou", CrossRegionBandwidth: 200 })).body.Code).toBe("IllegalParam.ServiceRegionId");
    });

    test("cross-region bandwidth: required, at least 100, at most the quota; only on a cross-region endpoint", async () => {
        const sid = await hangzhouService([SH]);
        expect((await shanghaiEndpoint(sid)).body.Code).toBe("MissingParam.CrossRegionBandwidth");
        const low = await shanghaiEndpoint(sid, { CrossRegionBandwidth: 99 });
        expect([low.body.Code, low.body.Message]).toEqual(["IllegalParam.CrossRegionBandwidth", expect.stringContaining('got "99"')]);
        expect((await shanghaiEndpoint(sid, { CrossRegionBandwidth: 1025 })).body.Code).toBe("QuotaExceeded.CrossRegionBandwidth");
        await control.call("PUT", "limits", { quotas: { "privatelink:cross_region_bandwidth": 2048 } });
        const id = (await shanghaiEndpoint(sid, { CrossRegionBandwidth: 1025 })).body.EndpointId as string;
        await settle(consumer, SH, id);
        // Updated in place: Pending while it applies, then the new figure.
        expect((await call(consumer, SH, "UpdateVpcEndpointAttribute", { EndpointId: id, CrossRegionBandwidth: 99 })).body.Code).toBe(
            "IllegalParam.CrossRegionBandwidth",
        );
        expect((await call(consumer, SH, "UpdateVpcEndpointAttribute", { EndpointId: id, CrossRegionBandwidth: 300 })).status).toBe(200);
        expect((await settle(consumer, SH, id)).CrossRegionBandwidth).toBe(300);
        // A same-region endpoint takes none, and reports none.
        const local = await call(demo, HZ, "CreateVpcEndpoint", {
            ServiceId: sid,
            VpcId: demo.network.vpcId,
            SecurityGroupId: [demo.network.securityGroupIds[0]],
            Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-h"] }],
        });
        const localId = local.body.EndpointId as string;
        const read = await settle(demo, HZ, localId);
        expect(read.ServiceRegionId).toBe(HZ);
        expect(read.CrossRegionBandwidth).toBeUndefined();
        expect((await call(demo, HZ, "UpdateVpcEndpointAttribute", { EndpointId: localId, CrossRegionBandwidth: 200 })).body.Code).toBe(
            "IllegalParam.CrossRegionBandwidth",
        );
        const sameRegion = await call(demo, HZ, "CreateVpcEndpoint", {
            ServiceId: sid,
            ServiceRegionId: HZ,
            CrossRegionBandwidth: 200,
            VpcId: demo.network.vpcId,
            SecurityGroupId: [demo.network.securityGroupIds[0]],
            Zone: [{ ZoneId: "cn-hangzhou-i", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-i"] }],
        });
        expect(sameRegion.body.Code).toBe("IllegalParam.CrossRegionBandwidth");
    });
});
