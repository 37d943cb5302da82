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

/** The constructor of a model's resource class. */
export interface ResourceClass<M extends AnyModel> {
    new (name: string, args: ArgsOf<M>, opts?: pulumi.CustomResourceOptions): pulumi.CustomResource & OutputsOf<M>;
}

export function resourceClass<M extends AnyModel>(model: M): ResourceClass<M> {
    const provider = providerText(model.kind);
    const token = `pulumi-nodejs:dynamic/${model.module}:${model.type}`;
    const computed = Object.keys(model.outputs);
    const secrets = Object.entries(model.all as Record<string, Field>)
        .filter(([, f]) => f.secret)
        .map(([k]) => k);
    const namespace = model.cloud.namespace;
    // A dynamic resource is a custom resource of the `pulumi-nodejs` provider whose `__provider`
    // input holds its provider's code (what pulumi.dynamic.Resource sets up, minus the serializer).
    const cls = class extends pulumi.CustomResource {
        constructor(name: string, args: Record<string, unknown>, opts?: pulumi.CustomResourceOptions) {
            const props: Record<string, unknown> = { ...args, __provider: provider };
            for (const key of computed) if (!(key in props)) props[key] = undefined;
            const options = secrets.length ? { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] } : opts;
            super(token, name, props, options);
            warnPlainTextCredentials(namespace, this);
        }
    };
    Object.defineProperty(cls, "name", { value: model.type });
    return cls as unknown as ResourceClass<M>;
}
