import { inspect } from "node:util";
import { AuthError, CloudError, NetworkError, NotFoundError, OutcomeUnknownError, ThrottledError, ValidationError } from "../../../sdk/core/errors";
import { RetryBudget } from "../../../sdk/core/retry";
import { HuaweiClient } from "../../../sdk/huaweicloud/client";
import { signRequest } from "../../../sdk/huaweicloud/signer";
import { clearTokenCache, TOKEN_REFRESH_MARGIN_MS } from "../../../sdk/huaweicloud/token";
import {
    createEndpointService,
    deleteEndpoint,
    listEndpointServices,
    listEndpoints,
    listServiceConnections,
    listServiceDetails,
} from "../../../sdk/huaweicloud/vpcep";
import { akskClient, DEMO, SteppingClock } from "../helpers/clients";
import { type StubHandler, sendJson, startStub } from "../helpers/stub-server";

const SERVICE = {
    id: "11111111-1111-4111-8111-0000000000aa",
    status: "available",
    service_name: "cn-north-4.api.1111",
    ports: [{ client_port: 80, server_port: 80, protocol: "TCP" }],
};
const CREATE = { port_id: "p", vpc_id: "v", server_type: "VM" as const, ports: [{ client_port: 80, server_port: 80 }] };

let stub: Awaited<ReturnType<typeof startStub>> | undefined;
async function serve(handler: StubHandler) {
    stub = await startStub(handler);
    return stub;
}
afterEach(async () => {
    await stub?.close();
    stub = undefined;
    clearTokenCache();
});

