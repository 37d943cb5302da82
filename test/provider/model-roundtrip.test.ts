/**
 * Every registered resource: each input has a value to try (or a stated reason it is not tried),
 * and the round trip of each kind (model-roundtrip.ts) runs in one of the model-roundtrip test
 * files on each host — here the kinds of no other part (Huawei Cloud's), on the dynamic host.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Field } from "../../provider/model/field";
import { KINDS, modelOf } from "../../provider/runtime/kinds";
import { COMMON, describeRoundTrips, partOf, roundTripFile, samples } from "./model-roundtrip";

describe("every registered resource", () => {
    test.each(KINDS)("%s: every input has a value to try, or a reason it is not tried", async (kind) => {
        const model = await modelOf(kind);
        const missing = Object.entries(model.all as Record<string, Field>)
            .filter(([k, f]) => f.change !== "state" && !COMMON.has(k) && !(k in samples[kind].alt))
            .map(([k]) => k);
        expect(missing).toEqual([]);
    });

    test("every kind's round trip runs in a test file that exists, on each host", () => {
        const parts = [...new Set(KINDS.map(partOf))];
        const files = parts.flatMap((part) => [roundTripFile(part, "dynamic"), roundTripFile(part, "native")]);
        expect(files.filter((f) => !fs.existsSync(path.join(__dirname, f)))).toEqual([]);
    });
});

describeRoundTrips("rest");
