import type { Account, Project } from "../../core/accounts";
import type { TokenRecord } from "../../core/auth/token-store";
import { iamTime } from "../../core/ids";

/** The token body of `POST /v3/auth/tokens` (the token itself travels in `X-Subject-Token`). */
export function tokenToWire(t: TokenRecord, account: Account, project: Project | undefined): Record<string, unknown> {
    const domain = { id: account.domainId, name: account.domainName };
    return {
        token: {
            methods: ["password"],
            issued_at: iamTime(t.issuedAt),
            expires_at: iamTime(t.expiresAt),
            user: { id: `u${account.domainId.slice(1)}`, name: account.userName, domain, password_expires_at: "" },
            ...(project ? { project: { id: project.id, name: project.name, domain } } : { domain }),
            roles: [{ id: "0", name: "te_admin" }],
            catalog: [],
        },
    };
}

/** A project as `GET /v3/projects` lists it. */
export function projectToWire(p: Project, account: Account): Record<string, unknown> {
    return { id: p.id, name: p.name, domain_id: account.domainId, parent_id: account.domainId, enabled: true, is_domain: false, description: "" };
}