describe("the HTTP core through the Huawei client (real sockets, scripted server)", () => {
    it("signs each attempt afresh and verifies with the secret key", async () => {
        const s = await serve((_req, res) => sendJson(res, 200, SERVICE));
        const clock = new SteppingClock();
        await listServiceDetails(akskClient(s.url, { clock }), SERVICE.id);
        const r = s.requests[0]!;
        expect(r.path).toBe(`/v1/${DEMO.projectId}/vpc-endpoint-services/${SERVICE.id}`);
        expect(r.headers["x-project-id"]).toBe(DEMO.projectId);
        // Recompute the signature over the headers the client declared, as a verifier would.
        const auth = String(r.headers.authorization);
        const signed = /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(";");
        const headers = Object.fromEntries(signed.map((h) => [h, String(r.headers[h])]));
        const again = signRequest({ method: "GET", url: `${s.url}${r.path}`, headers, body: r.body }, DEMO.accessKey, DEMO.secretKey);
        expect(again.headers.Authorization).toBe(auth);
        expect(signed).toEqual(["host", "x-client-attempt", "x-project-id", "x-sdk-date"]);
    });

    it("retries 429 honouring Retry-After and 503s, re-dated each attempt", async () => {
        let n = 0;
        const s = await serve((_req, res) => {
            n++;
            if (n === 1) return sendJson(res, 429, { error_code: "APIGW.0308", error_msg: "throttling threshold has been reached" }, { "retry-after": "2" });
            if (n === 2) return sendJson(res, 503, { error_code: "SYS.0503", error_msg: "busy" });
            sendJson(res, 200, SERVICE);
        });
        const clock = new SteppingClock();
        const svc = await listServiceDetails(akskClient(s.url, { clock, random: () => 0.99, retry: { baseDelayMs: 2000 } }), SERVICE.id);
        expect(svc.id).toBe(SERVICE.id);
        expect(s.requests).toHaveLength(3);
        expect(clock.sleeps[0]).toBeGreaterThanOrEqual(2000);
        const dates = s.requests.map((r) => r.headers["x-sdk-date"]);
        expect(new Set(dates).size).toBe(3);
    });

    it("treats EndPoint.0022 (HTTP 400) as a throttle and retries it", async () => {
        let n = 0;
        const s = await serve((_req, res) =>
            ++n < 3
                ? sendJson(res, 400, { error_code: "EndPoint.0022", error_msg: "The number of requests exceeded the limit." })
                : sendJson(res, 200, SERVICE),
        );
        await listServiceDetails(akskClient(s.url, { clock: new SteppingClock() }), SERVICE.id);
        expect(s.requests).toHaveLength(3);
    });

    it("gives up after maxAttempts (with no retry window) with the typed error and the attempt count", async () => {
        const s = await serve((_req, res) => sendJson(res, 429, { error_code: "APIGW.0308", error_msg: "throttled" }));
        const err = await listServiceDetails(akskClient(s.url, { clock: new SteppingClock(), retry: { maxAttempts: 3, retryForMs: 0 } }), SERVICE.id).catch(
            (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ThrottledError);
        expect((err as CloudError).attempts).toBe(3);
        expect(s.requests).toHaveLength(3);
    });

    it("does not retry a 404 and reports NotFoundError", async () => {
        const s = await serve((_req, res) => sendJson(res, 404, { error_code: "EndPoint.0005", error_msg: "The requested resource does not exist." }));
        await expect(listServiceDetails(akskClient(s.url), SERVICE.id)).rejects.toBeInstanceOf(NotFoundError);
        expect(s.requests).toHaveLength(1);
    });

    it("retries a GET whose connection was reset", async () => {
        let n = 0;
        const s = await serve((_req, res, socket) => {
            if (++n === 1) socket.destroy();
            else sendJson(res, 200, SERVICE);
        });
        await listServiceDetails(akskClient(s.url, { clock: new SteppingClock() }), SERVICE.id);
        expect(s.requests).toHaveLength(2);
    });

    it("never retries a create whose connection dropped after sending: OutcomeUnknownError", async () => {
        const s = await serve((_req, _res, socket) => {
            socket.destroy();
        });
        const err = await createEndpointService(akskClient(s.url, { clock: new SteppingClock() }), CREATE).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(OutcomeUnknownError);
        expect((err as OutcomeUnknownError).operation).toBe("CreateEndpointService");
        expect(s.requests).toHaveLength(1);
    });

    it("never retries a create that timed out waiting for headers, but retries a GET that did", async () => {
        let n = 0;
        const s = await serve((req, res) => {
            n++;
            if (n === 1 || req.method === "POST") return; // never answer
            sendJson(res, 200, SERVICE);
        });
        const client = akskClient(s.url, { clock: new SteppingClock(), timeouts: { headersMs: 300 } });
        await listServiceDetails(client, SERVICE.id);
        expect(s.requests.filter((r) => r.method === "GET")).toHaveLength(2);
        await expect(createEndpointService(client, CREATE)).rejects.toBeInstanceOf(OutcomeUnknownError);
        expect(s.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    });

    it("treats a 504 on a create as an unknown outcome", async () => {
        const s = await serve((_req, res) => sendJson(res, 504, { error_code: "EndPoint.0013", error_msg: "The request timed out." }));
        await expect(createEndpointService(akskClient(s.url, { clock: new SteppingClock() }), CREATE)).rejects.toBeInstanceOf(OutcomeUnknownError);
        expect(s.requests).toHaveLength(1);
    });

    it("retries a create when the connection was refused (nothing was sent)", async () => {
        const s = await serve(() => {});
        const url = s.url;
        await s.close();
        stub = undefined;
        const clock = new SteppingClock();
        const err = await createEndpointService(akskClient(url, { clock, retry: { maxAttempts: 3, retryForMs: 0 } }), CREATE).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(NetworkError);
        expect((err as NetworkError).phase).toBe("connect");
        expect((err as NetworkError).attempts).toBe(3);
    });

    it("retries a transient fault for a time, not only a number of attempts, and says what it tried", async () => {
        const s = await serve((_req, res) => sendJson(res, 503, { error_code: "APIGW.0203", error_msg: "Service unavailable" }));
        const clock = new SteppingClock();
        const err = await listServiceDetails(akskClient(s.url, { clock, retry: { maxAttempts: 3, retryForMs: 30_000, maxDelayMs: 4_000 } }), SERVICE.id).catch(
            (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(CloudError);
        const e = err as CloudError;
        // Past the three quick attempts, up to the window: the sleeps add up to at most 30 s.
        expect(e.attempts).toBeGreaterThan(3);
        expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
        expect(s.requests).toHaveLength(e.attempts);
        expect(e.message).toMatch(new RegExp(`tried ${e.attempts} times over \\d+\\.\\d s`));
    });

    it("a fault that clears within the window is not an error", async () => {
        let n = 0;
        const s = await serve((_req, res) =>
            ++n <= 6 ? sendJson(res, 503, { error_code: "APIGW.0203", error_msg: "Service unavailable" }) : sendJson(res, 200, SERVICE),
        );
        const clock = new SteppingClock();
        await expect(listServiceDetails(akskClient(s.url, { clock, retry: { maxAttempts: 5 } }), SERVICE.id)).resolves.toMatchObject({ id: SERVICE.id });
        expect(s.requests).toHaveLength(7);
    });

    it("stops retrying when the retry budget is spent (past the retry window)", async () => {
        const s = await serve((_req, res) => sendJson(res, 503, { error_code: "X", error_msg: "busy" }));
        const budget = new RetryBudget({ capacity: 5, retryCost: 5 });
        const client = akskClient(s.url, { clock: new SteppingClock(), retryBudget: budget, retry: { retryForMs: 0 } });
        await expect(listServiceDetails(client, SERVICE.id)).rejects.toMatchObject({ attempts: 2 });
        await expect(listServiceDetails(client, SERVICE.id)).rejects.toMatchObject({ attempts: 1 });
        expect(s.requests).toHaveLength(3);
    });

    it("aborts a call (and its retry sleep) through its signal", async () => {
        const s = await serve(() => {}); // never answers
        const ac = new AbortController();
        const p = listServiceDetails(akskClient(s.url), SERVICE.id, { signal: ac.signal });
        setTimeout(() => ac.abort(new Error("user cancelled")), 50);
        await expect(p).rejects.toThrow("user cancelled");
    });

    it("rejects a request with an unknown field before sending anything", async () => {
        const s = await serve((_req, res) => sendJson(res, 200, SERVICE));
        const err = await createEndpointService(akskClient(s.url), { ...CREATE, port_idd: "typo" } as never).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ValidationError);
        expect((err as ValidationError).code).toBe("SDK.InvalidRequest");
        expect((err as Error).message).toContain("port_idd");
        expect(s.requests).toHaveLength(0);
    });

    it("parses responses leniently: unknown fields kept, nulls read as undefined/[]", async () => {
        const s = await serve((_req, res) => sendJson(res, 200, { ...SERVICE, brand_new_field: 1, description: null, tags: null }));
        const svc = await listServiceDetails(akskClient(s.url), SERVICE.id);
        expect(svc.description).toBeUndefined();
        expect(svc.tags).toEqual([]);
        expect((svc as Record<string, unknown>).brand_new_field).toBe(1);
    });
});

describe("paging", () => {
    const items = Array.from({ length: 25 }, (_, i) => ({ id: `ep-${String(i).padStart(2, "0")}`, status: "accepted" }));
    it.each([
        ["with total_count", true, 3],
        ["without total_count (stops at the empty page)", false, 4],
    ])("pages through limit/offset to the end %s", async (_name, withTotal, calls) => {
        const s = await serve((req, res) => {
            const limit = Number(req.query.get("limit"));
            const offset = Number(req.query.get("offset"));
            sendJson(res, 200, { endpoints: items.slice(offset, offset + limit), ...(withTotal ? { total_count: items.length } : {}) });
        });
        const all = await listEndpoints(akskClient(s.url), {}, { pageSize: 10 });
        expect(all.map((e) => e.id)).toEqual(items.map((e) => e.id));
        expect(s.requests.map((r) => r.query.get("offset"))).toEqual(["0", "10", "20", "25"].slice(0, calls));
    });

    it("passes filters and stops early with `until`", async () => {
        const s = await serve((req, res) => {
            const offset = Number(req.query.get("offset"));
            sendJson(res, 200, { connections: items.slice(offset, offset + 10), total_count: 25 });
        });
        const found = await listServiceConnections(
            akskClient(s.url),
            "svc-1",
            { status: "accepted" },
            { pageSize: 10, until: (xs) => xs.some((x) => x.id === "ep-12") },
        );
        expect(found).toHaveLength(20);
        expect(s.requests).toHaveLength(2);
        expect(s.requests[0]!.query.get("status")).toBe("accepted");
        expect(s.requests[0]!.path).toBe(`/v1/${DEMO.projectId}/vpc-endpoint-services/svc-1/connections`);
    });
});

describe("IAM token auth", () => {
    function iamAndVpcep(opts: { expiresInMs?: number; reject?: (token: string) => boolean } = {}) {
        let issued = 0;
        return serve((req, res) => {
            if (req.path === "/v3/auth/tokens") {
                issued++;
                const auth = (
                    req.json as {
                        auth: {
                            identity: { password: { user: { name: string; password: string; domain: { name: string } } } };
                            scope: { project: { name: string } };
                        };
                    }
                ).auth;
                expect(auth.identity.password.user).toEqual({ name: DEMO.user, password: DEMO.password, domain: { name: DEMO.domainName } });
                expect(auth.scope.project.name).toBe(DEMO.region);
                return sendJson(
                    res,
                    201,
                    {
                        token: {
                            expires_at: new Date(Date.now() + (opts.expiresInMs ?? 24 * 3600_000)).toISOString(),
                            project: { id: DEMO.projectId, name: DEMO.region },
                        },
                    },
                    { "x-subject-token": `token-number-${issued}` },
                );
            }
            const token = String(req.headers["x-auth-token"]);
            if (opts.reject?.(token))
                return sendJson(res, 401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information: token expired", request_id: "r" });
            sendJson(res, 200, { endpoint_services: [SERVICE], total_count: 1 });
        });
    }
    const passwordClient = (url: string, extra = {}) =>
        new HuaweiClient({
            region: DEMO.region,
            user: DEMO.user,
            password: DEMO.password,
            domainName: DEMO.domainName,
            endpoints: { vpcep: url, iam: `${url}/v3` },
            retryBudget: new RetryBudget(),
            ...extra,
        });

    it("gets a project-scoped token, takes the project id from it, and caches it per process", async () => {
        const s = await iamAndVpcep();
        await listEndpointServices(passwordClient(s.url));
        await listEndpointServices(passwordClient(s.url)); // another client, same identity: cached token
        const iam = s.requests.filter((r) => r.path === "/v3/auth/tokens");
        expect(iam).toHaveLength(1);
        const api = s.requests.filter((r) => r.path !== "/v3/auth/tokens");
        expect(api.map((r) => r.path)).toEqual([`/v1/${DEMO.projectId}/vpc-endpoint-services`, `/v1/${DEMO.projectId}/vpc-endpoint-services`]);
        expect(api.every((r) => r.headers["x-auth-token"] === "token-number-1")).toBe(true);
        expect(api.every((r) => r.headers.authorization === undefined)).toBe(true);
    });

    it("shares one token request between concurrent callers", async () => {
        const s = await iamAndVpcep();
        const c = passwordClient(s.url);
        await Promise.all([listEndpointServices(c), listEndpointServices(c), listEndpointServices(c)]);
        expect(s.requests.filter((r) => r.path === "/v3/auth/tokens")).toHaveLength(1);
    });

    it("refreshes once on 401 and succeeds with the new token", async () => {
        const s = await iamAndVpcep({ reject: (t) => t === "token-number-1" });
        await listEndpointServices(passwordClient(s.url));
        expect(s.requests.map((r) => `${r.path.startsWith("/v3") ? "iam" : "vpcep"}:${String(r.headers["x-auth-token"] ?? "")}`)).toEqual([
            "iam:",
            "vpcep:token-number-1",
            "iam:",
            "vpcep:token-number-2",
        ]);
    });

    it("refreshes only once: a second 401 is an AuthError", async () => {
        const s = await iamAndVpcep({ reject: () => true });
        await expect(listEndpointServices(passwordClient(s.url))).rejects.toBeInstanceOf(AuthError);
        expect(s.requests.filter((r) => r.path === "/v3/auth/tokens")).toHaveLength(2);
    });

    it("renews a token 5 minutes before it expires", async () => {
        const s = await iamAndVpcep({ expiresInMs: 60 * 60_000 });
        const clock = new SteppingClock();
        const c = passwordClient(s.url, { clock });
        await listEndpointServices(c);
        clock.t += 60 * 60_000 - TOKEN_REFRESH_MARGIN_MS - 1000;
        await listEndpointServices(c);
        expect(s.requests.filter((r) => r.path === "/v3/auth/tokens")).toHaveLength(1);
        clock.t += 2000;
        await listEndpointServices(c);
        expect(s.requests.filter((r) => r.path === "/v3/auth/tokens")).toHaveLength(2);
    });

    it("sends X-Security-Token with temporary AK/SK and signs it", async () => {
        const s = await serve((_req, res) => {
            res.writeHead(204).end();
        });
        await deleteEndpoint(akskClient(s.url, { securityToken: "temporary-security-token-xyz" }), "ep-1");
        expect(s.requests[0]!.headers["x-security-token"]).toBe("temporary-security-token-xyz");
        expect(String(s.requests[0]!.headers.authorization)).toContain("x-security-token");
    });
});

describe("secrets stay secret", () => {
    const SECRETS = [DEMO.secretKey, DEMO.password, "temporary-security-token-xyz", "token-number-1"];
    const expectClean = (text: string) => {
        for (const s of SECRETS) expect(text).not.toContain(s);
    };

    it("never shows SK, password or security token in inspect or JSON of clients and credentials", () => {
        const a = akskClient("http://127.0.0.1:1", { securityToken: "temporary-security-token-xyz" });
        const p = new HuaweiClient({ region: DEMO.region, user: DEMO.user, password: DEMO.password, domainName: DEMO.domainName });
        for (const o of [a, p]) {
            expectClean(inspect(o, { depth: 10, showHidden: true }));
            expectClean(JSON.stringify(o));
            expectClean(Object.keys(o).join(","));
        }
        expect(inspect(a)).toContain("EMUD…0001");
    });

    it("redacts a secret the cloud echoes back in an error message, and in logs", async () => {
        const lines: string[] = [];
        const logger = {
            debug: (m: string, f?: object) => lines.push(m + JSON.stringify(f)),
            warn: (m: string, f?: object) => lines.push(m + JSON.stringify(f)),
        };
        const s = await serve((req, res) =>
            sendJson(res, 503, {
                error_code: "X.1",
                error_msg: `bad signature for secret ${DEMO.secretKey} and token ${String(req.headers["x-security-token"])}`,
            }),
        );
        const err = await listServiceDetails(
            akskClient(s.url, { securityToken: "temporary-security-token-xyz", clock: new SteppingClock(), logger, retry: { maxAttempts: 2 } }),
            "x",
        ).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(CloudError);
        expectClean(String(err));
        expectClean(inspect(err, { depth: 10 }));
        expectClean(JSON.stringify(err));
        expect((err as Error).message).toContain("[redacted]");
        expect(lines.length).toBeGreaterThan(0);
        expectClean(lines.join("\n"));
    });

    it("keeps an IAM token out of errors and inspect", async () => {
        const s = await serve((req, res) => {
            if (req.path === "/v3/auth/tokens")
                return sendJson(res, 201, { token: { project: { id: DEMO.projectId } } }, { "x-subject-token": "token-number-1" });
            sendJson(res, 403, { error_code: "APIGW.0302", error_msg: `token token-number-1 is not authorized` });
        });
        const c = new HuaweiClient({
            region: DEMO.region,
            user: DEMO.user,
            password: DEMO.password,
            domainName: DEMO.domainName,
            endpoints: { vpcep: s.url, iam: s.url },
        });
        const err = await listServiceDetails(c, "x").catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AuthError);
        expectClean(String(err));
        expectClean(inspect(c, { depth: 10, showHidden: true }));
    });
});
