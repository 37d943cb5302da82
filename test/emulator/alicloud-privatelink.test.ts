/**
 * The PrivateLink emulator on the wire, driven only by the official `@alicloud/openapi-util`
 * signer: both signature versions, auth failures, the error envelope, DryRun, ClientToken,
 * transitional refusals, paging, validation and cross-account access.
 */
import { startEmulator } from "../../emulator";
import { type AlicloudCreds, rpc } from "../helpers/alicloud-request";

type Identity = {
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
    network: { vpcId: string; vSwitchIds: Record<string, string>; securityGroupIds: string[]; loadBalancerId: string; gwlbLoadBalancerId: string };
};

describe("Alibaba PrivateLink emulator", () => {
    let url: string;
    let close: () => Promise<void>;
    let demo: Identity;
    let consumer: Identity;
    let creds: AlicloudCreds;
    const R = { RegionId: "cn-hangzhou" };
    const control = async (method: string, route: string, body?: unknown) => {
        const res = await fetch(`${url}/_emulator/${route}`, {
            method,
            headers: body ? { "content-type": "application/json" } : {},
            body: body ? JSON.stringify(body) : undefined,
        });
        return (await res.json()) as any;
    };
    const call = (action: string, params: Record<string, unknown>, c: AlicloudCreds = creds) => rpc(url, c, action, { ...R, ...params });
    const service = async (extra: Record<string, unknown> = {}) => {
        const r = await call("CreateVpcEndpointService", {
            AutoAcceptEnabled: true,
            Resource: [{ ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" }],
            ...extra,
        });
        expect(r.status).toBe(200);
        return r.body.ServiceId as string;
    };
    const endpointParams = (serviceId: string, n: Identity = demo) => ({
        ServiceId: serviceId,
        VpcId: n.network.vpcId,
        SecurityGroupId: [n.network.securityGroupIds[0]],
        Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: n.network.vSwitchIds["cn-hangzhou-h"] }],
    });

    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast" });
        url = emu.url;
        close = emu.close;
        const info = await control("GET", "info");
        demo = info.accounts.find((a: any) => a.name === "demo").alicloud;
        consumer = info.accounts.find((a: any) => a.name === "consumer").alicloud;
        creds = { accessKeyId: demo.accessKeyId, accessKeySecret: demo.accessKeySecret };
    });
    afterAll(() => close());
    beforeEach(async () => {
        await control("POST", "reset");
    });

    test("takes booleans as every official SDK spells them (true, True, FALSE) and refuses others", async () => {
        for (const spelling of ["True", "true", "FALSE"]) {
            const r = await call("CreateVpcEndpointService", {
                AutoAcceptEnabled: spelling,
                Resource: [{ ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" }],
                DryRun: "True",
            });
            expect({ spelling, code: r.body.Code }).toEqual({ spelling, code: "DryRunOperation" });
        }
        const bad = await call("CreateVpcEndpointService", {
            AutoAcceptEnabled: "yes",
            Resource: [{ ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" }],
        });
        expect(bad.body.Code).toBe("InvalidParameter");
    });

    test("info lists each account's Alibaba identity and network (deterministic ids)", async () => {
        const info = await control("GET", "info");
        expect(info.apis).toContain("privatelink");
        expect(demo).toMatchObject({
            accountId: "1000000000000001",
            accessKeyId: "LTAIEMUDEMOACCESS001",
            regionId: "cn-hangzhou",
            network: { vpcId: "vpc-emudemo0000000001", loadBalancerId: "lb-emudemo0000000001" },
        });
        expect(Object.keys(demo.network.vSwitchIds)).toEqual(["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"]);
        expect(consumer.accountId).toBe("1000000000000002");
    });

    test("accepts V3 signatures and V1 signatures in the query or a form body", async () => {
        expect((await call("ListVpcEndpoints", {})).status).toBe(200);
        expect((await rpc(url, creds, "ListVpcEndpoints", R, { signature: "v1" })).status).toBe(200);
        expect((await rpc(url, creds, "ListVpcEndpoints", R, { signature: "v1", form: true })).status).toBe(200);
        const log = (await control("GET", "requests")).requests;
        expect(log.map((r: any) => [r.api, r.operation, r.account])).toEqual(Array(3).fill(["privatelink", "ListVpcEndpoints", "demo"]));
    });

    test("reads + in the query as a space, as the official Python SDK sends it (both signatures)", async () => {
        // The Python SDK writes its query with urllib's urlencode (spaces as +, a plus as %2B) and
        // signs it with spaces as %20: the wire form differs from the signed form, as on the cloud.
        const realFetch = globalThis.fetch;
        const spy = jest.spyOn(globalThis, "fetch").mockImplementation((input, init) => realFetch(String(input).replace(/%20/g, "+"), init));
        try {
            for (const signature of ["v3", "v1"] as const) {
                const created = await rpc(
                    url,
                    creds,
                    "CreateVpcEndpointService",
                    {
                        ...R,
                        ServiceDescription: "two words+one",
                        Resource: [{ ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" }],
                    },
                    { signature },
                );
                expect({ signature, status: created.status }).toEqual({ signature, status: 200 });
                const got = await call("GetVpcEndpointServiceAttribute", { ServiceId: created.body.ServiceId });
                expect(got.body.ServiceDescription).toBe("two words+one");
                await call("DeleteVpcEndpointService", { ServiceId: created.body.ServiceId });
                await control("POST", "reset");
            }
        } finally {
            spy.mockRestore();
        }
    });

    test("answers list fields with the types the official SDK's models declare (UserId a number, TotalCount)", async () => {
        const sid = await service();
        expect((await call("AddUserToVpcEndpointService", { ServiceId: sid, UserId: consumer.accountId })).status).toBe(200);
        const users = (await call("ListVpcEndpointServiceUsers", { ServiceId: sid })).body;
        expect(users.Users).toEqual([{ UserId: 1000000000000002 }]);
        // A string in these lists' models, a number in the others'.
        expect(users.TotalCount).toBe("1");
        expect((await call("ListVpcEndpointConnections", { ServiceId: sid })).body.TotalCount).toBe("0");
        const id = (await call("CreateVpcEndpoint", endpointParams(sid))).body.EndpointId;
        expect((await call("ListVpcEndpointZones", { EndpointId: id })).body.TotalCount).toBe(1);
        expect((await call("ListVpcEndpointSecurityGroups", { EndpointId: id })).body.TotalCount).toBe(1);
    });

    test("refuses bad credentials, signatures, times and reused nonces in Alibaba's envelope", async () => {
        const unknown = await rpc(url, { accessKeyId: "LTAINOSUCHKEY0000000", accessKeySecret: "x" }, "ListVpcEndpoints", R);
        expect(unknown.status).toBe(404);
        expect(unknown.body).toMatchObject({ Code: "InvalidAccessKeyId.NotFound", HostId: "privatelink.cn-hangzhou.aliyuncs.com" });
        expect(Object.keys(unknown.body).sort()).toEqual(["Code", "HostId", "Message", "Recommend", "RequestId"]);
        const wrong = await rpc(url, { ...creds, accessKeySecret: "wrong" }, "ListVpcEndpoints", R);
        expect([wrong.status, wrong.body.Code]).toEqual([400, "SignatureDoesNotMatch"]);
        const wrongV1 = await rpc(url, { ...creds, accessKeySecret: "wrong" }, "ListVpcEndpoints", R, { signature: "v1" });
        expect(wrongV1.body.Code).toBe("SignatureDoesNotMatch");
        const tampered = await rpc(url, creds, "ListVpcEndpoints", R, { mutate: (r) => (r.query.MaxResults = "5") });
        expect(tampered.body.Code).toBe("SignatureDoesNotMatch");
        const stale = await rpc(url, creds, "ListVpcEndpoints", R, { date: new Date(Date.now() - 20 * 60_000) });
        expect([stale.status, stale.body.Code]).toEqual([400, "InvalidTimeStamp.Expired"]);
        const staleV1 = await rpc(url, creds, "ListVpcEndpoints", R, { signature: "v1", date: new Date(Date.now() + 20 * 60_000) });
        expect(staleV1.body.Code).toBe("InvalidTimeStamp.Expired");
        expect((await rpc(url, creds, "ListVpcEndpoints", R, { nonce: "nonce-once-1" })).status).toBe(200);
        const replay = await rpc(url, creds, "ListVpcEndpoints", R, { nonce: "nonce-once-1" });
        expect([replay.status, replay.body.Code]).toEqual([400, "SignatureNonceUsed"]);
        const unsigned = await fetch(`${url}/?Action=ListVpcEndpoints&Version=2020-04-15&RegionId=cn-hangzhou`, { method: "POST" });
        expect(((await unsigned.json()) as any).Code).toBe("IncompleteSignature");
    });

    test("creates a service and an endpoint: Creating, then Active; zones get addresses from the vSwitch", async () => {
        await control("PUT", "timings", { "privatelink:endpoint": { create: { afterReads: 1 } } });
        const sid = await service();
        const c = await call("CreateVpcEndpoint", {
            ...endpointParams(sid),
            Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-h"], ip: "172.16.1.77" }],
            EndpointName: "client",
        });
        expect(c.status).toBe(200);
        expect(c.body).toMatchObject({ EndpointStatus: "Creating", ServiceId: sid, VpcId: demo.network.vpcId, EndpointName: "client" });
        const id = c.body.EndpointId as string;
        expect(id).toMatch(/^ep-[a-z0-9]{20}$/);
        expect((await call("GetVpcEndpointAttribute", { EndpointId: id })).body.EndpointStatus).toBe("Creating");
        const got = (await call("GetVpcEndpointAttribute", { EndpointId: id })).body;
        expect(got).toMatchObject({
            EndpointStatus: "Active",
            ConnectionStatus: "Connected",
            EndpointDomain: `${id}.${sid}.cn-hangzhou.privatelink.aliyuncs.com`,
        });
        const zones = (await call("ListVpcEndpointZones", { EndpointId: id })).body.Zones;
        expect(zones).toEqual([expect.objectContaining({ ZoneId: "cn-hangzhou-h", EniIp: "172.16.1.77", ZoneStatus: "Connected" })]);
        const taken = await call("CreateVpcEndpoint", {
            ...endpointParams(sid),
            Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-h"], ip: "172.16.1.77" }],
        });
        expect(taken.body.Code).toBe("EniIpUnavailable");
    });

    test("DryRun validates only and answers DryRunOperation", async () => {
        const sid = await service();
        const dry = await call("CreateVpcEndpoint", { ...endpointParams(sid), DryRun: true });
        expect([dry.status, dry.body.Code]).toEqual([400, "DryRunOperation"]);
        const bad = await call("CreateVpcEndpoint", { ...endpointParams(sid), SecurityGroupId: ["sg-nosuchgroup0000001"], DryRun: true });
        expect(bad.body.Code).toBe("SecurityGroupNotFound");
        expect((await call("ListVpcEndpoints", {})).body.Endpoints).toEqual([]);
    });

    test("a repeated ClientToken returns the first result and creates nothing more", async () => {
        const sid = await service();
        const first = await call("CreateVpcEndpoint", { ...endpointParams(sid), ClientToken: "token-1" });
        const again = await call("CreateVpcEndpoint", { ...endpointParams(sid), ClientToken: "token-1" });
        expect(again.body.EndpointId).toBe(first.body.EndpointId);
        expect(again.body.RequestId).not.toBe(first.body.RequestId);
        expect((await call("ListVpcEndpoints", {})).body.Endpoints).toHaveLength(1);
        const other = await call("CreateVpcEndpoint", { ...endpointParams(sid), ClientToken: "token-2" });
        expect(other.body.EndpointId).not.toBe(first.body.EndpointId);
    });

    test("refuses changes while transitional with the codes clients retry", async () => {
        await control("PUT", "timings", { "privatelink:endpoint": { create: { afterReads: 2 } } });
        const sid = await service({
            Resource: [
                { ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" },
                { ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-i" },
            ],
        });
        const id = (await call("CreateVpcEndpoint", endpointParams(sid))).body.EndpointId;
        const early = await call("AddZoneToVpcEndpoint", { EndpointId: id, ZoneId: "cn-hangzhou-i", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-i"] });
        expect(early.body.Code).toBe("EndpointOperationDenied");
        const del = await call("DeleteVpcEndpoint", { EndpointId: id });
        expect(del.body.Code).toBe("EndpointOperationDenied");
        while ((await call("GetVpcEndpointAttribute", { EndpointId: id })).body.EndpointStatus !== "Active");
        expect(
            (await call("AddZoneToVpcEndpoint", { EndpointId: id, ZoneId: "cn-hangzhou-i", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-i"] })).status,
        ).toBe(200);
        const sg = await call("AttachSecurityGroupToVpcEndpoint", { EndpointId: id, SecurityGroupId: demo.network.securityGroupIds[1] });
        expect(sg.body.Code).toBe("ConcurrentCallNotSupported");
        expect((await call("GetVpcEndpointAttribute", { EndpointId: id })).body.EndpointStatus).toBe("Pending");
    });

    test("validates against the page's error codes", async () => {
        const sid = await service();
        const codes = async (p: Record<string, unknown>) => (await call("CreateVpcEndpoint", { ...endpointParams(sid), ...p })).body.Code;
        expect(await codes({ VpcId: "vpc-nosuchvpc000000001" })).toBe("VpcNotFound");
        expect(await codes({ ServiceId: "epsrv-nosuchservice00001" })).toBe("EndpointServiceNotFound");
        expect(await codes({ SecurityGroupId: [] })).toBe("EndpointMustContainSecurityGroup");
        expect(await codes({ Zone: [{ ZoneId: "cn-hangzhou-j", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-j"] }] })).toBe(
            "EndpointServiceNotSupportedZone",
        );
        expect(await codes({ Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: "vsw-nosuchvswitch000001" }] })).toBe("VSwitchNotFound");
        expect(
            await codes({
                Zone: [
                    { ZoneId: "cn-hangzhou-h", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-h"] },
                    { ZoneId: "cn-hangzhou-h", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-h"] },
                ],
            }),
        ).toBe("EndpointZoneDuplicated");
        expect(await codes({ Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: demo.network.vSwitchIds["cn-hangzhou-h"], ip: "999.1.1.1" }] })).toBe(
            "IllegalParam.Ip",
        );
        expect(await codes({ EndpointName: "1bad" })).toBe("IllegalParam.EndpointName");
        expect(await codes({ EndpointDescription: "http://x" })).toBe("IllegalParam.EndpointDescription");
        expect(await codes({ EndpointType: "Reverse" })).toBe("Mismatch.EndpointType");
        const missing = await call("CreateVpcEndpoint", { ServiceId: sid });
        expect(missing.body.Code).toBe("MissingParameter");
        expect((await call("NoSuchAction", {})).body.Code).toBe("InvalidAction.NotFound");
        // An action the cloud has and the emulator lacks says so, by name.
        const lacking = await call("DescribeZones", {});
        expect(lacking.status).toBe(501);
        expect(lacking.body).toMatchObject({
            Code: "Emulator.0501",
            Message: expect.stringContaining("DescribeZones (Action=DescribeZones) is not implemented"),
        });
    });

    test("pages with MaxResults and NextToken", async () => {
        const sid = await service();
        for (let i = 0; i < 3; i++) expect((await call("CreateVpcEndpoint", endpointParams(sid))).status).toBe(200);
        const seen: string[] = [];
        let token: string | undefined;
        do {
            const r = (await call("ListVpcEndpoints", { MaxResults: 2, NextToken: token })).body;
            seen.push(...r.Endpoints.map((e: any) => e.EndpointId));
            token = r.NextToken || undefined;
        } while (token);
        expect(new Set(seen).size).toBe(3);
        expect((await call("ListVpcEndpoints", { NextToken: "garbage" })).body.Code).toBe("IllegalParam.NextToken");
        expect((await call("ListVpcEndpoints", { MaxResults: 0 })).body.Code).toBe("IllegalParam.MaxResults");
    });

    test("another account connects only once allowed, and waits for approval without auto-accept", async () => {
        const sid = await service({ AutoAcceptEnabled: false });
        const cc = { accessKeyId: consumer.accessKeyId, accessKeySecret: consumer.accessKeySecret };
        const denied = await call("CreateVpcEndpoint", endpointParams(sid, consumer), cc);
        expect(denied.body.Code).toBe("EndpointServiceNotAuthorized");
        expect((await call("AddUserToVpcEndpointService", { ServiceId: sid, UserId: consumer.accountId })).status).toBe(200);
        const ok = await call("CreateVpcEndpoint", endpointParams(sid, consumer), cc);
        expect(ok.status).toBe(200);
        const id = ok.body.EndpointId;
        expect((await call("GetVpcEndpointAttribute", { EndpointId: id }, cc)).body.ConnectionStatus).toBe("Disconnected");
        expect((await call("GetVpcEndpointAttribute", { EndpointId: id })).body.Code).toBe("EndpointNotFound");
        const conns = (await call("ListVpcEndpointConnections", { ServiceId: sid })).body.Connections;
        expect(conns).toEqual([expect.objectContaining({ EndpointId: id, EndpointOwnerId: 1000000000000002, ConnectionStatus: "Disconnected" })]);
        expect((await call("EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        expect((await call("GetVpcEndpointAttribute", { EndpointId: id }, cc)).body.ConnectionStatus).toBe("Connected");
        expect((await call("DeleteVpcEndpointService", { ServiceId: sid })).body.Code).toBe("DependencyViolation.EndpointConnection");
    });

    test("tags through TagResources / UntagResources / ListTagResources", async () => {
        const sid = await service({ Tag: [{ Key: "a", Value: "1" }] });
        expect((await call("TagResources", { ResourceType: "vpcendpointservice", ResourceId: [sid], Tag: [{ Key: "b", Value: "2" }] })).status).toBe(200);
        expect((await call("UntagResources", { ResourceType: "vpcendpointservice", ResourceId: [sid], TagKey: ["a"] })).status).toBe(200);
        const rows = (await call("ListTagResources", { ResourceType: "vpcendpointservice", ResourceId: [sid] })).body.TagResources;
        expect(rows).toEqual([{ ResourceId: sid, ResourceType: "vpcendpointservice", TagKey: "b", TagValue: "2" }]);
        expect((await call("TagResources", { ResourceType: "vpcendpointservice", ResourceId: [sid], Tag: [{ Key: "aliyun-x", Value: "1" }] })).body.Code).toBe(
            "IllegalParam.TagKey",
        );
        // Keys of up to 64 characters; neither keys nor values may contain a URL's scheme.
        const tag = (Key: string, Value = "v") => call("TagResources", { ResourceType: "vpcendpointservice", ResourceId: [sid], Tag: [{ Key, Value }] });
        expect((await tag("k".repeat(64))).status).toBe(200);
        expect((await tag("k".repeat(65))).body.Code).toBe("IllegalParam.TagKey");
        expect((await tag("see-http://x")).body.Code).toBe("IllegalParam.TagKey");
        expect((await tag("site", "see https://example.com")).body.Code).toBe("IllegalParam.TagValue");
    });

    test("a gwlb service is of type GatewayLoadBalancer, and its endpoints must be too", async () => {
        const gwlb = demo.network.gwlbLoadBalancerId;
        const sid = await service({ ServiceResourceType: "gwlb", Resource: [{ ResourceId: gwlb, ResourceType: "gwlb", ZoneId: "cn-hangzhou-h" }] });
        const svc = (await call("GetVpcEndpointServiceAttribute", { ServiceId: sid })).body;
        expect(svc).toMatchObject({ ServiceResourceType: "gwlb", ServiceType: "GatewayLoadBalancer" });
        const res = (await call("ListVpcEndpointServiceResources", { ServiceId: sid })).body.Resources;
        expect(res).toEqual([expect.objectContaining({ ResourceId: gwlb, ResourceType: "gwlb", Ip: "172.16.1.110" })]);
        // An Interface endpoint (the default type) does not fit a GWLB service, nor a GatewayLoadBalancer one a CLB service.
        expect((await call("CreateVpcEndpoint", endpointParams(sid))).body.Code).toBe("Mismatch.EndpointType");
        expect((await call("CreateVpcEndpoint", { ...endpointParams(await service()), EndpointType: "GatewayLoadBalancer" })).body.Code).toBe(
            "Mismatch.EndpointType",
        );
        expect((await call("CreateVpcEndpoint", { ...endpointParams(sid), EndpointType: "Gateway" })).body.Code).toBe("IllegalParam.EndpointType");
        const ok = await call("CreateVpcEndpoint", { ...endpointParams(sid), EndpointType: "GatewayLoadBalancer" });
        expect(ok.status).toBe(200);
        expect((await call("GetVpcEndpointAttribute", { EndpointId: ok.body.EndpointId })).body.EndpointType).toBe("GatewayLoadBalancer");
        // A gwlb resource only on a gwlb service; a CLB id is not a GWLB.
        expect(
            (
                await call("AttachResourceToVpcEndpointService", {
                    ServiceId: sid,
                    ResourceId: demo.network.loadBalancerId,
                    ResourceType: "gwlb",
                    ZoneId: "cn-hangzhou-i",
                })
            ).body.Code,
        ).toBe("ResourceNotFound.LoadBalancer");
        // The seeded GWLB serves IPv4 only: a DualStack service of it is refused for its resource.
        expect(
            (
                await call("CreateVpcEndpointService", {
                    ServiceResourceType: "gwlb",
                    AddressIpVersion: "DualStack",
                    Resource: [{ ResourceId: gwlb, ResourceType: "gwlb", ZoneId: "cn-hangzhou-i" }],
                })
            ).body.Code,
        ).toBe("IllegalParam.AddressIpVersion");
    });

    test("ConnectBandwidth (100–10240, default 3072, reported for CLB services) and ZoneAffinityEnabled (default false) change in place", async () => {
        const get = async (id: string) => (await call("GetVpcEndpointServiceAttribute", { ServiceId: id })).body;
        const active = async (id: string) => {
            while ((await get(id)).ServiceStatus !== "Active");
        };
        const sid = await service();
        await active(sid);
        expect(await get(sid)).toMatchObject({ ServiceResourceType: "slb", ConnectBandwidth: 3072, ZoneAffinityEnabled: false });
        const update = (id: string, p: Record<string, unknown>) => call("UpdateVpcEndpointServiceAttribute", { ServiceId: id, ...p });
        expect((await update(sid, { ConnectBandwidth: 99 })).body.Code).toBe("IllegalParam.Bandwidth");
        expect((await update(sid, { ConnectBandwidth: 10241 })).body.Code).toBe("IllegalParam.Bandwidth");
        expect((await update(sid, { ConnectBandwidth: "fast" })).body.Code).toBe("IllegalParam.Bandwidth");
        expect((await update(sid, { ConnectBandwidth: 100, DryRun: true })).body.Code).toBe("DryRunOperation");
        expect((await get(sid)).ConnectBandwidth).toBe(3072);
        expect((await update(sid, { ConnectBandwidth: 10240, ZoneAffinityEnabled: true })).status).toBe(200);
        expect(await get(sid)).toMatchObject({ ConnectBandwidth: 10240, ZoneAffinityEnabled: true });
        const listed = (await call("ListVpcEndpointServices", { ServiceId: sid })).body.Services;
        expect(listed.map((s: any) => [s.ConnectBandwidth, s.ZoneAffinityEnabled])).toEqual([[10240, true]]);
        // A new endpoint's connection starts at the service's default bandwidth.
        const ep = (await call("CreateVpcEndpoint", endpointParams(sid))).body.EndpointId;
        expect((await call("GetVpcEndpointAttribute", { EndpointId: ep })).body.Bandwidth).toBe(10240);
        // Zone affinity from the start; the list filters on it.
        const affine = await service({
            ZoneAffinityEnabled: true,
            Resource: [{ ResourceId: demo.network.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-i" }],
        });
        expect((await get(affine)).ZoneAffinityEnabled).toBe(true);
        const filtered = async (v: string) =>
            (await call("ListVpcEndpointServices", { ZoneAffinityEnabled: v })).body.Services.map((s: any) => s.ServiceId).sort();
        expect(await filtered("True")).toEqual([sid, affine].sort());
        await update(sid, { ZoneAffinityEnabled: false });
        expect(await filtered("false")).toEqual([sid]);
        // A GWLB service takes a bandwidth and keeps it, but does not report it.
        const gw = await service({
            ServiceResourceType: "gwlb",
            Resource: [{ ResourceId: demo.network.gwlbLoadBalancerId, ResourceType: "gwlb", ZoneId: "cn-hangzhou-h" }],
        });
        await active(gw);
        expect((await update(gw, { ConnectBandwidth: 2048 })).status).toBe(200);
        expect(await get(gw)).not.toHaveProperty("ConnectBandwidth");
    });

    test("an endpoint reports ProtectedEnabled as created, its business status, and one private IP per zone", async () => {
        const sid = await service();
        const id = (await call("CreateVpcEndpoint", { ...endpointParams(sid), ProtectedEnabled: true, ZonePrivateIpAddressCount: 1 })).body.EndpointId;
        const e = (await call("GetVpcEndpointAttribute", { EndpointId: id })).body;
        expect(e).toMatchObject({ ProtectedEnabled: true, ZonePrivateIpAddressCount: 1, EndpointBusinessStatus: "Normal" });
        const plain = (await call("CreateVpcEndpoint", endpointParams(sid))).body.EndpointId;
        expect((await call("GetVpcEndpointAttribute", { EndpointId: plain })).body.ProtectedEnabled).toBe(false);
        expect((await call("CreateVpcEndpoint", { ...endpointParams(sid), ZonePrivateIpAddressCount: 2 })).body.Code).toBe(
            "IllegalParam.ZonePrivateIpAddressCount",
        );
    });

    test("an ARN entry of the allow-list lets its account connect; Users and UserARNs are listed apart", async () => {
        const sid = await service({ AutoAcceptEnabled: false });
        const cc = { accessKeyId: consumer.accessKeyId, accessKeySecret: consumer.accessKeySecret };
        const arn = `acs:ram:*:${consumer.accountId}:*`;
        expect((await call("AddUserToVpcEndpointService", { ServiceId: sid, UserARN: arn })).status).toBe(200);
        expect((await call("AddUserToVpcEndpointService", { ServiceId: sid, UserId: "1000000000000003" })).status).toBe(200);
        const arns = (await call("ListVpcEndpointServiceUsers", { ServiceId: sid, UserListType: "UserARNs" })).body;
        expect(arns).toMatchObject({ UserARNs: [{ UserARN: arn }], Users: [], TotalCount: "1" });
        expect((await call("ListVpcEndpointServiceUsers", { ServiceId: sid })).body).toMatchObject({ Users: [{ UserId: 1000000000000003 }], UserARNs: [] });
        expect((await call("CreateVpcEndpoint", endpointParams(sid, consumer), cc)).status).toBe(200);
        expect((await call("ListVpcEndpointServicesByEndUser", { ServiceId: sid }, cc)).body.Services).toHaveLength(1);
        expect((await call("RemoveUserFromVpcEndpointService", { ServiceId: sid, UserARN: arn })).status).toBe(200);
        expect((await call("ListVpcEndpointServiceUsers", { ServiceId: sid, UserListType: "UserARNs" })).body.UserARNs).toEqual([]);
        expect((await call("CreateVpcEndpoint", endpointParams(sid, consumer), cc)).body.Code).toBe("EndpointServiceNotAuthorized");
        const codes = async (p: Record<string, unknown>) => (await call("AddUserToVpcEndpointService", { ServiceId: sid, ...p })).body.Code;
        expect(await codes({})).toBe("MissingParam.UserArn");
        expect(await codes({ UserARN: "arn:aws:iam::123:root" })).toBe("IllegalParam.UserArn");
        expect(await codes({ UserARN: arn, UserId: consumer.accountId })).toBe("InvalidParameter");
        expect((await call("ListVpcEndpointServiceUsers", { ServiceId: sid, UserListType: "Roles" })).body.Code).toBe("InvalidParameter");
    });
});
