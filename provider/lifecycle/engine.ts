/**
 * The lifecycle engine: one implementation of check/diff/create/read/update/delete for every
 * resource, driven by the resource's table (spec.ts).
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ResourceImpl } from "../runtime/impl";
import { computeDiff, recorded } from "./diff";
import { parseDuration } from "./duration";
import type { ResourceSpec } from "./spec";
import { containsUnknown } from "./unknown";
import { failuresFromIssues, formatPath, show, valueAt } from "./validate";
import { sameValue } from "./compare";

type Props = Record<string, any>;

/** Inputs common to every resource, handled here rather than by each table. */
export interface CommonInputs {
    /**
     * Time limits for creation, update and deletion, as durations ("30s", "10m", "1h"). Pulumi's
     * `customTimeouts` option does not reach dynamic providers; this input does.
     */
    timeouts?: { create?: string; update?: string; delete?: string };
    /**
     * The id of an existing cloud object to bring under management instead of creating one.
     * `pulumi up` checks that the object matches the inputs that cannot change in place, updates
     * the ones that can, and records it. Changing it later replaces the resource.
     */
    adopt?: string;
}

/** Removes the engine's `__provider` from a property bag. */
function strip(props: Props): Props {
    const { __provider, ...rest } = props ?? {};
    return rest;
}

function budgetMs<I extends Props>(spec: ResourceSpec<I, any, any>, inputs: Props, op: "create" | "update" | "delete"): number {
    const text = inputs.timeouts?.[op];
    const ms = typeof text === "string" ? parseDuration(text) : undefined;
    return typeof ms === "number" ? ms : spec.timeouts[op];
}

/** The message of an error, with the cloud's code and request id when it carries them. */
export function describeError(e: unknown): string {
    if (e instanceof Error) return e.message;
    return String(e);
}

