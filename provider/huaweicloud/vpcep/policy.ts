/**
 * Endpoint policies as inputs: JSON text, checked against the shapes the official SDK's models
 * give (huaweicloudsdkvpcep/v1/model/policy_statement.py: `Effect`, `Action`, `Resource`,
 * `Condition`, `Sid`) and compared as parsed JSON (provider/model/json-document.ts).
 */
import { z } from "zod";
import { jsonDocument } from "../../model/json-document";

const strings = (what: string) => z.array(z.string().min(1, `has an empty ${what}`), `must be a list of ${what}s`).min(1, `must name at least one ${what}`);

const statementFields = {
    Effect: z.enum(["Allow", "Deny"], "must be Allow or Deny"),
    Action: strings("action"),
    Resource: strings("resource"),
    Condition: z.record(z.string(), z.unknown(), "must be an object").optional(),
    Sid: z.string("must be text").optional(),
};

/** A gateway endpoint's statements (OBS, SFS): `[{"Effect", "Action", "Resource"}, …]`. */
export const policyStatementText = jsonDocument({
    what: "list of policy statements",
    shape: z.array(z.strictObject(statementFields), "must be a list of statements").min(1, "must hold at least one statement"),
});

/** An interface endpoint's policy document: `{"Version": "5.0", "Statement": [{…, "Principal"}]}`. */
export const policyDocumentText = jsonDocument({
    what: "policy document",
    shape: z.strictObject(
        {
            Version: z.string("must be text").optional(),
            Statement: z
                .array(z.strictObject({ ...statementFields, Principal: z.unknown().optional() }), "must be a list of statements")
                .min(1, "must hold at least one statement"),
        },
        "must be an object with Statement",
    ),
});
