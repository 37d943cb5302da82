/**
 * Gateway Load Balancer services and endpoints, an endpoint's managed protection, and allow-list
 * entries in ARN form, against the emulator: what the declarations send, read back and refuse.
 */

import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { dynamicImplOf } from "../../provider/runtime/host";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { modelOf } from "../../provider/runtime/kinds";
import type { AlibabaClient } from "../../sdk/alicloud/client";
import * as pl from "../../sdk/alicloud/privatelink";
import { resourceMaker } from "../helpers/made";
import { cloudForThisProcess } from "../helpers/process-cloud";

describe("Alibaba GWLB services and endpoints, protection, and ARN allow-list entries", () => {
    const cloudOf = cloudForThisProcess((c) => alicloudEnv(c));
    let endpoints: ResourceImpl;
    let services: ResourceImpl;
    let users: ResourceImpl;
    let client: AlibabaClient;
    const { made, make, deleteAll } = resourceMaker();
    const net = () => alicloudAccount(cloudOf()).network;
    const gwlbService = () =>
        make(services, {
            serviceResourceType: "gwlb",
            resources: [{ resourceId: net().gwlbLoadBalancerId, resourceType: "gwlb", zoneId: "cn-hangzhou-h" }],
            autoAcceptEnabled: true,
        });
    const endpointOf = (serviceId: string) => ({
        serviceId,
        vpcId: net().vpcId,
        securityGroupIds: [net().securityGroupIds[0]],
        zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net().vSwitchIds["cn-hangzhou-h"] }],
    });

    beforeAll(async () => {
        const epModel = await modelOf("alicloud:privatelink:VpcEndpoint");
        endpoints = dynamicImplOf(epModel);
        services = dynamicImplOf(await modelOf("alicloud:privatelink:VpcEndpointService"));
        users = dynamicImplOf(await modelOf("alicloud:privatelink:VpcEndpointServiceUser"));
        client = (await epModel.cloud.connect({})) as AlibabaClient;
    });
    afterEach(() => deleteAll());

    test("a gwlb service takes GatewayLoadBalancer endpoints, protected ones read back as such", async () => {
        const svc = await gwlbService();
        expect(svc.outs).toMatchObject({ serviceResourceType: "gwlb", serviceType: "GatewayLoadBalancer" });
        const ep = await make(endpoints, { ...endpointOf(svc.id), endpointType: "GatewayLoadBalancer", protectedEnabled: true });
        expect(ep.outs).toMatchObject({ endpointType: "GatewayLoadBalancer", protectedEnabled: true, endpointBusinessStatus: "Normal" });
        expect(await pl.getVpcEndpointAttribute(client, ep.id)).toMatchObject({ EndpointType: "GatewayLoadBalancer", ProtectedEnabled: true });
        // Read back: no drift; turning protection off replaces the endpoint (no update call takes it).
        const refreshed = await endpoints.read(ep.id, ep.outs);
        expect(refreshed.props).toMatchObject({ protectedEnabled: true });
        expect((await endpoints.diff(ep.id, refreshed.props, ep.inputs)).changes).toBe(false);
        const off = await endpoints.diff(ep.id, refreshed.props, { ...ep.inputs, protectedEnabled: false });
        expect(off.replaces).toEqual(["protectedEnabled"]);
    });

    test("an Interface endpoint of a gwlb service is refused by the cloud's dry run, before anything exists", async () => {
        const svc = await gwlbService();
        const checked = await endpoints.check({}, endpointOf(svc.id));
        await expect(endpoints.create(checked.inputs)).rejects.toThrow(/dry run rejected the request, nothing was created: Mismatch\.EndpointType/);
        expect(await pl.listVpcEndpoints(client, { VpcId: net().vpcId })).toEqual([]);
    });

    test("an ARN entry is added, imported by its id, and removed", async () => {
        const svc = await make(services, {
            resources: [{ resourceId: net().loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
        });
        const arn = "acs:ram:*:1000000000000002:*";
        const user = await make(users, { serviceId: svc.id, userArn: arn });
        expect(user.id).toBe(`${svc.id}/${arn}`);
        expect(await pl.listVpcEndpointServiceUserArns(client, svc.id)).toEqual([arn]);
        expect(await pl.listVpcEndpointServiceUsers(client, svc.id)).toEqual([]);
        // `pulumi import` by id alone: the entry's kind is told by its form.
        const imported = await users.read(user.id, {});
        expect(imported.props).toEqual({ serviceId: svc.id, userArn: arn });
        await users.delete(user.id, user.outs);
        made.splice(
            made.findIndex((m) => m.id === user.id),
            1,
        );
        expect(await pl.listVpcEndpointServiceUserArns(client, svc.id)).toEqual([]);
        expect((await users.read(user.id, user.outs)).id).toBe("");
    });
});
