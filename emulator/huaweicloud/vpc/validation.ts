import type { ApiRequest } from "../../core/api-module";
import { containsCidr, isIPv4, parseCidr } from "../../network/cidr";
import type { Subnet } from "../../network/model";
import { type VpcCode, vpcError } from "./errors";

/**
 * Field rules of the VPC v1 pages ("Creating a VPC", "Creating a Subnet", "Updating VPC
 * Information", "Updating Subnet Information"; the Python SDK's create_vpc_option.py and
 * create_subnet_option.py say the same). Each rule throws the API's own code: VPC.0101 for VPC
 * fields, VPC.0201 for subnet fields, VPC.0212 for a subnet CIDR.
 */

/** `{"<wrapper>": {...}}` from the request body, or `code`. */
export function wrapped(req: ApiRequest, wrapper: "vpc" | "subnet", code: VpcCode): Record<string, unknown> {
    let v: unknown;
    try {
        v = JSON.parse(req.body.toString("utf8"));
    } catch {
        throw vpcError(code, "The request body is not valid JSON.");
    }
    const inner = v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[wrapper] : undefined;
    if (!inner || typeof inner !== "object" || Array.isArray(inner)) throw vpcError(code, `The request body must be {"${wrapper}": {...}}.`);
    return inner as Record<string, unknown>;
}

/** An optional string field (undefined when absent or null). */
export function optString(body: Record<string, unknown>, field: string, code: VpcCode): string | undefined {
    const v = body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") throw vpcError(code, `${field} must be a string, got ${JSON.stringify(v)}.`);
    return v;
}

// Letters (also Chinese, as the pages allow), digits, `_`, `-` and `.`.
const NAME = /^[A-Za-z0-9_.\u4e00-\u9fa5-]*$/;

/** A VPC name (0–64) or a subnet name (1–64) of letters, digits, `_ - .`. */
export function name(v: unknown, min: 0 | 1, code: VpcCode): string {
    if (typeof v !== "string" || v.length < min || v.length > 64 || !NAME.test(v))
        throw vpcError(code, `name must be ${min} to 64 letters, digits, _, - or ., got ${JSON.stringify(v)}.`);
    return v;
}

/** `description`: at most 255 characters without `<` or `>`. */
export function description(body: Record<string, unknown>, code: VpcCode): string | undefined {
    const v = optString(body, "description", code);
    if (v !== undefined && (v.length > 255 || /[<>]/.test(v))) throw vpcError(code, "description must be at most 255 characters without < or >.");
    return v;
}

/** The private blocks a VPC CIDR must lie in (the pages: 10.0.0.0/8–/28, 172.16.0.0/12–/28, 192.168.0.0/16–/28). */
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"].map((c) => parseCidr(c)!);

/**
 * A VPC `cidr` inside one of the private blocks, no longer than /28. The pages make `cidr` optional
 * (a VPC without one); the emulator needs it to place subnets, so it is required here.
 */
export function vpcCidr(v: unknown): string {
    const c = parseCidr(v);
    if (!c || c.prefix > 28 || !PRIVATE.some((p) => containsCidr(p, c)))
        throw vpcError("VPC.0101", `cidr must be a block of 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 no longer than /28, got ${JSON.stringify(v)}.`);
    return v as string;
}

/** A subnet `cidr`: an IPv4 block with zero host bits, mask at most 28 (`VPC.0212`). */
export function subnetCidr(v: unknown): string {
    const c = parseCidr(v);
    if (!c || c.prefix > 28) throw vpcError("VPC.0212", `cidr must be an IPv4 block with zero host bits and a mask of at most 28, got ${JSON.stringify(v)}.`);
    return v as string;
}

/** `enterprise_project_id`: "0" (the default project) or a UUID of at most 36 characters. */
export function enterpriseProject(body: Record<string, unknown>): string | undefined {
    const v = optString(body, "enterprise_project_id", "VPC.0101");
    if (v !== undefined && v !== "0" && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v))
        throw vpcError("VPC.0101", `enterprise_project_id must be "0" or a UUID, got ${JSON.stringify(v)}.`);
    return v;
}

/** An optional IPv4 address field. */
export function optIp(body: Record<string, unknown>, field: string, code: VpcCode): string | undefined {
    const v = body[field];
    if (v === undefined || v === null) return undefined;
    if (!isIPv4(v)) throw vpcError(code, `${field} must be an IPv4 address, got ${JSON.stringify(v)}.`);
    return v;
}

/** An optional boolean field (strict: the pages type it Boolean). */
export function optBool(body: Record<string, unknown>, field: string, code: VpcCode): boolean | undefined {
    const v = body[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") throw vpcError(code, `${field} must be true or false, got ${JSON.stringify(v)}.`);
    return v;
}

/** The DHCP and DNS settings shared by subnet create and update. */
export function subnetSettings(body: Record<string, unknown>): Pick<Subnet, "dhcpEnable" | "primaryDns" | "secondaryDns" | "dnsList" | "extraDhcpOpts"> {
    const dnsList = body.dnsList;
    if (dnsList !== undefined && dnsList !== null && (!Array.isArray(dnsList) || !dnsList.every(isIPv4)))
        throw vpcError("VPC.0201", `dnsList must be a list of IPv4 addresses, got ${JSON.stringify(dnsList)}.`);
    const opts = body.extra_dhcp_opts;
    if (
        opts !== undefined &&
        opts !== null &&
        (!Array.isArray(opts) ||
            !opts.every((o) => o && typeof o === "object" && typeof o.opt_name === "string" && (o.opt_value === undefined || typeof o.opt_value === "string")))
    )
        throw vpcError("VPC.0201", `extra_dhcp_opts must be a list of {opt_name, opt_value}, got ${JSON.stringify(opts)}.`);
    return {
        dhcpEnable: optBool(body, "dhcp_enable", "VPC.0201"),
        primaryDns: optIp(body, "primary_dns", "VPC.0201"),
        secondaryDns: optIp(body, "secondary_dns", "VPC.0201"),
        dnsList: (dnsList ?? undefined) as string[] | undefined,
        extraDhcpOpts: (opts ?? undefined) as Subnet["extraDhcpOpts"],
    };
}
