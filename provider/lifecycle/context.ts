/**
 * What one call of the lifecycle engine needs from the host that serves it (the dynamic-resource
 * runtime, provider/runtime/, or a provider plugin): who is asking, when to stop, this stack's
 * record of interrupted creations, and where to say what it waits for. Hosts build it for every call and pass it in; the engine reaches
 * for no process-wide state.
 */

/** Pending creations of a stack's checkpoint (the part of `pulumi stack export` used here). */
export interface StackRecord {
    /** The creation tokens of the pending creations of each URN. */
    pendingCreations: Map<string, Set<string>>;
}

export interface OperationContext {
    /**
     * The resource's URN (project, stack, type and name), when the host knows it: creation keys
     * derive from it (provider/lifecycle/creation.ts); without it none is used.
     */
    urn?: string;
    /** Aborted when the deployment is cancelled (Ctrl-C): every wait stops. */
    cancelled: AbortSignal;
    /**
     * The operation's time limit the engine of Pulumi gives (`customTimeouts`), in ms: used when
     * the resource's own `timeouts` input says nothing for the operation.
     */
    timeoutMs?: number;
    /**
     * This stack's record of interrupted creations, read from the stack's own checkpoint (once per
     * process is enough); undefined when it cannot be read. `tokenKey` is the input that holds a
     * creation token.
     */
    stackRecord(urn: string, tokenKey: string): Promise<StackRecord | undefined>;
    /**
     * Where the operation says what it is waiting for while it waits ("waiting for VPC endpoint …
     * to become available (creating, 12 s)"), for the deployment's display; absent when the host
     * shows none. Already throttled (provider/lifecycle/progress.ts); the host clears the line when
     * the operation ends.
     */
    progress?: (message: string) => void;
}

/** The message of a wait stopped by a cancellation. */
export const CANCELLED = "the deployment was cancelled (Ctrl-C)";

/** A context for a call made outside a deployment (tests, tools): no URN, never cancelled, no record. */
export function detachedContext(overrides: Partial<OperationContext> = {}): OperationContext {
    return { cancelled: new AbortController().signal, stackRecord: async () => undefined, ...overrides };
}
