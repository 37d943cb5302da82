import { createHash } from "node:crypto";
import { accounts } from "../accounts";
import type { ApiError } from "../api-error";
import type { ApiRequest, AuthScheme, Principal } from "../api-module";
import type { World } from "../world";
import { acs3Signature, acs3StringToSign, formPairs, parseAcs3Authorization, parseAcsTime, rawPairs, sameSecretText, v1Signature } from "./alicloud-signature";

/** The errors the scheme raises, in the calling API's envelope. */
export interface AlibabaAuthErrors {
    /** 400 when a required signing element is missing or malformed (`IncompleteSignature`, `MissingParameter`…). */
    invalid(code: string, message: string): ApiError;
    /** 404 `InvalidAccessKeyId.NotFound`. */
    unknownAccessKey(accessKeyId: string): ApiError;
    /** 400 `SignatureDoesNotMatch`. */
    signatureMismatch(detail: string): ApiError;
    /** 400 `InvalidTimeStamp.Expired` (or `.Format`). */
    badTime(code: "InvalidTimeStamp.Expired" | "InvalidTimeStamp.Format", message: string): ApiError;
    /** 400 `SignatureNonceUsed`. */
    nonceUsed(nonce: string): ApiError;
}

/** Requests whose time is further than this from the emulator clock are refused. */
export const ALIBABA_TIME_WINDOW_MS = 15 * 60_000;

function header(req: ApiRequest, name: string): string | undefined {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
}

/** Every RPC parameter of a request: the query, then a form body (V1 clients, TagResources). */
export function rpcParams(req: ApiRequest): Array<[string, string]> {
    const pairs = rawPairs(req.rawQuery);
    const type = header(req, "content-type") ?? "";
    if (req.body.length > 0 && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) pairs.push(...formPairs(req.body.toString("utf8")));
    return pairs;
}

/**
 * Alibaba Cloud authentication for RPC-style APIs (PrivateLink): V3 `ACS3-HMAC-SHA256` in the
 * `Authorization` header, or V1 `HMAC-SHA1` in the `Signature` parameter. Both are verified
 * over what the client actually signed, within a 15-minute window of the emulator clock, and a
 * signature nonce may be used once (kept for the window, memory only).
 */
export function alibabaAuthScheme(world: World, errors: AlibabaAuthErrors): AuthScheme {
    const nonces = new Map<string, number>();

    function useNonce(ak: string, nonce: string, now: number): void {
        for (const [k, expiry] of nonces) if (expiry <= now) nonces.delete(k);
        const key = `${ak}/${nonce}`;
        if (nonces.has(key)) throw errors.nonceUsed(nonce);
        nonces.set(key, now + 2 * ALIBABA_TIME_WINDOW_MS);
    }

    function checkTime(text: string | undefined, now: number, what: string): void {
        const t = parseAcsTime(text);
        if (Number.isNaN(t)) throw errors.badTime("InvalidTimeStamp.Format", `Specified ${what} "${text ?? ""}" is not in the format yyyy-MM-ddTHH:mm:ssZ.`);
        if (Math.abs(now - t) > ALIBABA_TIME_WINDOW_MS)
            throw errors.badTime(
                "InvalidTimeStamp.Expired",
                `Specified ${what} or date header ${text} is expired (more than 15 minutes from the server time).`,
            );
    }

    function secretOf(ak: string) {
        const account = accounts.byAlicloudAccessKey(ak);
        if (!account) throw errors.unknownAccessKey(ak);
        return account;
    }

    function v3(req: ApiRequest, now: number) {
        const parsed = parseAcs3Authorization(header(req, "authorization"));
        if (!parsed) throw errors.invalid("IncompleteSignature", "The Authorization header is not a valid ACS3-HMAC-SHA256 authorization.");
        const account = secretOf(parsed.accessKeyId);
        for (const required of ["host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-action", "x-acs-version"]) {
            if (!parsed.signedHeaders.includes(required))
                throw errors.invalid("IncompleteSignature", `The header ${required} must be signed (SignedHeaders=${parsed.signedHeaders.join(";")}).`);
        }
        for (const h of parsed.signedHeaders)
            if (header(req, h) === undefined) throw errors.invalid("IncompleteSignature", `The signed header ${h} is missing from the request.`);
        const bodyHash = createHash("sha256").update(req.body).digest("hex");
        const claimed = header(req, "x-acs-content-sha256")!;
        if (claimed.toLowerCase() !== bodyHash) throw errors.signatureMismatch("x-acs-content-sha256 is not the SHA-256 of the request body.");
        checkTime(header(req, "x-acs-date"), now, "x-acs-date");
        const expected = acs3Signature(account.alicloud.accessKeySecret, acs3StringToSign(req, parsed.signedHeaders, claimed));
        if (!sameSecretText(expected, parsed.signature))
            throw errors.signatureMismatch(
                "The request signature we calculated does not match the signature you provided. Check your AccessKeySecret and signing method.",
            );
        useNonce(parsed.accessKeyId, header(req, "x-acs-signature-nonce")!, now);
        return account;
    }

    function v1(req: ApiRequest, now: number) {
        const params = rpcParams(req);
        const get = (k: string) => params.find(([n]) => n === k)?.[1];
        const ak = get("AccessKeyId");
        if (!ak) throw errors.invalid("MissingAccessKeyId", "AccessKeyId is mandatory for this action.");
        const account = secretOf(ak);
        if (get("SignatureMethod") !== "HMAC-SHA1")
            throw errors.invalid("InvalidParameter.SignatureMethod", `SignatureMethod ${get("SignatureMethod") ?? "(missing)"} is not supported (HMAC-SHA1).`);
        if (get("SignatureVersion") !== "1.0") throw errors.invalid("InvalidParameter.SignatureVersion", "SignatureVersion must be 1.0.");
        const nonce = get("SignatureNonce");
        if (!nonce) throw errors.invalid("MissingSignatureNonce", "SignatureNonce is mandatory for this action.");
        checkTime(get("Timestamp"), now, "parameter Timestamp");
        const signed = params.filter(([k]) => k !== "Signature");
        const expected = v1Signature(req.method, signed, account.alicloud.accessKeySecret);
        if (!sameSecretText(expected, get("Signature")!))
            throw errors.signatureMismatch(`Specified signature is not matched with our calculation. server string to sign is:${req.method}&%2F&…`);
        useNonce(ak, nonce, now);
        return account;
    }

    return {
        authenticate(req): Principal {
            const now = world.now();
            const isV1 = rpcParams(req).some(([k]) => k === "Signature");
            const account = isV1 ? v1(req, now) : header(req, "authorization") !== undefined ? v3(req, now) : undefined;
            if (!account)
                throw errors.invalid(
                    "IncompleteSignature",
                    "The request is not signed: send an ACS3-HMAC-SHA256 Authorization header or V1 Signature parameters.",
                );
            return { account, projectId: `alicloud:${account.alicloud.accountId}`, method: "aksk" };
        },
    };
}
