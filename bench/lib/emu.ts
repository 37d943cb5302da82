/**
 * An emulator for one benchmark scenario: started in this process on a free loopback port
 * (`startEmulator`), with typed access to the control routes the benchmarks read.
 */

import type { TimingsSpec } from "../../emulator";
import { startEmulator } from "../../emulator";

export interface EmuAccount {
    name: string;
    domainId: string;
    accessKey: string;
    secretKey: string;
    projects: Array<{ id: string; region: string }>;
    network: Record<string, string>;
}

export interface EmuRequest {
    seq: number;
    time: number;
    account: string | null;
    api: string;
    operation: string;
    method: string;
    path: string;
    status: number;
    attempt?: number;
}

export interface EmuResource {
    api: string;
    kind: string;
    id: string;
    account: string;
    status: string;
    createdAt: number;
    readyAt?: number;
    deletedAt?: number;
}

export class Emu {
    private constructor(
        readonly url: string,
        private readonly stop: () => Promise<void>,
        readonly accounts: EmuAccount[],
    ) {}

    static async start(timings: TimingsSpec): Promise<Emu> {
        const emu = await startEmulator({ port: 0, host: "127.0.0.1", timings, seed: 1 });
        const info = (await (await fetch(`${emu.url}/_emulator/info`)).json()) as { accounts: EmuAccount[] };
        const e = new Emu(emu.url, () => emu.close(), info.accounts);
        // Quotas are not what is measured: room for every resource a scenario makes.
        await e.control("PUT", "limits", { quotas: { "vpcep:endpoint_service": 1000, "vpcep:endpoint": 1000 } });
        return e;
    }

    account(name: string): EmuAccount {
        const a = this.accounts.find((x) => x.name === name);
        if (!a) throw new Error(`no emulator account ${name}`);
        return a;
    }

    /** The stack config / environment a provider needs to reach this emulator as `account`. */
    settings(name: string): Record<string, string> {
        const a = this.account(name);
        return {
            "huaweicloud:accessKey": a.accessKey,
            "huaweicloud:secretKey": a.secretKey,
            "huaweicloud:region": a.projects[0].region,
            "huaweicloud:projectId": a.projects[0].id,
            "huaweicloud:endpoints": JSON.stringify({ vpcep: this.url, iam: this.url, dns: this.url }),
        };
    }

    env(name: string): Record<string, string> {
        const s = this.settings(name);
        return {
            HW_ACCESS_KEY: s["huaweicloud:accessKey"],
            HW_SECRET_KEY: s["huaweicloud:secretKey"],
            HW_REGION_NAME: s["huaweicloud:region"],
            HW_PROJECT_ID: s["huaweicloud:projectId"],
            HW_ENDPOINTS: s["huaweicloud:endpoints"],
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

    async requests(since = 0): Promise<EmuRequest[]> {
        return (await this.control<{ requests: EmuRequest[] }>("GET", `requests?since=${since}`)).requests;
    }

    async mark(): Promise<number> {
        const r = await this.requests();
        return r.length ? r[r.length - 1].seq : 0;
    }

    async resources(includeDeleted = false): Promise<EmuResource[]> {
        return (await this.control<{ resources: EmuResource[] }>("GET", `resources?api=vpcep${includeDeleted ? "&includeDeleted=true" : ""}`)).resources;
    }

    close(): Promise<void> {
        return this.stop();
    }
}
