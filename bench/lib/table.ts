/** Plain-text tables (also valid Markdown) for the console and RESULTS.md. */
export interface Table {
    title: string;
    columns: string[];
    rows: string[][];
    notes?: string[];
}

export function renderTable(t: Table): string {
    const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => (r[i] ?? "").length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? "").padEnd(widths[i] ?? 0)).join(" | ")} |`;
    const out = [`### ${t.title}`, "", line(t.columns), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...t.rows.map(line)];
    if (t.notes?.length) out.push("", ...t.notes.map((n) => `${n}`));
    return out.join("\n");
}
