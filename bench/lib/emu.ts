/**
 * An emulator for one benchmark scenario: started in this process on a free loopback port
 * (`startEmulator`), with the emulator's control client and the settings a provider needs.
 */

import { type AccountInfo, ControlClient, type LoggedRequest, type Project, type ResourceView, startEmulator, type TimingsSpec } from "../../emulator";

export type EmuAccount = AccountInfo;
export type EmuRequest = LoggedRequest;
export type EmuResource = ResourceView;

export class Emu {
    /** The emulator's control routes. */
    readonly emulator: ControlClient;

    private constructor(
        readonly url: string,
        private readonly stop: () => Promise<void>,
        readonly accounts: EmuAccount[],
    ) {
        this.emulator = new ControlClient(url);
    }

    static async start(timings: TimingsSpec): Promise<Emu> {
        const emu = await startEmulator({ port: 0, host: "127.0.0.1", timings, seed: 1 });
        const info = await new ControlClient(emu.url).info();
        const e = new Emu(emu.url, () => emu.close(), info.accounts);
        // Quotas are not what is measured: room for every resource a scenario makes.
        await e.emulator.setLimits({ quotas: { "vpcep:endpoint_service": 1000, "vpcep:endpoint": 1000 } });
        return e;
    }

    account(name: string): EmuAccount {
        const a = this.accounts.find((x) => x.name === name);
        if (!a) throw new Error(`no emulator account ${name}`);
        return a;
    }

    /** An account's Huawei Cloud project (the first of its projects; the emulator gives each one). */
    project(name: string): Project {
        const [p] = this.account(name).projects;
        if (!p) throw new Error(`emulator account ${name} has no project`);
        return p;
    }

    /** The endpoint overrides that send every Huawei Cloud API to this emulator. */
    private endpoints(): string {
        return JSON.stringify({ vpcep: this.url, iam: this.url, dns: this.url });
    }

    /** The stack config / environment a provider needs to reach this emulator as `account`. */
    settings(name: string): Record<string, string> {
        const a = this.account(name);
        const p = this.project(name);
        return {
            "huaweicloud:accessKey": a.accessKey,
            "huaweicloud:secretKey": a.secretKey,
            "huaweicloud:region": p.region,
            "huaweicloud:projectId": p.id,
            "huaweicloud:endpoints": this.endpoints(),
        };
    }

    env(name: string): Record<string, string> {
        const a = this.account(name);
        const p = this.project(name);
        return {
            HW_ACCESS_KEY: a.accessKey,
            HW_SECRET_KEY: a.secretKey,
            HW_REGION_NAME: p.region,
            HW_PROJECT_ID: p.id,
            HW_ENDPOINTS: this.endpoints(),
        };
    }

    requests(since = 0): Promise<EmuRequest[]> {
        return this.emulator.requests(since);
    }

    mark(): Promise<number> {
        return this.emulator.mark();
    }

    /** The VPCEP resources (and, with `includeDeleted`, those gone). */
    resources(includeDeleted = false): Promise<EmuResource[]> {
        return this.emulator.resources({ api: "vpcep", includeDeleted });
    }

    close(): Promise<void> {
        return this.stop();
    }
}
