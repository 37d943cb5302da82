/**
 * Status messages to the Pulumi engine: what a resource is waiting for, shown beside it by
 * `pulumi up` while the operation runs and gone afterwards. A provider logs through the engine's
 * `Engine` gRPC service (`Log`); `ephemeral: true` makes a message a status, replaced by the next
 * and kept out of the summary — what Go providers send with `HostClient.LogStatus`
 * (sdk/go/pulumi/provider/host.go).
 *
 * The engine's address is the plugin's command-line argument: the engine starts a resource plugin
 * with `host.ServerAddr()` as its argument (sdk/go/common/resource/plugin/provider_plugin.go), after
 * the flags `--logtostderr`, `-v=N` and `--tracing <endpoint>` when logging or tracing flows to it
 * (plugin.go, buildPluginArguments); Go providers read it as the first non-flag argument
 * (sdk/go/pulumi/provider/main.go).
 */
import { engproto, engrpc, grpc } from "./protocol";

/** The engine's address among a plugin's arguments: the first that is neither a flag nor a flag's value. */
export function engineAddressOf(args: readonly string[]): string | undefined {
    for (let i = 0; i < args.length; i++) {
        const a = args[i]!;
        if (a === "--tracing")
            i++; // its value follows
        else if (!a.startsWith("-")) return a;
    }
    return undefined;
}

/** One resource's status line: at most one message on its way, the newest waiting behind it. */
export interface StatusLine {
    /** Shows `message` as the resource's status. */
    set(message: string): void;
    /** Clears the status when anything was shown (an empty status message, as pulumi-docker-build does after a build). */
    clear(): void;
}

/** The engine's log service, for status messages. */
export class EngineLog {
    readonly #client: { log(req: unknown, callback: (err: unknown) => void): void; close(): void };

    constructor(address: string) {
        this.#client = new engrpc.EngineClient(address, grpc.credentials.createInsecure());
    }

    /** A status line for the resource `urn`. Sending is fire-and-forget: an engine that does not answer costs nothing but the message. */
    statusOf(urn: string): StatusLine {
        let inFlight = false;
        let next: string | undefined;
        let shown = false;
        const send = (message: string): void => {
            if (inFlight) {
                next = message;
                return;
            }
            inFlight = true;
            const req = new engproto.LogRequest();
            req.setSeverity(engproto.LogSeverity.INFO);
            req.setMessage(message);
            req.setUrn(urn);
            req.setEphemeral(true);
            try {
                this.#client.log(req, () => {
                    inFlight = false;
                    const queued = next;
                    next = undefined;
                    if (queued !== undefined) send(queued);
                });
            } catch {
                inFlight = false;
            }
        };
        return {
            set(message) {
                shown = true;
                send(message);
            },
            clear() {
                if (shown) send("");
            },
        };
    }

    close(): void {
        this.#client.close();
    }
}
