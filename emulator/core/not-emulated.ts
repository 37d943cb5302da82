/**
 * Operations the cloud has and the emulator does not: answered 501 after authentication, in the
 * API's own error envelope, naming the operation as the official SDKs name it — so a client that
 * calls one learns which operation it was, instead of a bare "no route".
 */
import type { ApiErrors, Route } from "./api-module";

/** `[method, path pattern, operation]`, as the official SDK declares the operation. */
export type NotEmulated = readonly [method: string, path: string, operation: string];

export const NOT_EMULATED_CODE = "Emulator.0501";

export function notEmulatedMessage(operation: string, where: string): string {
    return `${operation} (${where}) is not implemented by the emulator; docs/emulator.md lists what is`;
}

/** One route per operation, each answering 501 with its name. */
export function notEmulatedRoutes(list: readonly NotEmulated[], errors: ApiErrors): Route[] {
    return list.map(([method, path, operation]) => ({
        method,
        path,
        operation,
        handler: () => {
            throw errors.custom(501, NOT_EMULATED_CODE, notEmulatedMessage(operation, `${method} ${path}`));
        },
    }));
}
