/**
 * The Alibaba sub-resources take over what already exists: a load balancer already attached to the
 * service, or a zone already on the endpoint (by another tool, or by a run whose answer was lost),
 * is recorded as it is — no second attach, no failure — and a zone in another vSwitch is refused.
 */

import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { implOf } from "../../provider/runtime/kinds";
import { cloudForThisProcess } from "../helpers/process-cloud";

describe("Alibaba sub-resources that already exist", () => {
    const cloudOf = cloudForThisProcess((c) => alicloudEnv(c));

    test("are taken over without a second call, or refused when they differ", async () => {
        const net = alicloudAccount(cloudOf()).network;
        const service = (await implOf("alicloud:privatelink:VpcEndpointService"))!;
        const svc = await service.create({
            resources: [{ resourceId: net.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
            autoAcceptEnabled: true,
        });
        const resource = (await implOf("alicloud:privatelink:VpcEndpointServiceResource"))!;
        let mark = await cloudOf().mark();
        const taken = await resource.create({ serviceId: svc.id, resourceId: net.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" });
        expect(taken.id).toBe(`${svc.id}/${net.loadBalancerId}/cn-hangzhou-h`);
        expect((await cloudOf().requests(mark)).map((r) => r.operation)).not.toContain("AttachResourceToVpcEndpointService");

        const endpoint = (await implOf("alicloud:privatelink:VpcEndpoint"))!;
        const ep = await endpoint.create({
            serviceId: svc.id,
            vpcId: net.vpcId,
            securityGroupIds: [net.securityGroupIds[0]],
            zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
        });
        const zone = (await implOf("alicloud:privatelink:VpcEndpointZone"))!;
        mark = await cloudOf().mark();
        const same = await zone.create({ endpointId: ep.id, zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] });
        expect(same.id).toBe(`${ep.id}/cn-hangzhou-h`);
        expect((await cloudOf().requests(mark)).map((r) => r.operation)).not.toContain("AddZoneToVpcEndpoint");
        await expect(zone.create({ endpointId: ep.id, zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-i"] })).rejects.toThrow(
            /already exists in vSwitch/,
        );

        await endpoint.delete(ep.id, ep.outs);
        await service.delete(svc.id, svc.outs);
    });
});
