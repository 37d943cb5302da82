/**
 * PrivateZone error codes a client branches on; others are classified by HTTP status. Sources:
 * the DescribeZoneInfo page's error table (`Zone.Invalid.Id`, 400) and the codes
 * terraform-provider-alicloud's pvtz resources treat as "gone" (`Zone.Invalid.Id`,
 * `Zone.Invalid.UserId`, `Zone.NotExists`, `ZoneVpc.NotExists.VpcId`, service_alicloud_pvtz.go),
 * retry while a zone's VPCs are being unbound (`Zone.VpcExists` on DeleteZone) or while the service
 * is busy (`System.Busy`, every action).
 */
import { codeTable } from "../../core/errors";

export const pvtzCodes = codeTable({
    "Zone.Invalid.Id": { kind: "not_found" },
    "Zone.Invalid.UserId": { kind: "not_found" },
    "Zone.NotExists": { kind: "not_found" },
    "ZoneVpc.NotExists.VpcId": { kind: "not_found" },
    // No page stored here names the code of a record that does not exist; this is the emulator's
    // (emulator/alicloud/pvtz/README.md), read as "gone" like the zone's.
    "Record.Invalid.Id": { kind: "not_found" },
    "Zone.VpcExists": { kind: "conflict", reason: "in_use" },
    // The code for a zone name the account has already: the emulator's (no stored page names it).
    "Zone.AlreadyExists": { kind: "conflict", reason: "exists" },
    // A record with the host record, type and value of one the zone has (AddZoneRecord, UpdateZoneRecord):
    // terraform-provider-alicloud looks that record up on it (resource_alicloud_pvtz_zone_record.go).
    "Record.Invalid.Conflict": { kind: "conflict", reason: "exists" },
    "Vpc.NotExists": { kind: "validation" },
});

/** Retried with backoff, as terraform-provider-alicloud's pvtz resources do. */
export const pvtzBusyCodes = ["System.Busy"] as const;
