/**
 * Found by the chaos run (test/chaos): a DELETE the cloud performed but whose answer was lost
 * (the connection reset afterwards) is retried by the client, and the retry meets the object
 * already being deleted — Huawei VPCEP `EndPoint.2018`, Alibaba `EndpointLocked` /
 * `EndpointServiceLocked`. The resources' delete must take that as done and wait until the object
 * is gone, not fail the destroy. Also: a ServicePermission whose read-back fails after the add is
 * removed again instead of being left outside the state; and an Alibaba create whose answer was
 * lost and whose client retries then ran out (throttled) is repeated with the same ClientToken
 * until its id is known, rather than leaving the object outside the state.
 */
import { ControlClient, startEmulator } from "../../emulator";
import { model as vpcEndpoint } from "../../provider/alicloud/privatelink/vpc-endpoint";
import { model as vpcEndpointService } from "../../provider/alicloud/privatelink/vpc-endpoint-service";
import { model as endpoint } from "../../provider/huaweicloud/vpcep/endpoint";
import { model as endpointService } from "../../provider/huaweicloud/vpcep/endpoint-service";
import { model as servicePermission } from "../../provider/huaweicloud/vpcep/service-permission";
import { requestBody } from "../../provider/lifecycle/engine";
import { dynamicImplOf } from "../../provider/runtime/host";
import { AlibabaClient } from "../../sdk/alicloud/client";
import * as pl from "../../sdk/alicloud/privatelink";
import { RetryBudget } from "../../sdk/core/retry";
import * as vpcep from "../../sdk/huaweicloud/vpcep";
import { ACCOUNTS, akskClient, NET } from "../sdk/helpers/emulator";

let emu: Awaited<ReturnType<typeof startEmulator>>;
const control = (method: string, route: string, body?: unknown) => new ControlClient(emu.url).call<any>(method, route, body);
const live = async (id: string) => (await control("GET", "resources")).resources.filter((r: { id: string }) => r.id === id);
/** The first DELETE of `operation` is performed, then its connection is reset. */
const loseDeleteAnswer = (operation: string) => control("PUT", "faults", { seed: 1, rules: [{ operation, drop: "after", times: 1 }] });
const budget = () => ({ deadline: Date.now() + 30_000 });

beforeAll(async () => {
    emu = await startEmulator({ timings: "fast", seed: 1 });
});
afterAll(async () => {
    await emu?.close();
});
beforeEach(async () => {
    await control("POST", "reset");
    // Deleting stays visible for a few reads, so the client's retry meets it.
    const slowDelete = { create: "immediate", delete: { afterReads: 3 } };
    await control("PUT", "timings", {
        "vpcep:endpoint_service": slowDelete,
        "vpcep:endpoint": slowDelete,
        "privatelink:endpoint": slowDelete,
        "privatelink:endpoint_service": slowDelete,
    });
});

describe("Huawei VPCEP", () => {
    const service = async (c: ReturnType<typeof akskClient>) =>
        vpcep.createEndpointService(c, {
            port_id: NET.demo.backendPortId,
            vpc_id: NET.demo.backendVpcId,
            server_type: "VM",
            service_type: "interface",
            approval_enabled: false,
            service_name: "lost",
            ports: [{ client_port: 80, server_port: 80, protocol: "TCP" }],
        });

    test("EndpointService: a lost DELETE answer, then EndPoint.2018 on the retry, is a completed delete", async () => {
        const c = akskClient(emu.url, "demo");
        const s = await service(c);
        await loseDeleteAnswer("DeleteEndpointService");
        await expect(endpointService.hooks.delete(c, s.id, {} as any, budget())).resolves.toBeUndefined();
        expect(await live(s.id)).toEqual([]);
        const log = (await control("GET", "requests")).requests.filter((r: { operation: string }) => r.operation === "DeleteEndpointService");
        expect(log.map((r: { status: number; errorCode?: string }) => r.errorCode ?? r.status)).toEqual([0, "EndPoint.2018"]);
    });

    test("Endpoint: the same for an endpoint", async () => {
        const c = akskClient(emu.url, "demo");
        const s = await service(c);
        await vpcep.waitForEndpointServiceAvailable(c, s.id, { deadline: Date.now() + 10_000 });
        const e = await vpcep.createEndpoint(c, {
            endpoint_service_id: s.id,
            vpc_id: NET.demo.clientVpcId,
            subnet_id: NET.demo.clientSubnetId,
            port_ip: "10.0.0.77",
        } as any);
        await loseDeleteAnswer("DeleteEndpoint");
        await expect(endpoint.hooks.delete(c, e.id, {} as any, budget())).resolves.toBeUndefined();
        expect(await live(e.id)).toEqual([]);
    });
});

