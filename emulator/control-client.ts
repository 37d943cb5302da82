/**
 * A typed client for a running emulator's control routes (`/_emulator/*`), over the global
 * `fetch`: what tests, benchmarks and scripts use to inspect and steer an emulator.
 */
import type { ResourceView } from "./core/api-module";
import type {
    EmulatorInfo,
    LimitsChange,
    LimitsInfo,
    PortRequest,
    PortWire,
    RouteTableRequest,
    RouteTableWire,
    SubnetRequest,
    SubnetWire,
    TimingsInfo,
    VpcRequest,
    VpcWire,
} from "./core/control-wire";
import type { FaultRule } from "./core/faults";
import type { LoggedRequest } from "./core/request-log";
import type { TimingsSpec } from "./core/timings";

/** A control route answered with an error status; the message carries the emulator's answer. */
export class ControlError extends Error {
    constructor(
        readonly status: number,
        readonly body: string,
        message: string,
    ) {
        super(message);
        this.name = "ControlError";
    }
}

/** Filters of `GET resources`; `includeDeleted` also lists what is gone (status `deleted`). */
export interface ResourceFilter {
    api?: string;
    kind?: string;
    account?: string;
    includeDeleted?: boolean;
}

/** The control routes of the emulator at `url` (e.g. `http://127.0.0.1:40123`). */
export class ControlClient {
    constructor(readonly url: string) {}

    /**
     * Any control route: `route` is relative to `/_emulator/` and may carry a query; `body`, when
     * given, is sent as JSON. Answers the parsed JSON body (undefined when empty); an error status
     * throws {@link ControlError}, a connection failure the `fetch` error.
     */
    async call<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
        const res = await fetch(`${this.url}/_emulator/${route}`, {
            method,
            headers: body === undefined ? {} : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        if (!res.ok) throw new ControlError(res.status, text, `emulator ${method} ${route}: ${res.status} ${text}`);
        return (text ? JSON.parse(text) : undefined) as T;
    }

    /** Version, APIs, accounts (credentials, projects, seeded network), timings, limits, clock. */
    info(): Promise<EmulatorInfo> {
        return this.call("GET", "info");
    }

    /** Every resource of every API and the network, filtered; `Body` types the wire bodies. */
    async resources<Body = unknown>(filter: ResourceFilter = {}): Promise<Array<ResourceView<Body>>> {
        const q = new URLSearchParams();
        for (const key of ["api", "kind", "account"] as const) if (filter[key] !== undefined) q.set(key, filter[key]);
        if (filter.includeDeleted) q.set("includeDeleted", "true");
        const query = q.toString();
        return (await this.call<{ resources: Array<ResourceView<Body>> }>("GET", query ? `resources?${query}` : "resources")).resources;
    }

    /** The API requests logged after sequence number `since` (control calls are not logged). */
    async requests(since = 0): Promise<LoggedRequest[]> {
        return (await this.call<{ requests: LoggedRequest[] }>("GET", `requests?since=${since}`)).requests;
    }

    /** The sequence number of the latest logged request, 0 when none: `requests(mark)` is what follows. */
    async mark(): Promise<number> {
        const r = await this.requests();
        return r.length ? r[r.length - 1]!.seq : 0;
    }

    /** Back to the seeded state: faults, timings, limits, quotas, log and clock offset cleared. */
    async reset(): Promise<void> {
        await this.call("POST", "reset");
    }

    async faults(): Promise<FaultRule[]> {
        return (await this.call<{ rules: FaultRule[] }>("GET", "faults")).rules;
    }

    /** Replaces the fault rules (the first match decides); `seed` fixes the probability rolls. */
    async setFaults(rules: FaultRule[], seed?: number): Promise<FaultRule[]> {
        return (await this.call<{ rules: FaultRule[] }>("PUT", "faults", { seed, rules })).rules;
    }

    timings(): Promise<TimingsInfo> {
        return this.call("GET", "timings");
    }

    /** A preset replaces everything; per-kind timings are set over the current ones. */
    setTimings(spec: TimingsSpec): Promise<TimingsInfo> {
        return this.call("PUT", "timings", spec);
    }

    setLimits(change: LimitsChange): Promise<LimitsInfo> {
        return this.call("PUT", "limits", change);
    }

    /** Moves the emulator clock forward; answers the new time (epoch ms). */
    async advanceClock(ms: number): Promise<number> {
        return (await this.call<{ now: number }>("POST", "clock", { advanceMs: ms })).now;
    }

    async addVpc(vpc: VpcRequest): Promise<VpcWire> {
        return (await this.call<{ vpc: VpcWire }>("POST", "network/vpcs", vpc)).vpc;
    }

    async addSubnet(subnet: SubnetRequest): Promise<SubnetWire> {
        return (await this.call<{ subnet: SubnetWire }>("POST", "network/subnets", subnet)).subnet;
    }

    async addPort(port: PortRequest): Promise<PortWire> {
        return (await this.call<{ port: PortWire }>("POST", "network/ports", port)).port;
    }

    async addRouteTable(routeTable: RouteTableRequest): Promise<RouteTableWire> {
        return (await this.call<{ routetable: RouteTableWire }>("POST", "network/routetables", routeTable)).routetable;
    }
}
