/**
 * `pulumi import` of a resource read through its parents: the id names them (provider/lifecycle/import.ts).
 * The end-to-end import of every kind is test/e2e/native-import.test.ts.
 */
import { idForm, inputsOfId } from "../../provider/lifecycle/import";
import { KINDS, modelOf } from "../../provider/runtime/kinds";

const SERVICE = "4fef3204-1b5c-4ffc-b341-2d2f2b77e938";
const ENDPOINT = "0d5e5d3a-6f2b-4a53-9c0e-3b2b4c5d6e7f";

describe("import ids", () => {
    test("the kinds read through their parents say what their id is made of; the others need none", async () => {
        const forms: Record<string, string | undefined> = {};
        for (const kind of KINDS) forms[kind] = idForm(await modelOf(kind));
        expect(forms).toEqual({
            "huaweicloud:vpcep:EndpointService": undefined,
            "huaweicloud:vpcep:Endpoint": undefined,
            "huaweicloud:vpcep:ConnectionApproval": "<endpointServiceId>/<endpointId>",
            "huaweicloud:vpcep:ServicePermission": "<endpointServiceId>/<permission>",
            "huaweicloud:dns:ResolverEndpoint": undefined,
            "huaweicloud:dns:ResolverRule": undefined,
            "huaweicloud:dns:ResolverRuleAssociation": "<resolverRuleId>/<vpcId>",
            "huaweicloud:dns:PrivateZone": undefined,
            "huaweicloud:dns:PrivateZoneAssociation": "<zoneId>/<vpcId>",
            // Read through its zone, but its own id is no input: the read takes both from the id
            // (as a PrivateZone record's below).
            "huaweicloud:dns:RecordSet": "<zoneId>/<recordSetId>",
            "alicloud:privatelink:VpcEndpointService": undefined,
            "alicloud:privatelink:VpcEndpoint": undefined,
            "alicloud:privatelink:VpcEndpointConnection": "<serviceId>/<endpointId>",
            "alicloud:privatelink:VpcEndpointServiceUser": "<serviceId>/<userId or userArn>",
            "alicloud:privatelink:VpcEndpointServiceResource": "<serviceId>/<resourceId>/<zoneId>",
            "alicloud:privatelink:VpcEndpointZone": "<endpointId>/<zoneId>",
            "alicloud:pvtz:Zone": undefined,
            "alicloud:pvtz:ZoneAttachment": "<zoneId>/<vpcId>",
            "alicloud:pvtz:ZoneRecord": "<zoneId>/<recordId>",
        });
    });

    test("an id gives the inputs it names, each as its input takes it; the last part takes the rest", async () => {
        const approval = await modelOf("huaweicloud:vpcep:ConnectionApproval");
        expect(inputsOfId(approval, `${SERVICE}/${ENDPOINT}`)).toEqual({ endpointServiceId: SERVICE, endpointId: ENDPOINT });
        const permission = await modelOf("huaweicloud:vpcep:ServicePermission");
        expect(inputsOfId(permission, `${SERVICE}/organizations:orgPath::o-1/r-2/ou-3`)).toEqual({
            endpointServiceId: SERVICE,
            permission: "organizations:orgPath::o-1/r-2/ou-3",
        });
        expect(inputsOfId(await modelOf("huaweicloud:vpcep:EndpointService"), SERVICE)).toEqual({});
        expect(inputsOfId(await modelOf("huaweicloud:dns:RecordSet"), "0123456789abcdef0123456789abcdef/fedcba9876543210fedcba9876543210")).toEqual({});
    });

    test.each([
        [SERVICE, /"4fef.*" is not an id of this resource: its id is <endpointServiceId>\/<endpointId>/],
        [`${SERVICE}/`, /is not an id of this resource: its id is <endpointServiceId>\/<endpointId>/],
        [`nope/${ENDPOINT}`, /endpointServiceId: "nope" is not a valid endpoint service id.*\(its id is <endpointServiceId>\/<endpointId>\)/],
    ])("refuses %s, saying the form it must have", async (id, message) => {
        const approval = await modelOf("huaweicloud:vpcep:ConnectionApproval");
        expect(() => inputsOfId(approval, id)).toThrow(message);
    });
});
