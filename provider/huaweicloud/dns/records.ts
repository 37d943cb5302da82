/**
 * The record set rules the provider checks at preview, by record type: the value forms of
 * CreateRecordSetRequestBody.type's description (huaweicloudsdkdns v2) — A an IPv4 address,
 * AAAA an IPv6 address, CNAME one domain name, MX `priority host`, SRV `priority weight port
 * host`, TXT text of 1–255 characters, PTR a domain name. Messages complete "<field>: <value> …".
 */
import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { normalizeDomain } from "./names";

/** The record types of a private zone's record sets (CAA is for public zones; SOA and NS are the zone's own). */
export const RECORD_TYPES = ["A", "AAAA", "CNAME", "MX", "TXT", "SRV", "PTR"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;
const isHost = (s: string) => {
    const n = normalizeDomain(s);
    return n.length > 0 && n.length <= 254 && n.split(".").every((l) => LABEL.test(l));
};
const u16 = (s: string | undefined) => s !== undefined && /^\d{1,5}$/.test(s) && Number(s) <= 65535;

/** Why `value` is not a record of `type`, or undefined when it is one. */
export function recordProblem(type: RecordType, value: string): string | undefined {
    const f = value.trim().split(/\s+/);
    switch (type) {
        case "A":
            return isIPv4(value) ? undefined : "is not an IPv4 address (an A record holds one, such as 192.168.0.10)";
        case "AAAA":
            return isIPv6(value) ? undefined : "is not an IPv6 address (an AAAA record holds one, such as fd00::10)";
        case "CNAME":
        case "PTR":
            return isHost(value) ? undefined : `is not a domain name (a ${type} record holds one, such as www.example.com.)`;
        case "MX":
            return f.length === 2 && u16(f[0]) && isHost(f[1]!) ? undefined : "is not `priority host` (an MX record, such as `10 mail.example.com.`)";
        case "SRV":
            return f.length === 4 && u16(f[0]) && u16(f[1]) && u16(f[2]) && isHost(f[3]!)
                ? undefined
                : "is not `priority weight port host` (an SRV record, such as `10 5 5060 sip.example.com.`)";
        case "TXT":
            return value.length >= 1 && value.length <= 255 ? undefined : "is not 1–255 characters of text (a TXT record)";
    }
}

const WILD = /^\*\./;

/**
 * A record set's name: the zone's name or a name within it, such as `www.corp.example.com`
 * (`*.corp.example.com` for a wildcard); with or without the trailing dot, in any case, it is
 * the same name. Normalised to lower case without the dot.
 */
export const recordSetName = z
    .string()
    .transform(normalizeDomain)
    .refine((s) => {
        const bare = s.replace(WILD, "");
        return bare.length > 0 && s.length <= 254 && bare.split(".").every((l) => /^(?!-)[a-z0-9-]{1,63}(?<!-)$/.test(l));
    }, "is not a domain name (labels of letters, digits and hyphens, such as www.corp.example.com, or *.corp.example.com)");
