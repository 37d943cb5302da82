/** The wire layer: cloud API clients. Knows nothing of Pulumi. */
export * as core from "./core";
export * as huaweicloud from "./huaweicloud";
export {
  SdkError,
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
export { WaitError, WaitTimeoutError, WaitFailedError } from "./core/wait-errors";
export * as alicloud from "./alicloud";
