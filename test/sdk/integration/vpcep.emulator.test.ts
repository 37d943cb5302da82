/**
 * The VPCEP client against the emulator over real sockets: every operation, paging, token auth,
 * retries through injected faults (checked in the emulator's request log), unknown outcomes,
 * and coalesced waiting.
 */
import { AuthError, NotFoundError, OutcomeUnknownError, ThrottledError } from "../../../sdk/core/errors";
import { clearTokenCache } from "../../../sdk/huaweicloud/token";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { ACCOUNTS, akskClient, emulatorForEachTest, type LoggedRequest, NET, passwordClient } from "../helpers/emulator";

const emu = emulatorForEachTest(clearTokenCache);

const serviceInput = (i = 0): vpcep.CreateEndpointServiceRequest => ({
    port_id: NET.demo.backendPortId,
    vpc_id: NET.demo.backendVpcId,
    server_type: "VM",
    service_type: "interface",
    approval_enabled: false,
    service_name: `svc${i}`,
    ports: [{ client_port: 8080, server_port: 1000 + i, protocol: "TCP" }],
});

const ops = (log: LoggedRequest[], operation: string) => log.filter((r) => r.operation === operation);

describe("VPCEP operations against the emulator", () => {
    it("runs the whole lifecycle through every operation", async () => {
        const owner = akskClient(emu().url, "demo");
        const consumer = akskClient(emu().url, "consumer");

        const quotas = await vpcep.listQuotaDetails(owner);
        expect(quotas.map((q) => q.type).sort()).toEqual(["endpoint", "endpoint_service"]);
        expect((await vpcep.listQuotaDetails(owner, "endpoint")).map((q) => q.type)).toEqual(["endpoint"]);

        // --- the service
        const created = await vpcep.createEndpointService(owner, {
            ...serviceInput(),
            approval_enabled: true,
            description: "payments api",
            tags: [{ key: "team", value: "payments" }],
        });
        expect(created.status).toBe("creating");
        const ready = await vpcep.waitForEndpointServiceAvailable(owner, created.id, { timeoutMs: 20_000 });
        expect(ready).toMatchObject({ outcome: "target", status: "available" });

        const svc = await vpcep.listServiceDetails(owner, created.id);
        expect(svc).toMatchObject({ id: created.id, status: "available", approval_enabled: true, description: "payments api" });
        expect(svc.ports).toEqual([expect.objectContaining({ client_port: 8080, server_port: 1000, protocol: "TCP" })]);
        expect(svc.tags).toEqual([{ key: "team", value: "payments" }]);
        expect((await vpcep.listEndpointServices(owner, { id: created.id })).map((s) => s.id)).toEqual([created.id]);
        const publics = await vpcep.listServicePublicDetails(owner);
        expect(publics.length).toBeGreaterThan(0);

        const updated = await vpcep.updateEndpointService(owner, created.id, { description: "payments api v2" });
        expect(updated.description).toBe("payments api v2");

        // --- permissions: let the consumer account connect
        const permission = `iam:domain::${ACCOUNTS.consumer.domainId}`;
        await vpcep.batchAddOrRemoveEndpointServicePermissions(owner, created.id, { action: "add", permissions: [permission] });
        expect((await vpcep.listServicePermissionsDetails(owner, created.id)).map((p) => p.permission)).toEqual([permission]);
        const described = await vpcep.listServiceDescribeDetails(consumer, { id: created.id });
        expect(described.id).toBe(created.id);
        expect(described.service_name).toBe(svc.service_name);

        // --- the consumer's endpoint waits for approval
        const ep = await vpcep.createEndpoint(consumer, {
            endpoint_service_id: created.id,
            vpc_id: NET.consumer.clientVpcId,
            subnet_id: NET.consumer.clientSubnetId,
            port_ip: "10.0.0.50",
            enable_dns: true,
        });
        const pending = await vpcep.waitForEndpointCreated(consumer, ep.id, { timeoutMs: 20_000 });
        expect(pending).toMatchObject({ outcome: "target", status: "pendingAcceptance" });
        expect((await vpcep.listEndpoints(consumer, { id: ep.id })).map((e) => e.id)).toEqual([ep.id]);

        const connections = await vpcep.listServiceConnections(owner, created.id);
        expect(connections.map((c) => c.id)).toEqual([ep.id]);
        await vpcep.acceptOrRejectEndpoint(owner, created.id, { action: "receive", endpoints: [ep.id] });
        await expect(
            vpcep.waitForConnection(owner, created.id, ep.id, { target: ["accepted"], failure: ["rejected", "failed"], timeoutMs: 20_000 }),
        ).resolves.toMatchObject({ status: "accepted" });
        await vpcep.updateEndpointConnection(owner, created.id, { connections: [{ id: ep.id, description: "approved by payments" }] });
        expect((await vpcep.listServiceConnections(owner, created.id, { id: ep.id }))[0]?.description).toBe("approved by payments");

        const accepted = await vpcep.listEndpointInfoDetails(consumer, ep.id);
        expect(accepted.status).toBe("accepted");
        expect(accepted.ip).toBe("10.0.0.50");
        const white = await vpcep.updateEndpointWhite(consumer, ep.id, { whitelist: ["10.0.0.0/24"], enable_whitelist: true });
        expect(white).toMatchObject({ whitelist: ["10.0.0.0/24"], enable_whitelist: true });

        // --- tags
        await vpcep.batchAddOrDeleteResourceTags(owner, "endpoint_service", created.id, { action: "create", tags: [{ key: "env", value: "prod" }] });
        expect((await vpcep.listServiceDetails(owner, created.id)).tags).toEqual(
            expect.arrayContaining([
                { key: "team", value: "payments" },
                { key: "env", value: "prod" },
            ]),
        );
        expect((await vpcep.listResourceTags(owner, "endpoint_service")).map((t) => t.key).sort()).toEqual(["env", "team"]);
        await vpcep.batchAddOrDeleteResourceTags(owner, "endpoint_service", created.id, { action: "delete", tags: [{ key: "env" }] });
        expect((await vpcep.listServiceDetails(owner, created.id)).tags).toEqual([{ key: "team", value: "payments" }]);

        // --- a gateway endpoint: route tables and policy
        const gatewayService = publics.find((p) => p.service_type === "gateway");
        expect(gatewayService).toBeDefined();
        const gw = await vpcep.createEndpoint(owner, {
            endpoint_service_id: gatewayService!.id,
            vpc_id: NET.demo.clientVpcId,
            routetables: [NET.demo.clientRouteTableId],
        });
        await vpcep.waitForEndpointCreated(owner, gw.id, { timeoutMs: 20_000 });
        expect((await vpcep.updateEndpointRoutetable(owner, gw.id, { routetables: [NET.demo.clientRouteTableId] })).routetables).toEqual([
            NET.demo.clientRouteTableId,
        ]);
        const statement = { Effect: "Allow", Action: ["obs:*:*"], Resource: ["obs:*:*:*:*/*"] };
        expect((await vpcep.updateEndpointPolicy(owner, gw.id, { policy_statement: [statement] })).policy_statement).toEqual([statement]);
        await vpcep.deleteEndpointPolicy(owner, gw.id);

        // --- teardown, waiting until gone
        await vpcep.deleteEndpoint(owner, gw.id);
        await vpcep.deleteEndpoint(consumer, ep.id);
        await expect(vpcep.waitForEndpointDeleted(consumer, ep.id, { timeoutMs: 20_000 })).resolves.toMatchObject({ outcome: "gone" });
        await vpcep.batchAddOrRemoveEndpointServicePermissions(owner, created.id, { action: "remove", permissions: [permission] });
        expect(await vpcep.listServicePermissionsDetails(owner, created.id)).toEqual([]);
        await vpcep.deleteEndpointService(owner, created.id);
        await expect(vpcep.waitForEndpointServiceDeleted(owner, created.id, { timeoutMs: 20_000 })).resolves.toMatchObject({ outcome: "gone" });
        await expect(vpcep.listServiceDetails(owner, created.id)).rejects.toBeInstanceOf(NotFoundError);

        // every VPCEP operation of the contract was called, each answered 2xx at least once
        const log = await emu().requests();
        const okOps = new Set(log.filter((r) => r.api === "vpcep" && r.status >= 200 && r.status < 300).map((r) => r.operation));
        expect([...okOps].sort()).toEqual(
            [
                "ListQuotaDetails",
                "CreateEndpointService",
                "ListEndpointServices",
                "ListServiceDescribeDetails",
                "ListServicePublicDetails",
                "ListServiceDetails",
                "UpdateEndpointService",
                "DeleteEndpointService",
                "ListServiceConnections",
                "AcceptOrRejectEndpoint",
                "UpdateEndpointConnection",
                "ListServicePermissionsDetails",
                "BatchAddOrRemoveEndpointServicePermissions",
                "CreateEndpoint",
                "ListEndpoints",
                "ListEndpointInfoDetails",
                "UpdateEndpointWhite",
                "UpdateEndpointRoutetable",
                "UpdateEndpointPolicy",
                "DeleteEndpointPolicy",
                "DeleteEndpoint",
                "BatchAddOrDeleteResourceTags",
                "ListResourceTags",
            ].sort(),
        );
    });

    it("pages through several pages of a list", async () => {
        const owner = akskClient(emu().url, "demo");
        const ids: string[] = [];
        for (let i = 0; i < 7; i++) ids.push((await vpcep.createEndpointService(owner, serviceInput(i))).id);
        const since = (await emu().requests()).at(-1)!.seq;
        const all = await vpcep.listEndpointServices(owner, {}, { pageSize: 3 });
        expect(all.map((s) => s.id).sort()).toEqual([...ids].sort());
        const pages = ops(await emu().requests(since), "ListEndpointServices");
        expect(pages.length).toBeGreaterThanOrEqual(3);
        expect(pages.map((p) => new URLSearchParams(p.query ?? "").get("offset")).slice(0, 3)).toEqual(["0", "3", "6"]);
        expect(pages.every((p) => new URLSearchParams(p.query ?? "").get("limit") === "3")).toBe(true);
    });

    it("reports a wrong secret key as an AuthError without revealing the key", async () => {
        const bad = akskClient(emu().url, "demo", { secretKey: "not-the-demo-secret-key" });
        const err = await vpcep.listEndpointServices(bad).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AuthError);
        expect((err as AuthError).httpStatus).toBe(401);
        expect((err as AuthError).requestId).toBeTruthy();
        expect(String(err)).not.toContain("not-the-demo-secret-key");
    });
});

