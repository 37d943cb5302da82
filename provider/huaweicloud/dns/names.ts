/** Input rules shared by the DNS resources. Messages complete the sentence "<field>: <value> …". */
import { z } from "zod";

/** The id of a DNS resolver endpoint or rule (the API's ids: letters, digits and dashes). */
export const resolverId = (what: string) => z.string().regex(/^[0-9A-Za-z-]{8,64}$/, `is not a ${what}`);

/** A domain name in the one form inputs, reads and comparisons use: lower case, no trailing dot. */
export const normalizeDomain = (s: string): string => s.trim().replace(/\.$/, "").toLowerCase();

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A domain name as the DNS API takes it: labels of letters, digits and hyphens, 1–63 characters
 * each, at most 254 in all. A trailing dot and upper case make no difference: the value is
 * normalised to lower case without the dot, so that `corp.example.com.` and `corp.example.com`
 * are the same input.
 */
export const domainName = z
    .string()
    .transform(normalizeDomain)
    .refine((s) => s.length > 0 && s.length <= 254 && s.split(".").every((l) => LABEL.test(l)), {
        message: "is not a domain name (labels of letters, digits and hyphens, such as corp.example.com)",
    });

/** The id of a DNS private zone or record set (32 hexadecimal characters on Huawei Cloud; the API's ids at large). */
export const dnsObjectId = (what: string) => resolverId(what);

/** The SOA and record TTL limits: 1–2147483647 seconds (CreatePrivateZoneReq.ttl, CreateRecordSetRequestBody.ttl). */
export const ttl = z
    .number("must be a number of seconds")
    .int("must be a whole number of seconds")
    .min(1, "is below 1 (a TTL is 1–2147483647 seconds)")
    .max(2147483647, "is above 2147483647 (a TTL is 1–2147483647 seconds)");

/** A description: at most 255 characters (UpdatePrivateZoneInfoReq, CreateRecordSetRequestBody). */
export const dnsDescription = z.string().max(255, "is longer than 255 characters");
