/**
 * A cross-region Alibaba endpoint: a service in cn-hangzhou that supports cn-shanghai, and an
 * endpoint made in cn-shanghai (the provider's region, `ALIBABA_CLOUD_REGION_ID`) with
 * `serviceRegionId` cn-hangzhou. The preview refuses a bandwidth under 100, one without
 * `serviceRegionId`, and a service name of another region; the create refuses a cross-region
 * endpoint without a bandwidth before anything exists; the bandwidth changes in place and is read
 * back for drift; `serviceRegionId` replaces.
 */

import { alicloudEnv } from "../../harness/alicloud-env";
import { alicloudClient } from "../../provider/alicloud/connect";
import { dynamicImplOf } from "../../provider/runtime/host";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { modelOf } from "../../provider/runtime/kinds";
import * as pl from "../../sdk/alicloud/privatelink";
import { cloudForThisProcess } from "../helpers/process-cloud";

type Props = Record<string, any>;

const HZ = "cn-hangzhou";
const SH = "cn-shanghai";

/** Runs `fn` with the provider's region set to `region` (the setting is read at each call). */
async function inRegion<T>(region: string, fn: () => Promise<T>): Promise<T> {
    const before = process.env.ALIBABA_CLOUD_REGION_ID;
    process.env.ALIBABA_CLOUD_REGION_ID = region;
    try {
        return await fn();
    } finally {
        process.env.ALIBABA_CLOUD_REGION_ID = before;
    }
}

