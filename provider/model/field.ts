/**
 * One input of a resource, declared once: what it is (a zod schema with every documented limit),
 * how a change of it reaches the cloud, how values compare, its default, and where it travels on
 * the wire. Its meaning is the TSDoc comment on the property that holds the declaration: the
 * editor shows it on the resource's `Args`, and the reference pages print it.
 */
import type { z } from "zod";
import type { WaitProgress } from "../../sdk/core/waiter";

/** What a change of an input does: update the object in place, replace it, or only the state. */
export type Change = "update" | "replace" | "state";

/**
 * The budget of one operation: a deadline, an abort signal, and where its waits report progress.
 * It has the shape of the sdk's wait options, so a hook hands it to a wait as it is.
 */
export interface OperationBudget {
    /** Epoch ms after which waiting gives up. */
    deadline: number;
    signal?: AbortSignal;
    /** Told after each poll of a wait that goes on (the lifecycle engine's progress reporter). */
    onPoll?: (progress: WaitProgress) => void;
}

/**
 * A typed key of {@link UpdateNotes}: an apply hook that learns something the read after the
 * update needs (which addresses it added) notes it under a key both hooks share.
 */
export class NoteKey<T> {
    /** Never set: carries the note's type. */
    declare readonly type: T;
    constructor(readonly name: string) {}
}

/** What the update calls of one update noted for the read that follows them. */
export class UpdateNotes {
    readonly #notes = new Map<NoteKey<unknown>, unknown>();
    set<T>(key: NoteKey<T>, value: T): void {
        this.#notes.set(key, value);
    }
    get<T>(key: NoteKey<T>): T | undefined {
        return this.#notes.get(key) as T | undefined;
    }
}

/** What an `apply` hook gets: the client, the object, the field's old and new value, all inputs. */
export interface ApplyContext<V, C> {
    c: C;
    id: string;
    /** The value recorded at the last update (as the program gave it). */
    old: V | undefined;
    /** The value the program asks for now. */
    new: V | undefined;
    olds: Record<string, any>;
    news: Record<string, any>;
    budget: OperationBudget;
    /** Where the update calls note what the hook that reads the object afterwards needs. */
    notes: UpdateNotes;
}

export interface FieldOptions<V, W, C> {
    /** What a change does to the cloud object. */
    change: Change;
    /**
     * For a `replace` input: removing the value (set → unset) changes only the state. `adopt` is
     * such an input: dropping it after the adoption keeps the object.
     */
    removal?: "state";
    /**
     * Order-insensitive list: two lists are the same when they hold the same items the same number
     * of times, in any order.
     */
    unordered?: boolean;
    /** List items must not repeat: items with the same key are refused at preview. */
    distinct?: (item: NonNullable<V> extends ReadonlyArray<infer T> ? T : never) => string;
    /** What the text says about a repeated item: "each mapping may appear once". */
    distinctRule?: string;
    /** The value the cloud applies when the input is absent: absent and default compare equal. */
    default?: V;
    /**
     * The cloud keeps a value of its own when the input is absent, and it cannot be cleared: an
     * absent input accepts whatever the cloud has (never a diff), and removing it is no change.
     */
    computed?: boolean;
    /** The value is secret: the output is stored encrypted. */
    secret?: boolean;
    /**
     * The cloud requires the value to be unique, so a replacement that keeps it must delete the old
     * object before creating the new one.
     */
    unique?: boolean;
    /**
     * Inputs left unset are not this resource's to manage (another resource may manage them): an
     * unset input is never read back nor changed.
     */
    managedOnlyWhenSet?: boolean;
    /** The parameter name in the create request and in the regular update request. */
    wire?: string;
    /** The value as the request takes it (default: as is). */
    toWire?: (value: NonNullable<V>) => unknown;
    /**
     * The one place that says where a read finds the value on the cloud's object: its name there
     * when the cloud reports it in the program's form (default: `wire`), a function of the whole
     * read result and the recorded inputs when it must be converted or found elsewhere (undefined:
     * not reported), or `false` when the cloud never reports it (no drift is seen).
     */
    read?: string | false | ((wire: W, inputs: Record<string, any>) => V | undefined);
    /**
     * The update call(s) for this input when it is not part of the regular update request: tags,
     * permissions, attach/detach lists. Inputs sharing one function are applied by one call.
     */
    apply?: (ctx: ApplyContext<NonNullable<V>, C>) => Promise<void>;
    /**
     * Not where the cloud has it but where the STATE has it: the input's last value inside the
     * recorded outputs, when an output of the same name holds the cloud's fuller form (a short
     * name the cloud completed, addresses with their ids). Diffs compare the program against it.
     */
    recorded?: (outputs: Record<string, any>) => unknown;
}

/**
 * An input's declaration: its schema plus its options. `K` is its name in the create request
 * (`never` when it has none): a resource's declaration derives the type of its create request's
 * body from its fields' `K`s (provider/model/resource.ts `BodyOf`).
 */
export interface Field<S extends z.ZodType = z.ZodType, W = any, C = any, K extends string = string> extends FieldOptions<z.output<S>, W, C> {
    schema: S;
    wire?: K;
}

/** A computed output: derived from what the cloud returns. */
export type Computed<W = any, T = unknown> = (wire: W) => T;
