/**
 * The chaos run: one Pulumi program with every resource kind (harness/chaos-program), run with the
 * real CLI against the emulator while it misbehaves the way real clouds do — throttling and 5xx
 * answers, connections reset before a request is performed, creates and deletes performed but
 * their answers lost, latency beyond the client's timeout, creations ending `failed`, and the
 * emulator restarted from its state file in the middle of a run — and the CLI killed outright
 * (SIGKILL, as a cancelled CI job is) at a seeded moment after a create (and, in the full run, a
 * delete) reached the emulator, after which the run recovers as a user would: `pulumi cancel`,
 * then the same command again (docs/troubleshooting.md).
 *
 *   up (faults on, re-run until it succeeds, at most 3 times; the killed run does not count)
 *   → faults off: refresh --expect-no-changes, preview --expect-no-changes
 *   → destroy (faults on again, at most 3 times, the killed run not counted) → the emulator is empty
 *
 * After every step: every cloud object of the run is in the stack's state (no orphans), no two
 * cloud objects stand for one state resource (no duplicates), and every state resource exists.
 * A killed run is not checked (its state records pending operations, not objects): the run after
 * it is.
 * Everything random comes from one seed, printed with the fault mix so a failure can be replayed:
 * `npm run chaos -- --seed N`.
 *
 * Used by test/chaos/chaos.test.ts (small) and scripts/chaos.ts (`npm run chaos`, full). It uses
 * no jest globals: it lives in harness/, beside the helpers it shares with the tests, and is compiled into dist/ for the script.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FaultRule } from "../emulator";
import { seededRandom } from "../sdk/core/clock";
import { alicloudAccount, alicloudEnv } from "./alicloud-env";
import { TestCloud } from "./cloud";
import { adoptionAdvice, PulumiProgram, REPO_ROOT, type RunResult } from "./pulumi-program";

export interface ChaosOptions {
    seed: number;
    /** Resources the program declares (about; the shape is fixed). Default 34; the small run uses 10. */
    resources?: number;
    /** Small run: fewer faults (one latency spike, fewer drops), for `npm test`. */
    small?: boolean;
    /** Progress lines (default: console.log). */
    log?: (line: string) => void;
    /**
     * The fault mix. `classic` (the default): few-shot drops and spikes, error partitions, failed
     * creations, a restart of the emulator and a killed CLI; up and destroy may take 3 runs.
     * `lossy`: every request may be hit, independently, by the faults of {@link lossyRules} —
     * answers lost after the cloud acted on 15 % of writes among them — and up and destroy must
     * each converge in ONE run.
     */
    mix?: "classic" | "lossy";
}

export interface StepCheck {
    step: string;
    /** Whether the CLI step itself succeeded. */
    succeeded: boolean;
    ok: boolean;
    orphans: string[];
    duplicates: string[];
    missing: string[];
}

export interface ChaosReport {
    seed: number;
    shape: { services: number; dns: number; aliPairs: number; dnsRules: number };
    resources: number;
    faultMix: string[];
    steps: StepCheck[];
    upAttempts: number;
    destroyAttempts: number;
    requests: number;
    /** Requests answered 429/500/503 by a fault, in the faulted phases, over all requests of those phases. */
    errorShare: number;
    faults: Record<string, number>;
    retries: number;
    orphans: number;
    duplicates: number;
    missing: number;
    /** When the emulator was restarted (which step, after how many requests of it). */
    restart: string;
    /** Network ports (addresses) made by the run and still held after destroy. */
    leakedPorts: number;
    /** The CLI runs killed by the "kill the CLI" fault: when, and after which cloud call. */
    kills: string[];
    /** Objects of killed runs' creations that a later run took over ("taking over …"). */
    takenOver: number;
    /** Objects an error asked to take over with the adopt input (a DNS object renamed just before a kill). */
    adoptionsAsked: string[];
    /** Problems that fail the run. */
    failures: string[];
    /** CLI outputs of failed attempts (for diagnosis; printed on failure). */
    errors: string[];
}

/** The program's shape for a resource count: per service 3.5 resources, plus DNS and Alibaba pairs. */
export function shapeFor(resources: number): { services: number; dns: number; aliPairs: number; dnsRules: number; total: number } {
    const dns = resources >= 20 ? 2 : 1;
    const aliPairs = resources >= 20 ? 2 : 1;
    // An outbound endpoint, its rule and the rule's association with a VPC, a private zone and its
    // record set: 5 resources; and with the first Alibaba pair its VpcEndpointConnection, a
    // PrivateZone zone and its record: 3.
    const dnsRules = 1;
    const extra = aliPairs ? 3 : 0;
    const services = Math.min(20, Math.max(1, Math.ceil((resources - dns - 2 * aliPairs - 5 * dnsRules - extra) / 3.5)));
    return { services, dns, aliPairs, dnsRules, total: 3 * services + Math.floor(services / 2) + dns + 2 * aliPairs + extra + 5 * dnsRules };
}