describe("token auth against the emulator", () => {
    it("authenticates with a password token, cached across calls", async () => {
        const c = passwordClient(emu().url, "demo");
        await vpcep.listEndpointServices(c);
        await vpcep.listQuotaDetails(passwordClient(emu().url, "demo"));
        const log = await emu().requests();
        expect(log.filter((r) => r.api === "iam").map((r) => [r.operation, r.status])).toEqual([["KeystoneCreateUserTokenByPassword", 201]]);
        expect(log.filter((r) => r.api === "vpcep").every((r) => r.status === 200 && r.account === "demo")).toBe(true);
    });

    it("re-authenticates once on 401 and carries on", async () => {
        const c = passwordClient(emu().url, "demo");
        await vpcep.listQuotaDetails(c); // token cached
        await emu().faults([
            {
                api: "vpcep",
                operation: "ListEndpointServices",
                times: 1,
                error: { status: 401, code: "APIGW.0301", message: "Incorrect IAM authentication information: token expired" },
            },
        ]);
        const since = (await emu().requests()).at(-1)!.seq;
        await vpcep.listEndpointServices(c);
        expect((await emu().requests(since)).map((r) => `${r.operation}:${r.status}`)).toEqual([
            "ListEndpointServices:401",
            "KeystoneCreateUserTokenByPassword:201",
            "ListEndpointServices:200",
        ]);
    });

    it("rejects a wrong password with an AuthError", async () => {
        const c = passwordClient(emu().url, "demo", { password: "wrong-password-123" });
        const err = await vpcep.listEndpointServices(c).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AuthError);
        expect(String(err)).not.toContain("wrong-password-123");
    });
});

