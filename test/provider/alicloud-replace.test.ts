/**
 * A replacement that keeps every replace-only input (`pulumi up --replace`, `replaceOnChanges`)
 * through the lifecycle engine with a URN, against the emulator: the new Alibaba object is a new
 * object. The replacement carries the old one's creation token; when the ClientToken was derived
 * from it, the cloud's idempotency handed back the old object, which the engine then deleted.
 */
import { alicloudEnv } from "../../harness/alicloud-env";
import { detachedContext } from "../../provider/lifecycle/context";
import { engineOfToken } from "../../provider/native/tokens";
import { cloudForThisProcess } from "../helpers/process-cloud";

describe("replacing an Alibaba Cloud object with the same inputs", () => {
    cloudForThisProcess((c) => alicloudEnv(c));

    test("creates a second object, and deleting the first leaves the second", async () => {
        const engine = (await engineOfToken("privatelink:alicloud/privatelink:VpcEndpointService"))!;
        // The stack's record is readable and shows no interrupted creation (a regular `up`).
        const ctx = detachedContext({
            urn: "urn:pulumi:test::replace::privatelink:alicloud/privatelink:VpcEndpointService::svc",
            stackRecord: async () => ({ pendingCreations: new Map() }),
        });
        // No load balancer: one cannot serve two services at once, so the replacement would be refused.
        const inputs = { serviceResourceType: "slb", autoAcceptEnabled: true, serviceDescription: "replaced" };
        const checked = await engine.check(ctx, undefined, inputs);
        const first = await engine.create(ctx, checked.inputs);
        // The replacement's check keeps the recorded token, as the engine's check does.
        const again = await engine.check(ctx, first.outs, inputs);
        const second = await engine.create(ctx, again.inputs);
        expect(second.id).not.toBe(first.id);
        await engine.delete(ctx, first.id, first.outs);
        const left = await engine.read(ctx, second.id, second.outs);
        expect(left.id).toBe(second.id);
        await engine.delete(ctx, second.id, second.outs);
    });
});
