/**
 * The lifecycle engine: one implementation of check/diff/create/read/update/delete for every
 * resource, derived from the resource's model (provider/model). A host (the dynamic-resource
 * runtime in provider/runtime/, or a provider plugin) calls it with an OperationContext per call:
 * the engine reaches for nothing of the host's.
 *
 * Reading order: `check` and `diff` (pure), then `create` (with `createKeyed`, `takeOver`, `adopt`
 * and the two ways a creation is recorded unfinished: `unsettled` and `outcomeUnknown`), `read`,
 * `update` (with `applyUpdates` and `converge`), `delete` (with `removeLost`).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import { ConflictError } from "../../sdk/core/errors";
import { changes, comparable, recordedValue } from "../model/compare";
import { parseDuration } from "../model/duration";
import { type ApplyContext, type Field, type OperationBudget, UpdateNotes } from "../model/field";
import { joinId } from "../model/id-parts";
import type { AnyModel, CreateBudget, Creation, Hooks, KeyedObject } from "../model/resource";
import { containsUnknown } from "../model/unknown";
import { CANCELLED, type OperationContext } from "./context";
import { creationKey, newCreationToken, sortByOwner, TOKEN_INPUT, unprovenMessage } from "./creation";
import { importedInputs, inputsOfId } from "./import";
import { isOutcomeUnknown } from "./outcomes";
import { pollReporter } from "./progress";
import { failuresFromIssues, formatPath, show, valueAt } from "./validate";

type Props = Record<string, any>;

/** Marks recorded outputs of an object whose creation was cancelled before it was ready. */
const UNSETTLED = "__unsettled";

/**
 * Marks a recorded creation whose outcome stayed unknown to its time limit (its create call's
 * answers were lost, and no object carrying its token was found): holds the creation key. Its id
 * is {@link UNKNOWN_ID_PREFIX} and the token; the next `pulumi up` replaces it (removing whatever
 * the lost calls made, found by key and token), and `pulumi destroy` removes what they made.
 */
export const OUTCOME_UNKNOWN = "__outcomeUnknown";
/** The id recorded for a creation whose outcome is unknown. */
export const UNKNOWN_ID_PREFIX = "outcome-unknown-";

/** A diff, with the inputs that changed (for a host that reports a detailed diff). */
export interface EngineDiff extends pulumi.dynamic.DiffResult {
    /** The inputs whose values differ; those among `replaces` replace, the others update in place. */
    changed: string[];
}

/** What the engine serves: the dynamic provider's methods, each with the host's context first. */
export interface Engine {
    check(ctx: OperationContext, olds: Props | undefined, news: Props): Promise<pulumi.dynamic.CheckResult>;
    diff(ctx: OperationContext, id: string, olds: Props, news: Props): Promise<EngineDiff>;
    create(ctx: OperationContext, inputs: Props): Promise<pulumi.dynamic.CreateResult>;
    read(ctx: OperationContext, id: string, props: Props): Promise<pulumi.dynamic.ReadResult>;
    update(ctx: OperationContext, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult>;
    delete(ctx: OperationContext, id: string, props: Props): Promise<void>;
}

/** The engine of a resource model. */
export function lifecycle(model: AnyModel): Engine {
    return new Lifecycle(model);
}

/** Removes the engine's `__provider` from a property bag. */
function strip(props: Props): Props {
    const { __provider, ...rest } = props ?? {};
    return rest;
}

/** The message of an error. */
export function describeError(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

/** The wire request of the given inputs: each set input that has a wire name, converted. */
export function requestBody(fields: Record<string, Field>, inputs: Props, keys: string[] = Object.keys(fields), withDefaults = false): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const key of keys) {
        const f = fields[key];
        if (!f || f.wire === undefined || f.change === "state") continue;
        const v = inputs[key] ?? (withDefaults ? f.default : undefined);
        if (v === undefined) continue;
        body[f.wire] = f.toWire ? f.toWire(v) : v;
    }
    return body;
}

