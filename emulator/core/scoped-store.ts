/** Where a piece of state lives: one project in one region. */
export interface Scope {
    projectId: string;
    region: string;
}

/**
 * State keyed by project and region, created lazily on first use, as cloud control planes
 * partition it. Values must be plain JSON so snapshots are the persistence format.
 */
export class ScopedStore<T> {
    private scopes = new Map<string, { scope: Scope; value: T }>();

    constructor(private readonly create: (scope: Scope) => T) {}

    private key(s: Scope): string {
        return `${s.projectId}/${s.region}`;
    }

    /** The state of a scope, created empty the first time. */
    get(scope: Scope): T {
        const k = this.key(scope);
        let e = this.scopes.get(k);
        if (!e) {
            e = { scope: { ...scope }, value: this.create(scope) };
            this.scopes.set(k, e);
        }
        return e.value;
    }

    /** Every scope created so far. */
    entries(): Array<{ scope: Scope; value: T }> {
        return [...this.scopes.values()];
    }

    reset(): void {
        this.scopes.clear();
    }

    snapshot(): Array<{ scope: Scope; value: T }> {
        return this.entries();
    }

    restore(data: unknown): void {
        this.scopes.clear();
        if (!Array.isArray(data)) return;
        for (const e of data as Array<{ scope: Scope; value: T }>) this.scopes.set(this.key(e.scope), e);
    }
}
