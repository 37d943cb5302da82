/**
 * Test-side Huawei client for the emulator contract tests: a small SDK-HMAC-SHA256 signer written
 * for the tests (independent of sdk/ and of the emulator's verifier) plus fetch wrappers.
 */
import { createHash, createHmac } from "node:crypto";
import { type EmulatorOptions, startEmulator } from "../../emulator";

export const DEMO = {
    name: "demo",
    ak: "EMUDEMOACCESSKEY0001",
    sk: "emulator-demo-secret-key-0001",
    projectId: "a0000000000000000000000000000001",
    domainId: "d0000000000000000000000000000001",
    net: {
        backendVpc: "11111111-1111-4111-8111-000000000001",
        backendSubnet: "11111111-1111-4111-8111-000000000002",
        backendPort: "11111111-1111-4111-8111-000000000003",
        clientVpc: "11111111-1111-4111-8111-000000000004",
        clientSubnet: "11111111-1111-4111-8111-000000000005",
        clientRouteTable: "11111111-1111-4111-8111-000000000006",
    },
};
export const CONSUMER = {
    name: "consumer",
    ak: "EMUCONSUMERACCESSK02",
    sk: "emulator-consumer-secret-key-0002",
    projectId: "a0000000000000000000000000000002",
    domainId: "d0000000000000000000000000000002",
    net: {
        backendVpc: "11111111-1111-4111-8111-000000000101",
        backendSubnet: "11111111-1111-4111-8111-000000000102",
        backendPort: "11111111-1111-4111-8111-000000000103",
        clientVpc: "11111111-1111-4111-8111-000000000104",
        clientSubnet: "11111111-1111-4111-8111-000000000105",
        clientRouteTable: "11111111-1111-4111-8111-000000000106",
    },
};
export type TestAccount = typeof DEMO;

/** Public gateway service seeded by the emulator (OBS). */
export const PUBLIC_GATEWAY_SERVICE = "22222222-2222-4222-8222-000000000001";

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `YYYYMMDDTHHMMSSZ` for a time. */
export function sdkDate(ms: number): string {
    return new Date(ms)
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
}

export interface SignInput {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: string;
    ak: string;
    sk: string;
    /** Names of headers to sign (lower case); default: every header given plus host. */
    signed?: string[];
}

/** Adds `Authorization` (and `host`) per the Huawei signing guide. */
export function sign(input: SignInput): Record<string, string> {
    const u = new URL(input.url);
    const headers: Record<string, string> = { ...input.headers, host: u.host };
    const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v.trim()]));
    const names = (input.signed ?? [...lower.keys()]).map((n) => n.toLowerCase()).sort();
    const path = u.pathname
        .split("/")
        .map((s) => enc(decodeURIComponent(s)))
        .join("/");
    const uri = path.endsWith("/") ? path : `${path}/`;
    const query = [...u.searchParams.entries()]
        .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1))
        .map(([k, v]) => `${enc(k)}=${enc(v)}`)
        .join("&");
    const canonical = [
        input.method,
        uri,
        query,
        names.map((n) => `${n}:${lower.get(n)}\n`).join(""),
        names.join(";"),
        createHash("sha256").update(input.body).digest("hex"),
    ].join("\n");
    const date = lower.get("x-sdk-date")!;
    const sts = `SDK-HMAC-SHA256\n${date}\n${createHash("sha256").update(canonical).digest("hex")}`;
    const sig = createHmac("sha256", input.sk).update(sts).digest("hex");
    return { ...headers, Authorization: `SDK-HMAC-SHA256 Access=${input.ak}, SignedHeaders=${names.join(";")}, Signature=${sig}` };
}

export interface Reply {
    status: number;
    headers: Headers;
    body: any;
}

async function reply(res: Response): Promise<Reply> {
    const text = await res.text();
    let body: unknown = text;
    try {
        body = text === "" ? undefined : JSON.parse(text);
    } catch {
        // keep text
    }
    return { status: res.status, headers: res.headers, body };
}

/** Options of {@link Emu.hw}. */
export interface HwOptions {
    body?: unknown;
    /** Raw body string (sent byte for byte). */
    raw?: string;
    query?: Record<string, string | number>;
    /** `node` signs content-type;host;x-project-id;x-sdk-date, `go` leaves out content-type. */
    headerSet?: "node" | "go";
    date?: number;
    token?: string;
    /** Extra request headers (signed with the node header set only if listed there). */
    extraHeaders?: Record<string, string>;
}

/** One emulator under test with signed-call helpers. */
export class Emu {
    constructor(
        readonly url: string,
        readonly close: () => Promise<void>,
    ) {}

