/**
 * `pulumi import` of a resource that is read through its parents: its id names them
 * (`<endpointServiceId>/<permission>`), so the inputs a read needs come from the id alone: split by
 * the rule the engine joined them by (provider/model/id-parts.ts).
 */
import type { Field } from "../model/field";
import { ID_SEPARATOR, splitId } from "../model/id-parts";
import type { AnyModel } from "../model/resource";

type Props = Record<string, any>;

/** The form of a model's id, as said in messages and docs: `<serviceId>/<userId>`. */
export function idForm(model: AnyModel): string | undefined {
    return model.idParts?.map((k: string) => `<${k}>`).join(ID_SEPARATOR) ?? model.idForm;
}

/**
 * The inputs an id is made of (none for a resource whose id alone names its object). Each part is
 * checked as its input is: an id that cannot be one of this resource's is refused, saying why.
 */
export function inputsOfId(model: AnyModel, id: string): Props {
    const parts: readonly string[] | undefined = model.idParts;
    if (!parts?.length) return {};
    const values = splitId(parts, id);
    const form = idForm(model);
    if (!values)
        throw new Error(`${model.title}: "${id}" is not an id of this resource: its id is ${form} (an object is imported by the ids of what it belongs to)`);
    const inputs: Props = {};
    for (const key of parts) {
        const field = (model.all as Record<string, Field>)[key]!;
        const parsed = field.schema.safeParse(values[key]);
        if (!parsed.success) {
            const rule = parsed.error.issues[0]?.message ?? "is not valid";
            throw new Error(`${model.title}: "${id}" is not an id of this resource: ${key}: "${values[key]}" ${rule} (its id is ${form})`);
        }
        inputs[key] = parsed.data;
    }
    return inputs;
}

/**
 * The inputs of an imported object, as a program would write them: what its id names, what the
 * cloud shows of each input, and — for an input whose fuller form is an output (a resolver
 * endpoint's addresses, an Alibaba endpoint's zones) — the value that output gives it. A value the
 * input itself refuses (the empty name the cloud shows for "none") is left out, as a program
 * would leave it out.
 */
export function importedInputs(model: AnyModel, ofId: Props, observed: Props, outputs: Props): Props {
    const fields = model.all as Record<string, Field>;
    const shown: Props = { ...ofId, ...observed };
    for (const [key, f] of Object.entries(fields)) {
        if (shown[key] !== undefined || f.read !== false || !f.recorded || f.change === "state") continue;
        const v = f.recorded(outputs);
        if (v !== undefined) shown[key] = v;
    }
    for (const key of Object.keys(shown)) if (fields[key] && !fields[key].schema.safeParse(shown[key]).success) delete shown[key];
    return shown;
}
