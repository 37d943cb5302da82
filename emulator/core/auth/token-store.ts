import { randomBytes } from "node:crypto";

/** An issued token and what it grants. */
export interface TokenRecord {
    token: string;
    account: string;
    /** Project the token is scoped to; undefined for a domain-scoped token. */
    projectId?: string;
    issuedAt: number;
    expiresAt: number;
}

/** Tokens are valid 24 hours, as IAM issues them. */
export const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** Issued IAM tokens, looked up by value. */
export class TokenStore {
    private tokens = new Map<string, TokenRecord>();

    issue(account: string, projectId: string | undefined, now: number): TokenRecord {
        // Real tokens are long PKI blobs starting "MII"; clients must not assume a short value.
        const token = `MII${randomBytes(96).toString("base64url")}`;
        const rec: TokenRecord = { token, account, projectId, issuedAt: now, expiresAt: now + TOKEN_TTL_MS };
        this.tokens.set(token, rec);
        return rec;
    }

    lookup(token: string): TokenRecord | undefined {
        return this.tokens.get(token);
    }

    reset(): void {
        this.tokens.clear();
    }

    snapshot(): TokenRecord[] {
        return [...this.tokens.values()];
    }

    restore(data: unknown): void {
        this.tokens.clear();
        if (Array.isArray(data)) for (const r of data as TokenRecord[]) this.tokens.set(r.token, r);
    }
}
