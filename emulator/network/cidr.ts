/** IPv4 address and CIDR arithmetic for the network model. Pure functions. */

/** A parsed IPv4 CIDR block. */
export interface Cidr {
    /** Network address as an unsigned 32-bit integer. */
    base: number;
    prefix: number;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for a dotted-quad IPv4 address without leading zeros. */
export function isIPv4(s: unknown): s is string {
    return typeof s === "string" && IPV4.test(s);
}

export function ipToInt(ip: string): number {
    return ip.split(".").reduce((acc, o) => acc * 256 + Number(o), 0) >>> 0;
}

export function intToIp(n: number): string {
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
}

function mask(prefix: number): number {
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Parses `a.b.c.d/n` whose host bits are zero; undefined otherwise. */
export function parseCidr(s: unknown): Cidr | undefined {
    if (typeof s !== "string") return undefined;
    const [ip, p, ...rest] = s.split("/");
    if (rest.length || !isIPv4(ip) || p === undefined || !/^\d{1,2}$/.test(p)) return undefined;
    const prefix = Number(p);
    if (prefix > 32) return undefined;
    const base = ipToInt(ip);
    if ((base & mask(prefix)) >>> 0 !== base) return undefined;
    return { base, prefix };
}

/** Number of addresses in the block. */
export function size(c: Cidr): number {
    return 2 ** (32 - c.prefix);
}

export function containsIp(c: Cidr, ip: string): boolean {
    return (ipToInt(ip) & mask(c.prefix)) >>> 0 === c.base;
}

/** True when `inner` lies entirely within `outer`. */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
    return inner.prefix >= outer.prefix && (inner.base & mask(outer.prefix)) >>> 0 === outer.base;
}

/** True when two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
    return containsCidr(a, b) || containsCidr(b, a);
}

export function formatCidr(c: Cidr): string {
    return `${intToIp(c.base)}/${c.prefix}`;
}

/** True for an IPv4 address or an IPv4 CIDR (host bits allowed, as whitelists accept `10.0.0.1/24`). */
export function isIPv4OrCidr(s: unknown): boolean {
    if (isIPv4(s)) return true;
    if (typeof s !== "string") return false;
    const [ip, p, ...rest] = s.split("/");
    return rest.length === 0 && isIPv4(ip) && p !== undefined && /^\d{1,2}$/.test(p) && Number(p) <= 32;
}
