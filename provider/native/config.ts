/**
 * The native provider's settings. The plugin's configuration lives in its own namespace: the
 * objects `privatelink:huaweicloud` and `privatelink:alicloud` (stack config, set with
 * `pulumi config set --path privatelink:huaweicloud.region cn-north-4`, or the inputs of an explicit
 * `privatelink.Provider`), each with the same keys as the dynamic resources' `huaweicloud:*` and
 * `alicloud:*` stack config (docs/configuration.md); the environment variables apply as they do
 * there. One plugin process serves one provider instance, so its settings are the process's.
 */
import { setStackConfig } from "../config/stack-config";

const CLOUDS = ["huaweicloud", "alicloud"] as const;

type Settings = Record<string, Record<string, unknown>>;

/** A setting as the settings reader takes it: text (an object, such as `endpoints`, as JSON). */
function text(v: unknown): string | undefined {
    if (v === undefined || v === null || v === "") return undefined;
    return typeof v === "string" ? v : JSON.stringify(v);
}

/** The settings of each cloud from Configure's inputs (`args`) or, failing those, its variables. */
export function settingsOf(args: Record<string, unknown>, variables: Record<string, string>): Settings {
    const out: Settings = {};
    for (const cloud of CLOUDS) {
        let v: unknown = args[cloud];
        const raw = variables[`privatelink:${cloud}`];
        if (v === undefined && raw !== undefined) {
            try {
                v = JSON.parse(raw);
            } catch {
                throw new Error(
                    `privatelink:${cloud} is not an object of settings (${cloud === "huaweicloud" ? "region, projectId, accessKey…" : "region, accessKey…"})`,
                );
            }
        }
        if (v && typeof v === "object") out[cloud] = v as Record<string, unknown>;
    }
    return out;
}

/** Takes the provider's settings for this process: `huaweicloud:region` reads `privatelink:huaweicloud.region`. */
export function configFromProvider(args: Record<string, unknown>, variables: Record<string, string>): void {
    const settings = settingsOf(args, variables);
    setStackConfig({
        get(key: string) {
            const [cloud, name] = key.split(":");
            return cloud && name ? text(settings[cloud]?.[name]) : undefined;
        },
    });
}
