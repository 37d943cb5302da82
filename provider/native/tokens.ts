/**
 * Type tokens of the native provider: one per resource kind, derived once from the kind the model
 * declares — `huaweicloud:vpcep:Endpoint` is `privatelink:huaweicloud/vpcep:Endpoint` (the cloud
 * and the API as the module, the resource's name as the type), so a token, like a kind, never
 * changes once published.
 */
import { type Engine, lifecycle } from "../lifecycle/engine";
import { isKind, modelOf } from "../runtime/kinds";

/** The package name the engine knows the plugin by (`pulumi-resource-privatelink`). */
export const PACKAGE = "privatelink";

/** The type token of a resource kind. */
export function tokenOf(kind: string): string {
    const [cloud, api, name] = kind.split(":");
    return `${PACKAGE}:${cloud}/${api}:${name}`;
}

/** The resource kind of a type token, or undefined when it is not one of this package's. */
export function kindOf(token: string): string | undefined {
    const m = /^([^:]+):([^/:]+)\/([^:]+):([^:]+)$/.exec(token);
    return m && m[1] === PACKAGE ? `${m[2]}:${m[3]}:${m[4]}` : undefined;
}

const engines = new Map<string, Promise<Engine>>();

/** The engine of a type token, built once per process; undefined for a token this version does not know. */
export function engineOfToken(token: string): Promise<Engine> | undefined {
    const kind = kindOf(token);
    if (kind === undefined || !isKind(kind)) return undefined;
    let engine = engines.get(kind);
    if (!engine) {
        engine = modelOf(kind).then(lifecycle);
        engines.set(kind, engine);
    }
    return engine;
}
