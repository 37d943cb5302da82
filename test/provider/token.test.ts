/** The native provider's tokens, derived once from kinds and lookup modules (provider/model/token.ts). */
import { functionToken, moduleToken, resourceToken, typeToken } from "../../provider/model/token";
import { KINDS, modelOf } from "../../provider/runtime/kinds";

describe("tokens", () => {
    test.each([
        ["huaweicloud:vpcep:Endpoint", "privatelink:huaweicloud/vpcep:Endpoint"],
        ["huaweicloud:dns:ResolverRuleAssociation", "privatelink:huaweicloud/dns:ResolverRuleAssociation"],
        ["alicloud:privatelink:VpcEndpoint", "privatelink:alicloud/privatelink:VpcEndpoint"],
    ])("the kind %s has the resource token %s", (kind, token) => {
        expect(resourceToken(kind)).toBe(token);
    });

    test("functions and types live in their API's module; shared types in index", () => {
        expect(moduleToken("huaweicloud:vpcep")).toBe("huaweicloud/vpcep");
        expect(functionToken("huaweicloud:vpcep", "getEndpoints")).toBe("privatelink:huaweicloud/vpcep:getEndpoints");
        expect(typeToken("alicloud:privatelink", "VpcEndpointZone")).toBe("privatelink:alicloud/privatelink:VpcEndpointZone");
        expect(typeToken("index", "Timeouts")).toBe("privatelink:index:Timeouts");
    });

    test.each(["huaweicloud:vpcep", "huaweicloud:vpcep:Endpoint:Extra", "Endpoint"])("refuses %s as a kind", (kind) => {
        expect(() => resourceToken(kind)).toThrow(/is not a kind/);
    });

    test("every model carries its kind's token", async () => {
        for (const kind of KINDS) expect((await modelOf(kind)).token).toBe(resourceToken(kind));
    });
});
