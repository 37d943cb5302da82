/**
 * An endpoint whose address is still held by an endpoint being deleted (deleted out of band just
 * before `up` re-creates it, or the one a replacement deletes first) waits for the address and is
 * made, instead of failing with "The Port IP is in use" (EndPoint.2042). Through the lifecycle
 * engine, against the emulator with endpoint deletions that take two seconds.
 */
import { detachedContext } from "../../provider/lifecycle/context";
import { engineOfToken } from "../../provider/native/tokens";
import { signedHuaweiRequest } from "../helpers/huawei-request";
import { cloudForThisProcess } from "../helpers/process-cloud";

describe("an endpoint address held by an endpoint being deleted", () => {
    const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

    test("is waited for, and the new endpoint gets it", async () => {
        const cloud = cloudOf();
        const net = cloud.account().network;
        const ctx = detachedContext();
        const services = (await engineOfToken("privatelink:huaweicloud/vpcep:EndpointService"))!;
        const endpoints = (await engineOfToken("privatelink:huaweicloud/vpcep:Endpoint"))!;
        const svcInputs = {
            vpcId: net.backendVpcId,
            portId: net.backendPortId,
            serverType: "VM",
            ports: [{ clientPort: 80, serverPort: 80 }],
            approvalEnabled: false,
        };
        const svc = await services.create(ctx, (await services.check(ctx, undefined, svcInputs)).inputs);
        const epInputs = (
            await endpoints.check(ctx, undefined, { endpointServiceId: svc.id, vpcId: net.clientVpcId, subnetId: net.clientSubnetId, portIp: "10.0.0.77" })
        ).inputs;
        const first = await endpoints.create(ctx, epInputs);

        await cloud.control("PUT", "timings", { "vpcep:endpoint": { delete: { afterMs: 2000 } } });
        const del = await signedHuaweiRequest(cloud.url, cloud.account(), "DELETE", `/v1/${cloud.project().id}/vpc-endpoints/${first.id}`);
        expect([200, 202, 204]).toContain(del.status);
        const started = Date.now();
        const second = await endpoints.create(ctx, epInputs);
        expect(second.id).not.toBe(first.id);
        expect(second.outs.ip).toBe("10.0.0.77");
        expect(Date.now() - started).toBeGreaterThan(1000); // it waited for the address

        await endpoints.delete(ctx, second.id, second.outs);
        await services.delete(ctx, svc.id, svc.outs);
    });
});
