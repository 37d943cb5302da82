import type { IncomingHttpHeaders } from "node:http";
import type { Account } from "./accounts";
import type { ApiError } from "./api-error";

/** One HTTP request as API modules see it: raw pieces kept for signature verification. */
export interface ApiRequest {
    method: string;
    /** Decoded path without query, e.g. `/v1/abc/vpc-endpoints`. */
    path: string;
    /** The path exactly as sent (percent-encoding intact). */
    rawPath: string;
    /** The query exactly as sent, without `?`. */
    rawQuery: string;
    query: URLSearchParams;
    headers: IncomingHttpHeaders;
    /** The body bytes exactly as received (signatures hash these). */
    body: Buffer;
    requestId: string;
}

/** Who is calling, as established by an API's auth scheme. */
export interface Principal {
    /** Undefined for unauthenticated operations (IAM token issue). */
    account?: Account;
    /** The project the credential is scoped to or the request addresses. */
    projectId?: string;
    region?: string;
    method: "aksk" | "token" | "none";
}

/** What a handler returns; thrown {@link ApiError}s become error responses. */
export interface ApiResponse {
    status: number;
    body?: unknown;
    headers?: Record<string, string>;
    /** Lets unauthenticated operations (IAM) name the account in the request log. */
    logAccount?: string;
}

/** Everything a handler receives. */
export interface HandlerContext {
    req: ApiRequest;
    params: Record<string, string>;
    principal: Principal;
}

export type Handler = (ctx: HandlerContext) => ApiResponse;

/** One operation at one method + path pattern (`/v1/{project_id}/vpc-endpoints/{vpc_endpoint_id}`). */
export interface Route {
    method: string;
    path: string;
    /** The operation name the cloud's SDK uses; it appears in the request log and fault rules. */
    operation: string;
    handler: Handler;
}

/** How an API authenticates callers. */
export interface AuthScheme {
    authenticate(req: ApiRequest, params: Record<string, string>): Principal;
}

/** The envelope factory every API provides; the core uses it for errors it raises itself. */
export interface ApiErrors {
    unauthorized(message: string): ApiError;
    forbidden(message: string): ApiError;
    /** Throttled by the emulator's rate limit; `limit` per second, retry after `retryAfterSeconds`. */
    throttled(limit: number, retryAfterSeconds: number): ApiError;
    internal(message?: string): ApiError;
    /** An arbitrary error chosen by a fault rule. */
    custom(status: number, code: string, message: string): ApiError;
}

/** One entry of `GET /_emulator/resources`; `Body` is the API's wire shape of the resource. */
export interface ResourceView<Body = unknown> {
    api: string;
    kind: string;
    id: string;
    account?: string;
    projectId?: string;
    region?: string;
    status: string;
    createdAt: number;
    readyAt?: number;
    deletedAt?: number;
    body: Body;
}

/** State an API keeps; the core persists, resets and lists it. */
export interface ApiState {
    snapshot(): unknown;
    restore(data: unknown): void;
    reset(): void;
    /** Every resource, statuses computed without counting as a read. */
    resources(opts: { includeDeleted: boolean }): ResourceView[];
}

/**
 * One cloud API: adding DNS or Alibaba PrivateLink is adding one more module to the list the
 * server is started with.
 */
export interface ApiModule {
    /** Short name used in logs and fault rules: `iam`, `vpcep`, `dns`, `privatelink`. */
    name: string;
    routes: Route[];
    /**
     * Optional resolver for RPC-style APIs (Alibaba: `POST /` with an `Action` parameter) where the
     * path alone does not name the operation. Returns undefined when the request is not for it.
     */
    resolve?(req: ApiRequest): { route: Route; params: Record<string, string> } | undefined;
    auth: AuthScheme;
    errors: ApiErrors;
    state?: ApiState;
}
