/**
 * The names a native Pulumi provider gives what the declarations describe: the package, and the
 * type token of each resource, lookup and named type. Written once here, for the schema
 * (scripts/schema/) and for whatever serves the tokens; docs/native-provider.md explains the
 * choice. A resource token, like a kind, is written into the state of every resource: never
 * change how it is derived.
 */

/** The package name: the first part of every token, and the provider's config namespace. */
export const PACKAGE = "privatelink";

/** The Pulumi module of a cloud API: `huaweicloud:vpcep` → `huaweicloud/vpcep`. */
export function moduleToken(module: string): string {
    const [cloud, api, ...rest] = module.split(":");
    if (!cloud || !api || rest.length) throw new Error(`"${module}" is not a cloud API such as huaweicloud:vpcep`);
    return `${cloud}/${api}`;
}

/** A resource kind's token: `huaweicloud:vpcep:Endpoint` → `privatelink:huaweicloud/vpcep:Endpoint`. */
export function resourceToken(kind: string): string {
    const [cloud, api, type, ...rest] = kind.split(":");
    if (!type || rest.length) throw new Error(`"${kind}" is not a kind such as huaweicloud:vpcep:Endpoint`);
    return `${PACKAGE}:${moduleToken(`${cloud}:${api}`)}:${type}`;
}

/** A lookup function's token: `huaweicloud:vpcep` and `getEndpoints` → `privatelink:huaweicloud/vpcep:getEndpoints`. */
export function functionToken(module: string, name: string): string {
    return `${PACKAGE}:${moduleToken(module)}:${name}`;
}

/**
 * A named type's token (an object or an enum): in a cloud API's module, or in `index` for the
 * types every resource shares (`privatelink:index:Timeouts`).
 */
export function typeToken(module: string | "index", name: string): string {
    return `${PACKAGE}:${module === "index" ? "index" : moduleToken(module)}:${name}`;
}

/**
 * The native provider's config key of a cloud setting (provider/config/cloud-settings.ts):
 * `huaweicloud` and `region` → `huaweicloudRegion`, set as `privatelink:huaweicloudRegion`. The
 * provider's config arrives under the package's namespace only, and one flat key per setting keeps
 * each credential a secret of its own.
 */
export function configKey(namespace: string, key: string): string {
    return `${namespace}${key[0]!.toUpperCase()}${key.slice(1)}`;
}
