/** The lifecycle engine's pure parts and its create/delete contract, on a model with no cloud. */
import { z } from "zod";
import { changes } from "../../provider/model/compare";
import { parseDuration } from "../../provider/model/duration";
import type { Field } from "../../provider/model/field";
import { fieldsOf } from "../../provider/model/resource";
import { UNKNOWN } from "../../provider/model/unknown";
import { dynamicImplOf } from "../../provider/runtime/host";

const field = (change: Field["change"], more: Partial<Field> = {}): Field => ({ schema: z.unknown(), change, ...more });
const fields: Record<string, Field> = {
    name: field("update", { recorded: (o) => (typeof o.fullName === "string" ? o.fullName.split(".")[1] : undefined) }),
    vpcId: field("replace"),
    ports: field("update", { unordered: true }),
    tags: field("update"),
    approval: field("update", { default: true }),
    ip: field("update", { computed: true }),
    adopt: field("replace", { removal: "state" }),
    timeouts: field("state"),
};

describe("changes", () => {
    const olds = {
        fullName: "r1.api.x",
        vpcId: "v1",
        ports: [
            { a: 1, b: 2 },
            { a: 3, b: 4 },
        ],
        tags: { x: "1", y: "2" },
        ip: "10.0.0.9",
        adopt: "x-1",
    };
    const same = {
        name: "api",
        vpcId: "v1",
        ports: [
            { a: 1, b: 2 },
            { a: 3, b: 4 },
        ],
        tags: { x: "1", y: "2" },
        adopt: "x-1",
    };
    test.each([
        ["nothing changed", same, [], [], []],
        [
            "ports reordered",
            {
                ...same,
                ports: [
                    { b: 4, a: 3 },
                    { a: 1, b: 2 },
                ],
                tags: { y: "2", x: "1" },
            },
            [],
            [],
            [],
        ],
        ["the default given explicitly", { ...same, approval: true }, [], [], []],
        ["a tag changed", { ...same, tags: { x: "1" } }, ["tags"], ["tags"], []],
        ["the observed name differs", { ...same, name: "web" }, ["name"], ["name"], []],
        ["an immutable input changed", { ...same, vpcId: "v2" }, ["vpcId"], [], ["vpcId"]],
        ["an immutable input unknown at preview", { ...same, vpcId: UNKNOWN }, ["vpcId"], [], ["vpcId"]],
        [
            "an unordered list gains a repeated entry",
            {
                ...same,
                ports: [
                    { a: 1, b: 2 },
                    { a: 3, b: 4 },
                    { a: 3, b: 4 },
                ],
            },
            ["ports"],
            ["ports"],
            [],
        ],
        ["a computed input left out", { ...same }, [], [], []],
        ["a computed input set to another value", { ...same, ip: "10.0.0.8" }, ["ip"], ["ip"], []],
        ["adopt removed", { ...same, adopt: undefined }, ["adopt"], [], []],
        ["adopt changed", { ...same, adopt: "x-2" }, ["adopt"], [], ["adopt"]],
        ["only the timeouts changed", { ...same, timeouts: { create: "1m" } }, ["timeouts"], [], []],
    ])("when %s", (_what, news, changed, updates, replaces) => {
        const d = changes(fields, olds, news);
        expect(d.changed).toEqual(changed);
        expect(d.updates).toEqual(updates);
        expect(d.replaces).toEqual(replaces);
    });

    test("an unordered list counts repeats: two entries of one kind are not three", () => {
        const list = field("update", { unordered: true });
        const two = [{ subnetId: "s" }, { subnetId: "s" }];
        expect(changes({ list }, { list: two }, { list: [...two, { subnetId: "s" }] }).updates).toEqual(["list"]);
        expect(changes({ list }, { list: [...two, { subnetId: "s" }] }, { list: two }).updates).toEqual(["list"]);
        expect(changes({ list }, { list: two }, { list: [{ subnetId: "s" }, { subnetId: "s" }] }).changed).toEqual([]);
    });

    test("deletes before replacing when a unique input stays the same", () => {
        const f = { name: field("update", { unique: true }), kind: field("replace") };
        expect(changes(f, { name: "a", kind: "x" }, { name: "a", kind: "y" }).deleteBeforeReplace).toBe(true);
        expect(changes(f, { name: "a", kind: "x" }, { name: "b", kind: "y" }).deleteBeforeReplace).toBe(false);
    });
});

describe("parseDuration", () => {
    test.each([
        ["90s", 90_000],
        ["10m", 600_000],
        ["1h30m", 5_400_000],
        ["250ms", 250],
    ])("reads %s", (text, ms) => expect(parseDuration(text)).toBe(ms));
    test.each(["", "10", "ten minutes", "5m garbage", "0s"])("rejects %j", (text) => expect(typeof parseDuration(text)).toBe("string"));
});

interface Toy {
    id: string;
    name: string;
    size?: number;
    ports?: number[];
    status: string;
}

