/**
 * The engines of the native provider, by type token (tokens are derived in provider/model/token.ts,
 * the same derivation the package schema uses).
 */
import { type Engine, lifecycle } from "../lifecycle/engine";
import { PACKAGE } from "../model/token";
import { isKind, modelOf } from "../runtime/kinds";

export { PACKAGE };

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
