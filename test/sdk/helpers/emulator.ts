import { startEmulator } from "../../../emulator";
import { PacerRegistry } from "../../../sdk/core/pacer";
import { RetryBudget } from "../../../sdk/core/retry";
import { HuaweiClient, type HuaweiClientConfig } from "../../../sdk/huaweicloud/client";

export interface LoggedRequest {
    seq: number;
    time: number;
    account: string | null;
    api: string;
    operation: string;
    method: string;
    path: string;
    query?: string;
    status: number;
    attempt?: number;
    fault?: string;
    errorCode?: string;
}

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

export async function emulator() {
    const emu = await startEmulator({ timings: "fast", seed: 1 });
    const control = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
        const res = await fetch(`${emu.url}${path}`, {
            method,
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
        return (text ? JSON.parse(text) : undefined) as T;
    };
    return {
        url: emu.url,
        close: () => emu.close(),
        control,
        reset: async () => {
            await control("POST", "/_emulator/reset");
            await control("PUT", "/_emulator/timings", "fast");
        },
        requests: async (since = 0) => (await control<{ requests: LoggedRequest[] }>("GET", `/_emulator/requests?since=${since}`)).requests,
        faults: (rules: unknown[]) => control("PUT", "/_emulator/faults", { seed: 1, rules }),
        timings: (spec: unknown) => control("PUT", "/_emulator/timings", spec),
        limits: (spec: unknown) => control("PUT", "/_emulator/limits", spec),
        resources: async () =>
            (
                await control<{ resources: Array<{ api: string; kind: string; id: string; account: string; status: string; body: unknown }> }>(
                    "GET",
                    "/_emulator/resources",
                )
            ).resources,
    };
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
