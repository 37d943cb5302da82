/**
 * The emulator's notion of time. Every status transition, signature date window and token
 * expiry reads it, so tests can inject `now` and move time without waiting.
 */
export class Clock {
    private offsetMs = 0;

    constructor(private readonly source: () => number = Date.now) {}

    /** Current time in epoch milliseconds. */
    now(): number {
        return this.source() + this.offsetMs;
    }

    /** Moves the clock forward (control route `POST /_emulator/clock`). */
    advance(ms: number): void {
        this.offsetMs += ms;
    }

    /** Forgets any advance made through the control route. */
    reset(): void {
        this.offsetMs = 0;
    }
}
