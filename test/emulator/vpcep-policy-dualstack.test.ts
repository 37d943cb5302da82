/**
 * Endpoint policies (`policy_statement` on gateway endpoints, `policy_document` on interface
 * endpoints, both only where the service has `enable_policy`), dual-stack endpoints
 * (`ip_version: dualstack`, `ipv6_address` from a dual-stack subnet), IPv6 services with their
 * `snat_network_id`, and organization permissions: each accepted the way the pages and the SDK's
 * models describe, and refused with the API's code otherwise.
 */
import { createEndpoint, createService, DEMO, type Emu, endpointBody, PUBLIC_GATEWAY_SERVICE, startTestEmulator } from "./helpers";

let emu: Emu;
let policySvc: string;
let plainSvc: string;
let dualSubnet: string;
beforeAll(async () => {
    emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
    await emu.control("POST", "reset");
    await emu.control("PUT", "timings", '"fast"');
    policySvc = await createService(emu, DEMO, { service_name: "policy", enable_policy: true });
    plainSvc = await createService(emu, DEMO, { service_name: "plain", ports: [{ client_port: 8081, server_port: 81, protocol: "TCP" }] });
    const made = await emu.control("POST", "network/subnets", { vpcId: DEMO.net.clientVpc, cidr: "10.0.1.0/24", ipv6Cidr: "2001:DB8:A:0::/64" });
    expect(made.status).toBe(201);
    dualSubnet = made.body.subnet.id;
});

const doc = { Version: "5.0", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"], Principal: "*" }] };
const statement = { Effect: "Allow", Action: ["obs:bucket:ListBucket"], Resource: ["obs:*:*:*:*/*", "obs:*:*:*:*"] };
const gatewayBody = (extra: Record<string, unknown> = {}) => ({
    endpoint_service_id: PUBLIC_GATEWAY_SERVICE,
    vpc_id: DEMO.net.clientVpc,
    routetables: [DEMO.net.clientRouteTable],
    ...extra,
});

describe("endpoint services", () => {
    test("report enable_policy as created (false by default)", async () => {
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${policySvc}`)).body.enable_policy).toBe(true);
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${plainSvc}`)).body.enable_policy).toBe(false);
    });

    test("an IPv6 service needs snat_network_id, a network of its own VPC, and reports it", async () => {
        const ports = [{ client_port: 9000, server_port: 90, protocol: "TCP" }];
        const missing = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", {
            body: { port_id: DEMO.net.backendPort, vpc_id: DEMO.net.backendVpc, server_type: "VM", ports, ip_version: "ipv6" },
        });
        expect([missing.status, missing.body.error_code, missing.body.error_msg]).toEqual([400, "EndPoint.0002", expect.stringContaining("snat_network_id")]);
        const elsewhere = await emu.vpcep(DEMO, "POST", "/vpc-endpoint-services", {
            body: {
                port_id: DEMO.net.backendPort,
                vpc_id: DEMO.net.backendVpc,
                server_type: "VM",
                ports,
                ip_version: "ipv6",
                snat_network_id: DEMO.net.clientSubnet,
            },
        });
        expect([elsewhere.status, elsewhere.body.error_msg]).toEqual([400, expect.stringContaining("not a network of VPC")]);
        const id = await createService(emu, DEMO, { ports, ip_version: "ipv6", snat_network_id: DEMO.net.backendSubnet });
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${id}`)).body).toMatchObject({
            ip_version: "ipv6",
            snat_network_id: DEMO.net.backendSubnet,
        });
    });

    test("takes organization paths with * and ?, and refuses other characters (EndPoint.3002)", async () => {
        const add = (p: string) =>
            emu.vpcep(DEMO, "POST", `/vpc-endpoint-services/${plainSvc}/permissions/action`, {
                body: { action: "add", permissions: [p], permission_type: "orgPath" },
            });
        expect((await add("organizations:orgPath::o-1/r-2/ou-3/*")).status).toBe(200);
        expect((await add("organizations:orgPath::o-1/r-?")).status).toBe(200);
        expect((await add("organizations:orgPath::o-1 r-2")).body.error_code).toBe("EndPoint.3002");
        const listed = (await emu.vpcep(DEMO, "GET", `/vpc-endpoint-services/${plainSvc}/permissions`)).body.permissions;
        expect(listed.map((p: any) => [p.permission, p.permission_type]).sort()).toEqual([
            ["organizations:orgPath::o-1/r-2/ou-3/*", "orgPath"],
            ["organizations:orgPath::o-1/r-?", "orgPath"],
        ]);
    });
});

describe("policies", () => {
    test("an interface endpoint of a policy service takes policy_document at creation, then updates and deletes it", async () => {
        const id = await createEndpoint(emu, DEMO, policySvc, { policy_document: doc });
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${id}`)).body.policy_document).toEqual(doc);
        const other = { Statement: [{ Effect: "Deny", Action: ["obs:object:DeleteObject"], Resource: ["*"] }] };
        const put = await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}/policy`, { body: { policy_document: other } });
        expect([put.status, put.body.policy_document]).toEqual([200, other]);
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${id}/policy`)).status).toBe(200);
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${id}`)).body.policy_document).toBeUndefined();
        expect((await emu.vpcep(DEMO, "DELETE", `/vpc-endpoints/${id}/policy`)).body.error_code).toBe("EndPoint.2049");
    });

    test("a gateway endpoint of OBS takes policy_statement at creation", async () => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: gatewayBody({ policy_statement: [statement] }) });
        expect(r.status).toBe(200);
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${r.body.id}`)).body.policy_statement).toEqual([statement]);
    });

    test.each<[string, () => Record<string, unknown>, string, string]>([
        ["policy_document on a service without enable_policy", () => endpointBody(DEMO, plainSvc, { policy_document: doc }), "EndPoint.0002", "enable_policy"],
        ["policy_statement on an interface endpoint", () => endpointBody(DEMO, policySvc, { policy_statement: [statement] }), "EndPoint.0002", "gateway"],
        ["policy_document on a gateway endpoint", () => gatewayBody({ policy_document: doc }), "EndPoint.0002", "interface"],
        ["a statement without Effect", () => gatewayBody({ policy_statement: [{ Action: ["*"], Resource: ["*"] }] }), "EndPoint.2048", "Effect"],
        ["Effect Maybe", () => gatewayBody({ policy_statement: [{ ...statement, Effect: "Maybe" }] }), "EndPoint.2048", "Allow or Deny"],
        ["an empty Action", () => gatewayBody({ policy_statement: [{ ...statement, Action: [] }] }), "EndPoint.2048", "Action"],
        ["a lower-case key", () => gatewayBody({ policy_statement: [{ ...statement, effect: "Allow" }] }), "EndPoint.2048", "unknown keys effect"],
        ["an empty statement list", () => gatewayBody({ policy_statement: [] }), "EndPoint.2048", "non-empty"],
        ["a document without Statement", () => endpointBody(DEMO, policySvc, { policy_document: { Version: "5.0" } }), "EndPoint.2048", "Statement"],
        ["a document as text", () => endpointBody(DEMO, policySvc, { policy_document: JSON.stringify(doc) }), "EndPoint.2048", "object"],
    ])("refuses %s", async (_what, body, code, words) => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: body() });
        expect([r.status, r.body.error_code, r.body.error_msg]).toEqual([400, code, expect.stringContaining(words)]);
    });

    test("an update of an interface endpoint whose service does not enable policies is refused", async () => {
        const id = await createEndpoint(emu, DEMO, plainSvc);
        const r = await emu.vpcep(DEMO, "PUT", `/vpc-endpoints/${id}/policy`, { body: { policy_document: doc } });
        expect([r.status, r.body.error_code]).toEqual([400, "EndPoint.0002"]);
    });
});

