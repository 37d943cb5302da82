/**
 * The program-side resource class: registering a resource leaves the process's stack-trace limit
 * as it was (registration lowers it for Pulumi's per-property debug traces), and an error raised
 * while registering still carries the stack of the program that made the resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "../../index";

describe("resource classes", () => {
    const registered: Array<{ type: string; inputs: Record<string, unknown> }> = [];
    beforeAll(() =>
        pulumi.runtime.setMocks(
            {
                newResource: (args) => {
                    registered.push({ type: args.type, inputs: args.inputs });
                    return { id: `${args.name}-id`, state: args.inputs };
                },
                call: () => ({}),
            },
            "project",
            "stack",
            true,
        ),
    );

    test("register with the serialized provider and leave Error.stackTraceLimit as it was", async () => {
        const before = Error.stackTraceLimit;
        Error.stackTraceLimit = 17;
        try {
            const ep = new huaweicloud.vpcep.Endpoint("ep", { endpointServiceId: "4189d3c2-8882-4871-a3c2-d380272eed88", vpcId: "vpc", portIp: "10.0.0.9" });
            expect(Error.stackTraceLimit).toBe(17);
            const id = await new Promise((resolve) => ep.id.apply(resolve));
            expect(id).toBe("ep-id");
        } finally {
            Error.stackTraceLimit = before;
        }
        const [reg] = registered.filter((r) => r.type === "pulumi-nodejs:dynamic/huaweicloud-vpcep:Endpoint");
        expect(String(reg?.inputs.__provider)).toContain("pulumi-privatelink/runtime/v1");
    });

    test("an error raised while registering keeps the caller's stack, and the limit is restored", () => {
        const before = Error.stackTraceLimit;
        let err: Error | undefined;
        try {
            new huaweicloud.vpcep.Endpoint("bad", { endpointServiceId: "x", vpcId: "vpc" }, { parent: {} as pulumi.Resource });
        } catch (e) {
            err = e as Error;
        }
        expect(err).toBeInstanceOf(Error);
        expect(err!.stack).toContain("class.test.ts");
        expect(Error.stackTraceLimit).toBe(before);
    });
});
