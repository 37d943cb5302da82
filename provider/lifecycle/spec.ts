/**
 * A resource is a table, not a program: each resource declares its input schema, how each input
 * changes (update in place or replace), how values compare, and the few cloud calls behind it.
 * The lifecycle engine (engine.ts) turns the table into check/diff/create/read/update/delete.
 */
import type { z } from "zod";

/** How one input behaves. */
export interface FieldSpec {
    /** What a change of this input does to the cloud object. */
    change: "replace" | "update";
    /**
     * How values compare in diffs: "value" is a deep comparison that ignores object key order;
     * "set" also ignores the order of (and duplicates in) an array.
     */
    compare?: "value" | "set";
    /** The value the cloud applies when the input is absent: absent and default compare equal. */
    default?: unknown;
    /**
     * Where the outputs hold this input as the cloud reports it, when not under the input's own
     * name (e.g. a name the cloud completes with a prefix).
     */
    observe?: (outputs: Record<string, unknown>) => unknown;
    /**
     * Not part of the cloud object (timeouts, adoption, waiting preferences): changing it changes
     * only the state, never calls the cloud, and it never drifts.
     */
    local?: boolean;
    /**
     * The cloud requires this value to be unique, so a replacement must delete the old object
     * before creating the new one.
     */
    unique?: boolean;
}

/** A cross-field rule violation found by `refine`. */
export interface RuleViolation {
    path: PropertyKey[];
    message: string;
}

/** Time limits for one operation. */
export interface OperationBudget {
    /** Epoch ms after which waiting gives up. */
    deadline: number;
    signal?: AbortSignal;
}

export interface CreateBudget extends OperationBudget {
    /** Must be called as soon as the cloud object exists, so a later failure can remove it. */
    onCreated(id: string): void;
}

export interface ResourceSpec<I extends Record<string, unknown>, W, C> {
    /** Registry kind, written into state: never renamed. */
    kind: string;
    /** The name users know the resource by, for messages: "huaweicloud.vpcep.EndpointService". */
    title: string;
    /** Strict input schema with every documented limit; messages complete "field: value …". */
    schema: z.ZodObject<any>;
    /** Cross-field rules; `known(k)` is false for inputs still unknown during preview. */
    refine?(inputs: Partial<I>, known: (key: keyof I & string) => boolean): RuleViolation[];
    fields: { [K in keyof I & string]-?: FieldSpec };
    /** Default time limits in ms. */
    timeouts: { create: number; update: number; delete: number };
    /** A client for the cloud, from stack config, environment and per-resource overrides. */
    connect(inputs: I): C | Promise<C>;
    /** Creates the object and waits until it is ready (or failed: then throw). */
    create(c: C, inputs: I, budget: CreateBudget): Promise<W>;
    /** The object as the cloud has it now, or undefined when it no longer exists. */
    read(c: C, id: string, inputs: I): Promise<W | undefined>;
    /** Applies the changed updatable inputs and waits until settled. */
    update(c: C, id: string, olds: I, news: I, changed: Array<keyof I & string>, budget: OperationBudget): Promise<W>;
    /** Deletes the object and waits until it is gone; already gone is success. */
    delete(c: C, id: string, inputs: I, budget: OperationBudget): Promise<void>;
    /** The cloud object's id. */
    id(wire: W): string;
    /**
     * Inputs as the cloud reports them (for drift); inputs it does not report are left out. `inputs`
     * are the recorded ones: an input the program leaves unset may be managed elsewhere (e.g. a
     * service's permissions through ServicePermission) and is then not observed.
     */
    observe(wire: W, inputs: I): Partial<I>;
    /** Output-only values (status, addresses, timestamps…). */
    outputs(wire: W): Record<string, unknown>;
}
