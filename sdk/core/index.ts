/** Cloud-independent pieces: the client base and cache, HTTP core, errors, retries, backoff, waiters, redaction. */
export * from "./clock";
export * from "./errors";
export * from "./backoff";
export * from "./retry";
export * from "./http";
export * from "./pacer";
export * from "./paging";
export * from "./waiter";
export * from "./wait-errors";
export * from "./call-options";
export * from "./credentials";
export * from "./client-base";
export * from "./client-cache";
export * from "./redact";
export * from "./log";
export * from "./schema";