/** The inputs as the cloud reports them, for drift: inputs it does not report are left out. */
export function observe(model: AnyModel, wire: unknown, inputs: Props): Props {
    const main: Props | undefined = model.wire ? model.wire(wire) : (wire as Props);
    const out: Props = {};
    for (const [key, f] of Object.entries(model.all as Record<string, Field>)) {
        if (f.change === "state" || f.read === false) continue;
        if (f.managedOnlyWhenSet && inputs[key] === undefined) continue;
        let v: unknown;
        if (typeof f.read === "function") v = f.read(wire, inputs);
        else {
            const name = f.read ?? f.wire;
            if (name === undefined) continue;
            const raw = main?.[name];
            v = raw === undefined || raw === null ? f.default : raw;
        }
        if (v === undefined) continue;
        // An input the program leaves out, which the cloud holds at its default, is not drift:
        // absent and the default compare equal, so a refresh does not record it as a change.
        if (inputs[key] === undefined && f.default !== undefined && comparable(f, v) === comparable(f, undefined)) continue;
        out[key] = v;
    }
    return out;
}

/** The computed outputs of a read result. */
export function computedOutputs(model: AnyModel, wire: unknown): Props {
    const out: Props = {};
    for (const [key, from] of Object.entries(model.outputs as Record<string, (w: unknown) => unknown>)) out[key] = from(wire);
    return out;
}

/**
 * A whole number or a boolean given to a text input, as its text: a YAML program's config value
 * `1234567890123456` (an account UID) arrives as a number whatever its declared type, and the
 * Terraform bridge's providers take it so. Only where the input refuses the value and takes its
 * text; anything else is left for the checks to judge.
 */
function textWhereText(schema: z.ZodType | undefined, v: unknown): unknown {
    if (!schema || !((typeof v === "number" && Number.isSafeInteger(v)) || typeof v === "boolean")) return v;
    return !schema.safeParse(v).success && schema.safeParse(String(v)).success ? String(v) : v;
}

/** Items of a list that repeat an earlier one, by the field's key. */
function repeats(key: string, f: Field, value: unknown): Array<{ path: PropertyKey[]; message: string }> {
    const distinct = f.distinct as ((item: unknown) => string) | undefined;
    if (!distinct || !Array.isArray(value)) return [];
    const seen = new Map<string, number>();
    const out: Array<{ path: PropertyKey[]; message: string }> = [];
    value.forEach((item, i) => {
        const k = distinct(item);
        const j = seen.get(k);
        if (j === undefined) seen.set(k, i);
        else out.push({ path: [key, i], message: `repeats ${key}[${j}]; ${f.distinctRule ?? "each entry may appear once"}` });
    });
    return out;
}

/**
 * The cancellation a keyed creation's calls see. The engine's Cancel (Ctrl-C) must not cut off the
 * create call itself: the cloud may act on a request whose answer never arrives, and a creation
 * that fails without an id makes the engine drop its pending record of it, so neither this run nor
 * the next would find the object (test/e2e/ctrl-c.test.ts cancels during a create call the cloud
 * holds). So until the object's id is known (`created`) the cancellation is held back: the create
 * call and the recovery of a lost answer finish, usually within a second. From then on it stops
 * every wait at once, and the object is recorded as not yet ready (`unsettled`).
 */
export function heldUntilCreated(engine: AbortSignal): { signal: AbortSignal; created(): void; release(): void } {
    const held = new AbortController();
    let created = false;
    const follow = () => {
        if (created && engine.aborted && !held.signal.aborted) held.abort(engine.reason);
    };
    engine.addEventListener("abort", follow);
    return {
        signal: held.signal,
        created() {
            created = true;
            follow();
        },
        release: () => engine.removeEventListener("abort", follow),
    };
}

class Lifecycle implements Engine {
    readonly #model: AnyModel;
    readonly #fields: Record<string, Field>;
    /** The hooks as the engine calls them: checked inputs as a plain property bag. */
    readonly #hooks: Hooks<Props, unknown, unknown>;

    constructor(model: AnyModel) {
        this.#model = model;
        this.#fields = model.all as Record<string, Field>;
        this.#hooks = model.hooks;
    }