/** Above the SDK's response-headers timeout (sdk/core/http.ts defaultTimeouts.headersMs, 30 s). */
const SPIKE_MS = 31_000;
const CREATES = [
    "CreateEndpointService",
    "CreateEndpoint",
    "CreateResolverEndpoint",
    "CreateVpcEndpointService",
    "CreateVpcEndpoint",
    "CreatePrivateZone",
    "CreateRecordSet",
    "AddZone",
    "AddZoneRecord",
];
const DELETES = ["DeleteEndpointService", "DeleteEndpoint", "DeleteResolverEndpoint", "DeleteVpcEndpointService", "DeleteVpcEndpoint"];

/**
 * The "kill the CLI" fault of a phase: the phase's first CLI run (or, when that one ends first, the
 * next) is killed outright `delayMs` after the `after`-th of its `operations` reached the emulator
 * (performed: answered 2xx, or performed with the answer lost).
 */
export interface KillPlan {
    phase: "up" | "destroy";
    operations: string[];
    after: number;
    delayMs: number;
}

/** The kill faults: one in up; in the full run one in destroy as well. Own generator: the seed's other faults stay as they were. */
export function killPlans(seed: number, small: boolean): KillPlan[] {
    const r = seededRandom(seed * 104_729 + 21);
    const plans: KillPlan[] = [{ phase: "up", operations: CREATES, after: 1 + Math.floor(r() * 3), delayMs: Math.floor(r() * 1500) }];
    if (!small) plans.push({ phase: "destroy", operations: DELETES, after: 1 + Math.floor(r() * 3), delayMs: Math.floor(r() * 1000) });
    return plans;
}

const ERRORS: Record<number, Record<string, { code: string; message: string }>> = {
    429: {
        huawei: { code: "APIGW.0308", message: "The throttling threshold has been reached: policy user over ratelimit,limit:10,time:1 second" },
        privatelink: { code: "Throttling.User", message: "Request was denied due to user flow control." },
    },
    500: {
        huawei: { code: "SYS.5000", message: "Internal server error (chaos)" },
        privatelink: { code: "InternalError", message: "The request processing has failed due to some unknown error." },
    },
    503: {
        huawei: { code: "APIGW.0202", message: "The API is unavailable (chaos)" },
        privatelink: { code: "ServiceUnavailable", message: "The request has failed due to a temporary failure of the server." },
    },
};

/**
 * The fault rules of a phase. The emulator's first matching rule decides and a missed roll means
 * no fault, so the few-shot rules (drops, spikes) come first, each on a few operations, and the error rules after them partition the traffic (API × method) so that each gets a
 * status of its own.
 */
export function faultRules(phase: "up" | "destroy", seed: number, small: boolean, errorProbability = 0.4): FaultRule[] {
    const r = seededRandom(seed * 7919 + (phase === "up" ? 1 : 2));
    const few = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
    const rules: FaultRule[] = [];
    // Performed, answer lost: the orphan-makers.
    for (const operation of phase === "up" ? CREATES : DELETES) {
        rules.push({ operation, drop: "after", times: small ? 1 : few(1, 2), probability: 0.5 });
    }
    if (phase === "up") for (const operation of DELETES) rules.push({ operation, drop: "after", times: 1, probability: 0.5 });
    // Latency beyond the client's timeout on one read operation (the client gives up, then asks again).
    rules.push({ operation: "ListServiceDetails", latencyMs: SPIKE_MS, times: small ? 1 : few(1, 2), probability: 0.5 });
    // Connection reset before the request is performed, on a few operations of every API (kept
    // narrow so that the error rules below see most of the traffic).
    for (const operation of [
        "ListEndpointInfoDetails",
        "BatchAddOrRemoveEndpointServicePermissions",
        "ShowResolverEndpoint",
        "GetVpcEndpointAttribute",
        "GetVpcEndpointServiceAttribute",
    ]) {
        rules.push({ operation, drop: "before", times: small ? 1 : few(1, 2), probability: 0.5 });
    }
    // Errors, each partition with a seeded status; the first three cover 429, 500 and 503.
    const statuses = [429, 500, 503].sort(() => r() - 0.5);
    const partitions: Array<{ filter: Partial<FaultRule>; family: string }> = [
        { filter: { api: "vpcep", method: "GET" }, family: "huawei" },
        { filter: { api: "vpcep", method: "POST" }, family: "huawei" },
        { filter: { api: "privatelink" }, family: "privatelink" },
        { filter: { api: "vpcep" }, family: "huawei" }, // PUT, DELETE
        { filter: { api: "dns", method: "GET" }, family: "huawei" },
        { filter: { api: "dns" }, family: "huawei" },
    ];
    partitions.forEach((p, i) => {
        const status = statuses[i] ?? [429, 500, 503][Math.floor(r() * 3)]!;
        rules.push({ ...p.filter, probability: errorProbability, error: { status, ...ERRORS[status]![p.family]! } });
    });
    return rules;
}

