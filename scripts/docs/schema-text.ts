/** Schemas in words, for the reference pages: types and limits from JSON Schema. */

export type JsonSchema = Record<string, any>;

/** Patterns the schemas share, in words. */
const KNOWN_PATTERNS: Record<string, string> = {
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$": "a UUID",
    "^(0|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$": '`"0"` or a UUID',
    "^(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}$": "an IPv4 address",
    "^[a-z]{2}(-[a-z0-9]+)+$": "a region name such as cn-north-4",
    "^[0-9a-f]{32}$": "32 hexadecimal characters",
};

export function typeOf(s: JsonSchema): string {
    if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
    if (s.enum) return s.enum.map((v: unknown) => `\`${JSON.stringify(v)}\``).join(" | ");
    if (s.type === "array") return `list of ${typeOf(s.items ?? {})}`;
    if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") return `map of ${typeOf(s.additionalProperties)}`;
    if (s.type === "object") return "object";
    if (s.anyOf) return s.anyOf.map(typeOf).join(" | ");
    return s.type ?? "any";
}

export function limitsOf(s: JsonSchema, prefix = ""): string[] {
    const out: string[] = [];
    const p = prefix ? `${prefix} ` : "";
    if (s.minLength !== undefined || s.maxLength !== undefined) out.push(`${p}${s.minLength ?? 0}–${s.maxLength ?? "∞"} characters`);
    if (s.pattern) out.push(`${p}${KNOWN_PATTERNS[s.pattern] ?? `matches \`${s.pattern}\``}`);
    // A whole number's schema carries ±MAX_SAFE_INTEGER as its bounds when no other is given: no limit to state.
    const min = s.minimum !== undefined && s.minimum > -Number.MAX_SAFE_INTEGER ? s.minimum : undefined;
    const max = s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
    if (min !== undefined && max !== undefined) out.push(`${p}${min}–${max}`);
    else if (min !== undefined) out.push(`${p}at least ${min}`);
    else if (max !== undefined) out.push(`${p}at most ${max}`);
    if (s.minItems !== undefined || s.maxItems !== undefined) out.push(`${p}${s.minItems ?? 0}–${s.maxItems ?? "∞"} entries`);
    if (s.type === "array" && s.items) out.push(...limitsOf(s.items, "each"));
    if (s.propertyNames) out.push(...limitsOf(s.propertyNames, "keys"));
    if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") out.push(...limitsOf(s.additionalProperties, "values"));
    if (s.type === "object" && s.properties && !prefix) {
        for (const [k, v] of Object.entries<JsonSchema>(s.properties)) out.push(...limitsOf(v, `\`${k}\``));
    }
    return out;
}

export const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n+/g, " ");
