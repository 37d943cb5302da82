/**
 * IPv6 addresses inside the /64 of an IPv6-enabled vSwitch: parsing, membership and the next free
 * address, for the interfaces of DualStack endpoints.
 */

/** The eight 16-bit groups of an IPv6 address (no zone, no embedded IPv4), or undefined. */
export function ipv6Groups(s: string): number[] | undefined {
    if (!/^[0-9a-fA-F:]{2,39}$/.test(s) || (s.match(/::/g)?.length ?? 0) > 1) return undefined;
    const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
    const part = (x: string | undefined) => (x ? x.split(":") : []);
    const h = part(head);
    const t = part(tail);
    const missing = 8 - h.length - t.length;
    if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
    const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill("0"), ...t];
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return groups.map((g) => Number.parseInt(g, 16));
}

/** The canonical text of an address (RFC 5952: lower case, the longest zero run as `::`). */
export function formatIpv6(groups: number[]): string {
    let best = { at: -1, len: 0 };
    for (let i = 0; i < 8; ) {
        let j = i;
        while (j < 8 && groups[j] === 0) j++;
        if (j - i > best.len && j - i > 1) best = { at: i, len: j - i };
        i = j === i ? i + 1 : j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (best.at < 0) return hex.join(":");
    return `${hex.slice(0, best.at).join(":")}::${hex.slice(best.at + best.len).join(":")}`;
}

/** Whether `ip` lies in the /64 `cidr` (the only prefix length vSwitches take). */
export function inIpv6Subnet(cidr: string, ip: string): boolean {
    const [net] = cidr.split("/");
    const a = ipv6Groups(net!);
    const b = ipv6Groups(ip);
    return !!a && !!b && a.slice(0, 4).every((g, i) => g === b[i]);
}

/** The first address of the /64 from host 0x10 on that `taken` (canonical texts) does not hold. */
export function nextFreeIpv6(cidr: string, taken: Set<string>): string {
    const net = ipv6Groups(cidr.split("/")[0]!)!;
    for (let host = 0x10; ; host++) {
        const ip = formatIpv6([...net.slice(0, 4), 0, 0, Math.floor(host / 0x10000), host % 0x10000]);
        if (!taken.has(ip)) return ip;
    }
}
