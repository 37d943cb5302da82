/** The wire layer: cloud API clients. Knows nothing of Pulumi. */
export * as core from "./core";
export * as huaweicloud from "./huaweicloud";
export {
  CloudError,
  NotFoundError,
  ConflictError,
  ThrottledError,
  ValidationError,
  AuthError,
  QuotaExceededError,
  ServerError,
  NetworkError,
  OutcomeUnknownError,
} from "./core/errors";
export { WaitTimeoutError, WaitFailedError } from "./core/waiter";
export * as alicloud from "./alicloud";