describe("Huawei VPCEP ServicePermission", () => {
    test("an add whose read-back fails is removed again (no permission outside the state)", async () => {
        const c = akskClient(emu.url, "demo");
        const s = await vpcep.createEndpointService(c, {
            port_id: NET.demo.backendPortId,
            vpc_id: NET.demo.backendVpcId,
            server_type: "VM",
            service_type: "interface",
            approval_enabled: false,
            service_name: "perm",
            ports: [{ client_port: 81, server_port: 81, protocol: "TCP" }],
        });
        const a = ACCOUNTS.demo;
        const saved = { ...process.env };
        Object.assign(process.env, {
            HW_ACCESS_KEY: a.accessKey,
            HW_SECRET_KEY: a.secretKey,
            HW_REGION_NAME: "cn-north-4",
            HW_PROJECT_ID: a.projectId,
            HW_ENDPOINTS: JSON.stringify({ vpcep: emu.url, iam: emu.url }),
        });
        try {
            // The read of the permissions right after the add fails, with an error the client does not
            // retry (a transient one would be retried until it cleared).
            await control("PUT", "faults", {
                seed: 1,
                rules: [{ operation: "ListServicePermissionsDetails", error: { status: 400, code: "EndPoint.0002", message: "Parameter error." }, times: 1 }],
            });
            await expect(
                dynamicImplOf(servicePermission).create({ endpointServiceId: s.id, permission: `iam:domain::${ACCOUNTS.consumer.domainId}` }),
            ).rejects.toThrow(/was removed/);
            await control("PUT", "faults", { rules: [] });
            expect(await vpcep.listServicePermissionsDetails(c, s.id)).toEqual([]);
        } finally {
            process.env = saved;
        }
    });
});

describe("Alibaba PrivateLink", () => {
    let client: AlibabaClient;
    let net: { vpcId: string; vSwitchIds: Record<string, string>; securityGroupIds: string[]; loadBalancerId: string };
    beforeAll(async () => {
        const a = (await control("GET", "info")).accounts[0].alicloud;
        net = a.network;
        client = new AlibabaClient({
            region: "cn-hangzhou",
            accessKeyId: a.accessKeyId,
            accessKeySecret: a.accessKeySecret,
            endpoints: { privatelink: emu.url },
            retryBudget: new RetryBudget(),
            retry: { baseDelayMs: 10, retryForMs: 0 },
            pacers: false,
            wait: { minDelayMs: 20, maxDelayMs: 50 },
        });
    });

    test("VpcEndpointService: a lost create answer, then throttling past the client's retries, still yields the one service", async () => {
        await control("PUT", "faults", {
            seed: 1,
            rules: [
                { operation: "CreateVpcEndpointService", latencyMs: 1, times: 1 }, // the DryRun passes
                { operation: "CreateVpcEndpointService", drop: "after", times: 1 }, // performed, answer lost
                { operation: "CreateVpcEndpointService", error: { status: 429, code: "Throttling.User", message: "flow control" }, times: 35 },
            ],
        });
        let made: string | undefined;
        const inputs = { autoAcceptEnabled: true, resources: [{ resourceId: net.loadBalancerId, resourceType: "slb" as const, zoneId: "cn-hangzhou-i" }] };
        const body = requestBody(vpcEndpointService.all, inputs);
        const wire = await vpcEndpointService.hooks.create({
            c: client,
            inputs,
            body,
            budget: { deadline: Date.now() + 60_000, onCreated: (id: string) => (made = id) },
        });
        const services = (await control("GET", "resources?api=privatelink&kind=endpoint_service")).resources;
        expect(services.map((r: { id: string }) => r.id)).toEqual([wire.service.ServiceId]);
        expect(made).toBe(wire.service.ServiceId);
    });

    test("VpcEndpoint and VpcEndpointService: a lost delete answer, then *Locked until the retries run out, is a completed delete", async () => {
        const s = await pl.createVpcEndpointService(client, {
            AutoAcceptEnabled: true,
            Resource: [{ ResourceId: net.loadBalancerId, ResourceType: "slb", ZoneId: "cn-hangzhou-h" }],
        });
        const e = await pl.createVpcEndpoint(client, {
            ServiceId: s.ServiceId!,
            VpcId: net.vpcId,
            SecurityGroupId: [net.securityGroupIds[0]!],
            Zone: [{ ZoneId: "cn-hangzhou-h", VSwitchId: net.vSwitchIds["cn-hangzhou-h"]! }],
        });
        // Deleting for longer than the client's retries of the busy answer last.
        await control("PUT", "timings", {
            "privatelink:endpoint": { delete: { afterReads: 8 } },
            "privatelink:endpoint_service": { delete: { afterReads: 8 } },
        });
        await control("PUT", "faults", {
            seed: 1,
            rules: [
                { operation: "DeleteVpcEndpoint", drop: "after", times: 1 },
                { operation: "DeleteVpcEndpointService", drop: "after", times: 1 },
            ],
        });
        await expect(vpcEndpoint.hooks.delete(client, e.EndpointId!, {} as any, budget())).resolves.toBeUndefined();
        expect(await live(e.EndpointId!)).toEqual([]);
        await expect(vpcEndpointService.hooks.delete(client, s.ServiceId!, {} as any, budget())).resolves.toBeUndefined();
        expect(await live(s.ServiceId!)).toEqual([]);
    });
});
