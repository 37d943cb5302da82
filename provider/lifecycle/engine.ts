/**
 * The lifecycle engine: one implementation of check/diff/create/read/update/delete for every
 * resource, derived from the resource's model (provider/model).
 */
import type * as pulumi from "@pulumi/pulumi";
import { ConflictError } from "../../sdk/core/errors";
import { changes, recordedValue } from "../model/compare";
import type { ApplyContext, Field } from "../model/field";
import type { AnyModel } from "../model/resource";
import type { ResourceImpl } from "../runtime/impl";
import { CANCELLED, currentUrn, engineCancellation } from "../runtime/requests";
import { stackRecord } from "../runtime/stack-record";
import { creationKey, type KeyedObject, newCreationToken, sortByOwner, TOKEN_INPUT, unprovenMessage } from "./creation";
import { parseDuration } from "./duration";
import { isOutcomeUnknown } from "./outcomes";
import { containsUnknown } from "./unknown";
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
    const main = model.wire ? model.wire(wire) : (wire as Props);
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
            v = raw === undefined || raw === null ? f.default : f.fromWire ? f.fromWire(raw) : raw;
        }
        if (v !== undefined) out[key] = v;
    }
    return out;
}

/** The computed outputs of a read result. */
export function computedOutputs(model: AnyModel, wire: unknown): Props {
    const out: Props = {};
    for (const [key, from] of Object.entries(model.outputs as Record<string, (w: unknown) => unknown>)) out[key] = from(wire);
    return out;
}

