import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, emulatorError } from "./api-error";
import type { ApiRequest, ApiResponse, Principal } from "./api-module";
import { handleControl } from "./control-routes";
import type { EmulatorCore } from "./emulator-core";
import type { FaultDecision } from "./faults";
import { newRequestId } from "./ids";

/** A running emulator. */
export interface RunningServer {
    url: string;
    port: number;
    close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        req.on("data", (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY) reject(new Error("body too large"));
            else chunks.push(c);
        });
        req.on("end", () => resolve(Buffer.concat(chunks)));
        req.on("error", reject);
    });
}

function toApiRequest(req: IncomingMessage, body: Buffer, requestId: string): ApiRequest {
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const rawPath = q < 0 ? raw : raw.slice(0, q);
    const rawQuery = q < 0 ? "" : raw.slice(q + 1);
    let path: string;
    try {
        path = decodeURIComponent(rawPath);
    } catch {
        path = rawPath;
    }
    return {
        method: (req.method ?? "GET").toUpperCase(),
        path,
        rawPath,
        rawQuery,
        query: new URLSearchParams(rawQuery),
        headers: req.headers,
        body,
        requestId,
    };
}

function send(res: ServerResponse, r: ApiResponse): void {
    for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
    if (r.body === undefined || r.status === 204) {
        res.writeHead(r.status);
        res.end();
        return;
    }
    const text = JSON.stringify(r.body);
    res.writeHead(r.status, { "Content-Type": "application/json;charset=UTF-8", "Content-Length": Buffer.byteLength(text) });
    res.end(text);
}

function errorResponse(e: ApiError, requestId: string): ApiResponse {
    return { status: e.status, body: e.render(requestId), headers: e.headers };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Handles one API request: route → authenticate → rate limit → fault → handler → persist →
 * answer (or cut the connection) → log.
 */
async function handleApi(core: EmulatorCore, req: ApiRequest, res: ServerResponse, server: { closed: boolean }): Promise<void> {
    const time = core.now();
    const attemptHeader = req.headers["x-client-attempt"];
    const attempt = typeof attemptHeader === "string" && /^\d+$/.test(attemptHeader) ? Number(attemptHeader) : undefined;
    const match = core.router.match(req);
    if (!match) {
        const e = emulatorError(501, `not implemented by the emulator: ${req.method} ${req.path}`);
        core.log.add({
            time,
            account: null,
            api: "unknown",
            operation: "",
            method: req.method,
            path: req.path,
            query: req.rawQuery || undefined,
            status: 501,
            attempt,
            errorCode: e.code,
        });
        send(res, errorResponse(e, req.requestId));
        return;
    }
    const { module, route, params } = match;
    let principal: Principal | undefined;
    let fault: FaultDecision | undefined;
    let result: ApiResponse;
    let errorCode: string | undefined;
    try {
        principal = module.auth.authenticate(req, params);
        const account = principal.account?.name;
        if (account !== undefined) {
            const wait = core.rateLimit.take(account, core.now());
            if (wait !== undefined) throw module.errors.throttled(core.rateLimit.limit ?? 0, wait);
        }
        fault = core.faults.pick({ api: module.name, operation: route.operation, method: req.method, account });
        if (fault?.rule.latencyMs) await sleep(fault.rule.latencyMs);
        // Stopped while this request was delayed: a stopped emulator performs nothing more, or it
        // would rewrite its state file behind the back of a successor started on the same file.
        if (server.closed) {
            res.socket?.destroy();
            return;
        }
        if (fault?.rule.drop === "before") {
            core.log.add({
                time,
                account: account ?? null,
                api: module.name,
                operation: route.operation,
                method: req.method,
                path: req.path,
                query: req.rawQuery || undefined,
                status: 0,
                attempt,
                fault: `rule ${fault.index}: drop before`,
            });
            res.socket?.resetAndDestroy();
            return;
        }
        if (fault?.rule.error) {
            const { status, code, message } = fault.rule.error;
            throw module.errors.custom(status, code, message);
        }
        result = route.handler({ req, params, principal });
    } catch (e) {
        const err = e instanceof ApiError ? e : module.errors.internal();
        if (!(e instanceof ApiError)) console.error(`emulator: ${route.operation} failed:`, e);
        errorCode = err.code;
        result = errorResponse(err, req.requestId);
    }
    core.persistIfDirty();
    const account = principal?.account?.name ?? result.logAccount ?? null;
    const faultNote = fault
        ? `rule ${fault.index}: ${[fault.rule.latencyMs ? `latency ${fault.rule.latencyMs}ms` : "", fault.rule.error ? `error ${fault.rule.error.code}` : "", fault.rule.drop ? `drop ${fault.rule.drop}` : ""].filter(Boolean).join(", ")}`
        : undefined;
    core.log.add({
        time,
        account,
        api: module.name,
        operation: route.operation,
        method: req.method,
        path: req.path,
        query: req.rawQuery || undefined,
        status: fault?.rule.drop === "after" ? 0 : result.status,
        attempt,
        fault: faultNote,
        errorCode,
    });
    if (fault?.rule.drop === "after") {
        // The operation took effect; the client never learns it (the orphan-making fault).
        res.socket?.resetAndDestroy();
        return;
    }
    send(res, result);
}

/** Starts the HTTP server for a core on host:port (port 0 = any free port). */
export function startServer(core: EmulatorCore, host: string, port: number): Promise<RunningServer> {
    const state = { closed: false };
    const server = createServer((req, res) => {
        const requestId = newRequestId();
        res.setHeader("X-Request-Id", requestId);
        readBody(req)
            .then(async (body) => {
                const apiReq = toApiRequest(req, body, requestId);
                if (apiReq.path === "/_emulator" || apiReq.path.startsWith("/_emulator/")) {
                    try {
                        send(res, handleControl(core, apiReq));
                    } catch (e) {
                        if (!(e instanceof ApiError)) console.error("emulator: control route failed:", e);
                        send(res, errorResponse(e instanceof ApiError ? e : emulatorError(500, String(e)), requestId));
                    }
                    return;
                }
                await handleApi(core, apiReq, res, state);
            })
            .catch((e: unknown) => {
                console.error("emulator: request failed:", e);
                if (!res.headersSent) send(res, errorResponse(emulatorError(500, String(e)), requestId));
            });
    });
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
            const addr = server.address() as AddressInfo;
            const shownHost = host.includes(":") ? `[${host}]` : host;
            resolve({
                url: `http://${shownHost}:${addr.port}`,
                port: addr.port,
                close: () =>
                    new Promise<void>((done, fail) => {
                        state.closed = true;
                        server.close((err) => (err ? fail(err) : done()));
                        // Keep-alive sockets of clients would otherwise hold close() open.
                        server.closeAllConnections();
                    }),
            });
        });
    });
}
