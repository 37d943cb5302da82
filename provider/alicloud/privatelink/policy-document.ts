/**
 * An endpoint's access policy (`PolicyDocument`): a RAM policy as JSON text (CreateVpcEndpoint and
 * UpdateVpcEndpointAttribute in alibabacloud_privatelink20200415 4.0.9, "The RAM access policy",
 * see RAM's policy elements; terraform-provider-alicloud's `policy_document`, set with
 * `jsonencode({Version = "1", Statement = [...]})`).
 */
import { jsonDocument } from "../../model/json-document";

/** RAM's policy grammar: `Version` "1", a non-empty `Statement` list, each with `Effect` Allow or Deny and an `Action`. */
function ramPolicyShape(doc: Record<string, unknown>): string | undefined {
    if (doc.Version !== undefined && doc.Version !== "1") return `has Version ${JSON.stringify(doc.Version)}; RAM policies are version "1"`;
    const statements = doc.Statement;
    if (!Array.isArray(statements) || statements.length === 0) return "has no Statement list; a policy needs at least one statement";
    for (const [i, st] of statements.entries()) {
        if (!st || typeof st !== "object" || Array.isArray(st)) return `has a Statement[${i}] that is not an object`;
        const { Effect, Action } = st as Record<string, unknown>;
        if (Effect !== "Allow" && Effect !== "Deny") return `has Statement[${i}].Effect ${JSON.stringify(Effect)}; it must be Allow or Deny`;
        if (Action === undefined) return `has a Statement[${i}] without Action`;
    }
    return undefined;
}

/** A RAM policy given as JSON text, kept in canonical form (key order and whitespace never plan a change). */
export const policyDocument = jsonDocument({ what: "policy document", shape: ramPolicyShape });
