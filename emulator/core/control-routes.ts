import { toWire } from "../network/model";
import { SEED } from "../network/seed";
import { NetworkError } from "../network/store";
import { EMULATOR_VERSION } from "../version";
import { ACCOUNTS, type Account, accounts } from "./accounts";
import { emulatorError } from "./api-error";
import type { ApiRequest, ApiResponse } from "./api-module";
import type { AccountInfo, EmulatorInfo, LimitsInfo } from "./control-wire";
import type { EmulatorCore } from "./emulator-core";
import { FaultsError, parseFaults } from "./faults";
import { parseTimingsSpec, TimingsError } from "./timings";

function jsonBody(req: ApiRequest): Record<string, unknown> {
    if (req.body.length === 0) return {};
    try {
        const v = JSON.parse(req.body.toString("utf8")) as unknown;
        if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
        // fall through
    }
    throw emulatorError(400, "body must be a JSON object");
}

/** The account entry `GET /_emulator/info` lists (credentials are demo values, shown on purpose). */
function describeAccount(a: Account): AccountInfo {
    return {
        name: a.name,
        domainId: a.domainId,
        domainName: a.domainName,
        userName: a.userName,
        password: a.password,
        accessKey: a.accessKey,
        secretKey: a.secretKey,
        projects: a.projects.map((p) => ({ id: p.id, name: p.name, region: p.region })),
        network: {
            ...a.networkIds,
            backendPortIp: SEED.backendPortIp,
            backendVpcCidr: SEED.backendVpcCidr,
            backendSubnetCidr: SEED.backendSubnetCidr,
            clientVpcCidr: SEED.clientVpcCidr,
            clientSubnetCidr: SEED.clientSubnetCidr,
        },
        alicloud: a.alicloud,
    };
}

function networkTarget(body: Record<string, unknown>) {
    const name = body.account ?? "demo";
    const account = typeof name === "string" ? accounts.byName(name) : undefined;
    if (!account) throw emulatorError(400, `account must be one of ${ACCOUNTS.map((a) => a.name).join(", ")}`);
    const project = body.projectId === undefined ? account.projects[0]! : account.projects.find((p) => p.id === body.projectId);
    if (!project) throw emulatorError(400, `project ${String(body.projectId)} does not belong to account ${account.name}`);
    return { projectId: project.id, region: project.region };
}

function str(body: Record<string, unknown>, key: string, required: boolean): string | undefined {
    const v = body[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== "string" || v === "") throw emulatorError(400, `${key} must be a non-empty string`);
    return v;
}

function network<T>(fn: () => T): T {
    try {
        return fn();
    } catch (e) {
        if (e instanceof NetworkError)
            throw emulatorError(e.reason === "not_found" ? 404 : e.reason === "conflict" || e.reason === "ip_in_use" ? 409 : 400, e.message);
        throw e;
    }
}

function limitsOf(core: EmulatorCore): LimitsInfo {
    return { requestsPerSecond: core.rateLimit.limit, quotas: core.quotaOverrides() };
}

/** A control route's handler: the core it controls and the request. */
type ControlHandler = (core: EmulatorCore, req: ApiRequest) => ApiResponse;

/** One control route: a method and an exact path (a trailing slash is ignored). */
interface ControlRoute {
    method: string;
    path: string;
    handler: ControlHandler;
}

const info: ControlHandler = (core) => {
    const body: EmulatorInfo = {
        version: EMULATOR_VERSION,
        apis: core.modules.map((m) => m.name),
        accounts: ACCOUNTS.map(describeAccount),
        timings: core.timings.describe(),
        limits: limitsOf(core),
        now: core.now(),
    };
    return { status: 200, body };
};

const resources: ControlHandler = (core, req) => {
    const includeDeleted = ["1", "true"].includes(req.query.get("includeDeleted") ?? "");
    let list = core.resources(includeDeleted);
    for (const key of ["api", "kind", "account"] as const) {
        const want = req.query.get(key);
        if (want !== null) list = list.filter((r) => r[key] === want);
    }
    return { status: 200, body: { resources: list } };
};

const requests: ControlHandler = (core, req) => {
    const since = Number(req.query.get("since") ?? "0");
    if (!Number.isFinite(since)) throw emulatorError(400, "since must be a number");
    return { status: 200, body: { requests: core.log.since(since) } };
};

const reset: ControlHandler = (core) => {
    core.reset();
    return { status: 200, body: { reset: true } };
};

const getFaults: ControlHandler = (core) => ({ status: 200, body: { rules: core.faults.list() } });

const putFaults: ControlHandler = (core, req) => {
    try {
        const { seed, rules } = parseFaults(jsonBody(req));
        core.faults.set(rules, seed);
        return { status: 200, body: { rules: core.faults.list() } };
    } catch (e) {
        if (e instanceof FaultsError) throw emulatorError(400, e.message);
        throw e;
    }
};

const getTimings: ControlHandler = (core) => ({ status: 200, body: core.timings.describe() });

