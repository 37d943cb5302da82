/**
 * What the access-key credentials of every cloud share: a key id and a secret, plus a security
 * token when they are temporary (STS). This base checks both parts are there, registers the
 * secrets with `redact()`, keeps a fingerprint, and prints the keys masked under the names the
 * cloud uses. It never holds the secret itself: the cloud's subclass keeps it in a `#private`
 * field and signs with it, so it never leaves that object.
 */
import { createHash } from "node:crypto";
import { inspect } from "node:util";
import { maskId, REDACTED, registerSecret } from "./redact";

/** A stable fingerprint of credential parts (for cache keys and pacing scopes) that reveals nothing about a secret. */
export function credentialFingerprint(parts: readonly string[]): string {
    return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 24);
}

/** How a cloud's access keys are told apart and named. */
export interface AccessKeyStyle {
    /** Goes into the fingerprint, so two clouds' keys never share one. */
    tag: string;
    /** Field names in JSON and inspect output: `accessKey`/`secretKey`, `accessKeyId`/`accessKeySecret`. */
    idName: string;
    secretName: string;
    /** The error when a part is missing. */
    missing: string;
}

export abstract class AccessKeyPair {
    readonly #style: AccessKeyStyle;
    readonly #id: string;
    readonly #temporary: boolean;
    readonly #fingerprint: string;

    protected constructor(style: AccessKeyStyle, id: string, secret: string, securityToken: string | undefined) {
        if (!id || !secret) throw new Error(style.missing);
        this.#style = style;
        this.#id = id;
        this.#temporary = !!securityToken;
        registerSecret(secret);
        registerSecret(securityToken);
        this.#fingerprint = credentialFingerprint([style.tag, id, secret, securityToken || ""]);
    }

    /** True with a security token (STS credentials). */
    get temporary(): boolean {
        return this.#temporary;
    }

    /** A stable fingerprint (for cache keys) that reveals nothing about the secret. */
    fingerprint(): string {
        return this.#fingerprint;
    }

    toJSON(): object {
        return { [this.#style.idName]: maskId(this.#id), [this.#style.secretName]: REDACTED, temporary: this.temporary };
    }

    [inspect.custom](): string {
        const { idName, secretName } = this.#style;
        return `${this.constructor.name} { ${idName}: '${maskId(this.#id)}', ${secretName}: ${REDACTED}${this.temporary ? `, securityToken: ${REDACTED}` : ""} }`;
    }
}
