/**
 * A per-account request rate limit over fixed one-second windows of the emulator clock, the
 * way API gateways count "limit:N, time:1 second".
 */
export class RateLimit {
    private perSecond: number | null = null;
    private readonly windows = new Map<string, { start: number; count: number }>();

    set(requestsPerSecond: number | null): void {
        this.perSecond = requestsPerSecond;
        this.windows.clear();
    }

    get limit(): number | null {
        return this.perSecond;
    }

    reset(): void {
        this.set(null);
    }

    /** Counts one request; returns the seconds to wait when over the limit, else undefined. */
    take(account: string, now: number): number | undefined {
        if (this.perSecond === null) return undefined;
        const start = Math.floor(now / 1000) * 1000;
        let w = this.windows.get(account);
        if (!w || w.start !== start) {
            w = { start, count: 0 };
            this.windows.set(account, w);
        }
        if (w.count >= this.perSecond) return Math.max(1, Math.ceil((start + 1000 - now) / 1000));
        w.count++;
        return undefined;
    }
}
