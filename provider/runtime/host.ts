/**
 * The dynamic-resource host of the lifecycle engine: Pulumi's Node.js dynamic-provider protocol
 * (check/diff/create/read/update/delete with only the properties) served by an Engine, with the
 * context each call needs built from what this process knows — the URN and the Cancel that
 * provider/runtime/requests.ts recovers from the gRPC layer, and the stack's checkpoint read by
 * provider/runtime/stack-record.ts.
 */
import type { OperationContext } from "../lifecycle/context";
import { type Engine, lifecycle } from "../lifecycle/engine";
import type { AnyModel } from "../model/resource";
import type { ResourceImpl } from "./impl";
import { currentUrn, engineCancellation } from "./requests";
import { stackRecord } from "./stack-record";

/** The context of the request being served. */
export function requestContext(): OperationContext {
    return { urn: currentUrn(), cancelled: engineCancellation(), stackRecord };
}

/** An engine as a dynamic provider: each call gets the context of its request. */
export function dynamicImpl(engine: Engine): ResourceImpl {
    return {
        check: (olds, news) => engine.check(requestContext(), olds, news),
        diff: (id, olds, news) => engine.diff(requestContext(), id, olds, news),
        create: (inputs) => engine.create(requestContext(), inputs),
        read: (id, props) => engine.read(requestContext(), id, props ?? {}),
        update: (id, olds, news) => engine.update(requestContext(), id, olds, news),
        delete: (id, props) => engine.delete(requestContext(), id, props),
    };
}

/** A resource model served as a dynamic provider. */
export function dynamicImplOf(model: AnyModel): ResourceImpl {
    return dynamicImpl(lifecycle(model));
}
