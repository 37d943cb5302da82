/**
 * Status messages while a resource waits: the lines a slow wait gives the host through the
 * operation's context (provider/lifecycle/progress.ts), their throttle, and their words.
 */
import { model as endpointService } from "../../provider/huaweicloud/vpcep/endpoint-service";
import { detachedContext } from "../../provider/lifecycle/context";
import { lifecycle } from "../../provider/lifecycle/engine";
import { EVERY_MS, pollReporter, progressMessage, QUIET_MS } from "../../provider/lifecycle/progress";
import type { WaitProgress } from "../../sdk/core/waiter";
import { cloudForThisProcess } from "../helpers/process-cloud";

const poll = (over: Partial<WaitProgress> = {}): WaitProgress => ({
    description: "VPC endpoint 5e0c7c1e-4fd1-4b5c-9a5e-2f6a1c1b9d01",
    status: "creating",
    target: ["accepted", "pendingAcceptance"],
    gone: "failure",
    elapsedMs: 40_000,
    polls: 9,
    ...over,
});

describe("progressMessage", () => {
    test.each([
        [
            "a wait for a status",
            poll(),
            "waiting for VPC endpoint 5e0c7c1e-4fd1-4b5c-9a5e-2f6a1c1b9d01 to become accepted or pendingAcceptance (creating, 40 s)",
        ],
        [
            "a wait for a delete",
            poll({ description: "VPC endpoint service 1d2c", status: "deleting", target: [], gone: "target", elapsedMs: 150_000 }),
            "waiting for VPC endpoint service 1d2c to be deleted (deleting, 3 min)",
        ],
        ["a poll that failed transiently", poll({ status: "error APIGW.0101", elapsedMs: 5_200 }), expect.stringMatching(/\(error APIGW\.0101, 5 s\)$/)],
    ])("says what is awaited for %s", (_what, p, line) => expect(progressMessage(p)).toEqual(line));
});

describe("pollReporter", () => {
    test("says nothing without a progress in the context", () => {
        expect(pollReporter(detachedContext())).toBeUndefined();
    });

    test("says nothing before the wait has lasted QUIET_MS, then at most one line every EVERY_MS", () => {
        let now = 0;
        const lines: string[] = [];
        const onPoll = pollReporter(detachedContext({ progress: (m) => lines.push(m) }), () => now)!;
        // elapsed, clock
        const polls: Array<[number, number]> = [
            [500, 500],
            [QUIET_MS - 1, QUIET_MS - 1],
            [QUIET_MS, QUIET_MS], // first line
            [QUIET_MS + 900, QUIET_MS + 900],
            [QUIET_MS + EVERY_MS - 1, QUIET_MS + EVERY_MS - 1],
            [QUIET_MS + EVERY_MS, QUIET_MS + EVERY_MS], // second
            [QUIET_MS + EVERY_MS + 100, QUIET_MS + EVERY_MS + 100],
        ];
        for (const [elapsedMs, t] of polls) {
            now = t;
            onPoll(poll({ elapsedMs }));
        }
        expect(lines).toEqual([progressMessage(poll({ elapsedMs: QUIET_MS })), progressMessage(poll({ elapsedMs: QUIET_MS + EVERY_MS }))]);
    });
});

describe("a slow wait of the lifecycle engine", () => {
    const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

    test("reports what it waits for through the context's progress, and an instant one reports nothing", async () => {
        // The service stays `creating` for 4.5 s; its delete is immediate.
        await cloudOf().control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterMs: 4_500 }, delete: "immediate" } });
        const net = cloudOf().account().network;
        const engine = lifecycle(endpointService);
        const lines: Array<{ at: number; message: string }> = [];
        const started = Date.now();
        const ctx = detachedContext({ progress: (message) => lines.push({ at: Date.now() - started, message }) });
        const checked = await engine.check(ctx, undefined, {
            vpcId: net.backendVpcId,
            portId: net.backendPortId,
            serverType: "VM",
            ports: [{ clientPort: 8080, serverPort: 80 }],
            approvalEnabled: false,
        });
        expect(checked.failures).toEqual([]);
        const made = await engine.create(ctx, checked.inputs);
        expect(lines.length).toBeGreaterThanOrEqual(1);
        for (const l of lines)
            expect(l.message).toMatch(new RegExp(`^waiting for VPC endpoint service ${made.id} to become available \\(creating, [2-5] s\\)$`));
        expect(lines[0]!.at).toBeGreaterThanOrEqual(QUIET_MS);
        for (let i = 1; i < lines.length; i++) expect(lines[i]!.at - lines[i - 1]!.at).toBeGreaterThanOrEqual(EVERY_MS);

        const before = lines.length;
        await engine.delete(ctx, made.id, made.outs);
        expect(lines.length).toBe(before);
    });
});