/** A "busy" answer of each API, retried like a throttle (EndPoint.0022 is a throttle answered with HTTP 400). */
const BUSY: Record<string, { status: number; code: string; message: string }> = {
    vpcep: { status: 400, code: "EndPoint.0022", message: "The request is too frequent. Please try again later. (chaos)" },
    dns: { status: 500, code: "DNS.0002", message: "System busy (chaos)" },
    privatelink: { status: 503, code: "ServiceUnavailable", message: "The request has failed due to a temporary failure of the server." },
};

/**
 * The lossy mix, the same in every phase: each rule is rolled in turn for every request
 * (`fallThrough`), so faults are independent — of the writes (POST, PUT, DELETE) 15 % are performed
 * with their answer lost; of all requests 5 % are reset before the cloud sees them and 5 % wait 4 s;
 * of each API's requests 12 % are answered 503, 8 % "busy", 6 % 429.
 */
export function lossyRules(): FaultRule[] {
    const rules: FaultRule[] = [];
    for (const method of ["POST", "PUT", "DELETE"]) rules.push({ method, drop: "after", probability: 0.15, fallThrough: true });
    rules.push({ drop: "before", probability: 0.05, fallThrough: true });
    rules.push({ latencyMs: 4000, probability: 0.05, fallThrough: true });
    for (const [api, family] of [
        ["vpcep", "huawei"],
        ["dns", "huawei"],
        ["privatelink", "privatelink"],
    ] as const) {
        rules.push({ api, probability: 0.12, fallThrough: true, error: { status: 503, ...ERRORS[503]![family]! } });
        rules.push({ api, probability: 0.08, fallThrough: true, error: BUSY[api]! });
        rules.push({ api, probability: 0.06, fallThrough: true, error: { status: 429, ...ERRORS[429]![family]! } });
    }
    return rules;
}

function describeRule(rule: FaultRule): string {
    const where = [rule.api, rule.method, rule.operation].filter(Boolean).join(" ") || "any";
    const what = [
        rule.drop ? `drop ${rule.drop}` : "",
        rule.latencyMs ? `latency ${rule.latencyMs}ms` : "",
        rule.error ? `${rule.error.status} ${rule.error.code}` : "",
    ]
        .filter(Boolean)
        .join(", ");
    return `${where}: ${what} p=${rule.probability ?? 1}${rule.times !== undefined ? ` times=${rule.times}` : ""}`;
}

interface LogEntry {
    seq: number;
    api: string;
    operation: string;
    status: number;
    attempt?: number;
    fault?: string;
    phase: string;
}

/**
 * Creations settle after one read (every wait is exercised); deletions after half a second of the
 * clock, so an object whose DELETE was performed goes away by itself even when nobody reads it
 * again (as in a real cloud), rather than holding its name and addresses forever.
 */
const quick = { create: { afterReads: 1 }, delete: { afterMs: 500 } };
const TIMINGS = {
    "vpcep:endpoint_service": quick,
    "vpcep:endpoint": quick,
    "dns:endpoint": quick,
    "dns:resolver_rule": quick,
    "dns:resolver_rule_router": quick,
    "privatelink:endpoint": quick,
    "privatelink:endpoint_service": quick,
    "privatelink:connection": quick,
};
/** Matches nothing: clears a failNamesMatching (timings merge per kind). */
const NEVER = "(?!)";

/** The emulator, restartable on the same port from the same state file; keeps the request log across restarts. */
class Cloud {
    log: LogEntry[] = [];
    phase = "setup";
    private lastSeq = 0;
    private constructor(
        public cloud: TestCloud,
        readonly port: number,
        readonly stateFile: string,
        private readonly seed: number,
        private timings: Record<string, unknown>,
    ) {}

    static async start(stateFile: string, seed: number): Promise<Cloud> {
        const cloud = await TestCloud.start({ stateFile, seed, timings: TIMINGS });
        return new Cloud(cloud, Number(new URL(cloud.url).port), stateFile, seed, { ...TIMINGS });
    }

    /**
     * A control call, tried again when the connection fails: after a restart the test process's
     * pooled keep-alive socket to the old server may be the one picked, and it is closed.
     */
    async ctl<T = any>(method: string, route: string, body?: unknown): Promise<T> {
        for (let attempt = 1; ; attempt++) {
            try {
                return await this.cloud.control<T>(method, route, body);
            } catch (e) {
                if (attempt >= 5 || !(e instanceof TypeError)) throw e;
                await new Promise((r) => setTimeout(r, 100 * attempt));
            }
        }
    }

    async setTimings(t: Record<string, unknown>): Promise<void> {
        for (const [k, v] of Object.entries(t)) this.timings[k] = { ...(this.timings[k] as object), ...(v as object) };
        await this.ctl("PUT", "timings", t);
    }

    async setFaults(rules: FaultRule[], seed: number): Promise<void> {
        await this.ctl("PUT", "faults", { seed, rules });
    }

