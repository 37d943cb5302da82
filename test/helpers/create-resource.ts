/** Creates a resource through its provider implementation, as the engine would after a clean `check` (tests only). */
import { implOf } from "../../provider/runtime/kinds";

type Props = Record<string, any>;

/** Checks `news` (expecting no failure), creates the resource, and returns its id, outputs and checked inputs. */
export async function createResource(kind: string, news: Props): Promise<{ id: string; outs: Props; inputs: Props }> {
    const impl = (await implOf(kind))!;
    const checked = await impl.check({}, news);
    expect(checked.failures).toEqual([]);
    const made = await impl.create(checked.inputs);
    return { id: made.id, outs: made.outs ?? {}, inputs: checked.inputs };
}
