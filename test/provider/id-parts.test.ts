/**
 * The ids of resources read through their parents (provider/model/id-parts.ts): the engine joins
 * the declared `idParts` of the inputs, and `pulumi import` splits the id back into those inputs
 * (provider/lifecycle/import.ts) by the same rule. The engine's ids against the emulator are
 * checked in every kind's round trip (model-roundtrip.ts).
 */

import { z } from "zod";
import { inputsOfId } from "../../provider/lifecycle/import";
import { joinId, splitId } from "../../provider/model/id-parts";
import { type AnyModel, defineResource, fieldsOf } from "../../provider/model/resource";
import { dynamicImplOf } from "../../provider/runtime/host";
import { KINDS, type Kind, modelOf } from "../../provider/runtime/kinds";

const UUID_1 = "4fef3204-1b5c-4ffc-b341-2d2f2b77e938";
const UUID_2 = "0d5e5d3a-6f2b-4a53-9c0e-3b2b4c5d6e7f";

/** Valid values of the id parts of every kind that has them; the last part holds a `/` where its input takes one. */
const SAMPLES: Partial<Record<Kind, Record<string, string>>> = {
    "huaweicloud:vpcep:ConnectionApproval": { endpointServiceId: UUID_1, endpointId: UUID_2 },
    "huaweicloud:vpcep:ServicePermission": { endpointServiceId: UUID_1, permission: "organizations:orgPath::o-1/r-2/ou-3" },
    "huaweicloud:dns:ResolverRuleAssociation": { resolverRuleId: "ff808082-rule-0001", vpcId: UUID_2 },
    "huaweicloud:dns:PrivateZoneAssociation": { zoneId: "ff80808275f4b3b90176c1c1a9b8000a", vpcId: UUID_2 },
    "alicloud:privatelink:VpcEndpointConnection": { serviceId: "epsrv-bp1abcdefgh12345678", endpointId: "ep-bp1abcdefgh12345678" },
    "alicloud:privatelink:VpcEndpointServiceResource": {
        serviceId: "epsrv-bp1abcdefgh12345678",
        resourceId: "lb-bp1abcdefgh12345678",
        zoneId: "cn-hangzhou-h",
    },
    "alicloud:privatelink:VpcEndpointZone": { endpointId: "ep-bp1abcdefgh12345678", zoneId: "cn-hangzhou-i" },
    "alicloud:pvtz:ZoneAttachment": { zoneId: "0e41496f12da01311d314f17b8010000", vpcId: "vpc-bp1abcdefgh12345678" },
};

async function models(): Promise<Array<[Kind, AnyModel]>> {
    return Promise.all(KINDS.map(async (kind): Promise<[Kind, AnyModel]> => [kind, await modelOf(kind)]));
}

describe("ids made of inputs", () => {
    test("every kind with id parts has a sample of them here, and none has an id hook besides", async () => {
        const withParts = (await models()).filter(([, m]) => m.idParts);
        expect(withParts.map(([kind]) => kind).sort()).toEqual(Object.keys(SAMPLES).sort());
        expect(withParts.filter(([, m]) => m.hooks.id).map(([kind]) => kind)).toEqual([]);
    });

    test.each(Object.entries(SAMPLES))("%s: the id is its parts joined in order, and splits back into the inputs", async (kind, parts) => {
        const model = await modelOf(kind as Kind);
        // The read result plays no part: the id comes from the inputs alone.
        const id = model.idOf(undefined, { ...parts, region: "somewhere" });
        expect(id).toBe(model.idParts!.map((k: string) => parts[k]).join("/"));
        expect(inputsOfId(model, id)).toEqual(parts);
    });

    test("the kinds whose object has an id of its own take it from the read result", async () => {
        const zone = await modelOf("huaweicloud:dns:PrivateZone");
        expect(zone.idOf({ id: "ff80808275f4b3b90176c1c1a9b8000a" }, {})).toBe("ff80808275f4b3b90176c1c1a9b8000a");
        const recordSet = await modelOf("huaweicloud:dns:RecordSet");
        expect(recordSet.idOf({ zone_id: "z1", id: "r1" }, {})).toBe("z1/r1");
    });
});

describe("joinId and splitId", () => {
    test.each<[string[], Record<string, string>, string]>([
        [["a"], { a: "x" }, "x"],
        [["a", "b"], { a: "x", b: "y" }, "x/y"],
        [["a", "b"], { a: "x", b: "y/z/" }, "x/y/z/"],
        [["a", "b", "c"], { a: "x", b: "y", c: "z" }, "x/y/z"],
    ])("joins %j of %j as %s and splits it back", (parts, inputs, id) => {
        expect(joinId(parts, inputs)).toBe(id);
        expect(splitId(parts, id)).toEqual(inputs);
    });

    test.each<[string[], Record<string, unknown>, RegExp]>([
        [["a", "b"], { a: "x/y", b: "z" }, /id part a: "x\/y" holds a "\/", which only the last part of an id \(b\) may hold/],
        [["a", "b"], { a: "x" }, /id part b: undefined is not a non-empty text/],
        [["a", "b"], { a: "", b: "y" }, /id part a: "" is not a non-empty text/],
        [["a", "b"], { a: 7, b: "y" }, /id part a: 7 is not a non-empty text/],
    ])("refuses to join %j of %j: the id would not split back", (parts, inputs, message) => {
        expect(() => joinId(parts, inputs)).toThrow(message);
    });

    test.each<[string[], string]>([
        [["a", "b"], "x"],
        [["a", "b"], "x/"],
        [["a", "b"], "/y"],
        [["a", "b", "c"], "x//z"],
    ])("finds no %j in %s", (parts, id) => {
        expect(splitId(parts, id)).toBeUndefined();
    });
});

