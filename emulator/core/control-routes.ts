import { toWire } from "../network/model";
import { SEED } from "../network/seed";
import { NetworkError } from "../network/store";
import { EMULATOR_VERSION } from "../version";
import { ACCOUNTS, type Account, accounts } from "./accounts";
import { emulatorError } from "./api-error";
import type { ApiRequest, ApiResponse } from "./api-module";
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
function describeAccount(a: Account) {
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

/**
 * The `/_emulator/*` control routes: inspection, reset, faults, timings, limits, clock and
 * network objects. They are not authenticated (the emulator listens on loopback) and not logged.
 */
export function handleControl(core: EmulatorCore, req: ApiRequest): ApiResponse {
    const route = `${req.method} ${req.path.replace(/\/+$/, "")}`;
    switch (route) {
        case "GET /_emulator/info":
            return {
                status: 200,
                body: {
                    version: EMULATOR_VERSION,
                    apis: core.modules.map((m) => m.name),
                    accounts: ACCOUNTS.map(describeAccount),
                    timings: core.timings.describe(),
                    limits: { requestsPerSecond: core.rateLimit.limit, quotas: core.quotaOverrides() },
                    now: core.now(),
                },
            };
        case "GET /_emulator/resources": {
            const includeDeleted = ["1", "true"].includes(req.query.get("includeDeleted") ?? "");
            let resources = core.resources(includeDeleted);
            for (const key of ["api", "kind", "account"] as const) {
                const want = req.query.get(key);
                if (want !== null) resources = resources.filter((r) => r[key] === want);
            }
            return { status: 200, body: { resources } };
        }
        case "GET /_emulator/requests": {
            const since = Number(req.query.get("since") ?? "0");
            if (!Number.isFinite(since)) throw emulatorError(400, "since must be a number");
            return { status: 200, body: { requests: core.log.since(since) } };
        }
        case "POST /_emulator/reset":
            core.reset();
            return { status: 200, body: { reset: true } };
        case "GET /_emulator/faults":
            return { status: 200, body: { rules: core.faults.list() } };
        case "PUT /_emulator/faults": {
            try {
                const { seed, rules } = parseFaults(jsonBody(req));
                core.faults.set(rules, seed);
                return { status: 200, body: { rules: core.faults.list() } };
            } catch (e) {
                if (e instanceof FaultsError) throw emulatorError(400, e.message);
                throw e;
            }
        }
        case "GET /_emulator/timings":
            return { status: 200, body: core.timings.describe() };
        case "PUT /_emulator/timings": {
            try {
                const raw = req.body.toString("utf8").trim();
                core.timings.apply(parseTimingsSpec(raw === "" ? {} : (JSON.parse(raw) as unknown)));
                return { status: 200, body: core.timings.describe() };
            } catch (e) {
                if (e instanceof TimingsError || e instanceof SyntaxError) throw emulatorError(400, e.message);
                throw e;
            }
        }
        case "PUT /_emulator/limits": {
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
                for (const [k, v] of Object.entries(q))
                    if (!Number.isInteger(v) || (v as number) < 0) throw emulatorError(400, `quotas.${k} must be an integer >= 0`);
                core.setQuotas(q as Record<string, number>);
            }
            return { status: 200, body: { requestsPerSecond: core.rateLimit.limit, quotas: core.quotaOverrides() } };
        }
        case "POST /_emulator/clock": {
            const body = jsonBody(req);
            if (typeof body.advanceMs !== "number" || !(body.advanceMs >= 0)) throw emulatorError(400, "advanceMs must be a number >= 0");
            core.clock.advance(body.advanceMs);
            return { status: 200, body: { now: core.now() } };
        }
        case "POST /_emulator/network/vpcs": {
            const body = jsonBody(req);
            const vpc = network(() =>
                core.network.addVpc(networkTarget(body), { id: str(body, "id", false), name: str(body, "name", false), cidr: str(body, "cidr", true)! }),
            );
            core.persistIfDirty();
            return { status: 201, body: { vpc: toWire.vpc(vpc) } };
        }
        case "POST /_emulator/network/subnets": {
            const body = jsonBody(req);
            const subnet = network(() =>
                core.network.addSubnet(networkTarget(body), {
                    id: str(body, "id", false),
                    name: str(body, "name", false),
                    vpcId: str(body, "vpcId", true)!,
                    cidr: str(body, "cidr", true)!,
                }),
            );
            core.persistIfDirty();
            return { status: 201, body: { subnet: toWire.subnet(subnet) } };
        }
        case "POST /_emulator/network/ports": {
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
        }
        case "POST /_emulator/network/routetables": {
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
        }
        default:
            throw emulatorError(501, `not implemented by the emulator: ${req.method} ${req.path}`);
    }
}
