/** One API request as `GET /_emulator/requests` reports it. Control routes are not logged. */
export interface LoggedRequest {
    seq: number;
    /** Epoch ms on the emulator clock when the request arrived. */
    time: number;
    account: string | null;
    api: string;
    operation: string;
    method: string;
    path: string;
    query?: string;
    /** HTTP status sent; 0 when the connection was dropped before any answer. */
    status: number;
    /** The client's attempt number when it sends `X-Client-Attempt`. */
    attempt?: number;
    /** Which fault rule hit the request, if any. */
    fault?: string;
    /** The error code answered, if any. */
    errorCode?: string;
}

/** Append-only log with a sequence number so pollers can ask for `since=SEQ`. */
export class RequestLog {
    private entries: LoggedRequest[] = [];
    private seq = 0;

    add(entry: Omit<LoggedRequest, "seq">): LoggedRequest {
        const e = { seq: ++this.seq, ...entry };
        this.entries.push(e);
        // Bounded so a long demo cannot grow memory without limit.
        if (this.entries.length > 10000) this.entries.splice(0, this.entries.length - 10000);
        return e;
    }

    since(seq: number): LoggedRequest[] {
        return this.entries.filter((e) => e.seq > seq);
    }

    reset(): void {
        this.entries = [];
        this.seq = 0;
    }
}
