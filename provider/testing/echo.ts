/**
 * `Echo`: a resource with no cloud behind it, used to check the toolchain end to end (the real
 * engine, the language host, the dynamic-provider process and the serialized stub) without any
 * API. It records `message` and counts in-place updates in `revision`.
 */

import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import type { ResourceImpl } from "../runtime/impl";
import { providerText } from "../stub";

export interface EchoArgs {
    /** Any text up to 64 characters. Changing it updates the resource in place. */
    message: pulumi.Input<string>;
    /** A label fixed at creation. Changing it replaces the resource. */
    label?: pulumi.Input<string>;
}

const provider = providerText("privatelink:testing:Echo");

export class Echo extends pulumi.CustomResource {
    declare readonly message: pulumi.Output<string>;
    declare readonly label: pulumi.Output<string | undefined>;
    /** 1 after creation, plus one for every in-place update. */
    declare readonly revision: pulumi.Output<number>;

    constructor(name: string, args: EchoArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            "pulumi-nodejs:dynamic/privatelink-testing:Echo",
            name,
            { message: args.message, label: args.label, revision: undefined, __provider: provider },
            opts,
        );
    }
}

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const echoImpl: ResourceImpl = {
    async check(_olds, news) {
        const failures: pulumi.dynamic.CheckFailure[] = [];
        const m = news.message;
        if (m !== UNKNOWN) {
            if (typeof m !== "string") failures.push({ property: "message", reason: `message: ${JSON.stringify(m)} must be a string` });
            else if (m.length > 64)
                failures.push({ property: "message", reason: `message: "${m.slice(0, 20)}…" has ${m.length} characters; at most 64 are allowed` });
        }
        return { inputs: news, failures };
    },
    async diff(_id, olds, news) {
        const replaces = (olds.label ?? null) !== (news.label ?? null) ? ["label"] : [];
        const changes = replaces.length > 0 || olds.message !== news.message;
        return { changes, replaces };
    },
    async create(inputs) {
        const id = randomUUID();
        const outs = { message: inputs.message, label: inputs.label, revision: 1 };
        store.put(id, outs);
        return { id, outs };
    },
    async read(id, props) {
        // With a store, what it holds (changed or removed behind the program's back) is the truth.
        if (!store.enabled()) return { id, props };
        const held = store.get(id);
        return held ? { id, props: { ...props, ...held } } : { id: "", props: {} };
    },
    async update(id, olds, news) {
        const outs = { message: news.message, label: news.label, revision: (olds.revision ?? 0) + 1 };
        store.put(id, outs);
        return { outs };
    },
    async delete(id) {
        store.remove(id);
    },
};

/**
 * Echo's "cloud", when ECHO_STORE names a JSON file: the tests change it behind the program's
 * back to show that refresh sees drift (and so that an empty refresh means something).
 */
const store = {
    enabled: () => typeof process.env.ECHO_STORE === "string" && process.env.ECHO_STORE !== "",
    load(): Record<string, Record<string, unknown>> {
        if (!this.enabled() || !fs.existsSync(process.env.ECHO_STORE!)) return {};
        return JSON.parse(fs.readFileSync(process.env.ECHO_STORE!, "utf8"));
    },
    get(id: string): Record<string, unknown> | undefined {
        return this.load()[id];
    },
    put(id: string, value: Record<string, unknown>): void {
        if (!this.enabled()) return;
        fs.writeFileSync(process.env.ECHO_STORE!, JSON.stringify({ ...this.load(), [id]: value }));
    },
    remove(id: string): void {
        if (!this.enabled()) return;
        const { [id]: _gone, ...rest } = this.load();
        fs.writeFileSync(process.env.ECHO_STORE!, JSON.stringify(rest));
    },
};
