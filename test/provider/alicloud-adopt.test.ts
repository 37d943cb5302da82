/**
 * Adoption of Alibaba Cloud PrivateLink services through the lifecycle engine, against the
 * emulator: a service made by another tool is taken over as it is (no second create), updatable
 * differences are applied in place, and a replace-only mismatch is refused.
 */

import { alicloudAccount, alicloudEnv } from "../../harness/alicloud-env";
import { implOf } from "../../provider/runtime/kinds";
import { cloudForThisProcess } from "../helpers/process-cloud";

describe("adopting an Alibaba Cloud endpoint service", () => {
    const cloudOf = cloudForThisProcess((c) => alicloudEnv(c));

    test("takes it over without a second create and applies updatable differences", async () => {
        const impl = (await implOf("alicloud:privatelink:VpcEndpointService"))!;
        const lb = alicloudAccount(cloudOf()).network.loadBalancerId;
        const inputs = {
            serviceResourceType: "slb",
            resources: [{ resourceId: lb, resourceType: "slb", zoneId: "cn-hangzhou-h" }],
            autoAcceptEnabled: true,
            serviceDescription: "made elsewhere",
        };
        const checked = await impl.check({}, inputs);
        expect(checked.failures).toEqual([]);
        const first = await impl.create(checked.inputs); // "another tool"
        const mark = await cloudOf().mark();

        const refused = impl.create({ ...checked.inputs, payer: "EndpointService", adopt: first.id });
        await expect(refused).rejects.toThrow(/payer: the object has "Endpoint", the program wants "EndpointService"/);

        const adopted = await impl.create({ ...checked.inputs, serviceDescription: "managed now", adopt: first.id });
        expect(adopted.id).toBe(first.id);
        const ops = (await cloudOf().requests(mark)).map((r) => r.operation);
        expect(ops).not.toContain("CreateVpcEndpointService");
        expect(ops).toContain("UpdateVpcEndpointServiceAttribute");
        expect(adopted.outs.serviceDescription).toBe("managed now");
        await impl.delete(first.id, adopted.outs);
    });
});
