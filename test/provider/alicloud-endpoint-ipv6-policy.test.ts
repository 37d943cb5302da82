/**
 * An Alibaba endpoint's policy document compares as JSON: the program's spelling (key order,
 * spaces) and the cloud's never plan a change, while another policy does. A DualStack endpoint
 * gets an IPv6 address per zone (a pinned one in any spelling of the address), and the cloud's
 * DualStack rules (a DualStack service, IPv6-enabled vSwitches) stop a create before anything
 * exists.
 */

import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { dynamicImplOf } from "../../provider/runtime/host";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { modelOf } from "../../provider/runtime/kinds";
import type { AlibabaClient } from "../../sdk/alicloud/client";
import * as pl from "../../sdk/alicloud/privatelink";
import { resourceMaker } from "../helpers/made";
import { cloudForThisProcess } from "../helpers/process-cloud";

type Props = Record<string, any>;

const POLICY = { Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:GetObject", "oss:ListObjects"], Resource: ["*"], Principal: "*" }] };
/** The same policy as the program writes it: other key order, indented. */
const SPACED = `{
  "Statement": [ { "Principal": "*", "Resource": ["*"], "Action": ["oss:GetObject", "oss:ListObjects"], "Effect": "Allow" } ],
  "Version": "1"
}`;

describe("an Alibaba endpoint's policy document and address families", () => {
    const cloudOf = cloudForThisProcess((c) => alicloudEnv(c));
    let endpoints: ResourceImpl;
    let services: ResourceImpl;
    let client: AlibabaClient;
    const { made, make, deleteAll } = resourceMaker();
    const dualStackService = () => {
        const net = alicloudAccount(cloudOf()).network;
        return make(services, {
            serviceResourceType: "nlb",
            addressIpVersion: "DualStack",
            resources: ["cn-hangzhou-h", "cn-hangzhou-i"].map((zoneId) => ({ resourceId: net.nlbLoadBalancerId, resourceType: "nlb", zoneId })),
            autoAcceptEnabled: true,
        });
    };

    beforeAll(async () => {
        const epModel = await modelOf("alicloud:privatelink:VpcEndpoint");
        endpoints = dynamicImplOf(epModel);
        services = dynamicImplOf(await modelOf("alicloud:privatelink:VpcEndpointService"));
        client = (await epModel.cloud.connect({})) as AlibabaClient;
    });
    afterEach(() => deleteAll());

    test("plans no change for the same policy in another spelling, and one for another policy", async () => {
        const net = alicloudAccount(cloudOf()).network;
        const svc = await dualStackService();
        const ep = await make(endpoints, {
            serviceId: svc.id,
            vpcId: net.vpcId,
            securityGroupIds: [net.securityGroupIds[0]],
            zones: [{ zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] }],
            policyDocument: SPACED,
        });
        // The state holds the canonical text, not the program's.
        expect(ep.inputs.policyDocument).not.toBe(SPACED);
        expect(JSON.parse(ep.inputs.policyDocument)).toEqual(POLICY);

        // The program re-spells the policy: as texts they differ, as documents they do not.
        const respelled = await endpoints.check(ep.inputs, { ...ep.inputs, policyDocument: JSON.stringify(POLICY) });
        expect(respelled.failures).toEqual([]);
        expect(JSON.stringify(POLICY)).not.toBe(SPACED);
        expect((await endpoints.diff(ep.id, ep.outs, respelled.inputs)).changes).toBe(false);

        // Someone sets the same policy in the console's spelling: refresh sees no drift.
        await pl.updateVpcEndpointAttribute(client, ep.id, { PolicyDocument: JSON.stringify(POLICY, null, 4) });
        await pl.waitForVpcEndpointActive(client, ep.id, { deadline: Date.now() + 30_000 });
        const refreshed = await endpoints.read(ep.id, ep.outs);
        expect((await pl.getVpcEndpointAttribute(client, ep.id)).PolicyDocument).toBe(JSON.stringify(POLICY, null, 4));
        expect((await endpoints.diff(ep.id, refreshed.props, ep.inputs)).changes).toBe(false);

        // Another policy is a change, made in place.
        const deny = { ...POLICY, Statement: [{ ...POLICY.Statement[0], Effect: "Deny" }] };
        const other = await endpoints.check(ep.inputs, { ...ep.inputs, policyDocument: JSON.stringify(deny) });
        const d = await endpoints.diff(ep.id, refreshed.props, other.inputs);
        expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: true, replaces: [] });
        const updated = await endpoints.update(ep.id, refreshed.props, other.inputs);
        made[made.length - 1]!.outs = updated.outs;
        expect(JSON.parse((await pl.getVpcEndpointAttribute(client, ep.id)).PolicyDocument!)).toEqual(deny);
        expect((await endpoints.diff(ep.id, (await endpoints.read(ep.id, updated.outs)).props, other.inputs)).changes).toBe(false);
    });

    test("gives a DualStack endpoint's zones IPv6 addresses, a pinned one in any spelling", async () => {
        const net = alicloudAccount(cloudOf()).network;
        const svc = await dualStackService();
        const ep = await make(endpoints, {
            serviceId: svc.id,
            vpcId: net.vpcId,
            securityGroupIds: [net.securityGroupIds[0]],
            addressIpVersion: "DualStack",
            zones: [
                { zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"], ipv6Address: "2408:4005:03F6:AC01:0:0:0:77" },
                { zoneId: "cn-hangzhou-i", vswitchId: net.vSwitchIds["cn-hangzhou-i"] },
            ],
        });
        const details = ep.outs.zoneDetails as Array<{ zoneId: string; ipv6Address?: string }>;
        expect(details.find((z) => z.zoneId === "cn-hangzhou-h")?.ipv6Address).toBe("2408:4005:3f6:ac01::77");
        expect(details.find((z) => z.zoneId === "cn-hangzhou-i")?.ipv6Address).toMatch(/^2408:4005:3f6:ac02::[0-9a-f]+$/);
        expect((await endpoints.diff(ep.id, (await endpoints.read(ep.id, ep.outs)).props, ep.inputs)).changes).toBe(false);

        // Back to IPv4 in place (the pinned address goes with it): the interfaces lose their IPv6 addresses.
        const v4 = await endpoints.check(ep.inputs, {
            ...ep.inputs,
            addressIpVersion: "IPv4",
            zones: (ep.inputs.zones as Props[]).map(({ ipv6Address: _gone, ...z }) => z),
        });
        expect(v4.failures).toEqual([]);
        const updated = await endpoints.update(ep.id, ep.outs, v4.inputs);
        made[made.length - 1]!.outs = updated.outs;
        expect((await pl.listVpcEndpointZones(client, ep.id)).map((z) => z.ZoneIpv6Address)).toEqual([undefined, undefined]);
        expect((await endpoints.diff(ep.id, (await endpoints.read(ep.id, updated.outs)).props, v4.inputs)).changes).toBe(false);
    });

    test("refuses DualStack before creating anything when the service or a vSwitch lacks IPv6", async () => {
        const net = alicloudAccount(cloudOf()).network;
        const v4svc = await make(services, {
            resources: [{ resourceId: net.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
            autoAcceptEnabled: true,
        });
        const base = { vpcId: net.vpcId, securityGroupIds: [net.securityGroupIds[0]], addressIpVersion: "DualStack" };
        const h = { zoneId: "cn-hangzhou-h", vswitchId: net.vSwitchIds["cn-hangzhou-h"] };
        const onV4 = await endpoints.check({}, { ...base, serviceId: v4svc.id, zones: [h] });
        await expect(endpoints.create(onV4.inputs)).rejects.toThrow(/dry run rejected.*Mismatch\.AddressIpVersion/s);

        // The NLB serves zone j too, but the j vSwitch has no IPv6 block.
        const svc = await make(services, {
            serviceResourceType: "nlb",
            addressIpVersion: "DualStack",
            resources: [{ resourceId: net.nlbLoadBalancerId, resourceType: "nlb", zoneId: "cn-hangzhou-j" }],
            autoAcceptEnabled: true,
        });
        const j = { zoneId: "cn-hangzhou-j", vswitchId: net.vSwitchIds["cn-hangzhou-j"] };
        const inJ = await endpoints.check({}, { ...base, serviceId: svc.id, zones: [j] });
        const mark = await cloudOf().mark();
        await expect(endpoints.create(inJ.inputs)).rejects.toThrow(/dry run rejected.*VSwitch\.Ipv6NotEnabled/s);
        expect((await cloudOf().requests(mark)).filter((r) => r.operation === "CreateVpcEndpoint").length).toBe(1);
        // As IPv4 the same endpoint is fine.
        await make(endpoints, { ...base, addressIpVersion: undefined, serviceId: svc.id, zones: [j] });
    });
});
