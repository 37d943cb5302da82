/**
 * The Huawei VPC API subset of the emulator, over HTTP with the tests' own signer: v1 VPCs and
 * subnets (envelopes, filters, marker paging, create/update/delete with the error-code table's
 * codes in `{code,message}`), neutron ports (`/v2.0/ports`, filters, `ports_links`, NeutronError),
 * auth, and the lookup terraform-provider-huaweicloud makes for a DNS endpoint's subnets.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONSUMER, DEMO, type Emu, startTestEmulator, type TestAccount } from "./helpers";

let emu: Emu;
beforeAll(async () => {
    emu = await startTestEmulator();
});
afterAll(async () => {
    await emu?.close();
});
beforeEach(async () => {
    await emu.control("POST", "reset");
});

const v1 = (method: string, path: string, opts: Parameters<Emu["hw"]>[3] = {}, account: TestAccount = DEMO) =>
    emu.hw(account, method, `/v1/${account.projectId}${path}`, opts);
const ports = (path = "", opts: Parameters<Emu["hw"]>[3] = {}, method = "GET", account: TestAccount = DEMO) =>
    emu.hw(account, method, `/v2.0/ports${path}`, opts);
const createVpc = (vpc: Record<string, unknown>) => v1("POST", "/vpcs", { body: { vpc } });
const createSubnet = (subnet: Record<string, unknown>) => v1("POST", "/subnets", { body: { subnet } });
/** A valid subnet body in the demo client VPC (10.0.0.0/16; 10.0.0.0/24 is seeded). */
const subnetBody = (extra: Record<string, unknown> = {}) => ({
    name: "s-2",
    cidr: "10.0.2.0/24",
    gateway_ip: "10.0.2.1",
    vpc_id: DEMO.net.clientVpc,
    ...extra,
});
const vpcCode = (code: string) => ({ code, message: expect.any(String) });
const neutronError = (type: string) => ({ NeutronError: { type, message: expect.any(String), detail: "" } });

