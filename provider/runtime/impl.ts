import type * as pulumi from "@pulumi/pulumi";

/** What the runtime needs of a resource kind: the dynamic-provider methods, minus configure. */
export type ResourceImpl = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;
