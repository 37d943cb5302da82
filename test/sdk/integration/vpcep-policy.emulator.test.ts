/**
 * The VPCEP client's endpoint policies, dual-stack endpoints and IPv6 services against the
 * emulator: the request schemas take what the cloud takes, and the response schemas keep what it
 * reports (`policy_document`, `ip_version`, `ipv6_address`, `enable_policy`, `snat_network_id`).
 */
import { clearTokenCache } from "../../../sdk/huaweicloud/token";
import * as vpcep from "../../../sdk/huaweicloud/vpcep";
import { akskClient, emulatorForEachTest, NET } from "../helpers/emulator";

/** The demo account's seeded backend subnet (the emulator's fixed ids). */
const BACKEND_SUBNET = "11111111-1111-4111-8111-000000000002";

const emu = emulatorForEachTest(clearTokenCache);

const service = (extra: Partial<vpcep.CreateEndpointServiceRequest>, port: number): vpcep.CreateEndpointServiceRequest => ({
    port_id: NET.demo.backendPortId,
    vpc_id: NET.demo.backendVpcId,
    server_type: "VM",
    approval_enabled: false,
    ports: [{ client_port: port, server_port: port, protocol: "TCP" }],
    ...extra,
});

describe("VPCEP policies and dual stack against the emulator", () => {
    it("creates a dual-stack endpoint with a policy document, replaces the policy and removes it", async () => {
        const c = akskClient(emu().url, "demo");
        const svc = await vpcep.createEndpointService(c, service({ enable_policy: true }, 7001));
        await vpcep.waitForEndpointServiceAvailable(c, svc.id, { timeoutMs: 20_000 });
        expect((await vpcep.listServiceDetails(c, svc.id)).enable_policy).toBe(true);
        const subnet = await emu().control.addSubnet({ vpcId: NET.demo.clientVpcId, cidr: "10.0.2.0/24", ipv6Cidr: "2001:db8:b::/64" });
        const doc = { Version: "5.0", Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }] };
        const ep = await vpcep.createEndpoint(c, {
            endpoint_service_id: svc.id,
            vpc_id: NET.demo.clientVpcId,
            subnet_id: subnet.id,
            port_ip: "10.0.2.10",
            ip_version: "dualstack",
            ipv6_address: "2001:db8:b::10",
            policy_document: doc,
        });
        await vpcep.waitForEndpointCreated(c, ep.id, { timeoutMs: 20_000 });
        expect(await vpcep.listEndpointInfoDetails(c, ep.id)).toMatchObject({ ip_version: "dualstack", ipv6_address: "2001:db8:b::10", policy_document: doc });
        const deny = { Statement: [{ Effect: "Deny", Action: ["*"], Resource: ["*"] }] };
        expect((await vpcep.updateEndpointPolicy(c, ep.id, { policy_document: deny })).policy_document).toEqual(deny);
        await vpcep.deleteEndpointPolicy(c, ep.id);
        expect((await vpcep.listEndpointInfoDetails(c, ep.id)).policy_document).toBeUndefined();
    });

    it("creates an IPv6 service with its SNAT network, and the request schema refuses an endpoint ip_version of ipv6", async () => {
        const c = akskClient(emu().url, "demo");
        const svc = await vpcep.createEndpointService(c, service({ ip_version: "ipv6", snat_network_id: BACKEND_SUBNET }, 7002));
        expect(await vpcep.listServiceDetails(c, svc.id)).toMatchObject({ ip_version: "ipv6", snat_network_id: BACKEND_SUBNET });
        await expect(vpcep.createEndpoint(c, { endpoint_service_id: svc.id, vpc_id: NET.demo.clientVpcId, ip_version: "ipv6" as "dualstack" })).rejects.toThrow(
            /ip_version/,
        );
    });
});
