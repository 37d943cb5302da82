/**
 * The DNS resolver endpoint client against the emulator over real sockets: every operation,
 * typed errors from DNS's `{code,message}` envelope, the project in the signed X-Project-Id,
 * token auth, retries of injected faults, and coalesced waiting through the shared watcher; and
 * the private zone operations the provider's in-place changes use (proxy pattern, tags, renames).
 */
import { ConflictError, NotFoundError, OutcomeUnknownError, ValidationError } from "../../../sdk/core/errors";
import * as dns from "../../../sdk/huaweicloud/dns";
import { clearTokenCache } from "../../../sdk/huaweicloud/token";
import { akskClient, emulatorForEachTest, NET, passwordClient } from "../helpers/emulator";

const emu = emulatorForEachTest(clearTokenCache);

const client = (kind: "aksk" | "password" = "aksk") => {
    const endpoints = { dns: emu().url, iam: emu().url, vpcep: emu().url };
    return kind === "aksk" ? akskClient(emu().url, "demo", { endpoints }) : passwordClient(emu().url, "demo", { endpoints });
};
const input = (name: string, extra: Partial<dns.CreateResolverEndpointRequest> = {}): dns.CreateResolverEndpointRequest => ({
    name,
    direction: "inbound",
    region: "cn-north-4",
    ipaddresses: [{ subnet_id: NET.demo.clientSubnetId, ip: "10.0.0.80" }, { subnet_id: NET.demo.clientSubnetId }],
    ...extra,
});

describe("DNS resolver endpoint operations against the emulator", () => {
    it("runs the whole lifecycle through every operation", async () => {
        await emu().timings({ "dns:endpoint": { create: { afterReads: 2 }, delete: { afterReads: 1 } } });
        const c = client();
        const created = await dns.createResolverEndpoint(c, input("ep-a"));
        expect(created).toMatchObject({ name: "ep-a", status: "PENDING_CREATE", vpc_id: undefined, ipaddress_count: 0 });
        const ready = await dns.waitForResolverEndpointActive(c, created.id, { timeoutMs: 20_000 });
        expect(ready).toMatchObject({ outcome: "target", status: "ACTIVE", resource: { vpc_id: NET.demo.clientVpcId, ipaddress_count: 2 } });

        expect((await dns.listResolverEndpoints(c, { direction: "inbound" })).map((e) => e.id)).toEqual([created.id]);
        expect(await dns.listResolverEndpoints(c, { direction: "inbound", name: "nope" })).toEqual([]);
        expect((await dns.updateResolverEndpoint(c, created.id, { name: "ep-b" })).name).toBe("ep-b");

        const added = await dns.addEndpointIpaddress(c, created.id, { subnet_id: NET.demo.clientSubnetId, ip: "10.0.0.81" });
        expect(added).toMatchObject({ ip: "10.0.0.81", status: "PENDING_CREATE" });
        await dns.waitForResolverEndpointActive(c, created.id, { timeoutMs: 20_000 });
        const ips = await dns.listEndpointIpaddresses(c, created.id);
        expect(ips.map((x) => x.ip)).toEqual(["10.0.0.80", "10.0.0.2", "10.0.0.81"]);
        await dns.deleteEndpointIpaddress(c, created.id, ips[0]!.id);
        await dns.waitForResolverEndpointActive(c, created.id, { timeoutMs: 20_000 });
        expect((await dns.listEndpointIpaddresses(c, created.id)).map((x) => x.ip)).toEqual(["10.0.0.2", "10.0.0.81"]);

        await dns.deleteResolverEndpoint(c, created.id);
        expect(await dns.waitForResolverEndpointDeleted(c, created.id, { timeoutMs: 20_000 })).toMatchObject({ outcome: "gone" });
        await expect(dns.showResolverEndpoint(c, created.id)).rejects.toBeInstanceOf(NotFoundError);

        // The project travelled in the signed header; every operation is in the log under its SDK name.
        const log = (await emu().requests()).filter((r) => r.api === "dns");
        expect(new Set(log.map((r) => r.operation))).toEqual(
            new Set([
                "CreateResolverEndpoint",
                "ShowResolverEndpoint",
                "ListResolverEndpoints",
                "UpdateResolverEndpoint",
                "AddEndpointIpaddress",
                "ListEndpointIpaddresses",
                "DeleteEndpointIpaddress",
                "DeleteResolverEndpoint",
            ]),
        );
        expect(log.every((r) => r.account === "demo")).toBe(true);
    });

    it("classifies DNS errors", async () => {
        const c = client();
        const first = await dns.createResolverEndpoint(c, input("dup"));
        const dup = await dns
            .createResolverEndpoint(c, input("dup", { ipaddresses: [{ subnet_id: NET.demo.clientSubnetId }, { subnet_id: NET.demo.clientSubnetId }] }))
            .catch((e) => e);
        expect(dup).toBeInstanceOf(ConflictError);
        expect(dup).toMatchObject({ code: "DNS.1504", reason: "exists", httpStatus: 400 });
        const outside = await dns
            .createResolverEndpoint(
                c,
                input("x", { ipaddresses: [{ subnet_id: NET.demo.clientSubnetId, ip: "10.9.9.9" }, { subnet_id: NET.demo.clientSubnetId }] }),
            )
            .catch((e) => e);
        expect(outside).toBeInstanceOf(ValidationError);
        expect(outside.code).toBe("DNS.1505");
        const last = await dns.deleteEndpointIpaddress(c, first.id, (await dns.listEndpointIpaddresses(c, first.id))[0]!.id).catch((e) => e);
        expect(last.code).toBe("DNS.1507");
        // Strict requests: a typo or a single address fails before any call.
        await expect(dns.createResolverEndpoint(c, { ...input("y"), ipaddresses: [{ subnet_id: "s" }] })).rejects.toMatchObject({ code: "SDK.InvalidRequest" });
        await expect(dns.listResolverEndpoints(c, { direction: "inbound", vcp_id: "x" } as any)).rejects.toMatchObject({ code: "SDK.InvalidRequest" });
    });

    it("works with token auth (the project from the token)", async () => {
        const c = client("password");
        const e = await dns.createResolverEndpoint(c, input("tok"));
        expect((await dns.showResolverEndpoint(c, e.id)).name).toBe("tok");
    });

    it("retries transient faults on reads and reports a lost create as an unknown outcome", async () => {
        const c = client();
        await emu().faults([{ api: "dns", operation: "ListResolverEndpoints", times: 2, error: { status: 500, code: "DNS.0002", message: "busy" } }]);
        expect(await dns.listResolverEndpoints(c, { direction: "outbound" })).toEqual([]);
        const attempts = (await emu().requests()).filter((r) => r.operation === "ListResolverEndpoints").map((r) => r.status);
        expect(attempts).toEqual([500, 500, 200]);
        await emu().faults([{ api: "dns", operation: "CreateResolverEndpoint", times: 1, drop: "after" }]);
        await expect(dns.createResolverEndpoint(c, input("lost"))).rejects.toBeInstanceOf(OutcomeUnknownError);
        expect((await dns.listResolverEndpoints(c, { direction: "inbound", name: "lost" })).map((x) => x.name)).toEqual(["lost"]);
    });

    it("coalesces several waiters into list calls", async () => {
        await emu().timings({ "dns:endpoint": { create: { afterReads: 3 } } });
        const c = client();
        const a = await dns.createResolverEndpoint(
            c,
            input("w-a", { ipaddresses: [{ subnet_id: NET.demo.clientSubnetId }, { subnet_id: NET.demo.clientSubnetId }] }),
        );
        const b = await dns.createResolverEndpoint(
            c,
            input("w-b", { direction: "outbound", ipaddresses: [{ subnet_id: NET.demo.clientSubnetId }, { subnet_id: NET.demo.clientSubnetId }] }),
        );
        const mark = (await emu().requests()).length;
        const [ra, rb] = await Promise.all([
            dns.waitForResolverEndpointActive(c, a.id, { timeoutMs: 20_000 }),
            dns.waitForResolverEndpointActive(c, b.id, { timeoutMs: 20_000 }),
        ]);
        expect([ra.outcome, rb.outcome]).toEqual(["target", "target"]);
        const polls = (await emu().requests()).slice(mark).map((r) => r.operation);
        // Both waiting: list calls (both directions), not a GET each; a GET only once one is left.
        expect(polls).toContain("ListResolverEndpoints");
        expect(polls.filter((o) => o === "ShowResolverEndpoint").length).toBeLessThanOrEqual(1);
        expect(polls.every((o) => o === "ListResolverEndpoints" || o === "ShowResolverEndpoint")).toBe(true);
    });
});

