import { ControlClient, type FaultRule, type LimitsChange, startEmulator, type TimingsSpec } from "../../../emulator";
import { PacerRegistry } from "../../../sdk/core/pacer";
import { RetryBudget } from "../../../sdk/core/retry";
import { HuaweiClient, type HuaweiClientConfig } from "../../../sdk/huaweicloud/client";

export type { LoggedRequest } from "../../../emulator";

export const ACCOUNTS = {
    demo: {
        accessKey: "EMUDEMOACCESSKEY0001",
        secretKey: "emulator-demo-secret-key-0001",
        projectId: "a0000000000000000000000000000001",
        user: "demo-user",
        password: "demo-password",
        domainName: "demo",
        domainId: "d0000000000000000000000000000001",
    },
    consumer: {
        accessKey: "EMUCONSUMERACCESSK02",
        secretKey: "emulator-consumer-secret-key-0002",
        projectId: "a0000000000000000000000000000002",
        user: "consumer-user",
        password: "consumer-password",
        domainName: "consumer",
        domainId: "d0000000000000000000000000000002",
    },
} as const;

/** The seeded network ids (contract: fixed UUIDs). */
export const NET = {
    demo: {
        backendVpcId: "11111111-1111-4111-8111-000000000001",
        backendPortId: "11111111-1111-4111-8111-000000000003",
        clientVpcId: "11111111-1111-4111-8111-000000000004",
        clientSubnetId: "11111111-1111-4111-8111-000000000005",
        clientRouteTableId: "11111111-1111-4111-8111-000000000006",
    },
    consumer: {
        backendVpcId: "11111111-1111-4111-8111-000000000101",
        backendPortId: "11111111-1111-4111-8111-000000000103",
        clientVpcId: "11111111-1111-4111-8111-000000000104",
        clientSubnetId: "11111111-1111-4111-8111-000000000105",
        clientRouteTableId: "11111111-1111-4111-8111-000000000106",
    },
};

/** An emulator on fast timings with fault seed 1, and shortcuts over its control client for the SDK tests. */
export async function emulator() {
    const emu = await startEmulator({ timings: "fast", seed: 1 });
    const control = new ControlClient(emu.url);
    return {
        url: emu.url,
        close: () => emu.close(),
        control,
        /** Back to the seeded state, on fast timings again. */
        reset: async () => {
            await control.reset();
            await control.setTimings("fast");
        },
        requests: (since = 0) => control.requests(since),
        /** Replaces the fault rules, rolled with seed 1. */
        faults: (rules: FaultRule[]) => control.setFaults(rules, 1),
        timings: (spec: TimingsSpec) => control.setTimings(spec),
        limits: (change: LimitsChange) => control.setLimits(change),
        resources: () => control.resources(),
    };
}

/**
 * The emulator of a suite file: started before its first test, back to its seeded state (and fast
 * timings) before each test, then `afterReset`, and closed after the last. Returns its getter.
 */
export function emulatorForEachTest(afterReset?: () => void): () => Awaited<ReturnType<typeof emulator>> {
    let emu: Awaited<ReturnType<typeof emulator>> | undefined;
    beforeAll(async () => {
        emu = await emulator();
    });
    afterAll(async () => {
        await emu?.close();
    });
    beforeEach(async () => {
        await emu!.reset();
        afterReset?.();
    });
    return () => emu!;
}

/** Fast retries and waits so the suite runs in seconds. */
const FAST: Partial<HuaweiClientConfig> = { retry: { baseDelayMs: 20, maxDelayMs: 200 }, wait: { minDelayMs: 100, maxDelayMs: 500 } };

export function akskClient(url: string, account: keyof typeof ACCOUNTS, extra: Partial<HuaweiClientConfig> = {}): HuaweiClient {
    const a = ACCOUNTS[account];
    return new HuaweiClient({
        region: "cn-north-4",
        projectId: a.projectId,
        accessKey: a.accessKey,
        secretKey: a.secretKey,
        endpoints: { vpcep: url, iam: url },
        retryBudget: new RetryBudget(),
        pacers: new PacerRegistry(),
        ...FAST,
        ...extra,
    });
}

export function passwordClient(url: string, account: keyof typeof ACCOUNTS, extra: Partial<HuaweiClientConfig> = {}): HuaweiClient {
    const a = ACCOUNTS[account];
    return new HuaweiClient({
        region: "cn-north-4",
        user: a.user,
        password: a.password,
        domainName: a.domainName,
        endpoints: { vpcep: url, iam: url },
        retryBudget: new RetryBudget(),
        pacers: new PacerRegistry(),
        ...FAST,
        ...extra,
    });
}
