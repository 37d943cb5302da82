/**
 * The resource class of a model: the program-side half of a resource. It registers the inputs
 * with the serialized provider stub, seeds every computed output (only keys present become
 * outputs), marks secret inputs' outputs secret, and warns once about credentials kept in plain
 * text in the stack's config.
 */
import * as pulumi from "@pulumi/pulumi";
import { warnPlainTextCredentials } from "../config/warnings";
import { providerStub } from "../stub";
import type { Field } from "./field";
import type { AnyModel, ArgsOf, OutputsOf } from "./resource";

/** The constructor of a model's resource class. */
export interface ResourceClass<M extends AnyModel> {
    new (name: string, args: ArgsOf<M>, opts?: pulumi.CustomResourceOptions): pulumi.dynamic.Resource & OutputsOf<M>;
}

export function resourceClass<M extends AnyModel>(model: M): ResourceClass<M> {
    const provider = providerStub(model.kind);
    const computed = Object.keys(model.outputs);
    const secrets = Object.entries(model.all as Record<string, Field>)
        .filter(([, f]) => f.secret)
        .map(([k]) => k);
    const namespace = model.cloud.namespace;
    const cls = class extends pulumi.dynamic.Resource {
        constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
            const props: Record<string, unknown> = { ...args };
            for (const key of computed) if (!(key in props)) props[key] = undefined;
            const options = secrets.length ? { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] } : opts;
            super(provider, name, props, options, model.module, model.type);
            warnPlainTextCredentials(namespace, this);
        }
    };
    Object.defineProperty(cls, "name", { value: model.type });
    return cls as unknown as ResourceClass<M>;
}
