/** Cloud-independent pieces: the client base and cache, HTTP core, errors, retries, backoff, waiters, redaction. */

export * from "./backoff";
export * from "./call-options";
export * from "./client-base";
export * from "./client-cache";
export * from "./clock";
export * from "./credentials";
export * from "./errors";
export * from "./http";
export * from "./log";
export * from "./pacer";
export * from "./paging";
export * from "./redact";
export * from "./retry";
export * from "./schema";
export * from "./shared-pace";
export * from "./tags";
export * from "./wait-errors";
export * from "./waiter";
