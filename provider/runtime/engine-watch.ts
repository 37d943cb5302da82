/**
 * The dynamic-provider process outlives a CLI killed outright (a cancelled CI job): the engine's
 * host never stops it, and it would go on polling the cloud until its waits time out. Started by
 * the runtime entry, this watch checks every two seconds that the engine still listens at the
 * address the process was started with, and ends the process when it no longer does.
 */
import * as net from "node:net";

const ADDRESS = /^(?:\[([0-9a-fA-F:]+)\]|([\w.-]+)):(\d+)$/;

/** `127.0.0.1:PORT` (or `[::1]:PORT`) as a host and a port; undefined for anything else. */
export function parseAddress(text: string): { host: string; port: number } | undefined {
    const m = ADDRESS.exec(text);
    return m ? { host: m[1] ?? m[2]!, port: Number(m[3]) } : undefined;
}

/** The engine's address among the process's arguments (`127.0.0.1:PORT`), if any. */
export function engineAddress(argv: readonly string[] = process.argv): { host: string; port: number } | undefined {
    for (const a of argv.slice(2)) {
        const address = parseAddress(a);
        if (address) return address;
    }
    return undefined;
}

/** Resolves false when nothing listens at the address any more (the connection is refused). */
export function listening(address: { host: string; port: number }, timeoutMs = 1_000): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect(address.port, address.host);
        const done = (alive: boolean) => {
            socket.destroy();
            resolve(alive);
        };
        socket.setTimeout(timeoutMs, () => done(true)); // slow is not gone
        socket.once("connect", () => done(true));
        socket.once("error", (e: NodeJS.ErrnoException) => done(e.code !== "ECONNREFUSED"));
    });
}

/**
 * Calls `onGone` once nothing listens at `address` any more, looking every `everyMs`; the
 * returned function stops the watch. The timer never keeps the process alive.
 */
export function watchAddress(address: { host: string; port: number }, onGone: () => void, everyMs = 2_000): () => void {
    const timer = setInterval(() => {
        void listening(address).then((alive) => {
            if (alive) return;
            clearInterval(timer);
            onGone();
        });
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
}

let started = false;

/** Starts the watch once per process (in the dynamic-provider process only). */
export function watchEngine(onGone: () => void = () => process.exit(1), everyMs = 2_000): void {
    if (started || !/dynamic-provider/.test(process.argv[1] ?? "")) return;
    const address = engineAddress();
    if (!address) return;
    started = true;
    watchAddress(
        address,
        () => {
            process.stderr.write("pulumi-privatelink: the Pulumi engine is gone; stopping the provider\n");
            onGone();
        },
        everyMs,
    );
}
