/** The lifecycle engine's pure parts and its create/delete contract, on a table with no cloud. */
import { z } from "zod";
import { computeDiff } from "../../provider/lifecycle/diff";
import { lifecycle } from "../../provider/lifecycle/engine";
import { parseDuration } from "../../provider/lifecycle/duration";
import type { FieldSpec, ResourceSpec } from "../../provider/lifecycle/spec";
import { UNKNOWN } from "../../provider/lifecycle/unknown";

const fields: Record<string, FieldSpec> = {
    name: { change: "update", observe: (o) => (typeof o.fullName === "string" ? o.fullName.split(".")[1] : undefined) },
    vpcId: { change: "replace" },
    ports: { change: "update", compare: "set" },
    tags: { change: "update" },
    approval: { change: "update", default: true },
};

describe("computeDiff", () => {
    const olds = { fullName: "r1.api.x", vpcId: "v1", ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1", y: "2" } };
    test.each([
        ["nothing changed", { name: "api", vpcId: "v1", ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1", y: "2" } }, [], []],
        ["ports reordered", { name: "api", vpcId: "v1", ports: [{ b: 4, a: 3 }, { a: 1, b: 2 }], tags: { y: "2", x: "1" } }, [], []],
        ["the default given explicitly", { name: "api", vpcId: "v1", ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1", y: "2" }, approval: true }, [], []],
        ["a tag changed", { name: "api", vpcId: "v1", ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1" } }, ["tags"], []],
        ["the observed name differs", { name: "web", vpcId: "v1", ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1", y: "2" } }, ["name"], []],
        ["an immutable input changed", { name: "api", vpcId: "v2", ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1", y: "2" } }, ["vpcId"], ["vpcId"]],
        ["an immutable input unknown at preview", { name: "api", vpcId: UNKNOWN, ports: [{ a: 1, b: 2 }, { a: 3, b: 4 }], tags: { x: "1", y: "2" } }, ["vpcId"], ["vpcId"]],
    ])("when %s", (_what, news, changed, replaces) => {
        const d = computeDiff(fields, olds, news);
        expect(d.changed).toEqual(changed);
        expect(d.replaces).toEqual(replaces);
        expect(d.changes).toBe(changed.length > 0);
    });

    test("deletes before replacing when a unique input stays the same", () => {
        const f: Record<string, FieldSpec> = { name: { change: "update", unique: true }, kind: { change: "replace" } };
        expect(computeDiff(f, { name: "a", kind: "x" }, { name: "a", kind: "y" }).deleteBeforeReplace).toBe(true);
        expect(computeDiff(f, { name: "a", kind: "x" }, { name: "b", kind: "y" }).deleteBeforeReplace).toBe(false);
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

/** A table whose "cloud" is a Map, to exercise the engine's contract. */
function toySpec(cloud: Map<string, any>, opts: { failAfterCreate?: boolean } = {}): ResourceSpec<any, any, null> {
    let n = 0;
    return {
        kind: "test:Toy",
        title: "test.Toy",
        schema: z
            .object({
                name: z.string().regex(/^[a-z]{1,8}$/, "must be 1–8 lower-case letters"),
                size: z.number().int().min(1, "is below the minimum 1").max(10, "is above the maximum 10").optional(),
                ports: z.array(z.number().int().min(1, "is out of range 1–65535").max(65535, "is out of range 1–65535")).optional(),
                timeouts: z.object({ create: z.string().optional(), update: z.string().optional(), delete: z.string().optional() }).strict().optional(),
                adopt: z.string().optional(),
            })
            .strict(),
        refine: (i, known) => (known("size") && known("ports") && i.size !== undefined && (i.ports?.length ?? 0) > i.size ? [{ path: ["ports"], message: "has more entries than size allows" }] : []),
        fields: { name: { change: "update" }, size: { change: "replace", default: 1 }, ports: { change: "update", compare: "set" } },
        timeouts: { create: 1000, update: 1000, delete: 1000 },
        connect: () => null,
        async create(_c, inputs, budget) {
            const id = `toy-${++n}`;
            cloud.set(id, { id, ...inputs, status: "ready" });
            budget.onCreated(id);
            if (opts.failAfterCreate) throw new Error("the cloud reports status failed: out of capacity");
            return cloud.get(id);
        },
        async read(_c, id) {
            return cloud.get(id);
        },
        async update(_c, id, _o, news) {
            cloud.set(id, { ...cloud.get(id), ...news });
            return cloud.get(id);
        },
        async delete(_c, id) {
            cloud.delete(id);
        },
        id: (w) => w.id,
        observe: (w) => ({ name: w.name, size: w.size, ports: w.ports }),
        outputs: (w) => ({ status: w.status }),
    };
}

describe("the lifecycle engine", () => {
    test.each([
        [{ name: "Bad!" }, 'name: "Bad!" must be 1–8 lower-case letters'],
        [{ name: "ok", size: 11 }, "size: 11 is above the maximum 10"],
        [{ name: "ok", ports: [80, 70000] }, "ports[1]: 70000 is out of range 1–65535"],
        [{ name: "ok", sise: 2 }, "sise: is not an input of this resource (check the spelling)"],
        [{ name: "ok", size: 1, ports: [1, 2] }, "ports: [1,2] has more entries than size allows"],
        [{ name: "ok", timeouts: { create: "soon" } }, 'timeouts.create: "soon" is not a duration such as "90s", "10m" or "1h30m"'],
    ])("check rejects %j naming field, value and rule", async (news, reason) => {
        const impl = lifecycle(toySpec(new Map()));
        const r = await impl.check({}, { ...news, __provider: "stub" });
        expect(r.failures?.map((f) => f.reason)).toContain(reason);
    });

    test("check never rejects values unknown during preview", async () => {
        const impl = lifecycle(toySpec(new Map()));
        const r = await impl.check({}, { name: UNKNOWN, size: 1, ports: [UNKNOWN, 1, 2] });
        expect(r.failures).toEqual([]);
        expect(r.inputs).toMatchObject({ name: UNKNOWN, ports: [UNKNOWN, 1, 2] });
    });

    test("create that fails after the object exists removes it before raising", async () => {
        const cloud = new Map();
        const impl = lifecycle(toySpec(cloud, { failAfterCreate: true }));
        await expect(impl.create({ name: "a" })).rejects.toThrow(/creation failed and toy-1 was removed: .*out of capacity/);
        expect(cloud.size).toBe(0);
    });

    test("read reports an object deleted out of band as gone, and drift as changed outputs", async () => {
        const cloud = new Map();
        const impl = lifecycle(toySpec(cloud));
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
        const impl = lifecycle(toySpec(cloud));
        await expect(impl.create({ name: "a", size: 4, adopt: "old-1" })).rejects.toThrow(/size: the object has 3, the program wants 4/);
        const r = await impl.create({ name: "b", size: 3, adopt: "old-1" });
        expect(r.id).toBe("old-1");
        expect(cloud.get("old-1")!.name).toBe("b"); // updatable input applied in place
        await expect(impl.create({ name: "a", adopt: "missing" })).rejects.toThrow(/missing does not exist/);
    });
});