describe("retries against the emulator's injected faults", () => {
    it.each([
        [
            "429 throttling",
            {
                error: {
                    status: 429,
                    code: "APIGW.0308",
                    message: "The throttling threshold has been reached: policy user over ratelimit,limit:5,time:1 second",
                },
            },
            [429, 429, 200],
        ],
        ["503", { error: { status: 503, code: "SYS.0503", message: "Service unavailable" } }, [503, 503, 200]],
        [
            "EndPoint.0022 (HTTP 400)",
            { error: { status: 400, code: "EndPoint.0022", message: "The number of requests exceeded the limit. Please try later." } },
            [400, 400, 200],
        ],
        ["connection resets", { drop: "before" as const }, [0, 0, 200]],
    ])("retries a GET through %s (the log shows each attempt)", async (_name, fault, statuses) => {
        const owner = akskClient(emu().url, "demo");
        const svc = await vpcep.createEndpointService(owner, serviceInput());
        await emu().faults([{ api: "vpcep", operation: "ListServiceDetails", times: 2, ...fault }]);
        const since = (await emu().requests()).at(-1)!.seq;
        await expect(vpcep.listServiceDetails(owner, svc.id)).resolves.toMatchObject({ id: svc.id });
        const log = ops(await emu().requests(since), "ListServiceDetails");
        expect(log.map((r) => r.status)).toEqual(statuses);
        expect(log.map((r) => r.attempt)).toEqual([1, 2, 3]);
    });

    it("retries a create refused with 503 before it was performed, creating exactly one", async () => {
        const owner = akskClient(emu().url, "demo");
        await emu().faults([
            { api: "vpcep", operation: "CreateEndpointService", times: 1, error: { status: 503, code: "SYS.0503", message: "Service unavailable" } },
        ]);
        await vpcep.createEndpointService(owner, serviceInput());
        expect(ops(await emu().requests(), "CreateEndpointService").map((r) => r.status)).toEqual([503, 200]);
        expect((await emu().resources()).filter((r) => r.api === "vpcep" && r.account === "demo" && r.kind.endsWith("endpoint_service"))).toHaveLength(1);
    });

    it("does not retry a create whose response was dropped: OutcomeUnknownError, and the service exists", async () => {
        const owner = akskClient(emu().url, "demo");
        await emu().faults([{ api: "vpcep", operation: "CreateEndpointService", times: 1, drop: "after" }]);
        const err = await vpcep.createEndpointService(owner, serviceInput()).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(OutcomeUnknownError);
        expect(ops(await emu().requests(), "CreateEndpointService")).toHaveLength(1);
        // The cloud did perform it: the caller must look it up, not create a second one.
        expect((await emu().resources()).filter((r) => r.api === "vpcep" && r.account === "demo" && r.kind.endsWith("endpoint_service"))).toHaveLength(1);
    });

    it("gives up with ThrottledError when throttling persists (with no retry window)", async () => {
        const owner = akskClient(emu().url, "demo", { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, retryForMs: 0 } });
        await emu().faults([{ api: "vpcep", operation: "ListEndpointServices", error: { status: 429, code: "APIGW.0308", message: "throttled" } }]);
        const err = await vpcep.listEndpointServices(owner).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ThrottledError);
        expect(ops(await emu().requests(), "ListEndpointServices")).toHaveLength(3);
    });

    it("rides out the account rate limit", async () => {
        const owner = akskClient(emu().url, "demo", { retry: { maxAttempts: 8, baseDelayMs: 100, maxDelayMs: 1000 } });
        await emu().limits({ requestsPerSecond: 3 });
        const results = await Promise.all(Array.from({ length: 8 }, () => vpcep.listQuotaDetails(owner)));
        expect(results).toHaveLength(8);
        const log = ops(await emu().requests(), "ListQuotaDetails");
        // The first burst is refused beyond the limit; the retries are paced at the stated limit and pass.
        expect(log.filter((r) => r.status === 429).length).toBeGreaterThan(0);
        expect(log.filter((r) => r.status === 429).length).toBeLessThanOrEqual(5);
        expect(log.filter((r) => r.status === 200)).toHaveLength(8);
    });
});

