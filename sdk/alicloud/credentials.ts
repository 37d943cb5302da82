/**
 * Alibaba Cloud access keys (permanent, or STS with a security token). The secret lives in a
 * `#private` field, is registered with `redact()`, and never appears in inspect/JSON output
 * (the checks, masking and fingerprint are the shared ones of core/credentials.ts).
 */
import { randomUUID } from "node:crypto";
import { AccessKeyPair } from "../core/credentials";
import { type Acs3Request, acs3Authorization, formatAcsDate, sha256Hex } from "./signer";

export class AlibabaCredentials extends AccessKeyPair {
    readonly accessKeyId: string;
    readonly #secret: string;
    readonly #securityToken: string | undefined;

    constructor(accessKeyId: string, accessKeySecret: string, securityToken?: string) {
        super(
            {
                tag: "alicloud",
                idName: "accessKeyId",
                secretName: "accessKeySecret",
                missing: "Alibaba Cloud credentials need both an access key id and an access key secret",
            },
            accessKeyId,
            accessKeySecret,
            securityToken,
        );
        this.accessKeyId = accessKeyId;
        this.#secret = accessKeySecret;
        this.#securityToken = securityToken || undefined;
    }

    /**
     * The headers of one signed attempt: a fresh date and nonce each time (a nonce may be used
     * once), the body hash, the STS token when temporary, and `Authorization`.
     */
    sign(
        req: { method: string; host: string; action: string; version: string; query: Record<string, string>; body: string; contentType?: string },
        date: Date,
        nonce: string = randomUUID(),
    ): Record<string, string> {
        const payloadHash = sha256Hex(req.body);
        const headers: Record<string, string> = {
            host: req.host,
            "x-acs-action": req.action,
            "x-acs-version": req.version,
            "x-acs-date": formatAcsDate(date),
            "x-acs-signature-nonce": nonce,
            "x-acs-content-sha256": payloadHash,
        };
        if (req.contentType) headers["content-type"] = req.contentType;
        if (this.#securityToken) headers["x-acs-security-token"] = this.#securityToken;
        const signable: Acs3Request = { method: req.method, pathname: "/", query: req.query, headers, payloadHash };
        headers.authorization = acs3Authorization(signable, this.accessKeyId, this.#secret);
        return headers;
    }
}
