import { vpcepError } from "./errors";

/**
 * Endpoint policies, as the API takes them (a second reading of the pages, independent of any
 * client): `policy_statement` for gateway endpoints (OBS, SFS) and `policy_document` for interface
 * endpoints, each only when the endpoint's service has `enable_policy: true`. Statements are IAM
 * statements: `Effect` Allow or Deny, `Action` and `Resource` lists of strings, optional
 * `Condition` (an object) and `Sid`; the official SDK's `PolicyStatement` model names exactly
 * these keys (huaweicloudsdkvpcep/v1/model/policy_statement.py). A document is
 * `{"Version", "Statement": [...]}` whose statements may also name a `Principal`. Refusals are
 * `EndPoint.2048` ("The VPC endpoint policy is invalid"), the code the error table gives.
 */

const EFFECTS = ["Allow", "Deny"];

function statement(raw: unknown, where: string, keys: readonly string[]): void {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw vpcepError("EndPoint.2048", `${where} must be an object.`);
    const s = raw as Record<string, unknown>;
    const unknown = Object.keys(s).filter((k) => !keys.includes(k));
    if (unknown.length) throw vpcepError("EndPoint.2048", `${where} has unknown keys ${unknown.join(", ")} (allowed: ${keys.join(", ")}).`);
    if (typeof s.Effect !== "string" || !EFFECTS.includes(s.Effect)) throw vpcepError("EndPoint.2048", `${where}.Effect must be Allow or Deny.`);
    for (const k of ["Action", "Resource"]) {
        const list = s[k];
        if (!Array.isArray(list) || list.length === 0 || list.some((x) => typeof x !== "string" || x === ""))
            throw vpcepError("EndPoint.2048", `${where}.${k} must be a non-empty list of strings.`);
    }
    if (s.Condition !== undefined && (!s.Condition || typeof s.Condition !== "object" || Array.isArray(s.Condition)))
        throw vpcepError("EndPoint.2048", `${where}.Condition must be an object.`);
    if (s.Sid !== undefined && typeof s.Sid !== "string") throw vpcepError("EndPoint.2048", `${where}.Sid must be a string.`);
}

/** A gateway endpoint's `policy_statement`: a non-empty list of statements. */
export function policyStatement(raw: unknown): unknown[] {
    if (!Array.isArray(raw) || raw.length === 0) throw vpcepError("EndPoint.2048", "policy_statement must be a non-empty array of statements.");
    raw.forEach((s, i) => {
        statement(s, `policy_statement[${i}]`, ["Effect", "Action", "Resource", "Condition", "Sid"]);
    });
    return raw;
}

/** An interface endpoint's `policy_document`: `{Version?, Statement: [...]}`. */
export function policyDocument(raw: unknown): Record<string, unknown> {
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw vpcepError("EndPoint.2048", "policy_document must be an object.");
    const d = raw as Record<string, unknown>;
    const unknown = Object.keys(d).filter((k) => k !== "Version" && k !== "Statement");
    if (unknown.length) throw vpcepError("EndPoint.2048", `policy_document has unknown keys ${unknown.join(", ")} (allowed: Version, Statement).`);
    if (d.Version !== undefined && typeof d.Version !== "string") throw vpcepError("EndPoint.2048", "policy_document.Version must be a string.");
    if (!Array.isArray(d.Statement) || d.Statement.length === 0)
        throw vpcepError("EndPoint.2048", "policy_document.Statement must be a non-empty array of statements.");
    d.Statement.forEach((s, i) => {
        statement(s, `policy_document.Statement[${i}]`, ["Effect", "Action", "Resource", "Condition", "Sid", "Principal"]);
    });
    return d;
}

/**
 * Where a policy may go: `policy_statement` on gateway endpoints only, `policy_document` on
 * interface endpoints only, either only when the service enables policies (`EndPoint.0002`).
 */
export function policyAllowed(body: Record<string, unknown>, serviceType: "interface" | "gateway", enablePolicy: boolean): void {
    const has = (k: string) => body[k] !== undefined && body[k] !== null;
    for (const [k, type] of [
        ["policy_statement", "gateway"],
        ["policy_document", "interface"],
    ] as const) {
        if (!has(k)) continue;
        if (serviceType !== type) throw vpcepError("EndPoint.0002", `${k} applies only to endpoints of ${type} endpoint services.`);
        if (!enablePolicy) throw vpcepError("EndPoint.0002", `${k} needs an endpoint service with enable_policy true.`);
    }
}
