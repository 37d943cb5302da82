/**
 * The serialized part of every resource of this package: the `__provider` text.
 *
 * Pulumi stores a dynamic resource's provider code, as module text, in the state of every
 * resource and replays *that* text for refresh and destroy, possibly years and package versions
 * later (the engine's host loads it with `require-from-string` and calls its `handler()`). So the
 * text holds nothing but the resource kind: each method requires this package's versioned runtime
 * entry by package name at run time and forwards its arguments. The entry
 * `pulumi-privatelink/runtime/v1` and its `call(kind, method, args)` contract must stay stable; a
 * breaking change adds a `v2` entry beside it and keeps `v1` working for state written by older
 * versions (docs/upgrades.md).
 *
 * The text is written here rather than produced by Pulumi's closure serializer, which inspects the
 * program's V8 heap and loads slow dependencies on every program start: the result is fixed by the
 * kind alone, a third of the serializer's size, and costs nothing to produce. State written by
 * releases that used the serializer keeps working: its text requires the same entry.
 */

/** The runtime entry every serialized provider requires. */
export const RUNTIME_ENTRY = "pulumi-privatelink/runtime/v1";

const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

/** The `__provider` text of a resource kind. */
export function providerText(kind: string): string {
    const methods = METHODS.map((m) => `${m}:f(${JSON.stringify(m)})`).join(",");
    return (
        `exports.handler=function(){var k=${JSON.stringify(kind)};` +
        `function f(m){return function(){return require(${JSON.stringify(RUNTIME_ENTRY)}).call(k,m,arguments)}}` +
        `return{${methods}}};\n`
    );
}
