/**
 * Input rules shared by the Alibaba Cloud resources, with the limits the API pages document.
 * Messages complete the sentence "<field>: <value> …".
 */
import { z } from "zod";
import { DRY_RUN_OK } from "../../sdk/alicloud/privatelink";
import { CloudError } from "../../sdk/core/errors";
import { tagMap } from "../lifecycle/tags";

/** An Alibaba Cloud resource id: `vpc-…`, `vsw-…`, `sg-…`, `epsrv-…`. */
export const acsId = (prefix: string, what: string) =>
    z.string().regex(new RegExp(`^${prefix}-[a-z0-9]{8,32}$`), `is not a valid ${what} (such as ${prefix}-bp1abcdefgh12345678)`);

/** An Alibaba Cloud account UID: digits. */
export const accountUid = z.string().regex(/^\d{1,20}$/, "is not an account UID (digits, such as 1234567890123456)");

/** A load balancer id (CLB `lb-…`, ALB `alb-…`, NLB `nlb-…`, GWLB `gwlb-…`). */
export const loadBalancerId = z.string().regex(/^[a-z]+-[a-z0-9]{6,40}$/, "is not a load balancer id (such as lb-bp1abcdefgh12345678)");

/**
 * The kind of load balancer behind an endpoint service: `gwlb` (Gateway Load Balancer) too
 * (CreateVpcEndpointServiceRequest `service_resource_type`, alibabacloud_privatelink20200415 4.0.9).
 */
export const serviceResourceType = z.enum(["slb", "alb", "nlb", "gwlb"], "must be slb, alb, nlb or gwlb");

/** Zone ids such as cn-hangzhou-h. */
export const zoneId = z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, "is not a zone id (such as cn-hangzhou-h)");

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const ipv4 = z.string().regex(IPV4, "is not a valid IPv4 address (such as 172.16.1.20)");

/** 2–256 characters, not starting with http:// or https:// (endpoint and service descriptions). */
export const description = z
    .string()
    .min(2, "is shorter than 2 characters (descriptions have 2–256)")
    .max(256, "is longer than 256 characters (descriptions have 2–256)")
    .refine((s) => !/^https?:\/\//.test(s), "must not start with http:// or https://");

/** Tag keys and values may not start with these (the cloud's own tags do), nor contain a URL's scheme. */
const RESERVED = /^(aliyun|acs:)/i;
const SCHEME = /https?:\/\//i;
/**
 * Alibaba Cloud resource tags as a map: keys of 1–`keyMax` and values of 0–128 characters, neither
 * starting with aliyun or acs: nor containing http:// or https:// (terraform-provider-alicloud's
 * tags.go leaves tags of those prefixes to the cloud); 20 tags per resource (PrivateZone's
 * UntagResourcesRequest: "up to 20 tag keys"; the emulators' limit), two of which are this
 * package's creation tags (PrivateLink's create request and PrivateZone's TagResources carry them
 * beside the program's), so a program gives at most 18.
 */
function alibabaTags(keyMax: number) {
    return tagMap({
        keyMax,
        valueMax: 128,
        perResource: 20,
        ours: 2,
        key: [
            [(k) => !RESERVED.test(k), "starts with aliyun or acs:, which tag keys cannot"],
            [(k) => !SCHEME.test(k), "contains http:// or https://, which tag keys cannot"],
        ],
        value: [
            [(v) => !RESERVED.test(v), "starts with aliyun or acs:, which tag values cannot"],
            [(v) => !SCHEME.test(v), "contains http:// or https://, which tag values cannot"],
        ],
    });
}

/**
 * PrivateLink's tags: keys of at most 64 characters, values of 128 (TagResourcesRequest and
 * CreateVpcEndpointServiceRequest's Tag, official SDK 4.0.9).
 */
export const privateLinkTags = alibabaTags(64);

/** PrivateZone's tags: keys of at most 128 characters (no stored page states PrivateZone's; the emulator takes 128). */
export const pvtzTags = alibabaTags(128);

/**
 * Runs the API's own DryRun of a create. It answers `DryRunOperation` when the request would
 * succeed; any other error is the cloud's verdict on inputs local validation cannot judge (an
 * unknown VPC, a security group of another VPC, a zone the service does not serve…), reported
 * before anything is created.
 */
export async function dryRunCreate(title: string, run: () => Promise<unknown>): Promise<void> {
    try {
        await run();
    } catch (e) {
        if (e instanceof CloudError && e.code === DRY_RUN_OK) return;
        if (e instanceof CloudError && e.httpStatus >= 400 && e.httpStatus < 500) {
            throw new Error(
                `${title}: the cloud's dry run rejected the request, nothing was created: ${e.code}: ${e.cloudMessage}${e.requestId ? ` (request id ${e.requestId})` : ""}`,
            );
        }
        throw e;
    }
}

/** IPv4 (default) or DualStack: the address families of an endpoint or endpoint service (`AddressIpVersion`). */
export const addressIpVersion = z.enum(["IPv4", "DualStack"], "must be IPv4 or DualStack");

/** A region id such as cn-shanghai. */
export const regionId = z.string().regex(/^[a-z]{2}(-[a-z0-9]+)+$/, "is not a region id (such as cn-shanghai)");

/** The eight groups of an IPv6 address written in full or with one `::`, or undefined. */
function ipv6Groups(s: string): string[] | undefined {
    if (!/^[0-9a-fA-F:]{2,39}$/.test(s) || s.split("::").length > 2) return undefined;
    const [head, tail] = s.split("::") as [string, string | undefined];
    const h = head ? head.split(":") : [];
    const t = tail ? tail.split(":") : [];
    const fill = tail === undefined ? 0 : 8 - h.length - t.length;
    if (fill < (tail === undefined ? 0 : 1) || h.length + t.length + fill !== 8) return undefined;
    const groups = [...h, ...Array<string>(fill).fill("0"), ...t];
    return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups.map((g) => Number.parseInt(g, 16).toString(16)) : undefined;
}

/**
 * An IPv6 address, turned into the form the cloud reports (RFC 5952: lower case, no leading zeros,
 * the longest run of zero groups as `::`), so that another spelling of the same address is no change.
 */
export const ipv6 = z.string().transform((s, ctx) => {
    const g = ipv6Groups(s);
    if (!g) {
        ctx.addIssue({ code: "custom", message: "is not a valid IPv6 address (such as 2408:4005:3f6:ac01::20)" });
        return z.NEVER;
    }
    let best = { at: -1, len: 1 };
    for (let i = 0; i < 8; i++) {
        let j = i;
        while (j < 8 && g[j] === "0") j++;
        if (j - i > best.len) best = { at: i, len: j - i };
    }
    return best.at < 0 ? g.join(":") : `${g.slice(0, best.at).join(":")}::${g.slice(best.at + best.len).join(":")}`;
});