    /** A signed VPCEP call as `account`: path relative to `/v1/{project_id}`. */
    async vpcep(account: TestAccount, method: string, path: string, opts: HwOptions = {}): Promise<Reply> {
        return this.hw(account, method, `/v1/${account.projectId}${path}`, opts);
    }

    /** A signed (or token) call on any path. */
    async hw(account: TestAccount, method: string, path: string, opts: HwOptions = {}): Promise<Reply> {
        const qs = opts.query ? `?${new URLSearchParams(Object.entries(opts.query).map(([k, v]): [string, string] => [k, String(v)])).toString()}` : "";
        const url = `${this.url}${path}${qs}`;
        const body = opts.raw ?? (opts.body === undefined ? "" : JSON.stringify(opts.body));
        let headers: Record<string, string> = { "Content-Type": "application/json", ...opts.extraHeaders };
        if (opts.token) headers["X-Auth-Token"] = opts.token;
        else {
            headers["X-Project-Id"] = account.projectId;
            headers["X-Sdk-Date"] = sdkDate(opts.date ?? Date.now());
            const signed = opts.headerSet === "go" ? ["host", "x-project-id", "x-sdk-date"] : ["content-type", "host", "x-project-id", "x-sdk-date"];
            headers = sign({ method, url, headers, body, ak: account.ak, sk: account.sk, signed });
        }
        delete headers.host;
        const res = await fetch(url, { method, headers, body: method === "GET" || method === "DELETE" ? (body === "" ? undefined : body) : body });
        return reply(res);
    }

    /** A control-route call. */
    async control(method: string, path: string, body?: unknown): Promise<Reply> {
        const res = await fetch(`${this.url}/_emulator/${path}`, {
            method,
            headers: body === undefined ? {} : { "Content-Type": "application/json" },
            body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
        });
        return reply(res);
    }

    /** A raw fetch against the emulator. */
    async raw(path: string, init: RequestInit = {}): Promise<Reply> {
        return reply(await fetch(`${this.url}${path}`, init));
    }

    /** Issues an IAM token for an account (password method, project scope by region name). */
    async token(
        user = "demo-user",
        password = "demo-password",
        domain = "demo",
        scope: unknown = { project: { name: "cn-north-4" } },
    ): Promise<Reply & { token: string | null }> {
        const r = await this.raw("/v3/auth/tokens", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({
                auth: {
                    identity: { methods: ["password"], password: { user: { name: user, password, domain: { name: domain } } } },
                    ...(scope ? { scope } : {}),
                },
            }),
        });
        return { ...r, token: r.headers.get("x-subject-token") };
    }
}

/** Starts an emulator (fast timings unless told otherwise). */
export async function startTestEmulator(opts: EmulatorOptions = {}): Promise<Emu> {
    const e = await startEmulator({ timings: "fast", ...opts });
    return new Emu(e.url, e.close);
}

/**
 * One emulator for the test file, reset to its seeded accounts with fast timings before each
 * test. Returns the getter of it, for tests and hooks.
 */
export function emulatorResetForEachTest(): () => Emu {
    let emu: Emu | undefined;
    beforeAll(async () => {
        emu = await startTestEmulator();
    });
    afterAll(async () => {
        await emu?.close();
    });
    beforeEach(async () => {
        await emu!.control("POST", "reset");
        await emu!.control("PUT", "timings", JSON.stringify("fast"));
    });
    return () => emu!;
}

/** A valid endpoint service body on the account's seeded backend. */
export function serviceBody(account: TestAccount, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        port_id: account.net.backendPort,
        vpc_id: account.net.backendVpc,
        server_type: "VM",
        approval_enabled: false,
        ports: [{ client_port: 8080, server_port: 80, protocol: "TCP" }],
        ...extra,
    };
}

let ipSeq = 20;
/** A valid interface endpoint body in the account's seeded client subnet. */
export function endpointBody(account: TestAccount, serviceId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        endpoint_service_id: serviceId,
        vpc_id: account.net.clientVpc,
        subnet_id: account.net.clientSubnet,
        port_ip: `10.0.0.${(ipSeq++ % 200) + 20}`,
        ...extra,
    };
}

/** Creates a service and returns its id (asserting 200). */
export async function createService(emu: Emu, account: TestAccount, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await emu.vpcep(account, "POST", "/vpc-endpoint-services", { body: serviceBody(account, extra) });
    if (r.status !== 200) throw new Error(`create service: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
}

/** Creates an endpoint and returns its id (asserting 200). */
export async function createEndpoint(emu: Emu, account: TestAccount, serviceId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const r = await emu.vpcep(account, "POST", "/vpc-endpoints", { body: endpointBody(account, serviceId, extra) });
    if (r.status !== 200) throw new Error(`create endpoint: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.id as string;
}