describe("VPCs (v1)", () => {
    test("lists the project's VPCs in the page's envelope and fields, not another account's", async () => {
        const r = await v1("GET", "/vpcs");
        expect(r.status).toBe(200);
        expect(r.body.vpcs).toEqual([
            {
                id: DEMO.net.backendVpc,
                name: "backend-vpc",
                description: "",
                cidr: "192.168.0.0/16",
                status: "OK",
                routes: [],
                enterprise_project_id: "0",
                tenant_id: DEMO.projectId,
            },
            expect.objectContaining({ id: DEMO.net.clientVpc, cidr: "10.0.0.0/16", status: "OK" }),
        ]);
        expect((await v1("GET", "/vpcs", {}, CONSUMER)).body.vpcs.map((x: any) => x.id)).toEqual([CONSUMER.net.backendVpc, CONSUMER.net.clientVpc]);
    });

    test("filters by id and enterprise project, and pages with marker and limit", async () => {
        expect((await v1("GET", "/vpcs", { query: { id: DEMO.net.clientVpc } })).body.vpcs.map((x: any) => x.id)).toEqual([DEMO.net.clientVpc]);
        const made = (await createVpc({ name: "third", cidr: "172.16.0.0/16" })).body.vpc.id;
        const ids = [DEMO.net.backendVpc, DEMO.net.clientVpc, made];
        const page = async (query: Record<string, string | number>) => (await v1("GET", "/vpcs", { query })).body.vpcs.map((x: any) => x.id);
        expect(await page({ limit: 2 })).toEqual(ids.slice(0, 2));
        expect(await page({ limit: 2, marker: ids[1]! })).toEqual([made]);
        expect(await page({ marker: made })).toEqual([]);
        expect(await page({ enterprise_project_id: "0" })).toEqual(ids);
        expect(await page({ enterprise_project_id: "2f0c4b3e-0000-4000-8000-000000000001" })).toEqual([]);
        expect(await page({ enterprise_project_id: "all_granted_eps" })).toEqual(ids);
        const badMarker = await v1("GET", "/vpcs", { query: { marker: CONSUMER.net.clientVpc } });
        expect([badMarker.status, badMarker.body]).toEqual([400, vpcCode("VPC.0101")]);
        expect((await v1("GET", "/vpcs", { query: { limit: -1 } })).body).toEqual(vpcCode("VPC.0101"));
    });

    test("shows one VPC, and answers 404 VPC.0003 for an unknown or another account's VPC", async () => {
        const r = await v1("GET", `/vpcs/${DEMO.net.clientVpc}`);
        expect(r.body.vpc).toMatchObject({ id: DEMO.net.clientVpc, name: "client-vpc", cidr: "10.0.0.0/16", status: "OK" });
        for (const id of [CONSUMER.net.clientVpc, "11111111-1111-4111-8111-999999999999"]) {
            const miss = await v1("GET", `/vpcs/${id}`);
            expect([miss.status, miss.body]).toEqual([404, vpcCode("VPC.0003")]);
        }
    });

    test("creates a VPC (CREATING in the answer, OK when read) with a default route table, and refuses a taken name", async () => {
        const c = await createVpc({ name: "made", cidr: "172.16.0.0/12", description: "by the API", enterprise_project_id: "0" });
        expect(c.status).toBe(200);
        expect(c.body.vpc).toMatchObject({ name: "made", cidr: "172.16.0.0/12", description: "by the API", status: "CREATING", tenant_id: DEMO.projectId });
        expect(c.body.vpc.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(c.body.vpc.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
        const id = c.body.vpc.id as string;
        expect((await v1("GET", `/vpcs/${id}`)).body.vpc).toMatchObject({ id, status: "OK", created_at: c.body.vpc.created_at });
        const tables = (await emu.control("GET", "resources?api=network&kind=routetable")).body.resources.filter((r: any) => r.body.vpc_id === id);
        expect(tables.map((r: any) => r.body.default)).toEqual([true]);
        const again = await createVpc({ name: "made", cidr: "192.168.0.0/16" });
        expect([again.status, again.body]).toEqual([400, vpcCode("VPC.0115")]);
        expect((await createVpc({ cidr: "192.168.0.0/16" })).body.vpc.name).toBe("");
    });

    test.each([
        ["a public CIDR", { name: "x", cidr: "8.8.8.0/24" }],
        ["a CIDR longer than /28", { name: "x", cidr: "10.0.0.0/29" }],
        ["host bits in the CIDR", { name: "x", cidr: "10.0.0.1/16" }],
        ["a block larger than its private range", { name: "x", cidr: "172.0.0.0/8" }],
        ["no CIDR", { name: "x" }],
        ["a name with a space", { name: "a b", cidr: "10.0.0.0/16" }],
        ["a name of 65 characters", { name: "x".repeat(65), cidr: "10.0.0.0/16" }],
        ["angle brackets in the description", { name: "x", cidr: "10.0.0.0/16", description: "<b>" }],
        ["a bad enterprise project", { name: "x", cidr: "10.0.0.0/16", enterprise_project_id: "default" }],
    ])("refuses to create a VPC with %s (VPC.0101)", async (_what, vpc) => {
        const r = await createVpc(vpc);
        expect([r.status, r.body]).toEqual([400, vpcCode("VPC.0101")]);
        expect((await v1("GET", "/vpcs")).body.vpcs).toHaveLength(2);
    });

    test("refuses a body without the vpc wrapper or not JSON", async () => {
        expect((await v1("POST", "/vpcs", { body: { name: "x", cidr: "10.0.0.0/16" } })).body).toEqual(vpcCode("VPC.0101"));
        expect((await v1("POST", "/vpcs", { raw: "{" })).body).toEqual(vpcCode("VPC.0101"));
    });

    test("updates name, description and CIDR, refusing a CIDR that leaves a subnet outside (VPC.0117)", async () => {
        const u = await v1("PUT", `/vpcs/${DEMO.net.clientVpc}`, { body: { vpc: { name: "client-2", description: "renamed", cidr: "10.0.0.0/8" } } });
        expect(u.status).toBe(200);
        expect(u.body.vpc).toMatchObject({ id: DEMO.net.clientVpc, name: "client-2", description: "renamed", cidr: "10.0.0.0/8", status: "OK" });
        const shrink = await v1("PUT", `/vpcs/${DEMO.net.clientVpc}`, { body: { vpc: { cidr: "10.1.0.0/16" } } });
        expect([shrink.status, shrink.body]).toEqual([400, vpcCode("VPC.0117")]);
        expect((await v1("PUT", `/vpcs/${DEMO.net.clientVpc}`, { body: { vpc: { name: "backend-vpc" } } })).body).toEqual(vpcCode("VPC.0115"));
        expect((await v1("GET", `/vpcs/${DEMO.net.clientVpc}`)).body.vpc).toMatchObject({ name: "client-2", cidr: "10.0.0.0/8" });
    });

    test("refuses to delete a VPC with subnets (409 VPC.0104), then deletes it with its route tables", async () => {
        const vpc = (await createVpc({ name: "gone-soon", cidr: "172.16.0.0/16" })).body.vpc.id;
        const sub = (await createSubnet(subnetBody({ vpc_id: vpc, cidr: "172.16.1.0/24", gateway_ip: "172.16.1.1" }))).body.subnet.id;
        const busy = await v1("DELETE", `/vpcs/${vpc}`);
        expect([busy.status, busy.body]).toEqual([409, vpcCode("VPC.0104")]);
        expect((await v1("DELETE", `/vpcs/${vpc}/subnets/${sub}`)).status).toBe(204);
        const del = await v1("DELETE", `/vpcs/${vpc}`);
        expect([del.status, del.body]).toEqual([204, undefined]);
        expect((await v1("GET", `/vpcs/${vpc}`)).status).toBe(404);
        expect((await v1("DELETE", `/vpcs/${vpc}`)).body).toEqual(vpcCode("VPC.0003"));
        const tables = (await emu.control("GET", "resources?api=network&kind=routetable")).body.resources.filter((r: any) => r.body.vpc_id === vpc);
        expect(tables).toEqual([]);
    });
});

describe("subnets (v1)", () => {
    test("lists subnets with the page's fields, filters by vpc_id and pages with marker", async () => {
        const all = (await v1("GET", "/subnets")).body.subnets;
        expect(all.map((s: any) => s.id)).toEqual([DEMO.net.backendSubnet, DEMO.net.clientSubnet]);
        expect(all[1]).toEqual({
            id: DEMO.net.clientSubnet,
            name: "client-subnet",
            description: "",
            cidr: "10.0.0.0/24",
            gateway_ip: "10.0.0.1",
            ipv6_enable: false,
            dhcp_enable: true,
            primary_dns: "",
            secondary_dns: "",
            dnsList: [],
            availability_zone: "",
            vpc_id: DEMO.net.clientVpc,
            status: "ACTIVE",
            neutron_network_id: DEMO.net.clientSubnet,
            neutron_subnet_id: DEMO.net.clientSubnet,
            extra_dhcp_opts: [],
        });
        const byVpc = await v1("GET", "/subnets", { query: { vpc_id: DEMO.net.clientVpc } });
        expect(byVpc.body.subnets.map((s: any) => s.id)).toEqual([DEMO.net.clientSubnet]);
        const made = (await createSubnet(subnetBody())).body.subnet.id;
        const page = async (query: Record<string, string | number>) => (await v1("GET", "/subnets", { query })).body.subnets.map((s: any) => s.id);
        expect(await page({ vpc_id: DEMO.net.clientVpc, limit: 1 })).toEqual([DEMO.net.clientSubnet]);
        expect(await page({ vpc_id: DEMO.net.clientVpc, limit: 1, marker: DEMO.net.clientSubnet })).toEqual([made]);
        expect(await page({ marker: DEMO.net.backendSubnet })).toEqual([DEMO.net.clientSubnet, made]);
        expect((await v1("GET", "/subnets", { query: { marker: "nope" } })).body).toEqual(vpcCode("VPC.0201"));
    });

    test("shows a subnet, and answers 404 VPC.0202 for an unknown or another account's subnet", async () => {
        expect((await v1("GET", `/subnets/${DEMO.net.backendSubnet}`)).body.subnet).toMatchObject({ id: DEMO.net.backendSubnet, cidr: "192.168.0.0/24" });
        const miss = await v1("GET", `/subnets/${CONSUMER.net.backendSubnet}`);
        expect(miss.status).toBe(404);
        expect(miss.body).toEqual({ code: "VPC.0202", message: `Query resource by id ${CONSUMER.net.backendSubnet} fail.the subnet could not be found.` });
    });

    test("creates a subnet with its gateway and DNS settings (UNKNOWN in the answer, ACTIVE when read)", async () => {
        const c = await createSubnet(
            subnetBody({
                gateway_ip: "10.0.2.254",
                primary_dns: "100.125.1.250",
                secondary_dns: "100.125.129.250",
                dhcp_enable: true,
                availability_zone: "cn-north-4a",
                extra_dhcp_opts: [{ opt_name: "ntp", opt_value: "10.100.0.33" }],
            }),
        );
        expect(c.status).toBe(200);
        expect(c.body.subnet).toMatchObject({
            name: "s-2",
            cidr: "10.0.2.0/24",
            gateway_ip: "10.0.2.254",
            status: "UNKNOWN",
            dnsList: ["100.125.1.250", "100.125.129.250"],
            availability_zone: "cn-north-4a",
            extra_dhcp_opts: [{ opt_name: "ntp", opt_value: "10.100.0.33" }],
        });
        const id = c.body.subnet.id as string;
        expect(c.body.subnet.neutron_network_id).toBe(id);
        expect((await v1("GET", `/subnets/${id}`)).body.subnet.status).toBe("ACTIVE");
        // The gateway is reserved: a port cannot take it.
        const onGateway = await ports("", { body: { port: { network_id: id, fixed_ips: [{ ip_address: "10.0.2.254" }] } } }, "POST");
        expect(onGateway.body).toEqual(neutronError("InvalidInput"));
    });

    test.each([
        ["a CIDR outside the VPC", { cidr: "172.16.0.0/24", gateway_ip: "172.16.0.1" }, 400, "VPC.0203"],
        ["a CIDR overlapping a sibling", { cidr: "10.0.0.0/23", gateway_ip: "10.0.0.1" }, 400, "VPC.0204"],
        ["a /29", { cidr: "10.0.2.0/29", gateway_ip: "10.0.2.1" }, 400, "VPC.0212"],
        ["host bits in the CIDR", { cidr: "10.0.2.5/24" }, 400, "VPC.0212"],
        ["a gateway outside the subnet", { gateway_ip: "10.0.3.1" }, 400, "VPC.0201"],
        ["the network address as gateway", { gateway_ip: "10.0.2.0" }, 400, "VPC.0201"],
        ["no gateway", { gateway_ip: undefined }, 400, "VPC.0201"],
        ["no name", { name: undefined }, 400, "VPC.0201"],
        ["no vpc_id", { vpc_id: undefined }, 400, "VPC.0201"],
        ["an availability zone of another region", { availability_zone: "cn-south-1a" }, 400, "VPC.0201"],
        ["a non-boolean dhcp_enable", { dhcp_enable: "yes" }, 400, "VPC.0201"],
        ["a bad DNS server", { primary_dns: "dns.example" }, 400, "VPC.0201"],
        ["an unknown VPC", { vpc_id: "11111111-1111-4111-8111-999999999999" }, 404, "VPC.0003"],
        ["another account's VPC", { vpc_id: CONSUMER.net.clientVpc }, 404, "VPC.0003"],
    ])("refuses to create a subnet with %s", async (_what, extra, status, code) => {
        const r = await createSubnet(subnetBody(extra));
        expect([r.status, r.body]).toEqual([status, vpcCode(code)]);
        expect((await v1("GET", "/subnets")).body.subnets).toHaveLength(2);
    });

    test("answers 501 naming IPv6 subnets, which the emulator does not model", async () => {
        const r = await createSubnet(subnetBody({ ipv6_enable: true }));
        expect(r.status).toBe(501);
        expect(r.body.error_msg).toContain("ipv6_enable");
    });

    test("updates a subnet through its VPC's path, refusing another VPC's path (VPC.0207)", async () => {
        const path = `/vpcs/${DEMO.net.clientVpc}/subnets/${DEMO.net.clientSubnet}`;
        const u = await v1("PUT", path, { body: { subnet: { name: "renamed", dhcp_enable: false, primary_dns: "100.125.1.250" } } });
        expect([u.status, u.body]).toEqual([200, { subnet: { id: DEMO.net.clientSubnet, status: "ACTIVE" } }]);
        expect((await v1("GET", `/subnets/${DEMO.net.clientSubnet}`)).body.subnet).toMatchObject({
            name: "renamed",
            dhcp_enable: false,
            primary_dns: "100.125.1.250",
            cidr: "10.0.0.0/24",
        });
        const wrong = await v1("PUT", `/vpcs/${DEMO.net.backendVpc}/subnets/${DEMO.net.clientSubnet}`, { body: { subnet: { name: "x" } } });
        expect([wrong.status, wrong.body]).toEqual([400, vpcCode("VPC.0207")]);
        expect((await v1("PUT", path, { body: { subnet: { name: "" } } })).body).toEqual(vpcCode("VPC.0201"));
    });

    test("refuses to delete a subnet holding a device's NIC (VPC.0209) or a private IP (VPC.0208), then deletes it", async () => {
        const nic = await v1("DELETE", `/vpcs/${DEMO.net.backendVpc}/subnets/${DEMO.net.backendSubnet}`);
        expect([nic.status, nic.body]).toEqual([500, vpcCode("VPC.0209")]);
        const id = (await createSubnet(subnetBody())).body.subnet.id as string;
        const port = (await ports("", { body: { port: { network_id: id } } }, "POST")).body.port.id as string;
        const path = `/vpcs/${DEMO.net.clientVpc}/subnets/${id}`;
        expect((await v1("DELETE", path)).body).toEqual(vpcCode("VPC.0208"));
        expect((await v1("DELETE", `/vpcs/${DEMO.net.backendVpc}/subnets/${id}`)).body).toEqual(vpcCode("VPC.0207"));
        expect((await ports(`/${port}`, {}, "DELETE")).status).toBe(204);
        expect((await v1("DELETE", path)).status).toBe(204);
        expect((await v1("GET", `/subnets/${id}`)).status).toBe(404);
        expect((await v1("DELETE", path)).body).toEqual(vpcCode("VPC.0202"));
    });
});

describe("ports (neutron v2.0)", () => {
    test("lists the project's ports with neutron's fields and shows one", async () => {
        const r = await ports();
        expect(r.status).toBe(200);
        expect(r.body).toEqual({
            ports: [
                {
                    id: DEMO.net.backendPort,
                    name: "",
                    network_id: DEMO.net.backendSubnet,
                    admin_state_up: true,
                    mac_address: expect.stringMatching(/^fa:16:3e(:[0-9a-f]{2}){3}$/),
                    fixed_ips: [{ subnet_id: DEMO.net.backendSubnet, ip_address: "192.168.0.10" }],
                    device_id: "backend-vm",
                    device_owner: "compute:nova",
                    tenant_id: DEMO.projectId,
                    project_id: DEMO.projectId,
                    status: "ACTIVE",
                    security_groups: [],
                    allowed_address_pairs: [],
                    extra_dhcp_opts: [],
                    "binding:vnic_type": "normal",
                    "binding:vif_details": {},
                    "binding:profile": {},
                    port_security_enabled: true,
                },
            ],
        });
        const one = await ports(`/${DEMO.net.backendPort}`);
        expect(one.body).toEqual({ port: r.body.ports[0] });
        const other = await ports(`/${CONSUMER.net.backendPort}`);
        expect([other.status, other.body]).toEqual([404, neutronError("PortNotFound")]);
    });

    test("creates ports (201, DOWN without a device), refusing taken, foreign and malformed addresses", async () => {
        const c = await ports(
            "",
            { body: { port: { name: "vip", network_id: DEMO.net.clientSubnet, fixed_ips: [{ subnet_id: DEMO.net.clientSubnet, ip_address: "10.0.0.77" }] } } },
            "POST",
        );
        expect(c.status).toBe(201);
        expect(c.body.port).toMatchObject({
            name: "vip",
            network_id: DEMO.net.clientSubnet,
            fixed_ips: [{ subnet_id: DEMO.net.clientSubnet, ip_address: "10.0.0.77" }],
            device_id: "",
            device_owner: "",
            status: "DOWN",
        });
        expect(c.body.port.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
        const auto = await ports("", { body: { port: { network_id: DEMO.net.clientSubnet } } }, "POST");
        expect(auto.body.port.fixed_ips[0].ip_address).toBe("10.0.0.2");
        const cases: Array<[unknown, number, string]> = [
            [{ network_id: DEMO.net.clientSubnet, fixed_ips: [{ ip_address: "10.0.0.77" }] }, 409, "IpAddressInUse"],
            [{ network_id: DEMO.net.clientSubnet, fixed_ips: [{ ip_address: "10.9.0.1" }] }, 400, "InvalidInput"],
            [{ network_id: DEMO.net.clientSubnet, fixed_ips: [{ subnet_id: DEMO.net.backendSubnet }] }, 400, "InvalidInput"],
            [{ network_id: DEMO.net.clientSubnet, fixed_ips: [{ ip_address: "10.0.0.8" }, { ip_address: "10.0.0.9" }] }, 400, "InvalidInput"],
            [{ network_id: DEMO.net.clientSubnet, device_owner: "compute:nova" }, 400, "InvalidInput"],
            [{ network_id: CONSUMER.net.clientSubnet }, 404, "NetworkNotFound"],
            [{ name: "no-network" }, 400, "HTTPBadRequest"],
        ];
        for (const [port, status, type] of cases) {
            const r = await ports("", { body: { port } }, "POST");
            expect([JSON.stringify(port), r.status, r.body]).toEqual([JSON.stringify(port), status, neutronError(type)]);
        }
        expect((await ports("", { raw: "{oops" }, "POST")).body).toEqual(neutronError("MalformedRequestBody"));
        expect((await ports("", { body: { network_id: DEMO.net.clientSubnet } }, "POST")).body).toEqual(neutronError("HTTPBadRequest"));
        expect((await ports()).body.ports).toHaveLength(3);
    });

    test("deletes a free port (204) but not a device's (409 PortInUse)", async () => {
        const id = (await ports("", { body: { port: { network_id: DEMO.net.clientSubnet, device_owner: "neutron:VIP_PORT" } } }, "POST")).body.port.id;
        expect((await ports(`/${id}`, {}, "DELETE")).status).toBe(204);
        expect((await ports(`/${id}`)).body).toEqual(neutronError("PortNotFound"));
        expect((await ports(`/${id}`, {}, "DELETE")).status).toBe(404);
        const nic = await ports(`/${DEMO.net.backendPort}`, {}, "DELETE");
        expect([nic.status, nic.body]).toEqual([409, neutronError("PortInUse")]);
    });

    test("filters by id, network, device, owner and fixed_ips, repeated values matching any", async () => {
        const mk = async (ip: string) =>
            (await ports("", { body: { port: { network_id: DEMO.net.clientSubnet, fixed_ips: [{ ip_address: ip }] } } }, "POST")).body.port.id as string;
        const a = await mk("10.0.0.30");
        const b = await mk("10.0.0.31");
        const ids = async (query: string) => (await ports(`?${query}`)).body.ports.map((p: any) => p.id).sort();
        expect(await ids(`network_id=${DEMO.net.clientSubnet}`)).toEqual([a, b].sort());
        expect(await ids(`fixed_ips=subnet_id%3D${DEMO.net.backendSubnet}`)).toEqual([DEMO.net.backendPort]);
        expect(await ids("fixed_ips=ip_address%3D10.0.0.31")).toEqual([b]);
        expect(await ids(`fixed_ips=ip_address%3D10.0.0.31&fixed_ips=subnet_id%3D${DEMO.net.backendSubnet}`)).toEqual([]);
        expect(await ids("fixed_ips=ip_address%3D10.0.0.30&fixed_ips=ip_address%3D10.0.0.31")).toEqual([a, b].sort());
        expect(await ids(`id=${a}&id=${DEMO.net.backendPort}`)).toEqual([a, DEMO.net.backendPort].sort());
        expect(await ids("device_id=backend-vm")).toEqual([DEMO.net.backendPort]);
        expect(await ids("device_owner=compute%3Anova")).toEqual([DEMO.net.backendPort]);
        expect(await ids("status=DOWN")).toEqual([a, b].sort());
        expect(await ids(`tenant_id=${CONSUMER.projectId}`)).toEqual([]);
        expect((await ports("?fixed_ips=10.0.0.30")).body).toEqual(neutronError("InvalidInput"));
    });

    test("pages by id with limit and marker, linking the next page in ports_links", async () => {
        for (const ip of ["10.0.0.40", "10.0.0.41", "10.0.0.42"])
            await ports("", { body: { port: { network_id: DEMO.net.clientSubnet, fixed_ips: [{ ip_address: ip }] } } }, "POST");
        const all = (await ports()).body.ports.map((p: any) => p.id);
        expect(all).toEqual([...all].sort());
        expect(all).toHaveLength(4);
        const first = await ports("?limit=3");
        expect(first.body.ports.map((p: any) => p.id)).toEqual(all.slice(0, 3));
        const next = new URL(first.body.ports_links[0].href);
        expect(first.body.ports_links[0].rel).toBe("next");
        expect(next.pathname).toBe("/v2.0/ports");
        expect(next.searchParams.get("marker")).toBe(all[2]);
        const second = await ports(`${next.search}`);
        expect(second.body).toEqual({ ports: [expect.objectContaining({ id: all[3] })] });
        expect((await ports("?marker=11111111-1111-4111-8111-999999999999")).body).toEqual(neutronError("PortNotFound"));
        expect((await ports("?limit=x")).body).toEqual(neutronError("BadRequest"));
    });
});

describe("auth, envelopes and routing", () => {
    test("refuses unsigned and mis-signed calls in the gateway envelope (401 APIGW.0301)", async () => {
        for (const path of [`/v1/${DEMO.projectId}/vpcs`, "/v2.0/ports"]) {
            const unsigned = await emu.raw(path);
            expect([unsigned.status, unsigned.body.error_code]).toEqual([401, "APIGW.0301"]);
            const bad = await emu.raw(path, {
                headers: { "X-Sdk-Date": "20200101T000000Z", Authorization: `SDK-HMAC-SHA256 Access=${DEMO.ak}, SignedHeaders=host;x-sdk-date, Signature=00` },
            });
            expect([bad.status, bad.body.error_code]).toEqual([401, "APIGW.0301"]);
        }
    });

    test("takes the project from a token, and refuses another account's project (VPC.0007)", async () => {
        const t = (await emu.token()).token!;
        expect((await emu.hw(DEMO, "GET", `/v1/${DEMO.projectId}/subnets`, { token: t })).body.subnets).toHaveLength(2);
        expect((await emu.hw(DEMO, "GET", "/v2.0/ports", { token: t })).body.ports.map((p: any) => p.id)).toEqual([DEMO.net.backendPort]);
        const foreign = await emu.hw(DEMO, "GET", `/v1/${CONSUMER.projectId}/vpcs`, { token: t });
        expect([foreign.status, foreign.body]).toEqual([400, vpcCode("VPC.0007")]);
        const signedForeign = await emu.hw(DEMO, "GET", `/v1/${CONSUMER.projectId}/vpcs`);
        expect(signedForeign.body).toEqual(vpcCode("VPC.0007"));
    });

    test("answers fault rules in the envelope their code names, and logs the SDK's operation names", async () => {
        await emu.control("PUT", "faults", {
            rules: [
                { api: "vpc", operation: "NeutronShowPort", error: { status: 503, code: "ServiceUnavailable", message: "busy" } },
                { api: "vpc", operation: "ShowVpc", error: { status: 500, code: "VPC.0111", message: "Database Error." } },
            ],
        });
        const p = await ports(`/${DEMO.net.backendPort}`);
        expect([p.status, p.body]).toEqual([503, { NeutronError: { type: "ServiceUnavailable", message: "busy", detail: "" } }]);
        const v = await v1("GET", `/vpcs/${DEMO.net.clientVpc}`);
        expect([v.status, v.body]).toEqual([500, { code: "VPC.0111", message: "Database Error." }]);
        await v1("GET", "/vpcs");
        const log = (await emu.control("GET", "requests")).body.requests.filter((r: any) => r.api === "vpc").map((r: any) => [r.operation, r.status]);
        expect(log).toEqual([
            ["NeutronShowPort", 503],
            ["ShowVpc", 500],
            ["ListVpcs", 200],
        ]);
    });

    test("answers 501 naming the path for VPC operations it does not serve", async () => {
        const r = await v1("GET", "/ports");
        expect(r.status).toBe(501);
        expect(r.body.error_msg).toBe(`not implemented by the emulator: GET /v1/${DEMO.projectId}/ports`);
    });

    test("keeps VPCs, subnets and ports made through the API across a restart on the same state file", async () => {
        const dir = mkdtempSync(join(tmpdir(), "vpc-state-"));
        try {
            const stateFile = join(dir, "state.json");
            const a = await startTestEmulator({ stateFile });
            const vpc = (await a.hw(DEMO, "POST", `/v1/${DEMO.projectId}/vpcs`, { body: { vpc: { name: "kept", cidr: "172.16.0.0/16", description: "d" } } }))
                .body.vpc;
            const subnet = { name: "kept-s", cidr: "172.16.5.0/24", gateway_ip: "172.16.5.9", vpc_id: vpc.id, dhcp_enable: false };
            const sid = (await a.hw(DEMO, "POST", `/v1/${DEMO.projectId}/subnets`, { body: { subnet } })).body.subnet.id;
            const port = (await a.hw(DEMO, "POST", "/v2.0/ports", { body: { port: { name: "kept-p", network_id: sid } } })).body.port;
            await a.close();
            const b = await startTestEmulator({ stateFile });
            try {
                expect((await b.hw(DEMO, "GET", `/v1/${DEMO.projectId}/vpcs/${vpc.id}`)).body.vpc).toMatchObject({
                    name: "kept",
                    description: "d",
                    created_at: vpc.created_at,
                });
                expect((await b.hw(DEMO, "GET", `/v1/${DEMO.projectId}/subnets/${sid}`)).body.subnet).toMatchObject({
                    gateway_ip: "172.16.5.9",
                    dhcp_enable: false,
                });
                expect((await b.hw(DEMO, "GET", `/v2.0/ports/${port.id}`)).body.port).toEqual(port);
            } finally {
                await b.close();
            }
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("a DNS resolver endpoint's subnets, looked up as terraform-provider-huaweicloud does", () => {
    test("finds the subnet the user gave through GET /v1/{project_id}/subnets?vpc_id=… and neutron_subnet_id", async () => {
        await emu.control("PUT", "timings", JSON.stringify("fast"));
        const ep = await emu.hw(DEMO, "POST", "/v2.1/endpoints", {
            body: {
                name: "ep-1",
                direction: "inbound",
                region: "cn-north-4",
                ipaddresses: [{ subnet_id: DEMO.net.clientSubnet }, { subnet_id: DEMO.net.clientSubnet }],
            },
        });
        expect(ep.status).toBe(202);
        const id = ep.body.endpoint.id as string;
        // resourceDNSEndpointRead: the endpoint's vpc_id, its addresses, then the VPC's subnets.
        const shown = (await emu.hw(DEMO, "GET", `/v2.1/endpoints/${id}`)).body.endpoint;
        const addresses = (await emu.hw(DEMO, "GET", `/v2.1/endpoints/${id}/ipaddresses`)).body.ipaddresses;
        const subnets = (await v1("GET", "/subnets", { query: { vpc_id: shown.vpc_id } })).body.subnets;
        expect(subnets.length).toBeGreaterThan(0);
        const found = addresses.map((a: any) => subnets.find((s: any) => s.neutron_subnet_id === a.subnet_id)?.id);
        expect(found).toEqual([DEMO.net.clientSubnet, DEMO.net.clientSubnet]);
        // The endpoint's addresses are neutron ports of its subnet, and they keep the subnet from being deleted.
        const held = (await ports(`?device_id=${id}`)).body.ports;
        expect(held.map((p: any) => [p.device_owner, p.network_id, p.status])).toEqual([
            ["network:dns", DEMO.net.clientSubnet, "ACTIVE"],
            ["network:dns", DEMO.net.clientSubnet, "ACTIVE"],
        ]);
        expect(held.map((p: any) => p.fixed_ips[0].ip_address).sort()).toEqual(addresses.map((a: any) => a.ip).sort());
        expect((await v1("DELETE", `/vpcs/${DEMO.net.clientVpc}/subnets/${DEMO.net.clientSubnet}`)).body).toEqual(vpcCode("VPC.0209"));
    });
});