    // ---- check and diff: pure

    async check(ctx: OperationContext, olds: Props | undefined, news: Props): Promise<pulumi.dynamic.CheckResult> {
        const model = this.#model;
        // What this package keeps among the inputs is not the program's to give.
        const { [TOKEN_INPUT]: _token, [UNSETTLED]: _unsettled, [OUTCOME_UNKNOWN]: _unknown, ...raw } = strip(news);
        const unknownKeys = Object.keys(raw).filter((k) => containsUnknown(raw[k]));
        const known: Props = {};
        for (const [k, v] of Object.entries(raw))
            if (!unknownKeys.includes(k) && v !== undefined && v !== null) known[k] = textWhereText(model.schema.shape[k], v);
        const omit = Object.fromEntries(unknownKeys.filter((k) => k in model.schema.shape).map((k) => [k, true])) as Record<string, true>;
        const schema = unknownKeys.length ? model.schema.omit(omit) : model.schema;
        const parsed = schema.safeParse(known);
        const failures: pulumi.dynamic.CheckFailure[] = [];
        if (!parsed.success) {
            failures.push(...failuresFromIssues(parsed.error.issues, known));
        } else {
            const data = parsed.data as Props;
            const violations = Object.entries(this.#fields).flatMap(([k, f]) => repeats(k, f, data[k]));
            if (model.refine) violations.push(...model.refine(data, (k: string) => !unknownKeys.includes(k)));
            for (const v of violations)
                failures.push({ property: String(v.path[0] ?? ""), reason: `${formatPath(v.path)}: ${show(valueAt(data, v.path))} ${v.message}` });
        }
        if (failures.length) return { inputs: news, failures };
        const inputs: Props = { ...(parsed.data as Props) };
        for (const k of unknownKeys) inputs[k] = raw[k];
        // The creation token: random for a new resource, then kept for its lifetime. The engine
        // records it with the checked inputs before the create call (provider/lifecycle/creation.ts).
        if (this.#hooks.find) {
            // A creation whose outcome was unknown is replaced by a new one, with a token of its own.
            const kept = typeof olds?.[TOKEN_INPUT] === "string" && olds[OUTCOME_UNKNOWN] === undefined;
            inputs[TOKEN_INPUT] = kept ? olds![TOKEN_INPUT] : newCreationToken();
            // A resource to create: start reading this stack's record of interrupted creations now,
            // so that the create call finds it ready.
            if (!kept && ctx.urn) void ctx.stackRecord(ctx.urn, TOKEN_INPUT);
        }
        return { inputs, failures: [] };
    }

    async diff(_ctx: OperationContext, _id: string, olds: Props, news: Props): Promise<EngineDiff> {
        // What the lost create calls made is removed first, then the resource is created anew.
        if (olds[OUTCOME_UNKNOWN] !== undefined) return { changes: true, changed: [TOKEN_INPUT], replaces: [TOKEN_INPUT], deleteBeforeReplace: true };
        const d = changes(this.#fields, olds, strip(news));
        return { changes: d.changed.length > 0, changed: d.changed, replaces: d.replaces, deleteBeforeReplace: d.deleteBeforeReplace };
    }

    // ---- create

    async create(ctx: OperationContext, raw: Props): Promise<pulumi.dynamic.CreateResult> {
        const inputs = strip(raw);
        const c = await this.#model.cloud.connect(inputs);
        const deadline = Date.now() + this.#budgetMs(ctx, inputs, "create");
        if (typeof inputs.adopt === "string") {
            const wire = await this.#adopt(c, inputs.adopt, inputs, { deadline, onPoll: pollReporter(ctx) });
            return { id: this.#model.idOf(wire, inputs), outs: this.#outputsOf(inputs, wire) };
        }
        const token = inputs[TOKEN_INPUT];
        const creation: Creation | undefined =
            this.#hooks.find && ctx.urn && typeof token === "string" ? { key: creationKey(ctx.urn, this.#fields, inputs), token } : undefined;
        return this.#createKeyed(ctx, c, raw, inputs, deadline, creation);
    }

    /**
     * A creation, all or nothing: what fails after the object exists is deleted before the error is
     * raised, except where a cancellation or a lost answer leaves it to be recorded unfinished.
     */
    async #createKeyed(ctx: OperationContext, c: unknown, raw: Props, inputs: Props, deadline: number, creation: Creation | undefined) {
        const hooks = this.#hooks;
        const model = this.#model;
        let createdId: string | undefined;
        // A keyed object's create call is never cut off by a cancellation (heldUntilCreated).
        const hold = creation ? heldUntilCreated(ctx.cancelled) : undefined;
        const onPoll = pollReporter(ctx);
        const budget: CreateBudget = {
            deadline,
            signal: hold?.signal ?? ctx.cancelled,
            onPoll,
            cancelled: ctx.cancelled,
            onCreated(id?: string) {
                createdId = id ?? idOfInputs(model, inputs);
                hold?.created();
            },
        };
        try {
            if (creation) {
                const taken = await this.#takeOver(ctx, c, creation, inputs, budget);
                if (taken !== undefined) return { id: this.#model.idOf(taken, inputs), outs: this.#outputsOf(inputs, taken) };
            }
            // Cancelled before the create call: nothing is made, and nothing is begun.
            ctx.cancelled.throwIfAborted();
            const body = requestBody(this.#fields, inputs);
            const wire = await hooks.create({ c, inputs, body, budget, creation, urn: ctx.urn });
            return { id: this.#model.idOf(wire, inputs), outs: this.#outputsOf(inputs, wire) };
        } catch (e) {
            // Cancelled (Ctrl-C) while the object is on its way: it is recorded as created but not yet
            // ready (the engine's "failed to initialize"), so the next `pulumi up` waits for it.
            if (ctx.cancelled.aborted && createdId !== undefined) throw this.#unsettled(createdId, raw, inputs);
            if (creation && createdId === undefined) {
                // The answers were lost to the end: recorded, so that the next run looks again.
                if (isOutcomeUnknown(e)) throw this.#outcomeUnknown(e, creation, raw, inputs);
                // Refused because something holds what it needs (an IP, a name): if it is this
                // resource's own earlier object, say so and how to take it over.
                if (e instanceof ConflictError) await this.#explainConflict(c, ctx.urn!, creation, inputs, e);
            }
            // All or nothing: what a failed creation made is removed before the error is raised
            // (a resource whose creation throws is not recorded in the state).
            if (createdId !== undefined) throw await this.#removeFailed(c, createdId, inputs, e, onPoll);
            throw e;
        } finally {
            hold?.release();
        }
    }

    /** Deletes what a failed creation made; the error to raise says what happened. */
    async #removeFailed(c: unknown, id: string, inputs: Props, e: unknown, onPoll: OperationBudget["onPoll"]): Promise<Error> {
        const title = this.#model.title;
        try {
            await this.#hooks.delete(c, id, inputs, { deadline: Date.now() + this.#budgetMs(undefined, inputs, "delete"), onPoll });
        } catch (cleanup) {
            return new Error(
                `${title}: creation failed: ${describeError(e)}; removing the partly created ${id} also failed: ` +
                    `${describeError(cleanup)}. Delete ${id} in the console or with the cloud's CLI.`,
            );
        }
        return new Error(`${title}: creation failed and ${id} was removed: ${describeError(e)}`);
    }

    /**
     * Before a creation: takes over what an interrupted run of this stack made for this resource
     * (provider/lifecycle/creation.ts). Objects proven this stack's are kept (the first one alive,
     * waited for and updated to the inputs) or deleted (failed ones, and any second one); others
     * are left alone. Undefined: nothing to take over, create.
     */
    async #takeOver(ctx: OperationContext, c: unknown, creation: Creation, inputs: Props, budget: CreateBudget): Promise<unknown> {
        const { title } = this.#model;
        const urn = ctx.urn!;
        // Only a creation of this resource that an earlier run left pending can have left an object:
        // without one in this stack's record, there is nothing to look for (no list call per create).
        const record = await ctx.stackRecord(urn, TOKEN_INPUT);
        const earlier = record?.pendingCreations.get(urn) ?? new Set<string>();
        if (record && ![...earlier].some((t) => t !== creation.token)) return undefined;
        const found: KeyedObject[] = await this.#hooks.find!(c, inputs, creation.key, [creation.token, ...earlier]);
        if (!found.length) return undefined;
        const owners = sortByOwner(found, creation.token, record ? earlier : undefined);
        if (!owners.mine.length && owners.unknown.length)
            throw new Error(unprovenMessage(title, urn, owners.unknown, "this stack's record (`pulumi stack export`) could not be read to prove it"));
        // Removals stop at a cancellation: what is left carries an earlier run's token, still pending, and is found again.
        const removal = { deadline: Date.now() + this.#budgetMs(undefined, inputs, "delete"), signal: ctx.cancelled, onPoll: budget.onPoll };
        const alive = owners.mine.filter((o) => !o.failed);
        for (const o of [...owners.mine.filter((o) => o.failed), ...alive.slice(1)]) {
            console.log(`${title}: deleting ${o.id}, left ${o.failed ? "failed" : "as a second copy"} by an interrupted run of this stack`);
            await this.#hooks.delete(c, o.id, inputs, removal);
        }
        const keep = alive[0];
        if (!keep) return undefined;
        console.log(`${title}: taking over ${keep.id}, created by an interrupted run of this stack`);
        budget.onCreated(keep.id);
        return this.#converge(c, keep.id, await this.#resume(c, keep.id, inputs, budget, ctx.urn), inputs, budget);
    }

    /** Waits until an object whose creation is under way (or done) is ready, and reads it. */
    #resume(c: unknown, id: string, inputs: Props, budget: OperationBudget, urn: string | undefined): Promise<unknown> {
        return this.#hooks.resume!({ c, id, inputs, budget, urn });
    }

    /** Takes over an existing object: it must exist and match every input that would replace. */
    async #adopt(c: unknown, id: string, inputs: Props, budget: OperationBudget): Promise<unknown> {
        const title = this.#model.title;
        const wire = await this.#hooks.read(c, id, inputs);
        if (wire === undefined) throw new Error(`${title}: adopt: ${id} does not exist (or is not visible to these credentials)`);
        const observed = this.#observed(wire, inputs);
        const d = changes(this.#fields, observed, inputs, { onlySet: true });
        const mismatched = d.replaces
            .filter((k) => k !== "adopt")
            .map((k) => `${k}: the object has ${show(recordedValue(this.#fields[k]!, observed, k))}, the program wants ${show(inputs[k])}`);
        if (mismatched.length) throw new Error(`${title}: adopt: ${id} does not match inputs that cannot change in place:\n  ${mismatched.join("\n  ")}`);
        if (!d.updates.length) return wire;
        return this.#applyUpdates(c, id, { ...inputs, ...observe(this.#model, wire, inputs) }, inputs, d.updates, budget);
    }

    /** The error that records a cancelled creation's object as created but not ready. */
    #unsettled(id: string, raw: Props, inputs: Props): Error {
        const message = `${this.#model.title}: ${CANCELLED} while ${id} was being created; it is recorded, and the next \`pulumi up\` waits until it is ready`;
        return initializationError(message, id, { ...inputs, [UNSETTLED]: true, __provider: raw.__provider });
    }

    /** The error that records a creation whose outcome is unknown (see {@link OUTCOME_UNKNOWN}). */
    #outcomeUnknown(e: Error, creation: Creation, raw: Props, inputs: Props): Error {
        const message =
            `${this.#model.title}: the outcome of creating it is unknown: ${describeError(e)}. ` +
            "It is recorded with its creation token; the next `pulumi up` removes whatever the lost calls made and creates it again, " +
            "and `pulumi destroy` removes it";
        return initializationError(message, `${UNKNOWN_ID_PREFIX}${creation.token}`, {
            ...inputs,
            [OUTCOME_UNKNOWN]: creation.key,
            __provider: raw.__provider,
        });
    }

    /**
     * A creation refused because something holds what it needs (an IP address, a name): when that
     * is an object carrying this resource's creation key, the error names it and the way out. An
     * object of this creation's own (made by an attempt whose answer was lost) is not in the way.
     */
    async #explainConflict(c: unknown, urn: string, creation: Creation, inputs: Props, e: Error): Promise<void> {
        let found: KeyedObject[];
        try {
            found = await this.#hooks.find!(c, inputs, creation.key, [creation.token]);
        } catch {
            return; // the original error says enough
        }
        const holders = found.filter((o) => o.token !== creation.token);
        if (!holders.length) return;
        const why = "it carries a creation token this stack has no record of (a run whose create call failed, or a stack of the same names in another backend)";
        throw new Error(`${describeError(e)}. ${unprovenMessage(this.#model.title, urn, holders, why)}`);
    }