describe("a declaration's id", () => {
    const declaration = (idParts: string[] | undefined, withHook: boolean) => {
        const cloud = { namespace: "test", fields: {}, connect: () => ({}) };
        const hooks = {
            create: async () => ({}),
            read: async () => undefined,
            delete: async () => {},
            ...(withHook ? { id: () => "x" } : {}),
        };
        return () =>
            defineResource({ kind: "test:api:Thing", cloud, fields: { a: { schema: z.string(), change: "replace" } }, outputs: {}, idParts, hooks } as never);
    };

    test.each<[string, string[] | undefined, boolean, RegExp]>([
        [
            "both idParts and an id hook",
            ["a"],
            true,
            /test:api:Thing: [\s\S]*it has both idParts and an id hook: the id is its idParts joined, so the id hook must go/,
        ],
        ["neither", undefined, false, /test:api:Thing: [\s\S]*it has neither idParts nor an id hook: nothing makes its id/],
        ["empty idParts", [], true, /its idParts is empty/],
        ["an id part that is no input", ["b"], false, /its id part b is not one of its inputs/],
    ])("is refused with %s", (_what, idParts, withHook, message) => {
        expect(declaration(idParts, withHook)).toThrow(message);
    });

    test.each<[string, string[] | undefined, boolean]>([
        ["idParts alone", ["a"], false],
        ["an id hook alone", undefined, true],
    ])("is made with %s", (_what, idParts, withHook) => {
        expect(declaration(idParts, withHook)).not.toThrow();
    });
});

/** A member of a group, kept in a Set as `group|member`: an object with no id of its own, read through its group. */
function membershipModel(members: Set<string>, opts: { idParts?: boolean; failAfterCreate?: boolean } = {}) {
    const f = fieldsOf<{ group: string; member: string }, null>();
    const deleted: string[] = [];
    const model = f.define({
        kind: "test:toy:Membership",
        cloud: { namespace: "test", fields: {}, connect: () => null },
        fields: {
            groupId: f.input(z.string().regex(/^g\d+$/, "is not a group id"), { change: "replace", read: (w) => w.group }),
            member: f.input(z.string().min(1), { change: "replace", read: (w) => w.member }),
        },
        outputs: {},
        ...(opts.idParts === false ? {} : { idParts: ["groupId", "member"] as const }),
        hooks: {
            async create({ inputs, budget }) {
                members.add(`${inputs.groupId}|${inputs.member}`);
                budget.onCreated();
                if (opts.failAfterCreate) throw new Error("the cloud reports the member failed");
                return { group: inputs.groupId, member: inputs.member };
            },
            read: async (_c, _id, inputs) => (members.has(`${inputs.groupId}|${inputs.member}`) ? { group: inputs.groupId, member: inputs.member } : undefined),
            async delete(_c, id, inputs) {
                deleted.push(id);
                members.delete(`${inputs.groupId}|${inputs.member}`);
            },
            ...(opts.idParts === false ? { id: (w: { group: string; member: string }) => w.member } : {}),
        },
    });
    return { model, deleted };
}

describe("the engine's id of an object made of its inputs", () => {
    test("is the parts joined, and an import of that id reads the object back with the same inputs", async () => {
        const members = new Set<string>();
        const impl = dynamicImplOf(membershipModel(members).model);
        const { id } = await impl.create({ groupId: "g1", member: "ou-1/ou-2" });
        expect(id).toBe("g1/ou-1/ou-2");
        const imported = await impl.read(id, {});
        expect({ id: imported.id, inputs: imported.inputs }).toEqual({ id, inputs: { groupId: "g1", member: "ou-1/ou-2" } });
    });

    test("is what a create that fails after reporting its object created (without an id) removes", async () => {
        const members = new Set<string>();
        const { model, deleted } = membershipModel(members, { failAfterCreate: true });
        await expect(dynamicImplOf(model).create({ groupId: "g1", member: "m" })).rejects.toThrow(/creation failed and g1\/m was removed: .*member failed/);
        expect({ deleted, members: [...members] }).toEqual({ deleted: ["g1/m"], members: [] });
    });

    test("cannot be left out of onCreated by a declaration without idParts", async () => {
        const { model } = membershipModel(new Set(), { idParts: false });
        await expect(dynamicImplOf(model).create({ groupId: "g1", member: "m" })).rejects.toThrow(
            /test\.toy\.Membership: the create hook reported its object created without its id, and the declaration has no idParts to make it/,
        );
    });
});
