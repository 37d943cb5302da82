/**
 * A credential stored in plain text in the stack's config ends up readable in Pulumi.<stack>.yaml.
 * The dynamic provider receives config already decrypted, so the check runs in the program, where
 * the engine still says which keys are secret; each key is reported once per run.
 */
import * as pulumi from "@pulumi/pulumi";
import { CLOUD_SETTINGS } from "./cloud-settings";

/** Config keys that hold secrets, per cloud namespace: the declared credentials. */
export const SECRET_CONFIG_KEYS: Record<string, string[]> = Object.fromEntries(
    Object.entries(CLOUD_SETTINGS).map(([namespace, settings]) => [
        namespace,
        Object.entries(settings)
            .filter(([, s]) => s.secret)
            .map(([key]) => `${namespace}:${key}`),
    ]),
);

const warned = new Set<string>();

function isSecret(key: string): boolean {
    try {
        const runtimeConfig = require("@pulumi/pulumi/runtime/config");
        return typeof runtimeConfig.isConfigSecret === "function" ? runtimeConfig.isConfigSecret(key) : true;
    } catch {
        return true; // cannot tell: do not cry wolf
    }
}

/** Warns about each of the namespace's credentials that the stack keeps in plain text. */
export function warnPlainTextCredentials(namespace: string, resource?: pulumi.Resource): void {
    for (const key of SECRET_CONFIG_KEYS[namespace] ?? []) {
        if (warned.has(key)) continue;
        if (pulumi.runtime.getConfig(key) === undefined || isSecret(key)) continue;
        warned.add(key);
        void pulumi.log.warn(
            `${key} is stored in plain text in the stack's config; store it encrypted instead: pulumi config set --secret ${key} <value>`,
            resource,
        );
    }
}
