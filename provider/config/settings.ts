/**
 * Reading provider settings: stack config first (`<namespace>:<key>`, secrets arrive decrypted),
 * then environment variables, the way the Terraform providers users already run read them.
 */
import type { SettingDeclarations } from "./cloud-settings";
import { stackConfig } from "./stack-config";

/** The first non-empty value among stack config keys and environment variables. */
export function setting(configKeys: readonly string[], envVars: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
    const cfg = stackConfig();
    for (const k of configKeys) {
        const v = cfg.get(k);
        if (v !== undefined && v !== "") return v;
    }
    for (const k of envVars) {
        const v = env[k];
        if (v !== undefined && v !== "") return v;
    }
    return undefined;
}

/** A map setting given as JSON text (structured stack config arrives as JSON). */
export function mapSetting(configKeys: readonly string[], envVars: readonly string[], what: string): Record<string, string> | undefined {
    const raw = setting(configKeys, envVars);
    if (raw === undefined) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(raw);
    } catch {
        throw new Error(`${what} must be a JSON object such as {"vpcep":"https://…"}; got ${raw.slice(0, 60)}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`${what} must be an object mapping service names to URLs`);
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed)) {
        if (typeof v !== "string") throw new Error(`${what}.${k} must be a URL string`);
        out[k] = v;
    }
    return out;
}

/**
 * Declared settings as a message names them, stack config keys then their variables:
 * "huaweicloud:accessKey and huaweicloud:secretKey (HW_ACCESS_KEY, HW_SECRET_KEY)".
 */
export function settingNames<S extends SettingDeclarations>(namespace: string, settings: S, keys: ReadonlyArray<keyof S & string>): string {
    const cfg = stackConfig();
    const config = keys.map((k) => cfg.name?.(`${namespace}:${k}`) ?? `${namespace}:${k}`);
    const env = keys.flatMap((k) => (settings[k] as SettingDeclarations[string]).env);
    const joined = config.length > 1 ? `${config.slice(0, -1).join(", ")} and ${config.at(-1)}` : (config[0] ?? "");
    return `${joined} (${env.join(", ")})`;
}

/** The readers of a cloud's declared settings: `<namespace>:<key>` first, then the key's environment variables. */
export function settingsOf<S extends SettingDeclarations>(namespace: string, settings: S) {
    /** The environment variables of a declared key (a key is always declared: `keyof S`). */
    const env = (key: keyof S & string): readonly string[] => (settings[key] as SettingDeclarations[string]).env;
    return {
        /** A string setting. */
        get: (key: keyof S & string): string | undefined => setting([`${namespace}:${key}`], env(key)),
        /** A map setting (JSON object of service names to URLs). */
        map: (key: keyof S & string): Record<string, string> | undefined => mapSetting([`${namespace}:${key}`], env(key), `${namespace}:${key}`),
    };
}