export function lifecycle<I extends Props, W, C>(spec: ResourceSpec<I, W, C>): ResourceImpl {
    /** The recorded inputs inside a bag of outputs (fields the table knows). */
    const inputsOf = (outputs: Props): I => {
        const out: Props = {};
        for (const key of Object.keys(spec.fields)) if (outputs[key] !== undefined) out[key] = outputs[key];
        for (const key of ["timeouts", "adopt"]) if (outputs[key] !== undefined) out[key] = outputs[key];
        return out as I;
    };
    const outputsOf = (inputs: I, wire: W): Props => ({ ...inputs, ...spec.outputs(wire), id: undefined });

    return {
        async check(_olds: Props, news: Props) {
            const raw = strip(news);
            const unknownKeys = Object.keys(raw).filter((k) => containsUnknown(raw[k]));
            const known: Props = {};
            for (const [k, v] of Object.entries(raw)) if (!unknownKeys.includes(k) && v !== undefined && v !== null) known[k] = v;
            const schema = unknownKeys.length ? spec.schema.omit(Object.fromEntries(unknownKeys.filter((k) => k in spec.schema.shape).map((k) => [k, true]))) : spec.schema;
            const parsed = schema.safeParse(known);
            const failures: pulumi.dynamic.CheckFailure[] = [];
            if (!parsed.success) {
                failures.push(...failuresFromIssues(parsed.error.issues, known));
            } else if (spec.refine) {
                for (const v of spec.refine(parsed.data as Partial<I>, (k) => !unknownKeys.includes(k))) {
                    failures.push({ property: String(v.path[0] ?? ""), reason: `${formatPath(v.path)}: ${show(valueAt(parsed.data, v.path))} ${v.message}` });
                }
            }
            const timeouts = known.timeouts;
            if (timeouts && typeof timeouts === "object") {
                for (const op of ["create", "update", "delete"]) {
                    const t = (timeouts as Props)[op];
                    if (t === undefined) continue;
                    const r = typeof t === "string" ? parseDuration(t) : `${show(t)} is not a duration string`;
                    if (typeof r === "string") failures.push({ property: "timeouts", reason: `timeouts.${op}: ${r}` });
                }
            }
            if (failures.length) return { inputs: news, failures };
            const inputs: Props = { ...(parsed.success ? parsed.data : known) };
            for (const k of unknownKeys) inputs[k] = raw[k];
            return { inputs, failures: [] };
        },

        async diff(_id: string, olds: Props, news: Props) {
            const fields = { ...spec.fields, timeouts: { change: "update", local: true }, adopt: { change: "replace", local: false } } as Record<string, any>;
            const d = computeDiff(fields, olds, strip(news));
            // Adopting an object that is already recorded changes nothing in the cloud.
            if (d.changed.length === 1 && d.changed[0] === "adopt" && news.adopt === undefined) return { changes: true, replaces: [] };
            return { changes: d.changes, replaces: d.replaces.filter((k) => k !== "adopt" || news.adopt !== undefined), deleteBeforeReplace: d.deleteBeforeReplace };
        },

        async create(raw: Props) {
            const inputs = strip(raw) as I;
            const c = await spec.connect(inputs);
            const deadline = Date.now() + budgetMs(spec, inputs, "create");
            if (typeof inputs.adopt === "string") {
                const wire = await adopt(c, inputs.adopt, inputs, deadline);
                return { id: spec.id(wire), outs: outputsOf(inputs, wire) };
            }
            let createdId: string | undefined;
            try {
                const wire = await spec.create(c, inputs, { deadline, onCreated: (id) => (createdId = id) });
                return { id: spec.id(wire), outs: outputsOf(inputs, wire) };
            } catch (e) {
                // All or nothing: what a failed creation made is removed before the error is raised
                // (a resource whose creation throws is not recorded in the state).
                if (createdId !== undefined) {
                    try {
                        await spec.delete(c, createdId, inputs, { deadline: Date.now() + budgetMs(spec, inputs, "delete") });
                    } catch (cleanup) {
                        throw new Error(
                            `${spec.title}: creation failed: ${describeError(e)}; removing the partly created ${createdId} also failed: ` +
                                `${describeError(cleanup)}. Delete ${createdId} in the console or with the cloud's CLI.`,
                        );
                    }
                    throw new Error(`${spec.title}: creation failed and ${createdId} was removed: ${describeError(e)}`);
                }
                throw e;
            }
        },

        async read(id: string, props: Props) {
            const outputs = strip(props);
            const inputs = inputsOf(outputs);
            const c = await spec.connect(inputs);
            const wire = await spec.read(c, id, inputs);
            if (wire === undefined) return { id: "", props: {} };
            return { id, props: { ...outputs, ...spec.observe(wire, inputs), ...spec.outputs(wire) } };
        },

        async update(id: string, olds: Props, news: Props) {
            const inputs = strip(news) as I;
            const previous = inputsOf(strip(olds));
            const fields = spec.fields as Record<string, any>;
            const changed = Object.keys(fields).filter((k) => !fields[k].local && !sameValue(fields[k], recorded(fields[k], olds, k), inputs[k]));
            const c = await spec.connect(inputs);
            const deadline = Date.now() + budgetMs(spec, inputs, "update");
            const wire = changed.length
                ? await spec.update(c, id, previous, inputs, changed as Array<keyof I & string>, { deadline })
                : await spec.read(c, id, inputs);
            if (wire === undefined) throw new Error(`${spec.title} ${id} no longer exists; run \`pulumi refresh\` and then \`pulumi up\` to recreate it`);
            return { outs: outputsOf(inputs, wire) };
        },

        async delete(id: string, props: Props) {
            const inputs = inputsOf(strip(props));
            const c = await spec.connect(inputs);
            await spec.delete(c, id, inputs, { deadline: Date.now() + budgetMs(spec, inputs, "delete") });
        },
    };

    /** Takes over an existing object: it must exist and match every input that would replace. */
    async function adopt(c: C, id: string, inputs: I, deadline: number): Promise<W> {
        const wire = await spec.read(c, id, inputs);
        if (wire === undefined) throw new Error(`${spec.title}: adopt: ${id} does not exist (or is not visible to these credentials)`);
        const observed = { ...spec.observe(wire, inputs), ...spec.outputs(wire) } as Props;
        const fields = spec.fields as Record<string, any>;
        const mismatched: string[] = [];
        const toUpdate: string[] = [];
        for (const [key, field] of Object.entries(fields)) {
            if (field.local || inputs[key] === undefined) continue;
            const have = recorded(field, observed, key);
            if (have === undefined || sameValue(field, have, inputs[key])) continue;
            if (field.change === "replace") mismatched.push(`${key}: the object has ${show(have)}, the program wants ${show(inputs[key])}`);
            else toUpdate.push(key);
        }
        if (mismatched.length) {
            throw new Error(`${spec.title}: adopt: ${id} does not match inputs that cannot change in place:\n  ${mismatched.join("\n  ")}`);
        }
        if (!toUpdate.length) return wire;
        const previous = { ...inputs, ...spec.observe(wire, inputs) } as I;
        return spec.update(c, id, previous, inputs, toUpdate as Array<keyof I & string>, { deadline });
    }
}
