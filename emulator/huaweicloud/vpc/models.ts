import { createHash } from "node:crypto";
import type { Port, Subnet, Vpc } from "../../network/model";

/**
 * The VPC API's wire shapes of the shared network model's records, written from the API pages
 * (support.huaweicloud.com api-vpc: "Querying VPC Details" vpc_api01_0002, "Querying Subnets",
 * "Querying Ports" of the neutron section) and the official Python SDK's models
 * (huaweicloudsdkvpc/v2/model/vpc.py, subnet.py, neutron_port.py).
 *
 * Ids: the emulator's subnets have one id, which is at once the VPC subnet id, the neutron
 * network id (`neutron_network_id` equals `id` on the real API too) and the neutron subnet id.
 * The real API's `neutron_subnet_id` differs from `id`; here it cannot, because the DNS emulator
 * answers a resolver endpoint address's `subnet_id` with the subnet id it was given, and
 * terraform-provider-huaweicloud finds that address's subnet by `neutron_subnet_id == subnet_id`
 * (resource_huaweicloud_dns_endpoint.go, resourceDNSEndpointRead).
 */

/** `YYYY-MM-DDTHH:MM:SS` in UTC without a zone, the form the VPC and neutron pages show. */
export function vpcTime(epochMs: number): string {
    return new Date(epochMs).toISOString().slice(0, 19);
}

/** VPC statuses of the pages: `CREATING` (the create answer) and `OK`. */
export type VpcStatus = "CREATING" | "OK";
/** Subnet statuses: `UNKNOWN` until attached to the router (the create answer), then `ACTIVE`. */
export type SubnetStatus = "UNKNOWN" | "ACTIVE";

function times(createdAt: number | undefined, updatedAt: number | undefined): Record<string, string> {
    // Seeded and control-route objects have no creation time: the fields are left out rather than invented.
    return createdAt === undefined ? {} : { created_at: vpcTime(createdAt), updated_at: vpcTime(updatedAt ?? createdAt) };
}

/** A VPC as `GET /v1/{project_id}/vpcs/{vpc_id}` shows it. */
export function vpcToWire(v: Vpc, projectId: string, status: VpcStatus = "OK"): Record<string, unknown> {
    return {
        id: v.id,
        name: v.name,
        description: v.description ?? "",
        cidr: v.cidr,
        status,
        // The v1 `routes` list the VPC's own routes; the emulator models none.
        routes: [],
        enterprise_project_id: v.enterpriseProjectId ?? "0",
        tenant_id: projectId,
        ...times(v.createdAt, v.updatedAt),
    };
}

/** A subnet as `GET /v1/{project_id}/subnets/{subnet_id}` shows it. */
export function subnetToWire(s: Subnet, status: SubnetStatus = "ACTIVE"): Record<string, unknown> {
    const dns = [s.primaryDns, s.secondaryDns].filter((x): x is string => x !== undefined);
    return {
        id: s.id,
        name: s.name,
        description: s.description ?? "",
        cidr: s.cidr,
        gateway_ip: s.gatewayIp,
        // A dual-stack subnet (made through the control route) shows its IPv6 block as the page names it.
        ipv6_enable: s.ipv6Cidr !== undefined,
        ...(s.ipv6Cidr !== undefined ? { cidr_v6: s.ipv6Cidr } : {}),
        dhcp_enable: s.dhcpEnable ?? true,
        primary_dns: s.primaryDns ?? "",
        secondary_dns: s.secondaryDns ?? "",
        // The page: dnsList is the superset of DNS server 1 and 2.
        dnsList: s.dnsList ?? dns,
        availability_zone: s.availabilityZone ?? "",
        vpc_id: s.vpcId,
        status,
        neutron_network_id: s.id,
        neutron_subnet_id: s.id,
        extra_dhcp_opts: s.extraDhcpOpts ?? [],
    };
}

/** A stable `fa:16:3e:xx:xx:xx` MAC (OpenStack's prefix, as the pages' examples show) from the port id. */
export function macOf(portId: string): string {
    const h = createHash("sha256").update(portId).digest("hex");
    return `fa:16:3e:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}`;
}

/** Ports made by the neutron API without a device may be deleted; they read `DOWN` until bound. */
export const FREE_PORT_OWNERS: readonly string[] = ["", "neutron:VIP_PORT"];

/** True when a port belongs to a device (a VM, an endpoint): it reads ACTIVE and cannot be deleted. */
export function isBound(p: Port): boolean {
    return (p.deviceId ?? "") !== "" || !FREE_PORT_OWNERS.includes(p.deviceOwner);
}

/** A port in its neutron wire shape. */
export type WirePort = Record<string, unknown> & { id: string; fixed_ips: Array<{ subnet_id: string; ip_address: string }> };

/** A port as neutron's `GET /v2.0/ports/{port_id}` shows it. */
export function portToWire(p: Port, projectId: string): WirePort {
    return {
        id: p.id,
        name: p.name ?? "",
        network_id: p.subnetId,
        admin_state_up: true,
        mac_address: macOf(p.id),
        fixed_ips: [{ subnet_id: p.subnetId, ip_address: p.ip }],
        device_id: p.deviceId ?? "",
        device_owner: p.deviceOwner,
        tenant_id: projectId,
        project_id: projectId,
        status: isBound(p) ? "ACTIVE" : "DOWN",
        // The emulator models no security groups.
        security_groups: [],
        allowed_address_pairs: [],
        extra_dhcp_opts: [],
        "binding:vnic_type": "normal",
        "binding:vif_details": {},
        "binding:profile": {},
        port_security_enabled: true,
        ...times(p.createdAt, p.createdAt),
    };
}
