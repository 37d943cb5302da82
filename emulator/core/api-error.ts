/**
 * An error answer in a cloud API's own envelope. Handlers throw it; the server renders it.
 * The body is a function of the request id because gateway envelopes (Huawei APIGW) embed it.
 */
export class ApiError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly render: (requestId: string) => unknown,
        readonly headers: Record<string, string> = {},
    ) {
        super(message);
        this.name = "ApiError";
    }
}

/** Emulator-level errors (control routes, unknown routes) share one envelope, Huawei-shaped. */
export function emulatorError(status: number, message: string): ApiError {
    const code = `Emulator.0${status}`;
    return new ApiError(status, code, message, () => ({ error_code: code, error_msg: message }));
}
