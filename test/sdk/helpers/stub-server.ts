import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface StubRequest {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: IncomingMessage["headers"];
    body: string;
    json: unknown;
}

export type StubHandler = (req: StubRequest, res: ServerResponse, socket: Socket) => void | Promise<void>;

/** A tiny HTTP server over real sockets whose behaviour each test scripts. */
export async function startStub(handler: StubHandler): Promise<{ url: string; requests: StubRequest[]; close(): Promise<void> }> {
    const requests: StubRequest[] = [];
    const sockets = new Set<Socket>();
    const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
            const body = Buffer.concat(chunks).toString("utf8");
            const u = new URL(req.url ?? "/", "http://stub");
            let json: unknown;
            try {
                json = body ? JSON.parse(body) : undefined;
            } catch {
                json = undefined;
            }
            const r: StubRequest = { method: req.method ?? "GET", path: u.pathname, query: u.searchParams, headers: req.headers, body, json };
            requests.push(r);
            void Promise.resolve(handler(r, res, req.socket)).catch((e: unknown) => {
                res.statusCode = 599;
                res.end(String(e));
            });
        });
    });
    server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
            new Promise<void>((r) => {
                for (const s of sockets) s.destroy();
                server.close(() => r());
            }),
    };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = body === undefined ? "" : JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "x-request-id": `req-${Math.random().toString(16).slice(2, 10)}`, ...headers });
    res.end(text);
}