    // ---- read

    async read(_ctx: OperationContext, id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
        const outputs = strip(props);
        // Nothing to read by id: kept as recorded until the next `pulumi up` replaces it.
        if (outputs[OUTCOME_UNKNOWN] !== undefined) return { id, props: outputs };
        const recorded = this.#inputsOf(outputs);
        // Nothing recorded (`pulumi import`): what the object belongs to is named by its id.
        const importing = !Object.keys(recorded).length;
        const inputs = importing ? inputsOfId(this.#model, id) : recorded;
        const c = await this.#model.cloud.connect(inputs);
        const wire = await this.#hooks.read(c, id, inputs);
        if (wire === undefined) return { id: "", props: {} };
        // Imported: the inputs are what the id and the object show of them.
        if (importing) {
            const computed = computedOutputs(this.#model, wire);
            const shown = importedInputs(this.#model, inputs, observe(this.#model, wire, inputs), computed);
            return { id, props: { ...shown, ...computed }, inputs: shown };
        }
        return { id, props: { ...outputs, ...this.#observed(wire, inputs) } };
    }

    // ---- update

    async update(ctx: OperationContext, id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
        const inputs = strip(news);
        const recorded = strip(olds);
        const { updates } = changes(this.#fields, recorded, inputs);
        const c = await this.#model.cloud.connect(inputs);
        const budget = { deadline: Date.now() + this.#budgetMs(ctx, inputs, "update"), signal: ctx.cancelled, onPoll: pollReporter(ctx) };
        // Recorded while its creation was cancelled: wait until it is ready first.
        if (recorded[UNSETTLED] === true && this.#hooks.resume) {
            const wire = await this.#converge(c, id, await this.#resume(c, id, inputs, budget, ctx.urn), inputs, budget);
            return { outs: this.#outputsOf(inputs, wire) };
        }
        const wire = updates.length ? await this.#applyUpdates(c, id, recorded, inputs, updates, budget) : await this.#hooks.read(c, id, inputs);
        if (wire === undefined) throw new Error(`${this.#model.title} ${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to recreate it`);
        return { outs: this.#outputsOf(inputs, wire) };
    }

    /**
     * `olds` are the recorded outputs (what the last update or refresh saw).
     * The changed inputs, in declaration order: those with a wire name and no hook of their own go
     * in one regular update request; each distinct apply hook runs once; then the object settles.
     */
    async #applyUpdates(c: unknown, id: string, olds: Props, news: Props, updates: string[], budget: OperationBudget): Promise<unknown> {
        const hooks = this.#hooks;
        await hooks.beforeUpdate?.(c, id, budget);
        const regular = updates.filter((k) => this.#fields[k]!.apply === undefined);
        const body = requestBody(this.#fields, news, regular, true);
        if (Object.keys(body).length) await hooks.put!(c, id, body, budget);
        const done = new Set<unknown>();
        const notes = new UpdateNotes();
        for (const key of updates) {
            const apply = this.#fields[key]!.apply as ((ctx: ApplyContext<unknown, unknown>) => Promise<void>) | undefined;
            if (!apply || done.has(apply)) continue;
            done.add(apply);
            await apply({ c, id, old: olds[key], new: news[key], olds, news, budget, notes });
        }
        return hooks.afterUpdate!({ c, id, olds, news, budget, notes });
    }

    /** Updates an object taken over to the inputs that can change in place. */
    async #converge(c: unknown, id: string, wire: unknown, inputs: Props, budget: OperationBudget): Promise<unknown> {
        const d = changes(this.#fields, this.#observed(wire, inputs), inputs, { onlySet: true });
        if (!d.updates.length) return wire;
        return this.#applyUpdates(c, id, { ...inputs, ...observe(this.#model, wire, inputs) }, inputs, d.updates, budget);
    }

    // ---- delete

    async delete(ctx: OperationContext, id: string, props: Props): Promise<void> {
        const outputs = strip(props);
        const inputs = this.#inputsOf(outputs);
        const c = await this.#model.cloud.connect(inputs);
        if (outputs[OUTCOME_UNKNOWN] !== undefined) return this.#removeLost(ctx, c, { key: outputs[OUTCOME_UNKNOWN], token: outputs[TOKEN_INPUT] }, inputs);
        await this.#hooks.delete(c, id, inputs, {
            deadline: Date.now() + this.#budgetMs(ctx, inputs, "delete"),
            signal: ctx.cancelled,
            onPoll: pollReporter(ctx),
        });
    }

    /**
     * Deletes what the lost create calls of a creation whose outcome stayed unknown made: the
     * objects carrying its creation key and its token (recorded in this stack's state, so they are
     * provably this stack's).
     */
    async #removeLost(ctx: OperationContext, c: unknown, creation: Creation, inputs: Props): Promise<void> {
        const found: KeyedObject[] = await this.#hooks.find!(c, inputs, creation.key, [creation.token]);
        const budget = { deadline: Date.now() + this.#budgetMs(ctx, inputs, "delete"), signal: ctx.cancelled, onPoll: pollReporter(ctx) };
        for (const o of found.filter((o) => o.token === creation.token)) {
            console.log(`${this.#model.title}: deleting ${o.id}, made by a create call whose answer was lost`);
            await this.#hooks.delete(c, o.id, inputs, budget);
        }
    }

    // ---- shared steps

    /** The recorded inputs inside a bag of outputs. */
    #inputsOf(outputs: Props): Props {
        const out: Props = {};
        for (const key of Object.keys(this.#fields)) if (outputs[key] !== undefined) out[key] = outputs[key];
        return out;
    }

    #outputsOf(inputs: Props, wire: unknown): Props {
        return { ...inputs, ...computedOutputs(this.#model, wire), id: undefined };
    }

    /** The inputs as the cloud reports them, with the computed outputs. */
    #observed(wire: unknown, inputs: Props): Props {
        return { ...observe(this.#model, wire, inputs), ...computedOutputs(this.#model, wire) };
    }

    /**
     * An operation's time limit: the resource's `timeouts` input, else the one the host was given
     * for this operation (`customTimeouts`), else the model's default. Without a context (a cleanup
     * inside another operation), the model's default.
     */
    #budgetMs(ctx: OperationContext | undefined, inputs: Props, op: "create" | "update" | "delete"): number {
        const text = inputs.timeouts?.[op];
        const ms = typeof text === "string" ? parseDuration(text) : undefined;
        return typeof ms === "number" ? ms : (ctx?.timeoutMs ?? this.#model.timeouts[op]);
    }
}

/** The id an object made of its inputs has (`idParts`), for a create hook that reports it created without one. */
function idOfInputs(model: AnyModel, inputs: Props): string {
    const parts: readonly string[] | undefined = model.idParts;
    if (!parts?.length)
        throw new Error(`${model.title}: the create hook reported its object created without its id, and the declaration has no idParts to make it`);
    return joinId(parts, inputs);
}

/**
 * An error that makes the engine record the resource as created but not initialized: the
 * dynamic-provider host passes `id` and `properties` on, and the next `pulumi up` calls
 * `diff`/`update` for it.
 */
function initializationError(message: string, id: string, properties: Props): Error {
    return Object.assign(new Error(message), { id, properties, reasons: [message] });
}
