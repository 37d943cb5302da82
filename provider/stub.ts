import type * as pulumi from "@pulumi/pulumi";

/**
 * The serialized part of every resource of this package.
 *
 * Pulumi stores the provider object's code, serialized, in the state of every resource and replays
 * *that* code for refresh and destroy, possibly years and package versions later. So the stub holds
 * nothing but the resource kind: each method requires this package's versioned runtime entry by
 * package name at run time and forwards its arguments. The entry `pulumi-privatelink/runtime/v1`
 * and its `call(kind, method, args)` contract must stay stable; a breaking change adds a `v2` entry
 * beside it and keeps `v1` working for state written by older versions (docs/upgrades.md).
 *
 * Size matters: the text is stored once per resource and sent with every call, and the serializer
 * wraps each distinct function in ~200 bytes of scaffolding. So the methods are plain `function`s
 * that read the kind from `this` (the engine's host calls them as methods of this object) and
 * capture nothing, and methods whose calls can be told apart by their arguments share one
 * function: `configure(req)` vs `create(inputs)` (only `req` has `config.get`), and
 * `check(olds, news)` vs `read(id, props)` (only `read` gets a string first). `diff`/`update` and
 * `read`/`delete` have the same signatures, so they stay separate.
 */
export function providerStub(kind: string): pulumi.dynamic.ResourceProvider {
    // biome-ignore-start lint/suspicious/noDoubleEquals: the serialized text is stored once per resource; every byte counts
    const configureOrCreate = function (this: { k: string }, a: any) {
        return require("pulumi-privatelink/runtime/v1").call(this.k, a && a.config && typeof a.config.get == "function" ? "configure" : "create", arguments);
    };
    const checkOrRead = function (this: { k: string }, a: unknown) {
        return require("pulumi-privatelink/runtime/v1").call(this.k, typeof a == "string" ? "read" : "check", arguments);
    };
    // biome-ignore-end lint/suspicious/noDoubleEquals: the serialized text is stored once per resource; every byte counts
    const stub = {
        k: kind,
        configure: configureOrCreate,
        create: configureOrCreate,
        check: checkOrRead,
        read: checkOrRead,
        diff: function (this: { k: string }) {
            return require("pulumi-privatelink/runtime/v1").call(this.k, "diff", arguments);
        },
        update: function (this: { k: string }) {
            return require("pulumi-privatelink/runtime/v1").call(this.k, "update", arguments);
        },
        delete: function (this: { k: string }) {
            return require("pulumi-privatelink/runtime/v1").call(this.k, "delete", arguments);
        },
    };
    return stub as unknown as pulumi.dynamic.ResourceProvider;
}
