/**
 * The plugin outlives no engine. A CLI killed outright (a cancelled CI job) never stops its
 * plugins, and Pulumi's own providers notice only at their next call; this one looks every two
 * seconds whether the engine still listens and, once it does not (two looks in a row), stops
 * calling the cloud and exits — as the project's language hosts do.
 */
import * as net from "node:net";

/** Whether something listens at `host:port` (a connection is made and closed at once). */
function listening(address: string, timeoutMs: number): Promise<boolean> {
    const at = address.lastIndexOf(":");
    const host = address.slice(0, at).replace(/^\[|\]$/g, "") || "127.0.0.1";
    const port = Number(address.slice(at + 1));
    return new Promise((resolve) => {
        const socket = net.connect({ host, port });
        const done = (up: boolean) => {
            socket.destroy();
            resolve(up);
        };
        socket.setTimeout(timeoutMs, () => done(true)); // slow to answer is not gone
        socket.once("connect", () => done(true));
        socket.once("error", (e: NodeJS.ErrnoException) => done(e.code !== "ECONNREFUSED" && e.code !== "ENOENT"));
    });
}

/** Calls `gone` once the engine at `address` has stopped listening; the returned function stops the watch. */
export function watchEngine(address: string, gone: () => void, everyMs = 2000): () => void {
    let misses = 0;
    const timer = setInterval(async () => {
        misses = (await listening(address, everyMs)) ? 0 : misses + 1;
        if (misses >= 2) {
            clearInterval(timer);
            gone();
        }
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
}
