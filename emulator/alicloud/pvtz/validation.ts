/**
 * What PrivateZone accepts, from the official SDK's request models (alibabacloud_pvtz20180101
 * 1.5.0): TTLs 5, 30, 60, 3600, 43200, 86400 (default 60); MX priority 1–99, required for MX;
 * TXT up to 255 characters; SRV as "priority weight port target"; PTR only in a reverse zone
 * ("configure a reverse lookup zone first"). Invalid input answers InvalidParameter naming the
 * field and the rule (the pages list no finer codes).
 */
import { isIP } from "node:net";
import { pvtzError } from "./errors";
import type { RecordType } from "./models";

export const RECORD_TYPES: readonly RecordType[] = ["A", "AAAA", "CNAME", "TXT", "MX", "PTR", "SRV"];
export const TTLS = [5, 30, 60, 3600, 43200, 86400];

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

/** A domain name: labels of 1–63 letters, digits, `-` or `_`, at most 253 characters, an optional final dot. */
export function isDomainName(s: string): boolean {
    const name = s.endsWith(".") ? s.slice(0, -1) : s;
    return name.length > 0 && name.length <= 253 && name.split(".").every((l) => LABEL.test(l));
}

export function checkZoneName(name: string): void {
    if (!isDomainName(name)) throw pvtzError("InvalidParameter", `ZoneName "${name}" is not a domain name.`);
}

/** A host record: `@`, `*`, or labels (a leading `*.` for a wildcard). */
export function checkRr(rr: string): void {
    if (rr === "@" || rr === "*") return;
    const rest = rr.startsWith("*.") ? rr.slice(2) : rr;
    if (!rest.split(".").every((l) => LABEL.test(l)) || rr.length > 253)
        throw pvtzError("InvalidParameter", `Rr "${rr}" is not a host record (@, *, or labels such as www).`);
}

export function checkTtl(ttl: number): void {
    if (!TTLS.includes(ttl)) throw pvtzError("InvalidParameter", `Ttl ${ttl} is not one of ${TTLS.join(", ")}.`);
}

/** The value's rule for the record's type, and MX's priority. */
export function checkRecordValue(type: RecordType, value: string, priority: number | undefined, zoneName: string): void {
    const bad = (rule: string) => pvtzError("InvalidParameter", `Value "${value}" of a ${type} record ${rule}.`);
    switch (type) {
        case "A":
            if (isIP(value) !== 4) throw bad("is not an IPv4 address");
            break;
        case "AAAA":
            if (isIP(value) !== 6) throw bad("is not an IPv6 address");
            break;
        case "CNAME":
        case "PTR":
            if (!isDomainName(value)) throw bad("is not a domain name");
            if (type === "PTR" && !/\.(in-addr|ip6)\.arpa\.?$/.test(zoneName))
                throw pvtzError("InvalidParameter", `Type PTR needs a reverse lookup zone (in-addr.arpa or ip6.arpa), not ${zoneName}.`);
            break;
        case "MX":
            if (!isDomainName(value)) throw bad("is not a mail server's domain name");
            if (priority === undefined) throw pvtzError("MissingParameter", "Priority is required for an MX record.");
            break;
        case "TXT":
            if (value.length > 255) throw bad("is longer than 255 characters");
            break;
        case "SRV": {
            const parts = value.split(" ");
            const nums = parts.slice(0, 3).map(Number);
            if (parts.length !== 4 || nums.some((n) => !Number.isInteger(n) || n < 0 || n > 65535) || !isDomainName(parts[3]!))
                throw bad('is not "priority weight port target" (such as "1 5 8080 www.example.com")');
            break;
        }
    }
}
