/**
 * The emulator as the tests' cloud: starts one on a free loopback port and gives the settings a
 * Pulumi program needs to reach it (the demo account's credentials and endpoint overrides), plus
 * the emulator's control client and a few test conveniences over it.
 */
import { type AccountInfo, ControlClient, type LoggedRequest, type Project, type ResourceView, startEmulator } from "../emulator";

export type { LoggedRequest };
export type EmulatorAccount = AccountInfo;
/** A resource as `GET /_emulator/resources` lists it; tests read its wire body freely. */
export type EmulatedResource = ResourceView<any>;

export class TestCloud {
    /** The emulator's control routes. */
    readonly emulator: ControlClient;

    private constructor(
        readonly url: string,
        private readonly stop: () => Promise<void>,
        readonly accounts: EmulatorAccount[],
    ) {
        this.emulator = new ControlClient(url);
    }

    static async start(opts: Parameters<typeof startEmulator>[0] = {}): Promise<TestCloud> {
        const emu = await startEmulator({ port: 0, ...opts });
        const info = await new ControlClient(emu.url).info();
        return new TestCloud(emu.url, () => emu.close(), info.accounts);
    }

    account(name = "demo"): EmulatorAccount {
        const a = this.accounts.find((x) => x.name === name);
        if (!a) throw new Error(`no emulator account ${name}`);
        return a;
    }

    /** An account's Huawei Cloud project (the first of its projects; the emulator gives each one in cn-north-4). */
    project(name = "demo"): Project {
        const [p] = this.account(name).projects;
        if (!p) throw new Error(`emulator account ${name} has no project`);
        return p;
    }

    /** Environment variables that point a program's Huawei Cloud resources at this emulator. */
    huaweiEnv(name = "demo"): Record<string, string> {
        const a = this.account(name);
        const p = this.project(name);
        return {
            HW_ACCESS_KEY: a.accessKey,
            HW_SECRET_KEY: a.secretKey,
            HW_REGION_NAME: p.region,
            HW_PROJECT_ID: p.id,
            HW_ENDPOINTS: JSON.stringify({ vpcep: this.url, iam: this.url, dns: this.url }),
        };
    }

    /** Any control route (relative to `/_emulator/`), as {@link ControlClient.call}. */
    control<T = any>(method: string, route: string, body?: unknown): Promise<T> {
        return this.emulator.call<T>(method, route, body);
    }

    /** Resources of a kind ("vpcep:endpoint") owned by an account (default demo; the emulator's own public services are left out). */
    async resources(kind?: string, account = "demo"): Promise<EmulatedResource[]> {
        const a = this.account(account);
        const all = await this.emulator.resources<any>();
        return all.filter((r) => (!kind || `${r.api}:${r.kind}` === kind) && (r.account === a.name || r.account === a.domainId));
    }

    /** The first of an account's resources of a kind (for a test that made one); throws naming the kind when there is none. */
    async resource(kind: string, account = "demo"): Promise<EmulatedResource> {
        const [r] = await this.resources(kind, account);
        if (!r) throw new Error(`the emulator holds no ${kind} of account ${account}`);
        return r;
    }

    requests(since = 0): Promise<LoggedRequest[]> {
        return this.emulator.requests(since);
    }

    /** The sequence number of the latest logged request (to look at what follows). */
    mark(): Promise<number> {
        return this.emulator.mark();
    }

    close(): Promise<void> {
        return this.stop();
    }
}
