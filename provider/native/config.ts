/**
 * The native provider's settings. Its configuration arrives under its own namespace, one flat key
 * per cloud setting (provider/config/cloud-settings.ts, provider/model/token.ts `configKey`):
 * `privatelink:huaweicloudRegion`, `privatelink:huaweicloudSecretKey`… — stack config, or the
 * inputs of an explicit provider. Each is read where the dynamic resources read `huaweicloud:region`;
 * the environment variables apply as they do there. One plugin process serves one provider
 * instance, so its settings are the process's.
 */
import { CLOUD_SETTINGS } from "../config/cloud-settings";
import { setStackConfig } from "../config/stack-config";
import { configKey, PACKAGE } from "../model/token";

/** Pulumi's mark of a secret value in the protocol's property values (sdk/go/common/resource/sig). */
export const SECRET_SIG = { key: "4dabf18193072939515e22adb298388d", value: "1b47061264138c4ac30d75fd1eb44270" };

/**
 * A value without its secret wrapping. Configure's inputs carry secrets wrapped whatever the
 * provider accepts (the engine learns that from Configure's answer): an explicit provider's
 * secret key arrives as `{<sig>: <secret>, value: "…"}`.
 */
export function unwrapSecret(v: unknown): unknown {
    if (v && typeof v === "object" && (v as Record<string, unknown>)[SECRET_SIG.key] === SECRET_SIG.value)
        return unwrapSecret((v as { value?: unknown }).value);
    if (Array.isArray(v)) return v.map(unwrapSecret);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecret(x)]));
    return v;
}

/** A setting as the settings reader takes it: text (a map, such as `endpoints`, as JSON). */
function text(raw: unknown): string | undefined {
    const v = unwrapSecret(raw);
    if (v === undefined || v === null || v === "") return undefined;
    return typeof v === "string" ? v : JSON.stringify(v);
}

/**
 * The settings by their dynamic-resource keys (`huaweicloud:region`) from Configure's inputs
 * (`args`, by flat key) or, failing those, its variables (`privatelink:<flat key>`).
 */
export function settingsOf(args: Record<string, unknown>, variables: Record<string, string>): Map<string, string> {
    const out = new Map<string, string>();
    for (const [namespace, settings] of Object.entries(CLOUD_SETTINGS)) {
        for (const key of Object.keys(settings)) {
            const flat = configKey(namespace, key);
            const v = text(args[flat]) ?? text(variables[`${PACKAGE}:${flat}`]);
            if (v !== undefined) out.set(`${namespace}:${key}`, v);
        }
    }
    return out;
}

/** Takes the provider's settings for this process. */
export function configFromProvider(args: Record<string, unknown>, variables: Record<string, string>): void {
    const settings = settingsOf(args, variables);
    setStackConfig({
        get: (key: string) => settings.get(key),
        // Messages name the keys as this provider's users set them.
        name: (key: string) => {
            const [namespace = "", setting = ""] = key.split(":");
            return `${PACKAGE}:${configKey(namespace, setting)}`;
        },
    });
}
