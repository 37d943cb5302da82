/** Cloud-independent pieces: HTTP core, errors, retries, backoff, waiters, redaction. */
export * from "./clock";
export * from "./errors";
export * from "./backoff";
export * from "./retry";
export * from "./http";
export * from "./pacer";
export * from "./paging";
export * from "./waiter";
export * from "./redact";
export * from "./log";
export * from "./schema";
