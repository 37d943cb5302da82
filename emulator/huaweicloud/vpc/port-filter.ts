import { neutron } from "./errors";
import type { WirePort } from "./models";

/**
 * The neutron port-list filters ("Querying Ports" of the VPC API reference; the Python SDK's
 * NeutronListPortsRequest; terraform-provider-huaweicloud's networking_port_v2 data source):
 * `id`, `name`, `network_id`, `device_id`, `device_owner`, `status`, `mac_address`,
 * `admin_state_up`, `tenant_id`/`project_id`, `security_groups` and `fixed_ips=subnet_id=…` /
 * `fixed_ips=ip_address=…` / `fixed_ips=ip_address_substr=…`. As in neutron, repeating a filter
 * matches any of its values, different filters must all match, and unknown parameters are ignored.
 */

const EXACT = ["id", "name", "network_id", "device_id", "device_owner", "status", "mac_address", "tenant_id", "project_id"] as const;

/** A predicate over wire ports from the list query; throws neutron's InvalidInput for a malformed `fixed_ips`. */
export function portFilter(query: URLSearchParams): (p: WirePort) => boolean {
    const tests: Array<(p: WirePort) => boolean> = [];
    for (const key of EXACT) {
        const want = query.getAll(key);
        if (want.length > 0) tests.push((p) => want.includes(String(p[key])));
    }
    const admin = query.getAll("admin_state_up").map((x) => x.toLowerCase());
    if (admin.length > 0) tests.push((p) => admin.includes(String(p.admin_state_up)));
    const groups = query.getAll("security_groups");
    if (groups.length > 0) tests.push((p) => (p.security_groups as string[]).some((g) => groups.includes(g)));
    const fixed: Record<string, string[]> = {};
    for (const kv of query.getAll("fixed_ips")) {
        const at = kv.indexOf("=");
        if (at <= 0) throw neutron.invalidInput(`'${kv}' is not of the form <key>=[value]`);
        const key = kv.slice(0, at);
        fixed[key] = [...(fixed[key] ?? []), kv.slice(at + 1)];
    }
    if (fixed.subnet_id) tests.push((p) => p.fixed_ips.some((f) => fixed.subnet_id!.includes(f.subnet_id)));
    if (fixed.ip_address) tests.push((p) => p.fixed_ips.some((f) => fixed.ip_address!.includes(f.ip_address)));
    if (fixed.ip_address_substr) tests.push((p) => p.fixed_ips.some((f) => fixed.ip_address_substr!.some((s) => f.ip_address.includes(s))));
    return (p) => tests.every((t) => t(p));
}
