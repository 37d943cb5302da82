/**
 * `huaweicloud.dns.ResolverEndpoint` with the real CLI against the emulator: the example, then
 * the acceptance shape — preview without API calls → up → empty preview and refresh → addresses
 * 2→3 and 3→2 in place → {a,b}→{c,d} never below 2 addresses (checked in the request log) →
 * rename in place → direction change replaces → bad inputs rejected at preview with no API call
 * → out-of-band deletion noticed and recreated → destroy leaves the emulator empty.
 */
import * as path from "node:path";
import { type LoggedRequest, TestCloud } from "../../harness/cloud";
import { PulumiProgram, REPO_ROOT, resourcesOfType } from "../../harness/pulumi-program";
import { signedHuaweiRequest } from "../helpers/huawei-request";

const TYPE = "pulumi-nodejs:dynamic/huaweicloud-dns:ResolverEndpoint";

/** Both phases transitional for one read, so every wait is exercised. */
const TIMINGS = { "dns:endpoint": { create: { afterReads: 1 }, delete: { afterReads: 1 } } };

let cloud: TestCloud;
let subnet1: string;
let subnet2: string;

beforeAll(async () => {
    cloud = await TestCloud.start({ timings: TIMINGS });
    const net = cloud.account().network;
    subnet1 = net.clientSubnetId; // 10.0.0.0/24 of the client VPC
    // A second subnet of the same VPC, through the emulator's control route.
    subnet2 = (await cloud.control("POST", "network/subnets", { account: "demo", vpcId: net.clientVpcId, cidr: "10.0.1.0/24", name: "client-subnet-2" })).subnet
        .id;
});
afterAll(async () => {
    await cloud?.close();
});

/** What the DNS endpoints' ports look like in the shared network model. */
async function dnsPorts(): Promise<string[]> {
    const all = (await cloud.control<{ resources: Array<{ kind: string; body: any }> }>("GET", "resources?api=network&kind=port")).resources;
    return all.filter((r) => r.body.device_owner === "network:dns").map((r) => r.body.fixed_ips[0].ip_address);
}