describe("dual-stack endpoints", () => {
    const dual = (extra: Record<string, unknown>) => ({
        ...endpointBody(DEMO, plainSvc, { subnet_id: dualSubnet }),
        port_ip: `10.0.1.${20 + Math.floor(Math.random() * 200)}`,
        ...extra,
    });

    test("get the address asked for, or the lowest free one, and report it with ip_version", async () => {
        const a = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: dual({ ip_version: "dualstack", ipv6_address: "2001:db8:a:0:0:0:0:78" }) });
        expect(a.status).toBe(200);
        const read = (await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${a.body.id}`)).body;
        expect([read.ip_version, read.ipv6_address]).toEqual(["dualstack", "2001:db8:a::78"]);
        const b = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: dual({ ip_version: "dualstack" }) });
        expect((await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${b.body.id}`)).body.ipv6_address).toBe("2001:db8:a::2");
        const again = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: dual({ ip_version: "dualstack", ipv6_address: "2001:db8:a::78" }) });
        expect(again.body.error_code).toBe("EndPoint.2042");
    });

    test("an IPv4 endpoint reports ip_version ipv4 and no IPv6 address", async () => {
        const id = await createEndpoint(emu, DEMO, plainSvc);
        const read = (await emu.vpcep(DEMO, "GET", `/vpc-endpoints/${id}`)).body;
        expect([read.ip_version, read.ipv6_address]).toEqual(["ipv4", undefined]);
    });

    test.each<[string, () => Record<string, unknown>, string, string]>([
        ["dualstack on an IPv4-only subnet", () => endpointBody(DEMO, plainSvc, { ip_version: "dualstack" }), "EndPoint.0002", "dual-stack subnet"],
        ["ipv6_address without dualstack", () => dual({ ipv6_address: "2001:db8:a::9" }), "EndPoint.0002", "dualstack"],
        ["ip_version ipv6", () => dual({ ip_version: "ipv6" }), "EndPoint.0002", "ipv4, dualstack"],
        ["an address outside the block", () => dual({ ip_version: "dualstack", ipv6_address: "2001:db8:b::9" }), "EndPoint.2043", "2001:db8:a::/64"],
        ["an IPv4 address as ipv6_address", () => dual({ ip_version: "dualstack", ipv6_address: "10.0.1.9" }), "EndPoint.2041", "IPv6"],
        ["dualstack on a gateway endpoint", () => gatewayBody({ ip_version: "dualstack" }), "EndPoint.0002", "interface"],
    ])("refuses %s", async (_what, body, code, words) => {
        const r = await emu.vpcep(DEMO, "POST", "/vpc-endpoints", { body: body() });
        expect([r.status, r.body.error_code, r.body.error_msg]).toEqual([400, code, expect.stringContaining(words)]);
    });

    test("the VPC API shows the subnet as dual-stack", async () => {
        const r = await emu.hw(DEMO, "GET", `/v1/${DEMO.projectId}/subnets/${dualSubnet}`);
        expect(r.body.subnet).toMatchObject({ ipv6_enable: true, cidr_v6: "2001:db8:a::/64" });
    });
});
