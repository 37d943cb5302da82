/** Port mappings: the user's camelCase form and the wire's snake_case form. */
import type { PortMapping as WirePort } from "../../../sdk/huaweicloud/vpcep/schemas";

export interface Port {
    clientPort: number;
    serverPort: number;
    protocol: "TCP";
}

export function portsToWire(ports: readonly Port[]): Array<{ client_port: number; server_port: number; protocol: "TCP" }> {
    return ports.map((p) => ({ client_port: p.clientPort, server_port: p.serverPort, protocol: p.protocol }));
}

export function portsFromWire(ports: readonly WirePort[] | undefined): Port[] {
    return (ports ?? []).map((p) => ({ clientPort: p.client_port ?? 0, serverPort: p.server_port ?? 0, protocol: (p.protocol ?? "TCP") as "TCP" }));
}