describe("DNS private zone proxy pattern, record set renames and tags against the emulator", () => {
    it("sets the proxy pattern, renames a record set, and adds, reads and deletes tags by key", async () => {
        await emu().timings({ "dns:private_zone": { create: "immediate" }, "dns:recordset": { create: "immediate" } });
        const c = client();
        const zone = await dns.createPrivateZone(c, {
            name: "sdk.example.com",
            zone_type: "private",
            router: { router_id: NET.demo.clientVpcId },
            tags: [{ key: "team", value: "dns" }],
        });
        await dns.setPrivateZoneProxyPattern(c, zone.id, { proxy_pattern: "RECURSIVE" });
        expect((await dns.showPrivateZone(c, zone.id)).proxy_pattern).toBe("RECURSIVE");
        // Refused before any call: the request schema is strict.
        await expect(dns.setPrivateZoneProxyPattern(c, zone.id, { proxy_pattern: "FORWARD" as "RECURSIVE" })).rejects.toThrow(ValidationError);

        await dns.batchCreateTag(c, "DNS-private_zone", zone.id, { action: "create", tags: [{ key: "env", value: "test" }] });
        expect(await dns.showResourceTag(c, "DNS-private_zone", zone.id)).toEqual([
            { key: "team", value: "dns" },
            { key: "env", value: "test" },
        ]);
        await dns.batchCreateTag(c, "DNS-private_zone", zone.id, { action: "delete", tags: [{ key: "team" }] });
        expect(await dns.showResourceTag(c, "DNS-private_zone", zone.id)).toEqual([{ key: "env", value: "test" }]);
        await expect(dns.showResourceTag(c, "DNS-private_recordset", "0123456789abcdef0123456789abcdef")).rejects.toThrow(NotFoundError);

        const set = await dns.createRecordSet(c, zone.id, { name: "www.sdk.example.com.", type: "A", records: ["10.0.0.1"], tags: [{ key: "k" }] });
        expect(await dns.showResourceTag(c, "DNS-private_recordset", set.id)).toEqual([{ key: "k", value: "" }]);
        const renamed = await dns.updateRecordSet(c, zone.id, set.id, { name: "web.sdk.example.com.", type: "TXT", records: ["hello"] });
        expect(renamed).toMatchObject({ name: "web.sdk.example.com.", type: "TXT", records: ["hello"] });
    });
});
