import type { ApiModule, ApiRequest, Route } from "./api-module";

interface CompiledRoute {
    module: ApiModule;
    route: Route;
    segments: Array<{ literal: string } | { param: string }>;
}

/** The result of routing one request. */
export interface RouteMatch {
    module: ApiModule;
    route: Route;
    params: Record<string, string>;
}

function split(path: string): string[] {
    return path.split("/").filter((s) => s.length > 0);
}

/**
 * Compares two routes that both match: at the first position where one has a literal and the
 * other a parameter, the literal wins (`/vpc-endpoint-services/describe` beats `/{id}`).
 */
function moreSpecific(a: CompiledRoute, b: CompiledRoute): boolean {
    for (let i = 0; i < a.segments.length; i++) {
        const la = "literal" in a.segments[i]!;
        const lb = "literal" in b.segments[i]!;
        if (la !== lb) return la;
    }
    return false;
}

/** Path-pattern router over the routes of every API module. */
export class Router {
    private readonly compiled: CompiledRoute[] = [];

    constructor(private readonly modules: readonly ApiModule[]) {
        for (const module of modules) {
            for (const route of module.routes) {
                const segments = split(route.path).map((s) => (s.startsWith("{") && s.endsWith("}") ? { param: s.slice(1, -1) } : { literal: s }));
                this.compiled.push({ module, route, segments });
            }
        }
    }

    /** Finds the operation for a request, or undefined (the server answers 501). */
    match(req: ApiRequest): RouteMatch | undefined {
        for (const module of this.modules) {
            const hit = module.resolve?.(req);
            if (hit) return { module, ...hit };
        }
        const parts = split(req.path);
        let best: { c: CompiledRoute; params: Record<string, string> } | undefined;
        for (const c of this.compiled) {
            if (c.route.method !== req.method || c.segments.length !== parts.length) continue;
            const params: Record<string, string> = {};
            let ok = true;
            for (let i = 0; i < parts.length && ok; i++) {
                const seg = c.segments[i]!;
                if ("literal" in seg) ok = seg.literal === parts[i];
                else params[seg.param] = parts[i]!;
            }
            if (ok && (!best || moreSpecific(c, best.c))) best = { c, params };
        }
        return best && { module: best.c.module, route: best.c.route, params: best.params };
    }
}