    /** Pulls new request-log entries into `log`. */
    async collect(): Promise<number> {
        const fresh = (await this.ctl<{ requests: LogEntry[] }>("GET", `requests?since=${this.lastSeq}`)).requests;
        for (const r of fresh)
            this.log.push({ seq: r.seq, api: r.api, operation: r.operation, status: r.status, attempt: r.attempt, fault: r.fault, phase: this.phase });
        if (fresh.length) this.lastSeq = fresh[fresh.length - 1]!.seq;
        return fresh.length;
    }

    /**
     * Stops the emulator and starts a new one on the same port from the same state file. Faults,
     * timings and the log are not persisted: the remaining fault rules (with their counts) and the
     * timings are put back.
     */
    async restart(): Promise<void> {
        await this.collect();
        const rules = (await this.ctl<{ rules: FaultRule[] }>("GET", "faults")).rules;
        await this.cloud.close();
        // Let the test process's HTTP pool see its sockets to the old server close.
        await new Promise((r) => setTimeout(r, 300));
        this.cloud = await TestCloud.start({ port: this.port, stateFile: this.stateFile, seed: this.seed + 1, timings: TIMINGS });
        this.lastSeq = 0;
        await this.ctl("PUT", "timings", this.timings);
        await this.setFaults(rules, this.seed + 1);
    }

    /** Cloud objects of the run: everything but the network model and what the emulator had at start. */
    async objects(baseline: Set<string>): Promise<Array<{ key: string; id: string; name: string; deleting: boolean; routers?: string[] }>> {
        const all = (await this.ctl<{ resources: Array<{ api: string; kind: string; id: string; status?: string; body: any }> }>("GET", "resources")).resources;
        return all
            .filter((r) => r.api !== "network" && !baseline.has(`${r.api}:${r.kind}:${r.id}`))
            .map((r) => ({
                key: `${r.api}:${r.kind}`,
                id: r.id,
                deleting: /delet/i.test(r.status ?? ""),
                // PrivateZone zones and records by their names (a record: zone, host record, type, value).
                name: String(
                    r.body?.description ??
                        r.body?.name ??
                        r.body?.EndpointName ??
                        r.body?.ServiceDescription ??
                        r.body?.ZoneName ??
                        (r.body?.Rr !== undefined ? `${r.body.ZoneId}/${r.body.Rr} ${r.body.Type} ${r.body.Value}` : r.id),
                ),
                routers: Array.isArray(r.body?.routers) ? r.body.routers.map((x: { router_id: string }) => x.router_id) : undefined,
            }));
    }

    /** The run's network ports (addresses held by endpoints), not in the baseline. */
    async ports(baseline: Set<string>): Promise<string[]> {
        const all = (await this.ctl<{ resources: Array<{ api: string; kind: string; id: string }> }>("GET", "resources?api=network&kind=port")).resources;
        return all.filter((r) => !baseline.has(`${r.api}:${r.kind}:${r.id}`)).map((r) => r.id);
    }

    /** `serviceId/permission` of every permission the emulator holds (from its state file; the control routes do not list them). */
    permissions(): string[] {
        const out: string[] = [];
        const walk = (v: unknown): void => {
            if (!v || typeof v !== "object") return;
            const o = v as Record<string, unknown>;
            if (typeof o.id === "string" && Array.isArray(o.permissions) && o.lifecycle && !(o.lifecycle as { deletedAt?: number }).deletedAt) {
                for (const p of o.permissions as Array<{ permission: string }>) out.push(`${o.id}/${p.permission}`);
            }
            for (const x of Object.values(o)) walk(x);
        };
        if (fs.existsSync(this.stateFile)) walk(JSON.parse(fs.readFileSync(this.stateFile, "utf8")));
        return out;
    }
}

async function pulumi(p: PulumiProgram, args: string[]): Promise<RunResult> {
    return p.run([...args, "--non-interactive", "--stack", p.stack]);
}

/** Whether a logged call was performed: answered 2xx, or performed with its answer lost. */
function performed(e: LogEntry): boolean {
    return (e.status >= 200 && e.status < 300) || /drop after/.test(e.fault ?? "");
}

/**
 * The ids an object of the state (or an id to adopt) may have in the emulator's list: a record's or
 * record set's id is its zone's and its own (`<zoneId>/<id>`), and the emulator lists it by its own.
 */
function idForms(id: string): string[] {
    return [id, ...(/^[^/]+\/[0-9a-f]+$/i.test(id) ? [id.split("/")[1]!] : [])];
}

