/**
 * The resource class of a model: the program-side half of a resource. It registers the inputs
 * with the serialized provider stub, seeds every computed output (only keys present become
 * outputs), marks secret inputs' outputs secret, and warns once about credentials kept in plain
 * text in the stack's config.
 */
import * as pulumi from "@pulumi/pulumi";
import { warnPlainTextCredentials } from "../config/warnings";
import { providerText } from "../stub";
import type { Field } from "./field";
import type { AnyModel, ArgsOf, OutputsOf } from "./resource";

/**
 * What the program-side class needs of a model, and nothing else: the program process then loads
 * neither the schemas nor the cloud clients (provider/classes.ts holds these, generated).
 */
export interface ClassSpec {
    /** `<cloud>:<api>:<Name>`. */
    kind: string;
    /** The computed outputs (seeded as unknown so the engine records them). */
    outputs: string[];
    /** Inputs whose outputs are stored encrypted. */
    secrets: string[];
    /** The stack config namespace whose plain-text credentials are warned about. */
    namespace: string;
}

/** The class spec of a model (what the generator writes into provider/classes.ts). */
export function classSpecOf(model: AnyModel): ClassSpec {
    return {
        kind: model.kind,
        outputs: Object.keys(model.outputs),
        secrets: Object.entries(model.all as Record<string, Field>)
            .filter(([, f]) => f.secret)
            .map(([k]) => k),
        namespace: model.cloud.namespace,
    };
}

/** The constructor of a resource class: `new X(name, args, opts)` takes the `Args` `A` and makes an `R`. */
export type ResourceConstructor<A, R extends pulumi.CustomResource> = new (name: string, args: A, opts?: pulumi.CustomResourceOptions) => R;

/**
 * The constructor of a model's resource class, as the model derives its types. The generated
 * classes write these types out (their declarations must not derive them: a program's compiler
 * may be TypeScript 3.8); test/provider/plain-types.test.ts holds the two equal.
 */
export type ResourceClass<M extends AnyModel> = ResourceConstructor<ArgsOf<M>, pulumi.CustomResource & OutputsOf<M>>;

/** The resource class of a class spec, whose `Args` are `A` and whose resources are `R`. */
export function resourceClass<A, R extends pulumi.CustomResource>(spec: ClassSpec): ResourceConstructor<A, R> {
    const [cloud, api, type] = spec.kind.split(":");
    const provider = providerText(spec.kind);
    const token = `pulumi-nodejs:dynamic/${cloud}-${api}:${type}`;
    const { outputs: computed, secrets, namespace } = spec;
    // A dynamic resource is a custom resource of the `pulumi-nodejs` provider whose `__provider`
    // input holds its provider's code (what pulumi.dynamic.Resource sets up, minus the serializer).
    const cls = class extends pulumi.CustomResource {
        constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
            const props: Record<string, unknown> = { ...args, __provider: provider };
            for (const key of computed) if (!(key in props)) props[key] = undefined;
            const options = secrets.length ? { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] } : opts;
            // Registering a resource, @pulumi/pulumi records a stack trace on the promise of every
            // property (runtime/debuggable.js, shown only in its report of leaked promises), and in a
            // TypeScript program each trace goes through source-map-support frame by frame: 20-odd
            // traces per resource made about 8 of the 11 ms a resource cost the program (a CPU
            // profile of a 1 + 100 preview). Those traces are left empty; the resource's source
            // position, which the engine shows, is taken by Pulumi with its own unlimited trace.
            const traceLimit = Error.stackTraceLimit;
            Error.stackTraceLimit = 0;
            try {
                super(token, name, props, options);
            } catch (e) {
                // An error raised while registering still shows where the program made the resource.
                Error.stackTraceLimit = traceLimit;
                if (e instanceof Error) Error.captureStackTrace(e);
                throw e;
            } finally {
                Error.stackTraceLimit = traceLimit;
            }
            warnPlainTextCredentials(namespace, this);
        }
    };
    Object.defineProperty(cls, "name", { value: type });
    return cls as unknown as ResourceConstructor<A, R>;
}
