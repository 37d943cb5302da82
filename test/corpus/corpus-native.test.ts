/**
 * The bad-input corpus through the native provider plugin: every row sent to the plugin's Check
 * (as the Pulumi engine sends a program's inputs, harness/native-impl.ts) must be refused with the
 * same failures — each property and reason — as the dynamic-resource host's check gives in this
 * process (corpus.test.ts holds those to the rule each row names). One plugin process for the file;
 * the emulator's request log proves no request left it either.
 */

import { TestCloud } from "../../harness/cloud";
import { nativeImpl } from "../../harness/native-impl";
import { fromStruct, NativePlugin, toStruct } from "../../harness/native-plugin";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { implOf } from "../../provider/runtime/kinds";
import { alicloudCorpus } from "./alicloud";
import { type BadInput, huaweicloudCorpus } from "./huaweicloud";

const corpora: BadInput[] = [...huaweicloudCorpus, ...alicloudCorpus];

describe("the bad-input corpus, through the native provider plugin", () => {
    let cloud: TestCloud;
    let plugin: NativePlugin;
    const natives = new Map<string, ResourceImpl>();
    beforeAll(async () => {
        cloud = await TestCloud.start({ timings: "fast" });
        // A client could reach the emulator, if one were built.
        plugin = await NativePlugin.start({ env: cloud.huaweiEnv() });
    });
    afterAll(async () => {
        await plugin?.close();
        await cloud?.close();
    });

    test.each(corpora.map((r) => [r.kind, r.what, r] as const))("%s: %s is refused as the dynamic host refuses it", async (kind, _what, r) => {
        // Both hosts get the inputs as the engine delivers them: through a protobuf Struct, whose
        // object keys arrive sorted (a map's value shown in a reason follows that order).
        const sent = fromStruct(toStruct(r.inputs, false));
        const dynamic = await (await implOf(kind))!.check({}, { ...sent, __provider: "stub" });
        if (!natives.has(kind)) natives.set(kind, nativeImpl(plugin, kind));
        const native = await natives.get(kind)!.check({}, r.inputs);
        expect(native.failures?.length).toBeGreaterThan(0);
        expect(native.failures).toEqual(dynamic.failures);
    });

    test("no request reached the cloud", async () => {
        expect(await cloud.requests()).toEqual([]);
    });
});
