/**
 * Durations as users write them in `timeouts` (the Terraform and Pulumi `customTimeouts` form):
 * "90s", "10m", "1h30m", "500ms". Returns milliseconds, or an error message.
 */
export function parseDuration(text: string): number | string {
    const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
    let total = 0;
    let matched = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        total += Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as "ms" | "s" | "m" | "h"];
        matched = re.lastIndex;
    }
    if (text.length === 0 || matched !== text.length) return `"${text}" is not a duration such as "90s", "10m" or "1h30m"`;
    if (total <= 0) return `"${text}" must be longer than zero`;
    return total;
}