/** Items of a list that repeat an earlier one, by the field's key. */
function repeats(key: string, f: Field, value: unknown): Array<{ path: PropertyKey[]; message: string }> {
    if (!f.distinct || !Array.isArray(value)) return [];
    const seen = new Map<string, number>();
    const out: Array<{ path: PropertyKey[]; message: string }> = [];
    value.forEach((item, i) => {
        const k = f.distinct!(item as never);
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

export function lifecycle(model: AnyModel): ResourceImpl {
    const fields = model.all as Record<string, Field>;
    const hooks = model.hooks;
    /** The recorded inputs inside a bag of outputs. */
    const inputsOf = (outputs: Props): Props => {
        const out: Props = {};
        for (const key of Object.keys(fields)) if (outputs[key] !== undefined) out[key] = outputs[key];
        return out;
    };
    const outputsOf = (inputs: Props, wire: unknown): Props => ({ ...inputs, ...computedOutputs(model, wire), id: undefined });
    const budgetMs = (inputs: Props, op: "create" | "update" | "delete"): number => {
        const text = inputs.timeouts?.[op];
        const ms = typeof text === "string" ? parseDuration(text) : undefined;
        return typeof ms === "number" ? ms : model.timeouts[op];
    };

    return {
        async check(_olds: Props | undefined, news: Props) {
            // What this package keeps among the inputs is not the program's to give.
            const { [TOKEN_INPUT]: _token, [UNSETTLED]: _unsettled, [OUTCOME_UNKNOWN]: _unknown, ...raw } = strip(news);
            const unknownKeys = Object.keys(raw).filter((k) => containsUnknown(raw[k]));
            const known: Props = {};
            for (const [k, v] of Object.entries(raw)) if (!unknownKeys.includes(k) && v !== undefined && v !== null) known[k] = v;
            const omit = Object.fromEntries(unknownKeys.filter((k) => k in model.schema.shape).map((k) => [k, true])) as Record<string, true>;
            const schema = unknownKeys.length ? model.schema.omit(omit) : model.schema;
            const parsed = schema.safeParse(known);
            const failures: pulumi.dynamic.CheckFailure[] = [];
            if (!parsed.success) {
                failures.push(...failuresFromIssues(parsed.error.issues, known));
            } else {
                const violations = Object.entries(fields).flatMap(([k, f]) => repeats(k, f, parsed.data[k]));
                if (model.refine) violations.push(...model.refine(parsed.data, (k: string) => !unknownKeys.includes(k)));
                for (const v of violations)
                    failures.push({ property: String(v.path[0] ?? ""), reason: `${formatPath(v.path)}: ${show(valueAt(parsed.data, v.path))} ${v.message}` });
            }
            if (failures.length) return { inputs: news, failures };
            const inputs: Props = { ...parsed.data };
            for (const k of unknownKeys) inputs[k] = raw[k];
            // The creation token: random for a new resource, then kept for its lifetime. The engine
            // records it with the checked inputs before the create call (provider/lifecycle/creation.ts).
            if (hooks.find) {
                // A creation whose outcome was unknown is replaced by a new one, with a token of its own.
                const kept = typeof _olds?.[TOKEN_INPUT] === "string" && _olds?.[OUTCOME_UNKNOWN] === undefined;
                inputs[TOKEN_INPUT] = kept ? _olds[TOKEN_INPUT] : newCreationToken();
                // A resource to create: start reading this stack's record of interrupted creations
                // now, so that the create call finds it ready (read once per process).
                const urn = currentUrn();
                if (!kept && urn) void stackRecord(urn, TOKEN_INPUT);
            }
            return { inputs, failures: [] };
        },

        async diff(_id: string, olds: Props, news: Props) {
            // What the lost create calls made is removed first, then the resource is created anew.
            if (olds[OUTCOME_UNKNOWN] !== undefined) return { changes: true, replaces: [TOKEN_INPUT], deleteBeforeReplace: true };
            const d = changes(fields, olds, strip(news));
            return { changes: d.changed.length > 0, replaces: d.replaces, deleteBeforeReplace: d.deleteBeforeReplace };
        },

        async create(raw: Props) {
            const inputs = strip(raw);
            const c = await model.cloud.connect(inputs);
            const deadline = Date.now() + budgetMs(inputs, "create");
            const cancelled = engineCancellation();
            if (typeof inputs.adopt === "string") {
                const wire = await adopt(c, inputs.adopt, inputs, deadline);
                return { id: hooks.id(wire), outs: outputsOf(inputs, wire) };
            }
            const urn = currentUrn();
            const token = inputs[TOKEN_INPUT];
            const creation = hooks.find && urn && typeof token === "string" ? { key: creationKey(urn, fields, inputs), token } : undefined;
            let createdId: string | undefined;
            // A keyed object's create call is never cut off by a cancellation (heldUntilCreated).
            const hold = creation ? heldUntilCreated(cancelled) : undefined;
            const onCreated = (id: string) => {
                createdId = id;
                hold?.created();
            };
            const budget = { deadline, signal: hold?.signal ?? cancelled, cancelled, onCreated };
            try {
                if (creation) {
                    const taken = await takeOver(c, urn!, creation, inputs, budget);
                    if (taken !== undefined) return { id: hooks.id(taken), outs: outputsOf(inputs, taken) };
                }
                // Cancelled before the create call: nothing is made, and nothing is begun.
                cancelled.throwIfAborted();
                const body = requestBody(fields, inputs);
                const wire = await hooks.create({ c, inputs: inputs as any, body, budget, creation });
                return { id: hooks.id(wire), outs: outputsOf(inputs, wire) };
            } catch (e) {
                // Cancelled (Ctrl-C) while the object is on its way: it is recorded as created but not yet
                // ready (the engine's "failed to initialize"), so the next `pulumi up` waits for it.
                if (cancelled.aborted && createdId !== undefined) throw unsettled(createdId, raw, inputs);
                if (creation && createdId === undefined) {
                    // The answers were lost to the end: recorded, so that the next run looks again.
                    if (isOutcomeUnknown(e)) throw outcomeUnknown(e, creation, raw, inputs);
                    // Refused because something holds what it needs (an IP, a name): if it is this
                    // resource's own earlier object, say so and how to take it over.
                    if (e instanceof ConflictError) await explainConflict(c, urn!, creation, inputs, e);
                }
                // All or nothing: what a failed creation made is removed before the error is raised
                // (a resource whose creation throws is not recorded in the state).
                if (createdId !== undefined) {
                    try {
                        await hooks.delete(c, createdId, inputs as any, { deadline: Date.now() + budgetMs(inputs, "delete") });
                    } catch (cleanup) {
                        throw new Error(
                            `${model.title}: creation failed: ${describeError(e)}; removing the partly created ${createdId} also failed: ` +
                                `${describeError(cleanup)}. Delete ${createdId} in the console or with the cloud's CLI.`,
                        );
                    }
                    throw new Error(`${model.title}: creation failed and ${createdId} was removed: ${describeError(e)}`);
                }
                throw e;
            } finally {
                hold?.release();
            }
        },

        async read(id: string, props: Props) {
            const outputs = strip(props);
            // Nothing to read by id: kept as recorded until the next `pulumi up` replaces it.
            if (outputs[OUTCOME_UNKNOWN] !== undefined) return { id, props: outputs };
            const inputs = inputsOf(outputs);
            const c = await model.cloud.connect(inputs);
            const wire = await hooks.read(c, id, inputs as any);
            if (wire === undefined) return { id: "", props: {} };
            return { id, props: { ...outputs, ...observe(model, wire, inputs), ...computedOutputs(model, wire) } };
        },

        async update(id: string, olds: Props, news: Props) {
            const inputs = strip(news);
            const recorded = strip(olds);
            const { updates } = changes(fields, recorded, inputs);
            const c = await model.cloud.connect(inputs);
            const budget = { deadline: Date.now() + budgetMs(inputs, "update"), signal: engineCancellation() };
            // Recorded while its creation was cancelled: wait until it is ready first.
            if (recorded[UNSETTLED] === true && hooks.resume) {
                const wire = await converge(c, id, await hooks.resume({ c, id, inputs: inputs as any, budget }), inputs, budget);
                return { outs: outputsOf(inputs, wire) };
            }
            const wire = updates.length ? await applyUpdates(c, id, recorded, inputs, updates, budget) : await hooks.read(c, id, inputs as any);
            if (wire === undefined) throw new Error(`${model.title} ${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to recreate it`);
            return { outs: outputsOf(inputs, wire) };
        },

        async delete(id: string, props: Props) {
            const outputs = strip(props);
            const inputs = inputsOf(outputs);
            const c = await model.cloud.connect(inputs);
            if (outputs[OUTCOME_UNKNOWN] !== undefined) return removeLost(c, { key: outputs[OUTCOME_UNKNOWN], token: outputs[TOKEN_INPUT] }, inputs);
            await hooks.delete(c, id, inputs as any, { deadline: Date.now() + budgetMs(inputs, "delete"), signal: engineCancellation() });
        },
    };

    /**
     * Before a creation: takes over what an interrupted run of this stack made for this resource
     * (provider/lifecycle/creation.ts). Objects proven this stack's are kept (the first one alive,
     * waited for and updated to the inputs) or deleted (failed ones, and any second one); others
     * are left alone. Undefined: nothing to take over, create.
     */
    async function takeOver(
        c: unknown,
        urn: string,
        creation: { key: string; token: string },
        inputs: Props,
        budget: { deadline: number; signal: AbortSignal; onCreated(id: string): void },
    ): Promise<unknown> {
        // Only a creation of this resource that an earlier run left pending can have left an object:
        // without one in this stack's record, there is nothing to look for (no list call per create).
        const record = await stackRecord(urn, TOKEN_INPUT);
        const earlier = record?.pendingCreations.get(urn) ?? new Set<string>();
        if (record && ![...earlier].some((t) => t !== creation.token)) return undefined;
        const found: KeyedObject[] = await hooks.find!(c, inputs as any, creation.key);
        if (!found.length) return undefined;
        const pending = record ? earlier : undefined;
        const owners = sortByOwner(found, creation.token, pending);
        if (!owners.mine.length && owners.unknown.length)
            throw new Error(unprovenMessage(model.title, urn, owners.unknown, "this stack's record (`pulumi stack export`) could not be read to prove it"));
        // Removals stop at a cancellation: what is left carries an earlier run's token, still pending, and is found again.
        const removal = { deadline: Date.now() + budgetMs(inputs, "delete"), signal: engineCancellation() };
        const alive = owners.mine.filter((o) => !o.failed);
        for (const o of [...owners.mine.filter((o) => o.failed), ...alive.slice(1)]) {
            console.log(`${model.title}: deleting ${o.id}, left ${o.failed ? "failed" : "as a second copy"} by an interrupted run of this stack`);
            await hooks.delete(c, o.id, inputs as any, removal);
        }
        const keep = alive[0];
        if (!keep) return undefined;
        console.log(`${model.title}: taking over ${keep.id}, created by an interrupted run of this stack`);
        budget.onCreated(keep.id);
        return converge(c, keep.id, await hooks.resume!({ c, id: keep.id, inputs: inputs as any, budget }), inputs, budget);
    }

    /**
     * Deletes what the lost create calls of a creation whose outcome stayed unknown made: the
     * objects carrying its creation key and its token (recorded in this stack's state, so they are
     * provably this stack's).
     */
    async function removeLost(c: unknown, creation: { key: string; token: string }, inputs: Props): Promise<void> {
        const found: KeyedObject[] = await hooks.find!(c, inputs as any, creation.key);
        const budget = { deadline: Date.now() + budgetMs(inputs, "delete"), signal: engineCancellation() };
        for (const o of found.filter((o) => o.token === creation.token)) {
            console.log(`${model.title}: deleting ${o.id}, made by a create call whose answer was lost`);
            await hooks.delete(c, o.id, inputs as any, budget);
        }
    }

    /** The error that records a creation whose outcome is unknown (see {@link OUTCOME_UNKNOWN}). */
    function outcomeUnknown(e: Error, creation: { key: string; token: string }, raw: Props, inputs: Props): Error {
        const id = `${UNKNOWN_ID_PREFIX}${creation.token}`;
        const message =
            `${model.title}: the outcome of creating it is unknown: ${describeError(e)}. ` +
            "It is recorded with its creation token; the next `pulumi up` removes whatever the lost calls made and creates it again, " +
            "and `pulumi destroy` removes it";
        return Object.assign(new Error(message), {
            id,
            properties: { ...inputs, [OUTCOME_UNKNOWN]: creation.key, __provider: raw.__provider },
            reasons: [message],
        });
    }

    /**
     * A creation refused because something holds what it needs (an IP address, a name): when that
     * is an object carrying this resource's creation key, the error names it and the way out, and an
     * object of this creation's own (made by an attempt whose answer was lost) is not refused.
     */
    async function explainConflict(c: unknown, urn: string, creation: { key: string; token: string }, inputs: Props, e: Error): Promise<void> {
        let found: KeyedObject[];
        try {
            found = await hooks.find!(c, inputs as any, creation.key);
        } catch {
            return; // the original error says enough
        }
        const holders = found.filter((o) => o.token !== creation.token);
        if (!holders.length) return;
        throw new Error(
            `${describeError(e)}. ` +
                unprovenMessage(
                    model.title,
                    urn,
                    holders,
                    "it carries a creation token this stack has no record of (a run whose create call failed, or a stack of the same names in another backend)",
                ),
        );
    }

    /** Updates an object taken over to the inputs that can change in place. */
    async function converge(c: unknown, id: string, wire: unknown, inputs: Props, budget: { deadline: number; signal?: AbortSignal }): Promise<unknown> {
        const observed = { ...observe(model, wire, inputs), ...computedOutputs(model, wire) };
        const d = changes(fields, observed, inputs, { onlySet: true });
        if (!d.updates.length) return wire;
        return applyUpdates(c, id, { ...inputs, ...observe(model, wire, inputs) }, inputs, d.updates, budget);
    }

    /** The error that records a cancelled creation's object as created but not ready. */
    function unsettled(id: string, raw: Props, inputs: Props): Error {
        const message = `${model.title}: ${CANCELLED} while ${id} was being created; it is recorded, and the next \`pulumi up\` waits until it is ready`;
        return Object.assign(new Error(message), {
            id,
            properties: { ...inputs, [UNSETTLED]: true, __provider: raw.__provider },
            reasons: [message],
        });
    }

    /**
     * `olds` are the recorded outputs (what the last update or refresh saw).
     * The changed inputs, in declaration order: those with a wire name and no hook of their own go
     * in one regular update request; each distinct apply hook runs once; then the object settles.
     */
    async function applyUpdates(
        c: unknown,
        id: string,
        olds: Props,
        news: Props,
        updates: string[],
        budget: { deadline: number; signal?: AbortSignal },
    ): Promise<unknown> {
        await hooks.beforeUpdate?.(c, id, budget);
        const regular = updates.filter((k) => fields[k].apply === undefined);
        const body = requestBody(fields, news, regular, true);
        if (Object.keys(body).length) await hooks.put!(c, id, body, budget);
        const done = new Set<unknown>();
        const learned: Record<string, unknown> = {};
        for (const key of updates) {
            const apply = fields[key].apply;
            if (!apply || done.has(apply)) continue;
            done.add(apply);
            const ctx: ApplyContext<any, unknown> = { c, id, old: olds[key], new: news[key], olds, news, budget, learned };
            await apply(ctx);
        }
        return hooks.afterUpdate!({ c, id, olds, news: news as any, budget, learned });
    }

    /** Takes over an existing object: it must exist and match every input that would replace. */
    async function adopt(c: unknown, id: string, inputs: Props, deadline: number): Promise<unknown> {
        const wire = await hooks.read(c, id, inputs as any);
        if (wire === undefined) throw new Error(`${model.title}: adopt: ${id} does not exist (or is not visible to these credentials)`);
        const observed = { ...observe(model, wire, inputs), ...computedOutputs(model, wire) };
        const d = changes(fields, observed, inputs, { onlySet: true });
        const mismatched = d.replaces
            .filter((k) => k !== "adopt")
            .map((k) => `${k}: the object has ${show(recordedValue(fields[k], observed, k))}, the program wants ${show(inputs[k])}`);
        if (mismatched.length) throw new Error(`${model.title}: adopt: ${id} does not match inputs that cannot change in place:\n  ${mismatched.join("\n  ")}`);
        if (!d.updates.length) return wire;
        const previous = { ...inputs, ...observe(model, wire, inputs) };
        return applyUpdates(c, id, previous, inputs, d.updates, { deadline });
    }
}
