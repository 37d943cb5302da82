/**
 * A declaration's wire mapping is checked by the compiler against the sdk's request type: a wire
 * name that is not a key of the request, a value of another type without a conversion, or a
 * conversion to the wrong type fails `tsc -p tsconfig.test.json` (which `npm test` runs). Each
 * `@ts-expect-error` below fails the type check if its line ever compiles.
 */
import { z } from "zod";
import { type BodyOf, fieldsOf } from "../../provider/model/resource";
import type { CreateEndpointRequest } from "../../sdk/huaweicloud/vpcep";

const f = fieldsOf<unknown, unknown, CreateEndpointRequest>();

const fields = {
    vpcId: f.input(z.string(), { change: "replace", wire: "vpc_id" }),
    enableDns: f.input(z.boolean().optional(), { change: "replace", wire: "enable_dns" }),
    whitelist: f.input(z.array(z.string()).optional(), { change: "update", wire: "whitelist" }),
    // A value the request takes in another form: the conversion is required, and typed.
    serviceId: f.input(z.number(), { change: "replace", wire: "endpoint_service_id", toWire: (n) => String(n) }),
};

// @ts-expect-error: "vpcid" is not a key of CreateEndpointRequest
f.input(z.string(), { change: "replace", wire: "vpcid" });
// @ts-expect-error: a number where the request takes a string, without a conversion
f.input(z.number(), { change: "replace", wire: "vpc_id" });
// @ts-expect-error: a conversion to the wrong type
f.input(z.string(), { change: "replace", wire: "enable_dns", toWire: (s) => s });

type Body = BodyOf<typeof fields, CreateEndpointRequest>;
const body: Body = { vpc_id: "v", endpoint_service_id: "s" };
// @ts-expect-error: a required input's wire value is required in the body
const missing: Body = { vpc_id: "v" };

test("the wire mapping is typed: the declarations above compile, the marked mistakes do not", () => {
    // The runtime side of the same declarations: wire names and conversions as declared.
    expect(fields.vpcId.wire).toBe("vpc_id");
    expect(fields.serviceId.toWire?.(7)).toBe("7");
    expect(body).toEqual({ vpc_id: "v", endpoint_service_id: "s" });
    expect(missing).toEqual({ vpc_id: "v" });
});
