/**
 * Input rules of the PrivateZone resources, with the limits the official SDK's models document
 * (alibabacloud_pvtz20180101 1.5.0). Messages complete the sentence "<field>: <value> …".
 */
import { z } from "zod";
import { RECORD_TTLS, RECORD_TYPES } from "../../../sdk/alicloud/pvtz";
import { acsId } from "../inputs";

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/i;

/** A domain name: labels of 1–63 letters, digits, `-` or `_`, at most 253 characters. */
export const domainName = (what: string) =>
    z
        .string()
        .max(253, `is longer than 253 characters (${what})`)
        .refine((s) => {
            const name = s.endsWith(".") ? s.slice(0, -1) : s;
            return name.length > 0 && name.split(".").every((l) => LABEL.test(l));
        }, `is not a valid ${what} (labels of letters, digits, - or _, such as example.internal)`);

/** A zone id as DescribeZones returns it: 32 hexadecimal digits, or the older `AgIDE1MA_149` form. */
export const zoneId = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, "is not a zone id (such as 0e41496f12da01311d314f17b8010000)");

/** `ZONE`: a name without records answers NXDOMAIN; `RECORD`: it goes on to forwarding and recursion. */
export const proxyPattern = z.enum(["ZONE", "RECORD"], "must be ZONE or RECORD");

/** A VPC the zone answers in: its id and region. */
export const vpcEntry = z
    .object({
        /** The VPC's id, such as `vpc-bp1abcdefgh12345678`. */
        vpcId: acsId("vpc", "VPC id"),
        /** The VPC's region, such as `cn-hangzhou`; the provider's region when left out. */
        regionId: z
            .string()
            .regex(/^[a-z]{2}(-[a-z0-9]+)+$/, "is not a region id (such as cn-hangzhou)")
            .optional(),
    })
    .strict();

/** A host record: `@` (the zone itself), `*` (wildcard), or labels such as `www` or `*.api`. */
export const hostRecord = z
    .string()
    .min(1, "is empty; write @ for the zone itself")
    .refine((rr) => {
        if (rr === "@" || rr === "*") return true;
        const rest = rr.startsWith("*.") ? rr.slice(2) : rr;
        return rr.length <= 253 && rest.split(".").every((l) => LABEL.test(l));
    }, "is not a host record (@, *, or labels such as www)");

export const recordType = z.enum(RECORD_TYPES, `must be one of ${RECORD_TYPES.join(", ")}`);

export const ttl = z
    .number()
    .int()
    .refine((n) => (RECORD_TTLS as readonly number[]).includes(n), `is not one of the TTLs PrivateZone allows (${RECORD_TTLS.join(", ")} seconds)`);

export const mxPriority = z
    .number()
    .int("must be a whole number")
    .min(1, "is below 1 (MX priorities are 1–99)")
    .max(99, "is above 99 (MX priorities are 1–99)");

export const recordStatus = z.enum(["ENABLE", "DISABLE"], "must be ENABLE or DISABLE");