/** A model whose "cloud" is a Map, to exercise the engine's contract. */
function toyModel(cloud: Map<string, Toy>, opts: { failAfterCreate?: boolean } = {}) {
    let n = 0;
    const f = fieldsOf<Toy, null>();
    return f.define({
        kind: "test:toy:Toy",
        cloud: { namespace: "test", fields: {}, connect: () => null },
        fields: {
            name: f.input(z.string().regex(/^[a-z]{1,8}$/, "must be 1–8 lower-case letters"), { change: "update", wire: "name" }),
            size: f.input(z.number().int().min(1, "is below the minimum 1").max(10, "is above the maximum 10").optional(), {
                change: "replace",
                default: 1,
                wire: "size",
            }),
            ports: f.input(z.array(z.number().int().min(1, "is out of range 1–65535").max(65535, "is out of range 1–65535")).optional(), {
                change: "update",
                unordered: true,
                distinct: (p) => String(p),
                distinctRule: "each port may appear once",
                wire: "ports",
            }),
        },
        outputs: { status: f.output((w) => w.status) },
        adopt: z.string(),
        refine: (i, known) =>
            known("size") && known("ports") && i.size !== undefined && (i.ports?.length ?? 0) > i.size
                ? [{ path: ["ports"], message: "has more entries than size allows" }]
                : [],
        timeouts: { create: 1000, update: 1000, delete: 1000 },
        hooks: {
            async create({ body, budget }) {
                const id = `toy-${++n}`;
                cloud.set(id, { id, ...(body as { name: string }), status: "ready" });
                budget.onCreated(id);
                if (opts.failAfterCreate) throw new Error("the cloud reports status failed: out of capacity");
                return cloud.get(id)!;
            },
            read: async (_c, id) => cloud.get(id),
            put: async (_c, id, body) => void cloud.set(id, { ...cloud.get(id)!, ...body }),
            afterUpdate: async ({ id }) => cloud.get(id)!,
            delete: async (_c, id) => void cloud.delete(id),
            id: (w) => w.id,
        },
    });
}

describe("the lifecycle engine", () => {
    test.each([
        [{ name: "Bad!" }, 'name: "Bad!" must be 1–8 lower-case letters'],
        [{ name: "ok", size: 11 }, "size: 11 is above the maximum 10"],
        [{ name: "ok", ports: [80, 70000] }, "ports[1]: 70000 is out of range 1–65535"],
        [{ name: "ok", sise: 2 }, "sise: is not an input of this resource (check the spelling)"],
        [{ name: "ok", size: 1, ports: [1, 2] }, "ports: [1,2] has more entries than size allows"],
        [{ name: "ok", timeouts: { create: "soon" } }, 'timeouts.create: "soon" is not a duration such as "90s", "10m" or "1h30m"'],
        [{ name: "ok", ports: [80, 443, 80] }, "ports[2]: 80 repeats ports[0]; each port may appear once"],
        [{ size: 2 }, "name: (missing) is required"],
    ])("check rejects %j naming field, value and rule", async (news, reason) => {
        const impl = dynamicImplOf(toyModel(new Map()));
        const r = await impl.check({}, { ...news, __provider: "stub" });
        expect(r.failures?.map((f) => f.reason)).toContain(reason);
    });

    test("check never rejects values unknown during preview", async () => {
        const impl = dynamicImplOf(toyModel(new Map()));
        const r = await impl.check({}, { name: UNKNOWN, size: 1, ports: [UNKNOWN, 1, 2] });
        expect(r.failures).toEqual([]);
        expect(r.inputs).toMatchObject({ name: UNKNOWN, ports: [UNKNOWN, 1, 2] });
    });

    test("create that fails after the object exists removes it before raising", async () => {
        const cloud = new Map();
        const impl = dynamicImplOf(toyModel(cloud, { failAfterCreate: true }));
        await expect(impl.create({ name: "a" })).rejects.toThrow(/creation failed and toy-1 was removed: .*out of capacity/);
        expect(cloud.size).toBe(0);
    });

    test("read reports an object deleted out of band as gone, and drift as changed outputs", async () => {
        const cloud = new Map();
        const impl = dynamicImplOf(toyModel(cloud));
        const { id, outs } = await impl.create({ name: "a", ports: [2, 1] });
        cloud.get(id).ports = [1, 2, 3];
        const r = await impl.read(id, outs);
        expect(r.props.ports).toEqual([1, 2, 3]);
        expect((await impl.diff(id, r.props, { name: "a", ports: [2, 1] })).changes).toBe(true);
        cloud.delete(id);
        expect((await impl.read(id, outs)).id).toBe("");
    });

    test("adopt takes over a matching object and refuses one that would need replacing", async () => {
        const cloud = new Map([["old-1", { id: "old-1", name: "a", size: 3, status: "ready" }]]);
        const impl = dynamicImplOf(toyModel(cloud));
        await expect(impl.create({ name: "a", size: 4, adopt: "old-1" })).rejects.toThrow(/size: the object has 3, the program wants 4/);
        const r = await impl.create({ name: "b", size: 3, adopt: "old-1" });
        expect(r.id).toBe("old-1");
        expect(cloud.get("old-1")!.name).toBe("b"); // updatable input applied in place
        await expect(impl.create({ name: "a", adopt: "missing" })).rejects.toThrow(/missing does not exist/);
    });
});
