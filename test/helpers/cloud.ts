/**
 * The emulator as the tests' cloud: starts one on a free loopback port and gives the settings a
 * Pulumi program needs to reach it (the demo account's credentials and endpoint overrides), plus
 * typed access to its control routes.
 */
import { startEmulator } from "../../emulator";

export interface EmulatorAccount {
    name: string;
    domainId: string;
    accessKey: string;
    secretKey: string;
    userName: string;
    password: string;
    domainName: string;
    projects: Array<{ id: string; region: string }>;
    network: Record<string, string>;
}

export interface LoggedRequest {
    seq: number;
    account?: string;
    api: string;
    operation: string;
    method: string;
    path: string;
    status: number;
    /** The client's attempt number (X-Client-Attempt), when it sent one. */
    attempt?: number;
}

export interface EmulatedResource {
    api: string;
    kind: string;
    id: string;
    account?: string;
    status?: string;
    body: any;
}

export class TestCloud {
    private constructor(
        readonly url: string,
        private readonly stop: () => Promise<void>,
        readonly accounts: EmulatorAccount[],
    ) {}

    static async start(opts: Parameters<typeof startEmulator>[0] = {}): Promise<TestCloud> {
        const emu = await startEmulator({ port: 0, ...opts });
        const info = (await (await fetch(`${emu.url}/_emulator/info`)).json()) as { accounts: EmulatorAccount[] };
        return new TestCloud(emu.url, () => emu.close(), info.accounts);
    }

    account(name = "demo"): EmulatorAccount {
        const a = this.accounts.find((x) => x.name === name);
        if (!a) throw new Error(`no emulator account ${name}`);
        return a;
    }

    /** Environment variables that point a program's Huawei Cloud resources at this emulator. */
    huaweiEnv(name = "demo"): Record<string, string> {
        const a = this.account(name);
        return {
            HW_ACCESS_KEY: a.accessKey,
            HW_SECRET_KEY: a.secretKey,
            HW_REGION_NAME: a.projects[0].region,
            HW_PROJECT_ID: a.projects[0].id,
            HW_ENDPOINTS: JSON.stringify({ vpcep: this.url, iam: this.url, dns: this.url }),
        };
    }

    async control<T = any>(method: string, route: string, body?: unknown): Promise<T> {
        const res = await fetch(`${this.url}/_emulator/${route}`, {
            method,
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (!res.ok) throw new Error(`emulator ${method} ${route}: ${res.status} ${text}`);
        return (text ? JSON.parse(text) : undefined) as T;
    }

    /** Resources of a kind ("vpcep:endpoint") owned by an account (default demo; the emulator's own public services are left out). */
    async resources(kind?: string, account = "demo"): Promise<EmulatedResource[]> {
        const a = this.account(account);
        const all = (await this.control<{ resources: EmulatedResource[] }>("GET", "resources")).resources;
        return all.filter((r) => (!kind || `${r.api}:${r.kind}` === kind) && (r.account === a.name || r.account === a.domainId));
    }

    async requests(since = 0): Promise<LoggedRequest[]> {
        return (await this.control<{ requests: LoggedRequest[] }>("GET", `requests?since=${since}`)).requests;
    }

    /** The sequence number of the latest logged request (to look at what follows). */
    async mark(): Promise<number> {
        const r = await this.requests();
        return r.length ? r[r.length - 1].seq : 0;
    }

    close(): Promise<void> {
        return this.stop();
    }
}