const putTimings: ControlHandler = (core, req) => {
    try {
        const raw = req.body.toString("utf8").trim();
        core.timings.apply(parseTimingsSpec(raw === "" ? {} : (JSON.parse(raw) as unknown)));
        return { status: 200, body: core.timings.describe() };
    } catch (e) {
        if (e instanceof TimingsError || e instanceof SyntaxError) throw emulatorError(400, e.message);
        throw e;
    }
};

const putLimits: ControlHandler = (core, req) => {
    const body = jsonBody(req);
    if ("requestsPerSecond" in body) {
        const r = body.requestsPerSecond;
        if (r !== null && !(typeof r === "number" && Number.isInteger(r) && r > 0))
            throw emulatorError(400, "requestsPerSecond must be a positive integer or null");
        core.rateLimit.set(r as number | null);
    }
    if (body.quotas !== undefined) {
        const q = body.quotas as Record<string, unknown>;
        if (!q || typeof q !== "object") throw emulatorError(400, "quotas must be an object of kind -> integer");
        for (const [k, v] of Object.entries(q)) if (!Number.isInteger(v) || (v as number) < 0) throw emulatorError(400, `quotas.${k} must be an integer >= 0`);
        core.setQuotas(q as Record<string, number>);
    }
    return { status: 200, body: limitsOf(core) };
};

const advanceClock: ControlHandler = (core, req) => {
    const body = jsonBody(req);
    if (typeof body.advanceMs !== "number" || !(body.advanceMs >= 0)) throw emulatorError(400, "advanceMs must be a number >= 0");
    core.clock.advance(body.advanceMs);
    return { status: 200, body: { now: core.now() } };
};

const addVpc: ControlHandler = (core, req) => {
    const body = jsonBody(req);
    const vpc = network(() =>
        core.network.addVpc(networkTarget(body), { id: str(body, "id", false), name: str(body, "name", false), cidr: str(body, "cidr", true)! }),
    );
    core.persistIfDirty();
    return { status: 201, body: { vpc: toWire.vpc(vpc) } };
};

const addSubnet: ControlHandler = (core, req) => {
    const body = jsonBody(req);
    const subnet = network(() =>
        core.network.addSubnet(networkTarget(body), {
            id: str(body, "id", false),
            name: str(body, "name", false),
            vpcId: str(body, "vpcId", true)!,
            cidr: str(body, "cidr", true)!,
            ipv6Cidr: str(body, "ipv6Cidr", false),
        }),
    );
    core.persistIfDirty();
    return { status: 201, body: { subnet: toWire.subnet(subnet) } };
};

const allocatePort: ControlHandler = (core, req) => {
    const body = jsonBody(req);
    const port = network(() =>
        core.network.allocatePort(networkTarget(body), {
            id: str(body, "id", false),
            subnetId: str(body, "subnetId", true)!,
            ip: str(body, "ip", false),
            deviceOwner: str(body, "deviceOwner", false) ?? "compute:nova",
            deviceId: str(body, "deviceId", false),
        }),
    );
    core.persistIfDirty();
    return { status: 201, body: { port: toWire.port(port) } };
};

const addRouteTable: ControlHandler = (core, req) => {
    const body = jsonBody(req);
    const rt = network(() =>
        core.network.addRouteTable(networkTarget(body), {
            id: str(body, "id", false),
            name: str(body, "name", false),
            vpcId: str(body, "vpcId", true)!,
        }),
    );
    core.persistIfDirty();
    return { status: 201, body: { routetable: toWire.routeTable(rt) } };
};

/** Every control route: inspection, reset, faults, timings, limits, clock and network objects. */
const CONTROL_ROUTES: readonly ControlRoute[] = [
    { method: "GET", path: "/_emulator/info", handler: info },
    { method: "GET", path: "/_emulator/resources", handler: resources },
    { method: "GET", path: "/_emulator/requests", handler: requests },
    { method: "POST", path: "/_emulator/reset", handler: reset },
    { method: "GET", path: "/_emulator/faults", handler: getFaults },
    { method: "PUT", path: "/_emulator/faults", handler: putFaults },
    { method: "GET", path: "/_emulator/timings", handler: getTimings },
    { method: "PUT", path: "/_emulator/timings", handler: putTimings },
    { method: "PUT", path: "/_emulator/limits", handler: putLimits },
    { method: "POST", path: "/_emulator/clock", handler: advanceClock },
    { method: "POST", path: "/_emulator/network/vpcs", handler: addVpc },
    { method: "POST", path: "/_emulator/network/subnets", handler: addSubnet },
    { method: "POST", path: "/_emulator/network/ports", handler: allocatePort },
    { method: "POST", path: "/_emulator/network/routetables", handler: addRouteTable },
];

/**
 * The `/_emulator/*` control routes: the route of the request's method and path, or 501. They
 * are not authenticated (the emulator listens on loopback) and not logged.
 */
export function handleControl(core: EmulatorCore, req: ApiRequest): ApiResponse {
    const path = req.path.replace(/\/+$/, "");
    const route = CONTROL_ROUTES.find((r) => r.method === req.method && r.path === path);
    if (!route) throw emulatorError(501, `not implemented by the emulator: ${req.method} ${req.path}`);
    return route.handler(core, req);
}
