/**
 * The slice of a VPC network that the endpoint APIs refer to. Records are plain JSON (they are
 * persisted as they are); `toWire` gives the shape the control routes return.
 */

export interface Vpc {
    id: string;
    name: string;
    cidr: string;
    /** Attributes only the VPC API shows; absent on seeded and control-route VPCs. */
    description?: string;
    enterpriseProjectId?: string;
    /** Epoch ms (emulator clock) when made through the VPC API. */
    createdAt?: number;
    updatedAt?: number;
}

export interface Subnet {
    id: string;
    name: string;
    vpcId: string;
    cidr: string;
    gatewayIp: string;
    /**
     * The subnet's IPv6 block when it is dual-stack (a /64, as the VPC API assigns them); absent on
     * IPv4-only subnets. VPCEP takes a dual-stack endpoint's IPv6 address from it.
     */
    ipv6Cidr?: string;
    /** Attributes only the VPC API shows; absent on seeded and control-route subnets. */
    description?: string;
    /** DHCP on, unless the VPC API was told otherwise (the API's default is true). */
    dhcpEnable?: boolean;
    primaryDns?: string;
    secondaryDns?: string;
    dnsList?: string[];
    availabilityZone?: string;
    /** DHCP options (NTP servers and the like), kept in their wire shape. */
    extraDhcpOpts?: Array<{ opt_name: string; opt_value?: string }>;
}

/** A NIC: a backend VM's port, or one the emulator created for an endpoint. */
export interface Port {
    id: string;
    vpcId: string;
    subnetId: string;
    ip: string;
    /** `compute:nova` for VM NICs, `network:vpcep` for endpoint ports, `neutron:LOADBALANCER` for LB VIPs. */
    deviceOwner: string;
    /** The resource the port belongs to (an endpoint id for endpoint ports). */
    deviceId?: string;
    /** Set on ports made through the neutron port API. */
    name?: string;
    /** Epoch ms (emulator clock) when made through the neutron port API. */
    createdAt?: number;
}

export interface RouteTable {
    id: string;
    name: string;
    vpcId: string;
    /** The VPC's default route table, used when an endpoint names none. */
    isDefault: boolean;
}

/** All network objects of one project and region. */
export interface NetworkScope {
    vpcs: Record<string, Vpc>;
    subnets: Record<string, Subnet>;
    ports: Record<string, Port>;
    routeTables: Record<string, RouteTable>;
}

export function emptyNetwork(): NetworkScope {
    return { vpcs: {}, subnets: {}, ports: {}, routeTables: {} };
}

/** Control-route projection (snake_case like the VPC API). */
export const toWire = {
    vpc: (v: Vpc) => ({ id: v.id, name: v.name, cidr: v.cidr, status: "OK" }),
    subnet: (s: Subnet) => ({
        id: s.id,
        name: s.name,
        vpc_id: s.vpcId,
        cidr: s.cidr,
        gateway_ip: s.gatewayIp,
        ...(s.ipv6Cidr !== undefined ? { cidr_v6: s.ipv6Cidr } : {}),
        status: "ACTIVE",
    }),
    port: (p: Port) => ({
        id: p.id,
        network_id: p.subnetId,
        vpc_id: p.vpcId,
        fixed_ips: [{ subnet_id: p.subnetId, ip_address: p.ip }],
        device_owner: p.deviceOwner,
        device_id: p.deviceId ?? "",
        status: "ACTIVE",
    }),
    routeTable: (r: RouteTable) => ({ id: r.id, name: r.name, vpc_id: r.vpcId, default: r.isDefault }),
};
