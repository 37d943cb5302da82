/**
 * DNS v2.1 error codes a client branches on. DNS answers `{"code","message"}` (parsed by
 * ../errors.ts with the other Huawei envelopes). `DNS.1504`/`DNS.1505` are documented; the rest
 * are what the emulator answers for the same situations. Codes not listed go by HTTP status.
 */
import { codeTable } from "../../core/errors";

export const dnsCodes = codeTable({
    "DNS.0002": { kind: "server" }, // system error
    "DNS.0003": { kind: "auth" }, // permission denied / project mismatch
    "DNS.1501": { kind: "not_found" }, // endpoint does not exist
    "DNS.1504": { kind: "conflict", reason: "exists" }, // endpoint name exists
    "DNS.1505": { kind: "validation" }, // ip is not in this subnet
    "DNS.1506": { kind: "conflict", reason: "in_use" }, // ip in use
    "DNS.1507": { kind: "validation" }, // 2 to 6 addresses
    "DNS.1509": { kind: "not_found" }, // ip address does not exist
    "DNS.1510": { kind: "conflict", reason: "state" }, // endpoint is PENDING_*
    "DNS.0608": { kind: "conflict", reason: "in_use" }, // in use: a rule with VPCs, an endpoint with rules
    "DNS.1601": { kind: "not_found" }, // resolver rule does not exist
    "DNS.1606": { kind: "conflict", reason: "exists" }, // the endpoint already has a rule for this domain
    "DNS.1607": { kind: "conflict", reason: "state" }, // rule is PENDING_*
    "DNS.1611": { kind: "conflict", reason: "state" }, // association is PENDING_*
    // Private zones and record sets (the emulator's codes, but DNS.0707, which
    // terraform-provider-huaweicloud reads as "not associated" on disassociate).
    "DNS.0301": { kind: "not_found" }, // zone does not exist
    "DNS.0305": { kind: "conflict", reason: "state" }, // zone is PENDING_*
    "DNS.0307": { kind: "conflict", reason: "exists" }, // the VPC already has a private zone of this name
    "DNS.0308": { kind: "conflict", reason: "in_use" }, // the zone's last VPC
    "DNS.0706": { kind: "conflict", reason: "exists" }, // the VPC is already associated with the zone
    "DNS.0707": { kind: "not_found" }, // the VPC is not associated with the zone
    "DNS.0401": { kind: "not_found" }, // record set does not exist
    "DNS.0405": { kind: "conflict", reason: "exists" }, // a record set of this name and type exists
    "DNS.0406": { kind: "conflict", reason: "state" }, // record set is PENDING_*
});
