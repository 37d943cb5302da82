import type { Clock } from "../../../sdk/core/clock";
import { RetryBudget } from "../../../sdk/core/retry";
import { HuaweiClient, type HuaweiClientConfig } from "../../../sdk/huaweicloud/client";

/** A clock whose sleeps return at once but move time forward, so retry delays are recorded, not waited. */
export class SteppingClock implements Clock {
    t = Date.now();
    readonly sleeps: number[] = [];
    now(): number {
        return this.t;
    }
    async sleep(ms: number, signal?: AbortSignal): Promise<void> {
        signal?.throwIfAborted();
        this.sleeps.push(ms);
        this.t += ms;
    }
}

export const DEMO = {
    accessKey: "EMUDEMOACCESSKEY0001",
    secretKey: "emulator-demo-secret-key-0001",
    projectId: "a0000000000000000000000000000001",
    domainName: "demo",
    user: "demo-user",
    password: "demo-password",
    region: "cn-north-4",
};

export function akskClient(url: string, extra: Partial<HuaweiClientConfig> = {}): HuaweiClient {
    return new HuaweiClient({
        region: DEMO.region,
        projectId: DEMO.projectId,
        accessKey: DEMO.accessKey,
        secretKey: DEMO.secretKey,
        endpoints: { vpcep: url, iam: url, dns: url },
        retryBudget: new RetryBudget(),
        ...extra,
    });
}
