/**
 * Huawei Cloud credentials. Secrets live in `#private` fields: they are invisible to
 * `util.inspect`, `JSON.stringify` and enumeration, and are registered with `redact()` so that
 * no error message or log line can carry them.
 */
import { inspect } from "node:util";
import { AccessKeyPair, credentialFingerprint } from "../core/credentials";
import { REDACTED, registerSecret } from "../core/redact";
import { type SignableRequest, signRequest } from "./signer";

/** Permanent or temporary (with security token) access keys. */
export class AkSkCredentials extends AccessKeyPair {
    readonly kind = "aksk" as const;
    readonly accessKey: string;
    readonly #secretKey: string;
    readonly #securityToken: string | undefined;

    constructor(accessKey: string, secretKey: string, securityToken?: string) {
        super(
            { tag: "aksk", idName: "accessKey", secretName: "secretKey", missing: "AK/SK credentials need both an access key and a secret key" },
            accessKey,
            secretKey,
            securityToken,
        );
        this.accessKey = accessKey;
        this.#secretKey = secretKey;
        this.#securityToken = securityToken || undefined;
    }

    /**
     * Signs a request (adding `X-Security-Token` for temporary credentials, signed like every
     * other header). The secret never leaves this object.
     */
    sign(req: SignableRequest, date: Date = new Date()): Record<string, string> {
        const headers = { ...req.headers };
        if (this.#securityToken) headers["X-Security-Token"] = this.#securityToken;
        return signRequest({ ...req, headers }, this.accessKey, this.#secretKey, date).headers;
    }

    override toJSON(): object {
        return { kind: this.kind, ...super.toJSON() };
    }
}

/** IAM user name + password, exchanged for a token (see token.ts). */
export class PasswordCredentials {
    readonly kind = "password" as const;
    readonly userName: string;
    readonly domainName: string;
    readonly #password: string;

    constructor(userName: string, password: string, domainName: string) {
        if (!userName || !password || !domainName) throw new Error("password credentials need a user name, a password and a domain (account) name");
        this.userName = userName;
        this.domainName = domainName;
        this.#password = password;
        registerSecret(password);
    }

    /** Only for building the IAM token request body. */
    password(): string {
        return this.#password;
    }

    fingerprint(): string {
        return credentialFingerprint(["password", this.userName, this.domainName, this.#password]);
    }

    toJSON(): object {
        return { kind: this.kind, userName: this.userName, domainName: this.domainName, password: REDACTED };
    }

    [inspect.custom](): string {
        return `PasswordCredentials { userName: '${this.userName}', domainName: '${this.domainName}', password: ${REDACTED} }`;
    }
}

/** A ready-made IAM token (HW_AUTH_TOKEN). It cannot be refreshed. */
export class TokenCredentials {
    readonly kind = "token" as const;
    readonly #token: string;
    constructor(token: string) {
        if (!token) throw new Error("token credentials need a token");
        this.#token = token;
        registerSecret(token);
    }
    token(): string {
        return this.#token;
    }
    fingerprint(): string {
        return credentialFingerprint(["token", this.#token]);
    }
    toJSON(): object {
        return { kind: this.kind, token: REDACTED };
    }
    [inspect.custom](): string {
        return `TokenCredentials { token: ${REDACTED} }`;
    }
}

export type HuaweiCredentials = AkSkCredentials | PasswordCredentials | TokenCredentials;
