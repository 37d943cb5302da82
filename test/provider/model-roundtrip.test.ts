/**
 * Every registered resource: each input has a value to try (or a stated reason it is not tried),
 * and the round trip of each kind (model-roundtrip.ts) runs in one of the model-roundtrip test
 * files — here the kinds of no other part (Huawei Cloud's).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Field } from "../../provider/model/field";
import { KINDS, modelOf } from "../../provider/runtime/kinds";
import { COMMON, describeRoundTrips, partOf, samples } from "./model-roundtrip";

describe("every registered resource", () => {
    test.each(KINDS)("%s: every input has a value to try, or a reason it is not tried", async (kind) => {
        const model = await modelOf(kind);
        const missing = Object.entries(model.all as Record<string, Field>)
            .filter(([k, f]) => f.change !== "state" && !COMMON.has(k) && !(k in samples[kind].alt))
            .map(([k]) => k);
        expect(missing).toEqual([]);
    });

    test("every kind's round trip runs in a test file that exists", () => {
        const file = (part: string) => (part === "rest" ? "model-roundtrip.test.ts" : `model-roundtrip-${part}.test.ts`);
        const missing = [...new Set(KINDS.map(partOf))].map(file).filter((f) => !fs.existsSync(path.join(__dirname, f)));
        expect(missing).toEqual([]);
    });
});

describeRoundTrips("rest");
