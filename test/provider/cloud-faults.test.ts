/**
 * How the provider meets a cloud that misbehaves for a while: a delete answered 503 six times in
 * a row still completes (transient faults are retried for tens of seconds, not five quick
 * attempts), and an expected cloud error reaches the user as its message, without a JavaScript
 * stack trace of this package's sources.
 */

import { call, withoutStack } from "../../provider/runtime/v1";
import { ServerError } from "../../sdk/core/errors";
import { cloudForThisProcess } from "../helpers/process-cloud";

describe("cloud faults through the provider's runtime", () => {
    const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

    test("a delete answered 503 six times in a row completes", async () => {
        const net = cloudOf().account().network;
        const kind = "huaweicloud:vpcep:EndpointService";
        const checked = (await call(kind, "check", [
            {},
            { vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: 81, serverPort: 81 }] },
        ])) as {
            inputs: Record<string, unknown>;
        };
        const created = (await call(kind, "create", [checked.inputs])) as { id: string; outs: Record<string, unknown> };
        await cloudOf().control("PUT", "faults", {
            rules: [{ operation: "DeleteEndpointService", error: { status: 503, code: "APIGW.0203", message: "Service unavailable" }, times: 6 }],
        });
        const mark = await cloudOf().mark();
        await call(kind, "delete", [created.id, created.outs]);
        const deletes = (await cloudOf().requests(mark)).filter((r) => r.operation === "DeleteEndpointService");
        expect(deletes.map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 503, expect.any(Number)]);
        expect(await cloudOf().resources("vpcep:endpoint_service")).toEqual([]);
    });

    test("an expected cloud error carries no stack trace; any other error keeps its own", () => {
        const cloudError = new ServerError({
            api: "vpcep",
            operation: "DeleteEndpointService",
            code: "APIGW.0203",
            message: "Service unavailable",
            httpStatus: 503,
        });
        expect((withoutStack(cloudError) as Error).stack).toBe("");
        const bug = new TypeError("x is undefined");
        expect((withoutStack(bug) as Error).stack).toContain("cloud-faults.test");
    });
});
