/**
 * PrivateLink endpoint connections across accounts, on the wire with signed requests: the service
 * owner (demo) accepts, re-sizes and disconnects the endpoint of a consumer account; statuses are
 * computed when read from the `privatelink:connection` timings and the emulator clock, and the
 * consumer's view (GetVpcEndpointAttribute, ListVpcEndpoints) agrees with the owner's
 * (ListVpcEndpointConnections).
 */
import { startEmulator } from "../../emulator";
import { type AlicloudCreds, rpc } from "../helpers/alicloud-request";

type Identity = {
    accountId: string;
    accessKeyId: string;
    accessKeySecret: string;
    network: { vpcId: string; vSwitchIds: Record<string, string>; securityGroupIds: string[]; loadBalancerId: string };
};

describe("Alibaba PrivateLink endpoint connections", () => {
    let url: string;
    let close: () => Promise<void>;
    let owner: Identity;
    let consumer: Identity;
    let partner: Identity;
    const R = { RegionId: "cn-hangzhou" };
    const creds = (i: Identity): AlicloudCreds => ({ accessKeyId: i.accessKeyId, accessKeySecret: i.accessKeySecret });
    const control = async (method: string, route: string, body?: unknown) => {
        const res = await fetch(`${url}/_emulator/${route}`, {
            method,
            headers: body !== undefined ? { "content-type": "application/json" } : {},
            body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        return (await res.json()) as any;
    };
    const advance = (ms: number) => control("POST", "clock", { advanceMs: ms });
    const call = (who: Identity, action: string, params: Record<string, unknown> = {}) => rpc(url, creds(who), action, { ...R, ...params });
    const code = async (who: Identity, action: string, params: Record<string, unknown>) => {
        const r = await call(who, action, params);
        return [r.status, r.body.Code];
    };

    /** A service of the owner, allowing `users`. */
    const service = async (autoAccept: boolean, users: Identity[] = [consumer], zone = "cn-hangzhou-h") => {
        const r = await call(owner, "CreateVpcEndpointService", {
            AutoAcceptEnabled: autoAccept,
            Resource: [{ ResourceId: owner.network.loadBalancerId, ResourceType: "slb", ZoneId: zone }],
        });
        expect(r.status).toBe(200);
        for (const u of users)
            expect((await call(owner, "AddUserToVpcEndpointService", { ServiceId: r.body.ServiceId, UserId: u.accountId })).status).toBe(200);
        return r.body.ServiceId as string;
    };
    /** An endpoint of `who` to the service. */
    const endpoint = async (who: Identity, serviceId: string, zone = "cn-hangzhou-h") => {
        const r = await call(who, "CreateVpcEndpoint", {
            ServiceId: serviceId,
            VpcId: who.network.vpcId,
            SecurityGroupId: [who.network.securityGroupIds[0]],
            Zone: [{ ZoneId: zone, VSwitchId: who.network.vSwitchIds[zone] }],
        });
        expect(r.status).toBe(200);
        return r.body.EndpointId as string;
    };
    /** The connection as the owner lists it. */
    const listed = async (serviceId: string, endpointId: string) => {
        const r = await call(owner, "ListVpcEndpointConnections", { ServiceId: serviceId, EndpointId: endpointId });
        expect(r.status).toBe(200);
        return r.body.Connections[0];
    };
    /** The endpoint as its (consumer) owner reads it. */
    const attr = async (who: Identity, endpointId: string) => (await call(who, "GetVpcEndpointAttribute", { EndpointId: endpointId })).body;
    /** Both views' connection status (and bandwidth), which must agree. */
    const both = async (serviceId: string, endpointId: string) => {
        const c = await listed(serviceId, endpointId);
        const e = await attr(consumer, endpointId);
        const inList = (await call(consumer, "ListVpcEndpoints", { EndpointId: endpointId })).body.Endpoints[0];
        expect(e.ConnectionStatus).toBe(c.ConnectionStatus);
        expect(inList.ConnectionStatus).toBe(c.ConnectionStatus);
        expect(e.Bandwidth).toBe(c.Bandwidth);
        return { status: c.ConnectionStatus as string, bandwidth: c.Bandwidth as number, zone: c.Zones[0]?.ZoneStatus as string };
    };

    beforeAll(async () => {
        const emu = await startEmulator({ timings: "fast" });
        url = emu.url;
        close = emu.close;
        const info = await control("GET", "info");
        const id = (name: string) => info.accounts.find((a: any) => a.name === name).alicloud as Identity;
        owner = id("demo");
        consumer = id("consumer");
        partner = id("partner");
    });
    afterAll(() => close());
    beforeEach(async () => {
        await control("POST", "reset");
        await control("PUT", "timings", { "privatelink:connection": { create: { afterMs: 1000 }, delete: { afterMs: 500 } } });
    });

    test("the owner accepts, re-sizes and disconnects a consumer's endpoint: each status in order, both views agreeing", async () => {
        const sid = await service(false);
        const id = await endpoint(consumer, sid);
        // Waiting for approval: Disconnected, its zone Wait.
        expect(await both(sid, id)).toEqual({ status: "Disconnected", bandwidth: 3072, zone: "Wait" });
        expect((await listed(sid, id)).EndpointOwnerId).toBe(Number(consumer.accountId));
        expect((await listed(sid, id)).ResourceOwner).toBe(false);

        const enable = await call(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id, Bandwidth: 1024 });
        expect(enable.status).toBe(200);
        expect(Object.keys(enable.body)).toEqual(["RequestId"]);
        expect(await both(sid, id)).toEqual({ status: "Connecting", bandwidth: 1024, zone: "Connecting" });
        // Transitional: the operations clients retry.
        expect(await code(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).toEqual([400, "EndpointConnectionOperationDenied"]);
        expect(await code(owner, "DisableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).toEqual([400, "EndpointConnectionOperationDenied"]);
        expect(await code(owner, "UpdateVpcEndpointConnectionAttribute", { ServiceId: sid, EndpointId: id, Bandwidth: 2048 })).toEqual([
            400,
            "ConcurrentCallNotSupported",
        ]);
        expect(await code(owner, "DeleteVpcEndpointService", { ServiceId: sid })).toEqual([400, "DependencyViolation.EndpointConnection"]);
        await advance(1000);
        expect(await both(sid, id)).toEqual({ status: "Connected", bandwidth: 1024, zone: "Connected" });
        expect((await call(owner, "ListVpcEndpointConnections", { ServiceId: sid, ConnectionStatus: "Connected" })).body.Connections).toHaveLength(1);
        expect((await call(consumer, "ListVpcEndpoints", { ConnectionStatus: "Connected" })).body.Endpoints).toHaveLength(1);

        // Bandwidth in place: Pending (being modified), then Connected with the new bandwidth.
        expect((await call(owner, "UpdateVpcEndpointConnectionAttribute", { ServiceId: sid, EndpointId: id, Bandwidth: 2048 })).status).toBe(200);
        expect(await both(sid, id)).toEqual({ status: "Pending", bandwidth: 2048, zone: "Connected" });
        await advance(1000);
        expect(await both(sid, id)).toEqual({ status: "Connected", bandwidth: 2048, zone: "Connected" });

        // Disconnecting, then Disconnected; the connection stays listed and the service can then go.
        expect((await call(owner, "DisableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        expect(await both(sid, id)).toEqual({ status: "Disconnecting", bandwidth: 2048, zone: "Disconnecting" });
        expect(await code(owner, "DeleteVpcEndpointService", { ServiceId: sid })).toEqual([400, "DependencyViolation.EndpointConnection"]);
        await advance(500);
        expect(await both(sid, id)).toEqual({ status: "Disconnected", bandwidth: 2048, zone: "Disconnected" });
        expect(await code(owner, "UpdateVpcEndpointConnectionAttribute", { ServiceId: sid, EndpointId: id, Bandwidth: 4096 })).toEqual([
            400,
            "EndpointConnectionOperationDenied",
        ]);

        // Accepted again, then disconnected again: the connection can go round.
        expect((await call(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        await advance(1000);
        expect((await both(sid, id)).status).toBe("Connected");
        expect((await call(owner, "DisableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        await advance(500);

        // A disconnected endpoint does not hold the service; once it is gone the connection reads ServiceDeleted.
        expect((await call(owner, "DeleteVpcEndpointService", { ServiceId: sid })).status).toBe(200);
        expect((await attr(consumer, id)).ConnectionStatus).toBe("ServiceDeleted");
        expect((await call(consumer, "ListVpcEndpointZones", { EndpointId: id })).body.Zones[0].ZoneStatus).toBe("Disconnected");
        expect((await call(consumer, "DeleteVpcEndpoint", { EndpointId: id })).status).toBe(200);
    });

    test("the timings kind: afterReads counts reads of either view; a preset applies to it too", async () => {
        await control("PUT", "timings", { "privatelink:connection": { create: { afterReads: 2 }, delete: "immediate" } });
        const sid = await service(false);
        const id = await endpoint(consumer, sid);
        expect((await call(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        expect((await listed(sid, id)).ConnectionStatus).toBe("Connecting");
        expect((await attr(consumer, id)).ConnectionStatus).toBe("Connecting");
        expect((await listed(sid, id)).ConnectionStatus).toBe("Connected");
        expect((await call(owner, "DisableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        expect((await attr(consumer, id)).ConnectionStatus).toBe("Disconnected");
        await control("PUT", "timings", "fast");
        expect((await call(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).status).toBe(200);
        expect((await attr(consumer, id)).ConnectionStatus).toBe("Connected");
    });

    test("owner-only actions: a consumer gets EndpointServiceNotFound, an endpoint not connected EndpointConnectionNotFound", async () => {
        const sid = await service(false, [consumer, partner]);
        const id = await endpoint(consumer, sid);
        for (const action of [
            "EnableVpcEndpointConnection",
            "DisableVpcEndpointConnection",
            "UpdateVpcEndpointConnectionAttribute",
            "ListVpcEndpointConnections",
        ]) {
            expect(await code(consumer, action, { ServiceId: sid, EndpointId: id, Bandwidth: 1024 })).toEqual([400, "EndpointServiceNotFound"]);
        }
        const missing = await call(consumer, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id });
        expect(missing.body).toMatchObject({
            Message: expect.stringContaining("The specified Service does not exist."),
            HostId: "privatelink.cn-hangzhou.aliyuncs.com",
        });
        // Another account's endpoint to another service is no connection of this one.
        const other = await service(true, [partner], "cn-hangzhou-i");
        const elsewhere = await endpoint(partner, other, "cn-hangzhou-i");
        expect(await code(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: elsewhere })).toEqual([400, "EndpointConnectionNotFound"]);
        expect(await code(owner, "DisableVpcEndpointConnection", { ServiceId: sid, EndpointId: "ep-nosuchendpoint0000001" })).toEqual([
            400,
            "EndpointConnectionNotFound",
        ]);
        expect(await code(owner, "EnableVpcEndpointConnection", { ServiceId: sid })).toEqual([400, "MissingParameter"]);
        expect(await code(owner, "EnableVpcEndpointConnection", { ServiceId: "epsrv-nosuchservice00001", EndpointId: id })).toEqual([
            400,
            "EndpointServiceNotFound",
        ]);
        // Nothing changed.
        expect((await attr(consumer, id)).ConnectionStatus).toBe("Disconnected");
    });

    test("Bandwidth range, DryRun and ClientToken", async () => {
        const sid = await service(false);
        const id = await endpoint(consumer, sid);
        const c = { ServiceId: sid, EndpointId: id };
        // The seeded load balancer is a CLB (slb): 100–10240 Mbit/s.
        for (const bad of [99, 10241, "fast"]) {
            expect(await code(owner, "EnableVpcEndpointConnection", { ...c, Bandwidth: bad })).toEqual([400, "IllegalParam.Bandwidth"]);
        }
        // DryRun validates only.
        expect(await code(owner, "EnableVpcEndpointConnection", { ...c, Bandwidth: 10241, DryRun: true })).toEqual([400, "IllegalParam.Bandwidth"]);
        expect(await code(owner, "EnableVpcEndpointConnection", { ...c, Bandwidth: 100, DryRun: true })).toEqual([400, "DryRunOperation"]);
        expect(await both(sid, id)).toEqual({ status: "Disconnected", bandwidth: 3072, zone: "Wait" });
        expect((await call(owner, "EnableVpcEndpointConnection", { ...c, Bandwidth: 10240, ClientToken: "accept-1" })).status).toBe(200);
        await advance(1000);
        expect(await code(owner, "UpdateVpcEndpointConnectionAttribute", { ...c, Bandwidth: 50, DryRun: true })).toEqual([400, "IllegalParam.Bandwidth"]);
        expect(await code(owner, "UpdateVpcEndpointConnectionAttribute", { ...c, Bandwidth: 100, DryRun: true })).toEqual([400, "DryRunOperation"]);
        expect(await code(owner, "DisableVpcEndpointConnection", { ...c, DryRun: true })).toEqual([400, "DryRunOperation"]);
        expect(await both(sid, id)).toEqual({ status: "Connected", bandwidth: 10240, zone: "Connected" });
        // Without Bandwidth an update changes nothing.
        expect((await call(owner, "UpdateVpcEndpointConnectionAttribute", c)).status).toBe(200);
        expect((await both(sid, id)).status).toBe("Connected");
        expect((await call(owner, "DisableVpcEndpointConnection", c)).status).toBe(200);
        await advance(500);
        // A repeated ClientToken answers the first result without accepting again.
        const again = await call(owner, "EnableVpcEndpointConnection", { ...c, Bandwidth: 10240, ClientToken: "accept-1" });
        expect(again.status).toBe(200);
        expect((await both(sid, id)).status).toBe("Disconnected");
    });

    test("an endpoint still being created cannot be accepted yet; an auto-accepting service connects by itself", async () => {
        await control("PUT", "timings", { "privatelink:endpoint": { create: { afterReads: 1 } } });
        const manual = await service(false);
        const waiting = await endpoint(consumer, manual);
        expect((await listed(manual, waiting)).ConnectionStatus).toBe("Disconnected");
        expect(await code(owner, "EnableVpcEndpointConnection", { ServiceId: manual, EndpointId: waiting })).toEqual([
            400,
            "EndpointConnectionOperationDenied",
        ]);
        expect((await attr(consumer, waiting)).EndpointStatus).toBe("Creating");
        expect((await attr(consumer, waiting)).EndpointStatus).toBe("Active");
        expect((await call(owner, "EnableVpcEndpointConnection", { ServiceId: manual, EndpointId: waiting })).status).toBe(200);

        const auto = await service(true, [consumer], "cn-hangzhou-i");
        const id = await endpoint(consumer, auto, "cn-hangzhou-i");
        expect((await listed(auto, id)).ConnectionStatus).toBe("Connecting");
        expect(await attr(consumer, id)).toMatchObject({ EndpointStatus: "Creating", ConnectionStatus: "Connecting" });
        expect(await attr(consumer, id)).toMatchObject({ EndpointStatus: "Active", ConnectionStatus: "Connected" });
        expect((await listed(auto, id)).ConnectionStatus).toBe("Connected");
        expect((await call(consumer, "ListVpcEndpointZones", { EndpointId: id })).body.Zones[0].ZoneStatus).toBe("Connected");
    });

    test("deleting a connected consumer endpoint: its connection reads Deleting, then is gone and the service can be deleted", async () => {
        await control("PUT", "timings", { "privatelink:endpoint": { delete: { afterMs: 1000 } } });
        const sid = await service(true);
        const id = await endpoint(consumer, sid);
        expect((await both(sid, id)).status).toBe("Connected");
        expect((await call(consumer, "DeleteVpcEndpoint", { EndpointId: id })).status).toBe(200);
        expect((await listed(sid, id)).ConnectionStatus).toBe("Deleting");
        expect((await attr(consumer, id)).ConnectionStatus).toBe("Deleting");
        expect(await code(owner, "EnableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).toEqual([400, "EndpointConnectionOperationDenied"]);
        expect(await code(owner, "DeleteVpcEndpointService", { ServiceId: sid })).toEqual([400, "DependencyViolation.EndpointConnection"]);
        await advance(1000);
        expect((await call(owner, "ListVpcEndpointConnections", { ServiceId: sid })).body.Connections).toEqual([]);
        expect(await code(owner, "DisableVpcEndpointConnection", { ServiceId: sid, EndpointId: id })).toEqual([400, "EndpointConnectionNotFound"]);
        expect((await call(owner, "DeleteVpcEndpointService", { ServiceId: sid })).status).toBe(200);
    });
});
