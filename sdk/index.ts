/** The wire layer: cloud API clients. Knows nothing of Pulumi. */

export * as alicloud from "./alicloud";
export * as core from "./core";
export {
    AuthError,
    CloudError,
    ConflictError,
    NetworkError,
    NotFoundError,
    OutcomeUnknownError,
    QuotaExceededError,
    SdkError,
    ServerError,
    ThrottledError,
    ValidationError,
} from "./core/errors";
export { WaitError, WaitFailedError, WaitTimeoutError } from "./core/wait-errors";
export * as huaweicloud from "./huaweicloud";
