/**
 * IPv6 addresses and blocks, for the dual-stack subnets that VPCEP endpoints take an IPv6 address
 * from (`ip_version: dualstack`, `ipv6_address`). Only what those checks need: parsing, the
 * textual form, containment and the n-th host of a block. Addresses are 128-bit BigInts.
 */
import { isIPv6 } from "node:net";

export interface Cidr6 {
    base: bigint;
    prefix: number;
}

const BITS = 128n;

/** An IPv6 address as a number, or undefined when it is not one (IPv4-mapped forms included). */
export function ipv6ToBig(s: unknown): bigint | undefined {
    if (typeof s !== "string" || !isIPv6(s) || s.includes(".")) return undefined;
    const [head = "", tail] = s.split("::");
    const groups = (part: string) => (part === "" ? [] : part.split(":"));
    const h = groups(head);
    const t = tail === undefined ? [] : groups(tail);
    const all = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
    return all.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

/** The address's canonical text (RFC 5952: lower case, the longest run of zero groups as `::`). */
export function bigToIpv6(n: bigint): string {
    const groups = Array.from({ length: 8 }, (_, i) => Number((n >> BigInt((7 - i) * 16)) & 0xffffn));
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

/** An IPv6 block `addr/prefix` with zero host bits, or undefined. */
export function parseCidr6(s: unknown): Cidr6 | undefined {
    if (typeof s !== "string") return undefined;
    const [addr, bits, extra] = s.split("/");
    if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return undefined;
    const prefix = Number(bits);
    const base = ipv6ToBig(addr);
    if (base === undefined || prefix > 128) return undefined;
    if (base & ((1n << (BITS - BigInt(prefix))) - 1n)) return undefined;
    return { base, prefix };
}

export function containsIpv6(c: Cidr6, ip: bigint): boolean {
    return ip >> (BITS - BigInt(c.prefix)) === c.base >> (BITS - BigInt(c.prefix));
}

/** The block's n-th address. */
export function nthIpv6(c: Cidr6, n: number): string {
    return bigToIpv6(c.base + BigInt(n));
}
