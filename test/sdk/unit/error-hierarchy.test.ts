import * as sdk from "../../../sdk";
import { CloudError, isAbortError, NotFoundError, OutcomeUnknownError, SdkError } from "../../../sdk/core/errors";
import { WaitError, WaitFailedError, WaitTimeoutError, waitFor } from "../../../sdk/core/waiter";
import { FakeClock } from "../helpers/fake-clock";

describe("the sdk's error hierarchy", () => {
    const timeout = new WaitTimeoutError("VPC endpoint e1", "e1", ["accepted"], [{ status: "creating", count: 3 }], 90_000);
    const failed = new WaitFailedError({
        description: "VPC endpoint service s1",
        resourceId: "s1",
        status: "failed",
        cloudMessage: "EndPoint.3044: ports conflict",
        runs: [{ status: "failed", count: 1 }],
    });

    it("has the waiter errors under the common base, beside CloudError", () => {
        for (const e of [timeout, failed]) {
            expect(e).toBeInstanceOf(Error);
            expect(e).toBeInstanceOf(SdkError);
            expect(e).toBeInstanceOf(WaitError);
            expect(e).not.toBeInstanceOf(CloudError);
            expect(e.retryable).toBe(false);
        }
        const nf = new NotFoundError({ api: "vpcep", operation: "ListServiceDetails", code: "EndPoint.0005", message: "gone", httpStatus: 404 });
        expect(nf).toBeInstanceOf(SdkError);
        expect(nf).not.toBeInstanceOf(WaitError);
        expect(new OutcomeUnknownError({ api: "vpcep", operation: "CreateEndpoint", message: "lost" })).toBeInstanceOf(SdkError);
    });

    it("keeps the waiter errors' names, messages and fields, and gives them a kind and a code", () => {
        expect(timeout.name).toBe("WaitTimeoutError");
        expect(timeout.message).toBe("timed out waiting for VPC endpoint e1 to become accepted: seen creating ×3 over 90 s");
        expect(timeout).toMatchObject({
            kind: "wait_timeout",
            code: "SDK.WaitTimeout",
            resourceId: "e1",
            waitedMs: 90_000,
            statusesSeen: [{ status: "creating", count: 3 }],
        });

        expect(failed.name).toBe("WaitFailedError");
        expect(failed.message).toBe("VPC endpoint service s1 failed (status failed): EndPoint.3044: ports conflict");
        expect(failed).toMatchObject({
            kind: "wait_failed",
            code: "SDK.WaitFailed",
            resourceId: "s1",
            status: "failed",
            cloudMessage: "EndPoint.3044: ports conflict",
            unexpected: false,
            gone: false,
        });
    });

    it("is what a watcher rejects with", async () => {
        const clock = new FakeClock();
        let error: unknown;
        const p = waitFor<{ status: string }>({ get: async () => undefined, target: ["available"], clock }).catch((e: unknown) => (error = e));
        await clock.runUntil(() => error !== undefined, 10_000);
        await p;
        expect(error).toBeInstanceOf(SdkError);
        expect(error).toBeInstanceOf(WaitFailedError);
        expect((error as WaitFailedError).gone).toBe(true);
    });

    it("is not taken for an abort", () => {
        expect(isAbortError(timeout)).toBe(false);
        expect(isAbortError(Object.assign(new Error("stop"), { name: "AbortError" }))).toBe(true);
    });

    it("is exported from the sdk's entry point", () => {
        expect(sdk.SdkError).toBe(SdkError);
        expect(sdk.WaitError).toBe(WaitError);
        expect(sdk.WaitTimeoutError).toBe(WaitTimeoutError);
        expect(sdk.WaitFailedError).toBe(WaitFailedError);
        expect(sdk.core.WaitTimeoutError).toBe(WaitTimeoutError);
    });
});