describe("a cross-region Alibaba endpoint", () => {
    const cloudOf = cloudForThisProcess((c) => alicloudEnv(c));
    let endpoints: ResourceImpl;
    let services: ResourceImpl;
    /** What to delete, newest first, each in its own region. */
    const made: Array<{ impl: ResourceImpl; id: string; outs: Props; region: string }> = [];
    const make = async (impl: ResourceImpl, region: string, inputs: Props) => {
        const checked = await impl.check({}, inputs);
        expect(checked.failures).toEqual([]);
        const r = await inRegion(region, () => impl.create(checked.inputs));
        made.push({ impl, id: r.id, outs: r.outs, region });
        return { ...r, inputs: checked.inputs };
    };
    const shanghai = () => cloudOf().account("demo").alicloud.secondRegion.network;
    const hangzhouService = () =>
        make(services, HZ, {
            resources: [{ resourceId: cloudOf().account("demo").alicloud.network.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
            autoAcceptEnabled: true,
            supportedRegions: [SH],
        });
    const endpointInputs = (extra: Props): Props => ({
        vpcId: shanghai().vpcId,
        securityGroupIds: [shanghai().securityGroupIds[0]],
        zones: [{ zoneId: "cn-shanghai-e", vswitchId: shanghai().vSwitchIds["cn-shanghai-e"] }],
        ...extra,
    });

    beforeAll(async () => {
        endpoints = dynamicImplOf(await modelOf("alicloud:privatelink:VpcEndpoint"));
        services = dynamicImplOf(await modelOf("alicloud:privatelink:VpcEndpointService"));
    });
    afterEach(async () => {
        for (const m of made.splice(0).reverse()) await inRegion(m.region, () => m.impl.delete(m.id, m.outs));
    });

    test("the preview names the field, the value and the rule", async () => {
        const base = endpointInputs({ serviceId: "epsrv-abcdefgh12345678" });
        const low = await endpoints.check({}, { ...base, serviceRegionId: HZ, crossRegionBandwidth: 50 });
        expect(low.failures).toEqual([
            { property: "crossRegionBandwidth", reason: expect.stringMatching(/crossRegionBandwidth.*50.*less than 100, the least cross-region bandwidth/) },
        ]);
        const fraction = await endpoints.check({}, { ...base, serviceRegionId: HZ, crossRegionBandwidth: 150.5 });
        expect((fraction.failures ?? []).map((f) => f.reason)).toEqual([expect.stringContaining("must be a whole number of Mbit/s")]);
        const alone = await endpoints.check({}, { ...base, crossRegionBandwidth: 200 });
        expect(alone.failures).toEqual([{ property: "crossRegionBandwidth", reason: expect.stringContaining("is set without serviceRegionId") }]);
        const badRegion = await endpoints.check({}, { ...base, serviceRegionId: "Hangzhou", crossRegionBandwidth: 200 });
        expect(badRegion.failures).toEqual([{ property: "serviceRegionId", reason: expect.stringMatching(/Hangzhou.*is not a region id/) }]);
        const { serviceId: _, ...named } = base;
        const otherName = await endpoints.check(
            {},
            { ...named, serviceName: "com.aliyuncs.privatelink.cn-beijing.epsrv-abcdefgh12345678", serviceRegionId: HZ, crossRegionBandwidth: 200 },
        );
        expect(otherName.failures).toEqual([
            { property: "serviceRegionId", reason: expect.stringContaining("is cn-hangzhou, but serviceName com.aliyuncs.privatelink.cn-beijing.") },
        ]);
    });

    test("an endpoint in cn-shanghai connects to a cn-hangzhou service; its bandwidth changes in place and drift is read back", async () => {
        const svc = await hangzhouService();
        const ep = await make(endpoints, SH, endpointInputs({ serviceId: svc.id, serviceRegionId: HZ, crossRegionBandwidth: 200 }));
        expect(ep.outs).toMatchObject({ serviceRegionId: HZ, crossRegionBandwidth: 200, resolvedServiceId: svc.id, connectionStatus: "Connected" });
        const onCloud = await inRegion(SH, () => pl.getVpcEndpointAttribute(alicloudClient(), ep.id));
        expect([onCloud.RegionId, onCloud.ServiceRegionId, onCloud.CrossRegionBandwidth]).toEqual([SH, HZ, 200]);

        // Another bandwidth: an update in place; another service region: a replacement.
        const wider = await endpoints.check(ep.inputs, { ...ep.inputs, crossRegionBandwidth: 400 });
        expect(wider.failures).toEqual([]);
        const plan = await endpoints.diff(ep.id, ep.outs, wider.inputs);
        expect([plan.changes, plan.replaces]).toEqual([true, []]);
        const moved = await endpoints.diff(ep.id, ep.outs, { ...ep.inputs, serviceRegionId: "cn-beijing" });
        expect(moved.replaces).toEqual(["serviceRegionId"]);
        const updated = await inRegion(SH, () => endpoints.update(ep.id, ep.outs, wider.inputs));
        expect(updated.outs?.crossRegionBandwidth).toBe(400);
        made[made.length - 1]!.outs = updated.outs!;

        // Someone changes the bandwidth in the console: refresh sees it, and the program's 400 is a change again.
        await inRegion(SH, async () => {
            const c = alicloudClient();
            await pl.updateVpcEndpointAttribute(c, ep.id, { CrossRegionBandwidth: 300 });
            await pl.waitForVpcEndpointActive(c, ep.id, { deadline: Date.now() + 30_000 });
        });
        const refreshed = await inRegion(SH, () => endpoints.read(ep.id, updated.outs!));
        expect(refreshed.props?.crossRegionBandwidth).toBe(300);
        expect((await endpoints.diff(ep.id, refreshed.props!, wider.inputs)).changes).toBe(true);
        // Left out of the program, the bandwidth the endpoint has is kept (the cloud cannot clear it).
        const { crossRegionBandwidth: _, ...without } = wider.inputs;
        expect((await endpoints.diff(ep.id, refreshed.props!, without)).changes).toBe(false);
    });

    test("by service name, found in the service's region", async () => {
        const svc = await hangzhouService();
        const ep = await make(endpoints, SH, endpointInputs({ serviceName: svc.outs.serviceName, serviceRegionId: HZ, crossRegionBandwidth: 100 }));
        expect(ep.outs).toMatchObject({ resolvedServiceId: svc.id, serviceRegionId: HZ, crossRegionBandwidth: 100 });
    });

    test("the create refuses a cross-region endpoint without a bandwidth, and a same-region one with one, before anything exists", async () => {
        const svc = await hangzhouService();
        const missing = await endpoints.check({}, endpointInputs({ serviceId: svc.id, serviceRegionId: HZ }));
        expect(missing.failures).toEqual([]);
        await expect(inRegion(SH, () => endpoints.create(missing.inputs))).rejects.toThrow(
            /crossRegionBandwidth is required: serviceRegionId cn-hangzhou is not the endpoint's region cn-shanghai.*at least 100 Mbit\/s/,
        );
        const local = await endpoints.check(
            {},
            {
                serviceId: svc.id,
                serviceRegionId: HZ,
                crossRegionBandwidth: 200,
                vpcId: cloudOf().account("demo").alicloud.network.vpcId,
                securityGroupIds: [cloudOf().account("demo").alicloud.network.securityGroupIds[0]],
                zones: [{ zoneId: "cn-hangzhou-h", vswitchId: cloudOf().account("demo").alicloud.network.vSwitchIds["cn-hangzhou-h"] }],
            },
        );
        await expect(inRegion(HZ, () => endpoints.create(local.inputs))).rejects.toThrow(/crossRegionBandwidth 200 is set on a same-region endpoint/);
        // A service not offered in the endpoint's region: the cloud's own dry run says so.
        const closed = await make(services, HZ, {
            resources: [{ resourceId: cloudOf().account("demo").alicloud.network.loadBalancerId, resourceType: "slb", zoneId: "cn-hangzhou-i" }],
        });
        await expect(
            inRegion(SH, () => endpoints.create(endpointInputs({ serviceId: closed.id, serviceRegionId: HZ, crossRegionBandwidth: 200 }))),
        ).rejects.toThrow(/EndpointServiceNotSupportedRegion/);
        const listed = await inRegion(SH, () => pl.listVpcEndpoints(alicloudClient()));
        expect(listed).toEqual([]);
    });
});
