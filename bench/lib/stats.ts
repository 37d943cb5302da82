/** Order statistics for the tables (nearest-rank percentiles). */
export function percentile(values: readonly number[], p: number): number {
    if (values.length === 0) return NaN;
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.ceil((p / 100) * sorted.length);
    // an index in 0 … length - 1, and the length is not 0
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (v: readonly number[]): number => percentile(v, 50);
export const p95 = (v: readonly number[]): number => percentile(v, 95);
export const max = (v: readonly number[]): number => (v.length ? Math.max(...v) : NaN);
export const sum = (v: readonly number[]): number => v.reduce((a, b) => a + b, 0);

export function sleep(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
}

/** A ratio for the tables: "0.42×", or "—" when it means nothing. */
export function ratio(ours: number, baseline: number): string {
    if (!Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) return "—";
    return `${(ours / baseline).toFixed(2)}×`;
}

export function ms(v: number): string {
    if (!Number.isFinite(v)) return "—";
    return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
}

export function num(v: number, digits = 1): string {
    if (!Number.isFinite(v)) return "—";
    return Number.isInteger(v) ? String(v) : v.toFixed(digits);
}
