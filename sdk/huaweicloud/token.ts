// POST /v3/auth/tokens   (IAM KeystoneCreateUserTokenByPassword)
/**
 * IAM password tokens, cached per process per (IAM endpoint, user, domain, project) until five
 * minutes before they expire, with concurrent callers sharing one request. A token rejected
 * with 401 is invalidated by the client and fetched again once.
 */
import { inspect } from "node:util";
import { z } from "zod";
import { type Clock, realClock } from "../core/clock";
import { CloudError } from "../core/errors";
import { execute, type HttpContext, parseJsonBody } from "../core/http";
import { REDACTED, registerSecret } from "../core/redact";
import type { PasswordCredentials } from "./credentials";
import { huaweiClassifier } from "./errors";

export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
const DEFAULT_TOKEN_LIFETIME_MS = 24 * 3600_000;

const TokenResponse = z.looseObject({
    token: z
        .looseObject({
            expires_at: z.string().optional(),
            project: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
        })
        .optional(),
});

/** An issued token; the value is private and never printed. */
export class IssuedToken {
    readonly #value: string;
    readonly expiresAt: number;
    readonly projectId: string | undefined;
    constructor(value: string, expiresAt: number, projectId: string | undefined) {
        this.#value = value;
        this.expiresAt = expiresAt;
        this.projectId = projectId;
        registerSecret(value);
    }
    value(): string {
        return this.#value;
    }
    toJSON(): object {
        return { token: REDACTED, expiresAt: new Date(this.expiresAt).toISOString(), projectId: this.projectId };
    }
    [inspect.custom](): string {
        return `IssuedToken { token: ${REDACTED}, expiresAt: ${new Date(this.expiresAt).toISOString()}, projectId: ${this.projectId} }`;
    }
}

interface CacheEntry {
    token?: IssuedToken;
    pending?: Promise<IssuedToken>;
}

/** Process-wide. Keys contain a fingerprint of the password, never the password. */
const cache = new Map<string, CacheEntry>();

/** For tests: forget every cached token. */
export function clearTokenCache(): void {
    cache.clear();
}

export interface TokenProviderOptions {
    iamEndpoint: string;
    credentials: PasswordCredentials;
    /** Project-scoped by project name, which for Huawei Cloud is the region name. */
    projectName: string;
    http: HttpContext;
    clock?: Clock;
}

export class TokenProvider {
    readonly #opts: TokenProviderOptions;
    readonly #key: string;
    readonly #clock: Clock;
    constructor(opts: TokenProviderOptions) {
        this.#opts = opts;
        this.#clock = opts.clock ?? realClock;
        this.#key = [opts.iamEndpoint, opts.credentials.userName, opts.credentials.domainName, opts.projectName, opts.credentials.fingerprint()].join("\u0000");
    }

    async get(): Promise<IssuedToken> {
        let entry = cache.get(this.#key);
        if (!entry) {
            entry = {};
            cache.set(this.#key, entry);
        }
        if (entry.token && entry.token.expiresAt - TOKEN_REFRESH_MARGIN_MS > this.#clock.now()) return entry.token;
        if (!entry.pending) {
            const e = entry;
            // Not tied to one caller's signal: other callers share this request.
            e.pending = this.#issue().then(
                (t) => {
                    e.token = t;
                    e.pending = undefined;
                    return t;
                },
                (err: unknown) => {
                    e.pending = undefined;
                    throw err;
                },
            );
        }
        return entry.pending!;
    }

    /** Drops `token` if it is still the cached one (a concurrent caller may already have replaced it). */
    invalidate(token: IssuedToken): void {
        const entry = cache.get(this.#key);
        if (entry?.token === token) entry.token = undefined;
    }

    async #issue(): Promise<IssuedToken> {
        const { credentials, projectName, iamEndpoint } = this.#opts;
        const operation = "KeystoneCreateUserTokenByPassword";
        const body = JSON.stringify({
            auth: {
                identity: {
                    methods: ["password"],
                    password: { user: { name: credentials.userName, password: credentials.password(), domain: { name: credentials.domainName } } },
                },
                scope: { project: { name: projectName } },
            },
        });
        const res = await execute(
            {
                api: "iam",
                operation,
                method: "POST",
                url: `${iamEndpoint}/v3/auth/tokens`,
                body,
                idempotent: true, // asking for a token twice is harmless

                headers: () => ({ "Content-Type": "application/json;charset=UTF-8" }),
                classify: huaweiClassifier("iam", operation, {}),
            },
            this.#opts.http,
        );
        const value = res.headers["x-subject-token"];
        if (!value) {
            throw new CloudError({
                api: "iam",
                operation,
                code: "SDK.InvalidResponse",
                message: "IAM answered without an X-Subject-Token header",
                httpStatus: res.status,
                requestId: res.requestId,
            });
        }
        let parsed: z.infer<typeof TokenResponse> = {};
        try {
            parsed = TokenResponse.parse(parseJsonBody(res.text) ?? {});
        } catch {
            // The token header is what matters; the body only refines expiry and project id.
        }
        const expires = parsed.token?.expires_at ? Date.parse(parsed.token.expires_at) : NaN;
        return new IssuedToken(value, Number.isNaN(expires) ? this.#clock.now() + DEFAULT_TOKEN_LIFETIME_MS : expires, parsed.token?.project?.id);
    }
}