describe("examples/dns-resolver end to end", () => {
    let p: PulumiProgram;
    beforeAll(async () => {
        p = await PulumiProgram.create({ fromDir: path.join(REPO_ROOT, "examples/dns-resolver"), env: cloud.huaweiEnv() });
        await p.setConfig("subnetId", subnet1);
        await p.setConfig("secondSubnetId", subnet2);
    });
    afterAll(() => p?.dispose());

    test("creates an inbound and an outbound endpoint and removes them", async () => {
        const before = await cloud.mark();
        const pre = await p.preview();
        expect(pre.result.code).toBe(0);
        expect(pre.changeSummary.create).toBe(3);
        expect(await cloud.requests(before)).toEqual([]);

        await p.up();
        const out = await p.outputs();
        expect(out.inboundStatus).toBe("ACTIVE");
        expect(out.inboundIpsAssigned).toEqual(["10.0.0.53", "10.0.0.54"]);
        expect(out.outboundIps).toEqual([expect.stringMatching(/^10\.0\.0\./), expect.stringMatching(/^10\.0\.1\./)]);
        expect(out.vpcId).toBe(cloud.account().network.clientVpcId);
        const eps = await cloud.resources("dns:endpoint");
        expect(eps.map((e) => e.id).sort()).toEqual([out.inboundId, out.outboundId].sort());
        expect(eps.map((e) => e.body.direction).sort()).toEqual(["inbound", "outbound"]);

        expect((await p.run(["preview", "--expect-no-changes", "--non-interactive"])).code).toBe(0);
        expect((await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"])).code).toBe(0);

        await p.destroy();
        expect(await cloud.resources("dns:endpoint")).toEqual([]);
        expect(await dnsPorts()).toEqual([]);
    });
});

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import { huaweicloud } from "pulumi-privatelink";
const config = new pulumi.Config();
const ep = new huaweicloud.dns.ResolverEndpoint("resolver", {
    name: config.require("name"),
    direction: config.require("direction") as "inbound" | "outbound",
    ipAddresses: config.requireObject("addresses"),
});
export const id = ep.id;
export const status = ep.status;
export const ipAddresses = ep.ipAddresses;
`;

describe("huaweicloud.dns.ResolverEndpoint acceptance", () => {
    let p: PulumiProgram;
    const a = () => ({ subnetId: subnet1, ip: "10.0.0.61" });
    const b = () => ({ subnetId: subnet1 }); // the cloud picks the address
    const c = () => ({ subnetId: subnet2, ip: "10.0.1.61" });
    const d = () => ({ subnetId: subnet2 });
    const setAddresses = (list: unknown[]) => p.setConfig("addresses", JSON.stringify(list));
    const addressOps = (log: LoggedRequest[]) =>
        log.filter((r) => /EndpointIpaddress$/.test(r.operation) && r.method !== "GET" && r.status < 300).map((r) => r.operation);
    const endpointIps = async () => ((await cloud.resources("dns:endpoint"))[0]?.body.ipaddresses ?? []).map((x: any) => x.ip).sort();

    beforeAll(async () => {
        p = await PulumiProgram.create({
            files: {
                "Pulumi.yaml": "name: dns-acceptance\nruntime: nodejs\n",
                "index.ts": PROGRAM,
                "package.json": JSON.stringify({ name: "dns-acceptance", main: "index.ts" }),
            },
            env: cloud.huaweiEnv(),
        });
        await p.setConfig("name", "resolver-a");
        await p.setConfig("direction", "inbound");
        await setAddresses([a(), b()]);
    });
    afterAll(() => p?.dispose());

    test("walks the whole lifecycle", async () => {
        // preview: one creation, no API call
        let mark = await cloud.mark();
        const pre = await p.preview();
        expect(pre.result.code).toBe(0);
        expect(pre.changeSummary.create).toBe(2);
        expect(await cloud.requests(mark)).toEqual([]);

        // up: one ACTIVE endpoint with a fixed and a picked address
        await p.up();
        let out = await p.outputs();
        expect(out.status).toBe("ACTIVE");
        const eps = await cloud.resources("dns:endpoint");
        expect(eps.map((e) => e.id)).toEqual([out.id]);
        expect(eps[0]?.body).toMatchObject({ name: "resolver-a", direction: "inbound", status: "ACTIVE", ipaddress_count: 2 });
        expect(out.ipAddresses).toEqual([
            expect.objectContaining({ subnetId: subnet1, ip: "10.0.0.61", ipGiven: true, id: expect.any(String) }),
            expect.objectContaining({ subnetId: subnet1, ip: expect.stringMatching(/^10\.0\.0\./), ipGiven: false }),
        ]);
        const firstId = out.id;

        // nothing to do: the picked address satisfies the address without ip (no perpetual diff)
        expect((await p.run(["preview", "--expect-no-changes", "--non-interactive"])).code).toBe(0);
        expect((await p.run(["refresh", "--yes", "--expect-no-changes", "--non-interactive"])).code).toBe(0);

        // 2 → 3 in place: one AddEndpointIpaddress
        await setAddresses([a(), b(), c()]);
        mark = await cloud.mark();
        expect((await p.up()).changeSummary.update).toBe(1);
        let log = await cloud.requests(mark);
        expect(addressOps(log)).toEqual(["AddEndpointIpaddress"]);
        expect(log.filter((r) => /ResolverEndpoint$/.test(r.operation) && /^(Create|Delete)/.test(r.operation))).toEqual([]);
        expect(await endpointIps()).toContain("10.0.1.61");
        expect((await p.outputs()).id).toBe(firstId);

        // 3 → 2 in place: one DeleteEndpointIpaddress
        await setAddresses([a(), b()]);
        mark = await cloud.mark();
        expect((await p.up()).changeSummary.update).toBe(1);
        expect(addressOps(await cloud.requests(mark))).toEqual(["DeleteEndpointIpaddress"]);
        expect(await endpointIps()).toHaveLength(2);

        // {a,b} → {c,d}: add c, remove a, add d, remove b — never fewer than 2
        await setAddresses([c(), d()]);
        mark = await cloud.mark();
        expect((await p.up()).changeSummary.update).toBe(1);
        const ops = addressOps(await cloud.requests(mark));
        expect(ops).toEqual(["AddEndpointIpaddress", "DeleteEndpointIpaddress", "AddEndpointIpaddress", "DeleteEndpointIpaddress"]);
        let n = 2;
        for (const op of ops) {
            n += op.startsWith("Add") ? 1 : -1;
            expect(n).toBeGreaterThanOrEqual(2);
            expect(n).toBeLessThanOrEqual(6);
        }
        out = await p.outputs();
        expect(out.id).toBe(firstId);
        expect((out.ipAddresses as any[]).map((x) => x.subnetId)).toEqual([subnet2, subnet2]);
        expect(await endpointIps()).toEqual(expect.arrayContaining(["10.0.1.61"]));
        expect((await p.run(["preview", "--expect-no-changes", "--non-interactive"])).code).toBe(0);

        // rename in place
        await p.setConfig("name", "resolver-b");
        mark = await cloud.mark();
        expect((await p.up()).changeSummary.update).toBe(1);
        log = await cloud.requests(mark);
        expect(log.map((r) => r.operation)).toContain("UpdateResolverEndpoint");
        expect(log.map((r) => r.operation).filter((o) => /^(Create|Delete)ResolverEndpoint$/.test(o))).toEqual([]);
        expect((await cloud.resource("dns:endpoint")).body.name).toBe("resolver-b");

        // direction change replaces (the old endpoint goes first: the name and addresses stay)
        await p.setConfig("direction", "outbound");
        mark = await cloud.mark();
        expect((await p.up()).changeSummary.replace).toBe(1);
        const repl = (await cloud.requests(mark)).map((r) => r.operation).filter((o) => /^(Create|Delete)ResolverEndpoint$/.test(o));
        expect(repl).toEqual(["DeleteResolverEndpoint", "CreateResolverEndpoint"]);
        out = await p.outputs();
        expect(out.id).not.toBe(firstId);
        const now = await cloud.resources("dns:endpoint");
        expect(now.map((e) => e.id)).toEqual([out.id]);
        expect(now[0]?.body).toMatchObject({ direction: "outbound", name: "resolver-b" });

        // bad inputs: rejected at preview, no API call
        for (const [key, value, message] of [
            ["addresses", JSON.stringify([c()]), /ipAddresses: .* has fewer than 2 addresses/],
            ["addresses", JSON.stringify([c(), d(), d(), d(), d(), d(), d()]), /has more than 6 addresses/],
            ["addresses", JSON.stringify([c(), { subnetId: subnet2, ip: "10.0.1.300" }]), /ipAddresses\[1\]\.ip: .* is not a valid IPv4 address/],
            ["addresses", JSON.stringify([c(), c()]), /ipAddresses\[1\]\.ip: .* repeats ipAddresses\[0\]\.ip/],
            ["addresses", JSON.stringify([c(), { subnetId: "subnet-2" }]), /is not a valid subnet id/],
            ["name", "bad name!", /name: "bad name!" must be 1–64 letters/],
            ["direction", "sideways", /direction: "sideways" is not inbound or outbound/],
        ] as const) {
            const good = key === "addresses" ? JSON.stringify([c(), d()]) : key === "name" ? "resolver-b" : "outbound";
            await p.setConfig(key, value);
            mark = await cloud.mark();
            const bad = await p.preview();
            expect(bad.result.code).not.toBe(0);
            expect(bad.errors.join("\n") + bad.result.stdout + bad.result.stderr).toMatch(message);
            expect(await cloud.requests(mark)).toEqual([]);
            await p.setConfig(key, good);
        }

        // out-of-band deletion: refresh drops it, up recreates it
        const del = await signedHuaweiRequest(cloud.url, cloud.account(), "DELETE", `/v2.1/endpoints/${out.id}`);
        expect(del.status).toBe(202);
        const refreshed = await p.refresh();
        expect(refreshed.changeSummary.delete).toBe(1);
        expect(resourcesOfType(await p.exportState(), TYPE)).toHaveLength(0);
        expect((await p.up()).changeSummary.create).toBe(1);
        expect(await cloud.resources("dns:endpoint")).toHaveLength(1);

        // destroy: nothing left, addresses released
        await p.destroy();
        expect(await cloud.resources("dns:endpoint")).toEqual([]);
        expect(await dnsPorts()).toEqual([]);
        expect(resourcesOfType(await p.exportState(), TYPE)).toHaveLength(0);
    });
});
