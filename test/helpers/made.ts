/**
 * Resources a test makes through a host's implementation: checked (no failures expected),
 * created, and deleted newest first when the test is done.
 */
import type { ResourceImpl } from "../../provider/runtime/impl";

type Props = Record<string, any>;

/** A made resource: what deletes it (`outs` kept current by the test after an update). */
export interface Made {
    impl: ResourceImpl;
    id: string;
    outs: Props;
}

export function resourceMaker() {
    const made: Made[] = [];
    return {
        /** What is still to delete, oldest first. */
        made,
        /** Checks and creates; the result carries the checked inputs. */
        async make(impl: ResourceImpl, inputs: Props) {
            const checked = await impl.check({}, inputs);
            expect(checked.failures).toEqual([]);
            const r = await impl.create(checked.inputs);
            made.push({ impl, id: r.id, outs: r.outs });
            return { ...r, inputs: checked.inputs };
        },
        /** Deletes what is left, newest first (for afterEach). */
        async deleteAll() {
            for (const m of made.splice(0).reverse()) await m.impl.delete(m.id, m.outs);
        },
    };
}