describe("pacing against the emulator's rate limit", () => {
    it("spreads a burst of 30 creates over a 5 rps limit: each call refused at most once, none lost or doubled", async () => {
        await emu().limits({ requestsPerSecond: 5, quotas: { "vpcep:endpoint_service": 100 } });
        const owner = akskClient(emu().url, "demo");
        const started = Date.now();
        const created = await Promise.all(Array.from({ length: 30 }, (_, i) => vpcep.createEndpointService(owner, serviceInput(i))));
        const elapsed = Date.now() - started;
        expect(new Set(created.map((c) => c.id)).size).toBe(30);
        const log = ops(await emu().requests(), "CreateEndpointService");
        expect(log.filter((r) => r.status === 200)).toHaveLength(30);
        // Only the first burst, before the stated limit was learned, is refused; paced retries pass.
        expect(log.filter((r) => r.status === 429).length).toBeLessThanOrEqual(25);
        expect(Math.max(...log.map((r) => r.attempt ?? 1))).toBeLessThanOrEqual(2);
        // and the pace is not slower than the limit needs: 25 calls at 4.75/s after a 1 s Retry-After
        expect(elapsed).toBeLessThan((25 / 4.75) * 1000 + 1000 + 1500);
    }, 30_000);
});

describe("coalesced waiting against the emulator", () => {
    async function waitAll(n: number) {
        await emu().reset();
        await emu().limits({ quotas: { "vpcep:endpoint_service": 100 } });
        await emu().timings({ "vpcep:endpoint_service": { create: { afterMs: 3000 }, delete: "immediate" } });
        const owner = akskClient(emu().url, "demo", { wait: { minDelayMs: 300, maxDelayMs: 1000 } });
        const created = await Promise.all(Array.from({ length: n }, (_, i) => vpcep.createEndpointService(owner, serviceInput(i))));
        const since = (await emu().requests()).at(-1)!.seq;
        const results = await Promise.all(created.map((s) => vpcep.waitForEndpointServiceAvailable(owner, s.id, { timeoutMs: 30_000 })));
        expect(results.every((r) => r.outcome === "target" && r.status === "available")).toBe(true);
        const polls = (await emu().requests(since)).filter((r) => r.api === "vpcep");
        return { polls, stats: vpcep.endpointServiceWatcher(owner).stats };
    }

    it("polls 50 waiting services with one list call per tick, no more calls than for one", async () => {
        const one = await waitAll(1);
        expect(one.polls.every((r) => r.operation === "ListServiceDetails")).toBe(true);

        const fifty = await waitAll(50);
        // One list call per tick for all 50 (not 50 GETs), and the ticks do not multiply.
        expect(fifty.polls.every((r) => r.operation === "ListEndpointServices")).toBe(true);
        expect(fifty.stats.listCalls).toBe(fifty.polls.length);
        expect(fifty.stats.ticks).toBe(fifty.polls.length);
        expect(fifty.polls.length).toBeLessThanOrEqual(one.polls.length + 2);
        if (process.env.SDK_TEST_VERBOSE)
            console.log(`1 waiter: ${one.polls.length} GETs; 50 waiters: ${fifty.polls.length} list calls (${fifty.stats.ticks} ticks)`);
    }, 60_000);
});
