/**
 * Endpoint policies are JSON text compared as parsed JSON: a policy written with other key order
 * or layout than the one recorded plans no change, while a different policy updates in place. The
 * same holds for an IPv6 address written in another of its spellings. Pure check and diff, as the
 * engine runs them at `pulumi preview`: no cloud is reached.
 */

import { z } from "zod";
import { policyStatementText } from "../../provider/huaweicloud/vpcep/policy";
import { jsonDocument } from "../../provider/model/json-document";
import { dynamicImplOf } from "../../provider/runtime/host";
import { modelOf } from "../../provider/runtime/kinds";

const U = (n: number) => `11111111-1111-4111-8111-${String(n).padStart(12, "0")}`;
const interfaceEndpoint = { endpointServiceId: U(9), vpcId: U(4), subnetId: U(5), portIp: "10.0.0.200", __provider: "stub" };
const gatewayEndpoint = { endpointServiceId: U(9), vpcId: U(4), routeTables: [U(6)], __provider: "stub" };

const document = `{
  "Version": "5.0",
  "Statement": [
    { "Effect": "Allow", "Action": ["*"], "Resource": ["*"], "Principal": "*" }
  ]
}`;
const documentReordered = '{"Statement":[{"Principal":"*","Resource":["*"],"Action":["*"],"Effect":"Allow"}],"Version":"5.0"}';
const statements = '[{"Effect":"Allow","Action":["obs:bucket:ListBucket"],"Resource":["obs:*:*:*:*/*","obs:*:*:*:*"]}]';
const statementsReordered = `[
    {
        "Resource": [ "obs:*:*:*:*/*", "obs:*:*:*:*" ],
        "Action":   [ "obs:bucket:ListBucket" ],
        "Effect":   "Allow"
    }
]`;

async function planned(base: Record<string, unknown>, key: string, recorded: string, desired: string) {
    const impl = dynamicImplOf(await modelOf("huaweicloud:vpcep:Endpoint"));
    const old = await impl.check({}, { ...base, [key]: recorded });
    expect(old.failures).toEqual([]);
    const next = await impl.check(old.inputs, { ...base, [key]: desired });
    expect(next.failures).toEqual([]);
    // The recorded outputs hold the checked inputs, as after `pulumi up`.
    return impl.diff("ep-1", { ...old.inputs, status: "accepted" }, next.inputs);
}

describe("endpoint policies compare as parsed JSON", () => {
    test.each([
        ["policyDocument", interfaceEndpoint, document, documentReordered],
        ["policyStatement", gatewayEndpoint, statements, statementsReordered],
    ] as const)("%s written with other key order and layout plans no change", async (key, base, recorded, desired) => {
        expect(recorded).not.toEqual(desired);
        const d = await planned(base, key, recorded, desired);
        expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: false, replaces: [] });
    });

    test.each([
        ["policyDocument", interfaceEndpoint, document, document.replace('"Allow"', '"Deny"')],
        ["policyStatement", gatewayEndpoint, statements, statements.replace("ListBucket", "GetObject")],
    ] as const)("another %s updates in place", async (key, base, recorded, desired) => {
        const d = await planned(base, key, recorded, desired);
        expect({ changes: d.changes, replaces: d.replaces }).toEqual({ changes: true, replaces: [] });
    });

    test("an IPv6 address in another spelling plans no replacement", async () => {
        const base = { ...interfaceEndpoint, ipVersion: "dualstack" };
        const d = await planned(base, "ipv6Address", "2001:db8:a::78", "2001:DB8:A:0:0:0:0:78");
        expect(d.changes).toBe(false);
    });

    test("the checked value is the canonical text, whatever the layout", () => {
        const parsed = policyStatementText.parse(statementsReordered);
        expect(parsed).toBe(policyStatementText.parse(statements));
        expect(parsed).toBe('[{"Action":["obs:bucket:ListBucket"],"Effect":"Allow","Resource":["obs:*:*:*:*/*","obs:*:*:*:*"]}]');
    });

    test("messages say where inside the document the rule is broken", () => {
        const r = jsonDocument({ what: "test document", shape: z.object({ a: z.array(z.number("must be a number")) }) }).safeParse('{"a":[1,"x"]}');
        expect(r.success).toBe(false);
        expect(r.error?.issues.map((i) => i.message)).toEqual(["is not a test document: a[1] must be a number"]);
    });
});
