/**
 * The bad-input corpus: every row goes through the provider's own `check` (the code path the
 * engine calls at `pulumi preview`) and must fail with one message naming the field, the value and
 * the rule. check never builds a client; the emulator's request log proves no request left.
 */

import { TestCloud } from "../../harness/cloud";
import { implOf, KINDS } from "../../provider/runtime/kinds";
import { alicloudCorpus } from "./alicloud";
import { type BadInput, huaweicloudCorpus } from "./huaweicloud";

const corpora: BadInput[] = [...huaweicloudCorpus, ...alicloudCorpus];

describe("the bad-input corpus", () => {
    let cloud: TestCloud;
    const saved = { ...process.env };
    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
        Object.assign(process.env, cloud.huaweiEnv()); // a client could reach the emulator, if one were built
    });
    afterAll(async () => {
        process.env = saved;
        await cloud?.close();
    });

    test("has at least 100 rows across every resource kind", () => {
        expect(corpora.length).toBeGreaterThanOrEqual(100);
        for (const kind of KINDS) expect({ kind, rows: corpora.filter((r) => r.kind === kind).length > 0 }).toEqual({ kind, rows: true });
    });

    test.each(corpora.map((r) => [r.kind, r.what, r] as const))("%s: %s is refused", async (kind, _what, r) => {
        const impl = (await implOf(kind))!;
        const { failures } = await impl.check({}, { ...r.inputs, __provider: "stub" });
        const reasons = (failures ?? []).map((f) => f.reason);
        expect(reasons.length).toBeGreaterThan(0);
        const match = reasons.find((reason) => r.expect.every((piece) => reason.includes(piece)));
        expect({ reasons, expected: r.expect, matched: !!match }).toMatchObject({ matched: true });
    });

    test("no request reached the cloud", async () => {
        expect(await cloud.requests()).toEqual([]);
    });
});
