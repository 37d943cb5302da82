/**
 * One SVG chart of measures 1 and 3: readiness overshoot (median, with the p95 as a thin mark)
 * and API calls per resource while waiting, ours against the Terraform-style baseline, for each
 * kind and provisioning time. Plain SVG, no dependencies.
 */
import type { Variant } from "./measures/common";
import type { ReadinessRow } from "./measures/readiness";

const VARIANTS: Variant[] = ["ours", "ours-alone", "baseline"];
const COLORS: Record<Variant, string> = { ours: "#2b7bb9", "ours-alone": "#8cc0e6", baseline: "#d0743c" };
const LABELS: Record<Variant, string> = {
    ours: "ours (20 at once, coalesced)",
    "ours-alone": "ours (each resource alone)",
    baseline: "Terraform-style baseline",
};

function esc(s: string): string {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
}

function panel(
    x0: number,
    y0: number,
    w: number,
    h: number,
    title: string,
    unit: string,
    groups: Array<{ label: string; bars: Array<{ variant: Variant; value: number; mark?: number; target?: number }> }>,
): string {
    const maxV = Math.max(1e-9, ...groups.flatMap((g) => g.bars.flatMap((b) => [b.value, b.mark ?? 0, b.target ?? 0])));
    const plotH = h - 60;
    const gw = w / groups.length;
    const out: string[] = [];
    out.push(`<text x="${x0 + w / 2}" y="${y0 + 14}" text-anchor="middle" font-size="14" font-weight="bold">${esc(title)}</text>`);
    const base = y0 + 24 + plotH;
    out.push(`<line x1="${x0}" y1="${base}" x2="${x0 + w}" y2="${base}" stroke="#333"/>`);
    groups.forEach((g, gi) => {
        const n = g.bars.length;
        const bw = Math.min(26, (gw - 16) / n);
        const gx = x0 + gi * gw + (gw - bw * n) / 2;
        g.bars.forEach((b, bi) => {
            const bh = (b.value / maxV) * plotH;
            const x = gx + bi * bw;
            out.push(
                `<rect x="${x.toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${(bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="${COLORS[b.variant]}"><title>${esc(`${g.label} ${LABELS[b.variant]}: ${b.value.toFixed(2)} ${unit}`)}</title></rect>`,
            );
            out.push(
                `<text x="${(x + (bw - 2) / 2).toFixed(1)}" y="${(base - bh - 3).toFixed(1)}" text-anchor="middle" font-size="8">${b.value >= 100 ? Math.round(b.value) : b.value.toFixed(1)}</text>`,
            );
            if (b.mark !== undefined) {
                const my = base - (b.mark / maxV) * plotH;
                out.push(
                    `<line x1="${x.toFixed(1)}" y1="${my.toFixed(1)}" x2="${(x + bw - 2).toFixed(1)}" y2="${my.toFixed(1)}" stroke="#000" stroke-width="1.5" stroke-dasharray="2,1"/>`,
                );
            }
            if (b.target !== undefined) {
                const ty = base - (b.target / maxV) * plotH;
                out.push(
                    `<line x1="${(x - 1).toFixed(1)}" y1="${ty.toFixed(1)}" x2="${(x + bw - 1).toFixed(1)}" y2="${ty.toFixed(1)}" stroke="#1a9850" stroke-width="2"/>`,
                );
            }
        });
        out.push(`<text x="${(x0 + gi * gw + gw / 2).toFixed(1)}" y="${base + 14}" text-anchor="middle" font-size="10">${esc(g.label)}</text>`);
    });
    out.push(`<text x="${x0}" y="${base + 32}" font-size="10" fill="#555">${esc(unit)}</text>`);
    return out.join("\n");
}

export function readinessChart(rows: readonly ReadinessRow[], caption: string): string {
    const keys = [...new Set(rows.map((r) => `${r.kind}|${r.provisioningMs}`))];
    const label = (k: string) => {
        const [kind, t] = k.split("|");
        return `${kind === "endpoint_service" ? "service" : "endpoint"} ${Number(t) / 1000} s`;
    };
    const pick = (k: string, v: Variant) => rows.find((r) => `${r.kind}|${r.provisioningMs}` === k && r.variant === v);
    const over = keys.map((k) => ({
        label: label(k),
        bars: VARIANTS.flatMap((v) => {
            const r = pick(k, v);
            if (!r) return [];
            const target = Math.max(200, 0.1 * r.provisioningMs) / 1000;
            return [{ variant: v, value: r.overshootMs.median / 1000, mark: r.overshootMs.p95 / 1000, target: v === "baseline" ? undefined : target }];
        }),
    }));
    const calls = keys.map((k) => ({
        label: label(k),
        bars: VARIANTS.flatMap((v) => {
            const r = pick(k, v);
            return r ? [{ variant: v, value: r.callsPerResource, target: r.provisioningMs === 30_000 && v !== "baseline" ? 12 : undefined }] : [];
        }),
    }));
    const W = 1000;
    const H = 700;
    const legend = VARIANTS.map(
        (v, i) =>
            `<rect x="${20 + i * 260}" y="${H - 40}" width="12" height="12" fill="${COLORS[v]}"/><text x="${36 + i * 260}" y="${H - 30}" font-size="12">${esc(LABELS[v])}</text>`,
    ).join("\n");
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${panel(40, 10, W - 80, 300, "Readiness overshoot, median (bar) and p95 (dashed) — green: target max(200 ms, 10 % of provisioning)", "seconds from ready to create returned", over)}
${panel(40, 340, W - 80, 280, "Reads while waiting, per resource — green: target 12 for a 30 s wait", "API calls per resource", calls)}
${legend}
<text x="${W - 20}" y="${H - 10}" text-anchor="end" font-size="10" fill="#555">${esc(caption)}</text>
</svg>
`;
}