/** The last lines of a CLI run that say why it failed. */
function why(r: RunResult): string {
    const lines = `${r.stdout}\n${r.stderr}`.split("\n").filter((l) => /error|failed|Error/.test(l));
    return lines.slice(-12).join("\n");
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
    const log = opts.log ?? ((l: string) => console.log(l));
    const seed = opts.seed;
    const small = opts.small ?? false;
    const lossy = opts.mix === "lossy";
    /** CLI runs a phase may take (killed runs not counted). */
    const maxRuns = lossy ? 1 : 3;
    const shape = shapeFor(opts.resources ?? (small ? 10 : 34));
    const random = seededRandom(seed);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-chaos-"));
    const stateFile = path.join(work, "emulator-state.json");
    const cloud = await Cloud.start(stateFile, seed);
    const report: ChaosReport = {
        seed,
        shape: { services: shape.services, dns: shape.dns, aliPairs: shape.aliPairs, dnsRules: shape.dnsRules },
        resources: shape.total,
        faultMix: [],
        steps: [],
        upAttempts: 0,
        destroyAttempts: 0,
        requests: 0,
        errorShare: 0,
        faults: {},
        retries: 0,
        orphans: 0,
        duplicates: 0,
        missing: 0,
        restart: "not done",
        leakedPorts: 0,
        kills: [],
        takenOver: 0,
        adoptionsAsked: [],
        failures: [],
        errors: [],
    };
    let p: PulumiProgram | undefined;
    try {
        const baseline = new Set(
            (await cloud.ctl<{ resources: Array<{ api: string; kind: string; id: string }> }>("GET", "resources")).resources.map(
                (r) => `${r.api}:${r.kind}:${r.id}`,
            ),
        );
        const demo = cloud.cloud.account("demo");
        const ali = alicloudAccount(cloud.cloud);
        p = await PulumiProgram.create({
            fromDir: path.join(REPO_ROOT, "harness/chaos-program"),
            env: { ...cloud.cloud.huaweiEnv(), ...alicloudEnv(cloud.cloud) },
        });
        const config: Record<string, string> = {
            services: String(shape.services),
            dns: String(shape.dns),
            aliPairs: String(shape.aliPairs),
            dnsRules: String(shape.dnsRules),
            permittedAccounts: JSON.stringify([cloud.cloud.account("consumer").domainId, cloud.cloud.account("partner").domainId]),
            backendVpcId: demo.network.backendVpcId!,
            backendPortId: demo.network.backendPortId!,
            clientVpcId: demo.network.clientVpcId!,
            clientSubnetId: demo.network.clientSubnetId!,
            aliVpcId: ali.network.vpcId,
            aliLoadBalancerId: ali.network.loadBalancerId,
            aliSecurityGroupId: ali.network.securityGroupIds[0]!,
            aliVSwitchIds: JSON.stringify(ali.network.vSwitchIds),
        };
        for (const [k, v] of Object.entries(config)) await p.setConfig(k, v);

        // Which creations end `failed` (first up attempt only): a seeded pick of services and endpoints.
        const pick = (n: number, k: number) => [...Array(n).keys()].sort(() => random() - 0.5).slice(0, Math.min(n, k));
        const failingServices = pick(shape.services, small ? 1 : 2);
        const failingEndpoints = pick(shape.services, small ? 1 : 2);
        const failTimings = lossy
            ? {}
            : {
                  "vpcep:endpoint_service": { failNamesMatching: `^chaos(${failingServices.join("|")})$` },
                  "vpcep:endpoint": { failNamesMatching: `^chaos-ep-(${failingEndpoints.join("|")})$` },
                  "dns:endpoint": { failNamesMatching: small ? NEVER : `^chaos-dns-0$` },
              };
        const upRules = lossy ? lossyRules() : faultRules("up", seed, small);
        const destroyRules = lossy ? lossyRules() : faultRules("destroy", seed, small);
        const kills = lossy ? [] : killPlans(seed, small);
        // The restart comes after this many API requests of the up phase.
        const restartAfter = Math.round(shape.total * (1 + random() * 2));
        report.faultMix = [
            `resources ${shape.total} (services ${shape.services}, dns ${shape.dns}, dns rules ${shape.dnsRules}, alibaba pairs ${shape.aliPairs})`,
            ...(lossy
                ? ["the lossy mix: up and destroy must each converge in one run"]
                : [
                      `failed creations (first up): services chaos{${failingServices.join(",")}}, endpoints chaos-ep-{${failingEndpoints.join(",")}}${small ? "" : ", dns chaos-dns-0"}`,
                      `emulator restart after ${restartAfter} requests of the up phase`,
                  ]),
            ...kills.map(
                (k) => `${k.phase}: kill the CLI (SIGKILL) ${k.delayMs} ms after the run's call #${k.after} of ${k.operations.join("/")} reached the emulator`,
            ),
            ...upRules.map((r, i) => `up rule ${i}: ${describeRule(r)}`),
            ...destroyRules.map((r, i) => `destroy rule ${i}: ${describeRule(r)}`),
        ];
        log(
            `chaos: seed ${seed} — replay with \`npm run chaos -- --seed ${seed} --resources ${opts.resources ?? (small ? 10 : 34)}${lossy ? " --mix lossy" : ""}\`${small ? " (small)" : ""}`,
        );
        for (const l of report.faultMix) log(`chaos:   ${l}`);

        const check = async (step: string, succeeded = true): Promise<StepCheck> => {
            const state = await p!.exportState();
            const inState = (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/") && r.id);
            const stateIds = new Set(inState.flatMap((r) => idForms(r.id!)));
            const all = await cloud.objects(baseline);
            // An object already being deleted (its DELETE was performed, then the answer lost and
            // the retries ran out) is on its way out: neither an orphan nor a duplicate.
            const objects = all.filter((o) => !o.deleting);
            const awaited = new Set([...adopting.values()].flatMap(idForms));
            const orphans = objects.filter((o) => !stateIds.has(o.id) && !awaited.has(o.id)).map((o) => `${o.key} ${o.id} (${o.name})`);
            const byName = new Map<string, string[]>();
            for (const o of objects) byName.set(`${o.key} ${o.name}`, [...(byName.get(`${o.key} ${o.name}`) ?? []), o.id]);
            const duplicates = [...byName.entries()].filter(([, ids]) => ids.length > 1).map(([k, ids]) => `${k}: ${ids.join(", ")}`);
            // Permissions: every one the emulator holds is a ServicePermission of the state.
            const permissionIds = new Set(inState.filter((r) => r.type.endsWith(":ServicePermission")).map((r) => r.id!));
            const live = new Set(objects.map((o) => o.id));
            for (const perm of cloud.permissions()) if (live.has(perm.split("/")[0]!) && !permissionIds.has(perm)) orphans.push(`permission ${perm}`);
            // VPC associations: every router a live rule lists is a ResolverRuleAssociation of the state.
            const associationIds = new Set(inState.filter((r) => r.type.endsWith(":ResolverRuleAssociation")).map((r) => r.id!));
            for (const o of objects.filter((x) => x.key === "dns:resolver_rule")) {
                for (const router of o.routers ?? []) if (!associationIds.has(`${o.id}/${router}`)) orphans.push(`association ${o.id}/${router}`);
            }
            // Every state resource exists in the emulator (sub-objects: their service does).
            const objectIds = new Set(objects.map((o) => o.id));
            const missing = inState.filter((r) => !objectIds.has(r.id!.split("/")[0]!)).map((r) => `${r.urn.split("::").pop()} ${r.id}`);
            // A failed step may leave state entries whose object is already gone (a delete that
            // was performed but reported failed); the next attempt settles them. Orphans and
            // duplicates are never allowed; missing objects only after a successful step.
            const c: StepCheck = {
                step,
                succeeded,
                ok: !orphans.length && !duplicates.length && (!succeeded || !missing.length),
                orphans,
                duplicates,
                missing,
            };
            report.steps.push(c);
            log(
                `chaos: after ${step}: ${objects.length} cloud objects (+${all.length - objects.length} being deleted), ${inState.length} in state; orphans ${orphans.length}, duplicates ${duplicates.length}, missing ${missing.length}`,
            );
            for (const l of [...orphans.map((o) => `orphan ${o}`), ...duplicates.map((d) => `duplicate ${d}`), ...missing.map((m) => `missing ${m}`)])
                log(`chaos:     ${l}`);
            if (!c.ok)
                report.failures.push(
                    `after ${step}: orphans [${orphans.join("; ")}] duplicates [${duplicates.join("; ")}]${succeeded ? ` missing [${missing.join("; ")}]` : ""}`,
                );
            return c;
        };

        /**
         * Runs `pulumi ARGS` of a faulted phase until it succeeds, at most 3 times (a killed run
         * does not count). While a run goes on, the request log is collected every 250 ms and
         * `during` may act on it. The phase's kill plan kills one run (the first that reaches its
         * moment); the next runs after `pulumi cancel`, as a user would. A failed run whose error asks
         * for the adopt input (a DNS object renamed in the instant before a kill:
         * docs/troubleshooting.md) is reported with it.
         */
        const takenOver = new Set<string>();
        /** Objects an error asked to adopt, by resource name: not orphans while the next run takes them over. */
        const adopting = new Map<string, string>();
        const runPhase = async (
            phase: "up" | "destroy",
            args: string[],
            before: (attempt: number) => Promise<void>,
            during: (attempt: number, fresh: number) => Promise<void>,
        ): Promise<boolean> => {
            let kill = kills.find((k) => k.phase === phase);
            let attempt = 0;
            let prepared = 0;
            for (let run = 1; attempt < maxRuns; run++) {
                if (prepared <= attempt) {
                    prepared = attempt + 1;
                    await before(prepared);
                }
                const started = Date.now();
                const from = cloud.log.length;
                const plan = kill;
                const reached = async () => cloud.log.slice(from).filter((e) => plan!.operations.includes(e.operation) && performed(e)).length >= plan!.after;
                const cli = plan
                    ? p!
                          .signalDuring([...args, "--non-interactive", "--stack", p!.stack], reached, plan.delayMs, "SIGKILL")
                          .then((k): RunResult & { killed: boolean } => ({ code: k.code ?? -1, stdout: k.output, stderr: "", killed: k.signalled }))
                    : pulumi(p!, args).then((r) => ({ ...r, killed: false }));
                let finished = false;
                const watcher = (async () => {
                    while (!finished) {
                        await new Promise((r) => setTimeout(r, 250));
                        if (finished) break;
                        let fresh: number;
                        try {
                            fresh = await cloud.collect();
                        } catch {
                            continue;
                        }
                        await during(attempt + 1, fresh);
                    }
                })();
                const r = await cli;
                finished = true;
                await watcher;
                await during(attempt + 1, await cloud.collect());
                const seconds = Math.round((Date.now() - started) / 1000);
                for (const m of r.stdout.matchAll(/taking over (\S+), created by an interrupted run/g)) takenOver.add(m[1]!);
                report.takenOver = takenOver.size;
                if (r.killed) {
                    const what = `${plan!.after}${["st", "nd", "rd"][plan!.after - 1] ?? "th"} ${phase === "up" ? "create" : "delete"} call`;
                    report.kills.push(`${phase} run ${run}, ${plan!.delayMs} ms after its ${what} reached the emulator (${seconds} s in)`);
                    log(
                        `chaos: ${phase} run ${run} killed (SIGKILL) ${plan!.delayMs} ms after its ${what} reached the emulator, ${seconds} s in; pulumi cancel`,
                    );
                    kill = undefined;
                    await p!.cancel();
                    continue;
                }
                attempt++;
                if (phase === "up") report.upAttempts = attempt;
                else report.destroyAttempts = attempt;
                const ok = r.code === 0;
                log(`chaos: ${phase} attempt ${attempt}: ${ok ? "succeeded" : `failed (exit ${r.code})`} in ${seconds} s`);
                if (!ok) {
                    report.errors.push(`${phase} attempt ${attempt}:\n${why(r)}`);
                    log(why(r).replace(/^/gm, "chaos:     | "));
                    // An object the run cannot prove is this stack's stops it with the adopt input to give
                    // (docs/troubleshooting.md): the next run gives it, as a user would.
                    const told = adoptionAdvice(r.stdout);
                    for (const { urn, id } of told) {
                        const name = urn.split("::").pop()!;
                        report.adoptionsAsked.push(`${name} ${id}`);
                        adopting.set(name, id);
                    }
                    if (told.length) await p!.setConfig("adopt", JSON.stringify(Object.fromEntries(adopting)));
                }
                await check(`${phase} attempt ${attempt}`, ok);
                if (ok) return true;
            }
            return false;
        };

        // ---- up, faults on, re-run until it succeeds (at most 3 times); the emulator restarts once in the middle.
        await cloud.setTimings(failTimings);
        await cloud.setFaults(upRules, seed);
        cloud.phase = "up";
        let upRequests = 0;
        const upDone = await runPhase(
            "up",
            ["up", "--yes", "--skip-preview"],
            async (attempt) => {
                if (attempt !== 2) return;
                await cloud.setTimings({
                    "vpcep:endpoint_service": { failNamesMatching: NEVER },
                    "vpcep:endpoint": { failNamesMatching: NEVER },
                    "dns:endpoint": { failNamesMatching: NEVER },
                });
                if (report.restart === "not done" && !lossy) {
                    // The first attempt ended before the threshold: restart between the attempts.
                    await cloud.restart();
                    report.restart = `between up attempts 1 and 2 (after ${upRequests} requests)`;
                    log(`chaos: emulator restarted ${report.restart}`);
                }
            },
            async (attempt, fresh) => {
                upRequests += fresh;
                if (!lossy && report.restart === "not done" && upRequests >= restartAfter) {
                    await cloud.restart();
                    report.restart = `during up attempt ${attempt} (after ${upRequests} requests)`;
                    log(`chaos: emulator restarted ${report.restart}`);
                }
            },
        );
        if (!upDone) report.failures.push(`pulumi up did not succeed within ${maxRuns} run${maxRuns > 1 ? "s" : ""}`);

        // ---- faults off: nothing to change.
        await cloud.setFaults([], seed);
        cloud.phase = "verify";
        // An adopt input given for one run is removed afterwards, which changes only the state (docs/adopting.md).
        if (adopting.size && upDone) {
            await p.mustRun(["config", "rm", "adopt", "--stack", p.stack]);
            const r = await pulumi(p, ["up", "--yes", "--skip-preview"]);
            log(`chaos: up without the adopt input: ${r.code === 0 ? "succeeded" : `exit ${r.code}`}`);
            if (r.code !== 0) report.failures.push(`up without the adopt input failed (exit ${r.code}):\n${why(r)}`);
            await cloud.collect();
            await check("up without the adopt input");
        }
        for (const [step, args] of [
            ["refresh --expect-no-changes", ["refresh", "--yes", "--expect-no-changes", "--diff"]],
            ["preview --expect-no-changes", ["preview", "--expect-no-changes", "--diff"]],
        ] as const) {
            const r = await pulumi(p, [...args]);
            log(`chaos: ${step}: ${r.code === 0 ? "no changes" : `exit ${r.code}`}`);
            if (r.code !== 0) {
                report.failures.push(`${step} failed (exit ${r.code}):\n${why(r)}`);
                report.errors.push(`${step}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-2000)}`);
            }
            await cloud.collect();
            await check(step);
        }

        // ---- destroy, faults on again (at most 3 times).
        await cloud.setFaults(destroyRules, seed + 2);
        cloud.phase = "destroy";
        const nothing = async () => undefined;
        const destroyed = await runPhase("destroy", ["destroy", "--yes", "--skip-preview"], nothing, nothing);
        if (!destroyed) report.failures.push(`pulumi destroy did not succeed within ${maxRuns} run${maxRuns > 1 ? "s" : ""}`);
        await cloud.setFaults([], seed);
        const left = await cloud.objects(baseline);
        if (left.length) report.failures.push(`after destroy the emulator still holds ${left.map((o) => `${o.key} ${o.id}`).join(", ")}`);
        report.leakedPorts = (await cloud.ports(baseline)).length;
        if (report.leakedPorts) report.failures.push(`after destroy ${report.leakedPorts} network ports (endpoint addresses) are still held`);
    } finally {
        p?.dispose();
        await cloud.collect().catch(() => undefined);
        await cloud.cloud.close().catch(() => undefined); // already closed when a restart failed halfway
        fs.rmSync(work, { recursive: true, force: true });
    }

    // CHAOS_REQUEST_LOG=<file>: the whole request log, one JSON line per request (for diagnosis).
    if (process.env.CHAOS_REQUEST_LOG) fs.writeFileSync(process.env.CHAOS_REQUEST_LOG, `${cloud.log.map((r) => JSON.stringify(r)).join("\n")}\n`);
    // ---- figures, from the request log of every emulator instance.
    const faulted = cloud.log.filter((r) => r.phase === "up" || r.phase === "destroy");
    report.requests = cloud.log.length;
    const kinds: Record<string, number> = {};
    for (const r of cloud.log) {
        if (!r.fault) continue;
        let kind = "other";
        if (/drop before/.test(r.fault)) kind = "reset before";
        else if (/drop after/.test(r.fault))
            kind = `${/^Create/.test(r.operation) ? "create" : /^Delete/.test(r.operation) ? "delete" : "other"} done, answer lost`;
        else if (/latency/.test(r.fault)) kind = "latency spike";
        else if (/error/.test(r.fault)) kind = `HTTP ${r.status}`;
        kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    report.faults = kinds;
    const errorsAnswered = faulted.filter((r) => r.fault && /error/.test(r.fault) && [429, 500, 503].includes(r.status)).length;
    report.errorShare = faulted.length ? errorsAnswered / faulted.length : 0;
    report.retries = cloud.log.filter((r) => (r.attempt ?? 1) > 1).length;
    report.orphans = Math.max(0, ...report.steps.map((s) => s.orphans.length));
    report.duplicates = Math.max(0, ...report.steps.map((s) => s.duplicates.length));
    report.missing = Math.max(0, ...report.steps.filter((s) => s.succeeded).map((s) => s.missing.length));
    // The lossy mix answers some of its errors 400 (EndPoint.0022), so it asks for less of these three.
    const wantShare = lossy ? 0.1 : 0.2;
    if (report.errorShare < wantShare)
        report.failures.push(
            `only ${(report.errorShare * 100).toFixed(1)} % of the faulted phases' requests were answered 429/500/503 (want ≥ ${wantShare * 100} %)`,
        );
    if (report.restart === "not done" && !lossy) report.failures.push("the emulator was not restarted");
    return report;
}

/** The closing figures, one per line. */
export function figures(r: ChaosReport): string[] {
    return [
        `seed ${r.seed}: ${r.failures.length ? "FAILED" : "passed"}`,
        `resources: ${r.resources} (services ${r.shape.services}, dns ${r.shape.dns}, dns rules ${r.shape.dnsRules}, alibaba pairs ${r.shape.aliPairs})`,
        `attempts: up ${r.upAttempts}, destroy ${r.destroyAttempts} (killed runs not counted); emulator restarted ${r.restart}`,
        `API requests: ${r.requests}; answered 429/500/503 by a fault in the faulted phases: ${(r.errorShare * 100).toFixed(1)} %`,
        `faults injected: ${
            Object.entries(r.faults)
                .sort()
                .map(([k, v]) => `${k} ${v}`)
                .join(", ") || "none"
        }`,
        `retries (requests with attempt > 1): ${r.retries}`,
        `CLI killed (SIGKILL): ${r.kills.length} (${r.kills.join("; ") || "none"}); then taken over ${r.takenOver}; adoptions asked by an error: ${r.adoptionsAsked.join(", ") || "none"}`,
        `orphans: ${r.orphans}, duplicates: ${r.duplicates} (the most after any step), missing: ${r.missing} (after any successful step); leaked ports after destroy: ${r.leakedPorts}`,
        ...r.failures.map((f) => `FAILURE: ${f}`),
    ];
}
