/**
 * A failed call reads the same through both hosts of the engine: the dynamic-resource host in this
 * process, and the native provider plugin as the Pulumi engine reads it (a gRPC error,
 * harness/native-impl.ts). A refusal of the cloud keeps its message; an object whose creation
 * ended without a known outcome (every create call's answer lost until the time limit) is reported
 * as created but not initialized — the id, the properties and the reasons the engine records
 * (ErrorResourceInitFailed), so that the next `pulumi up` looks for it again.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nativeImpl } from "../../harness/native-impl";
import { NativePlugin, PluginCallError } from "../../harness/native-plugin";
import { OUTCOME_UNKNOWN, UNKNOWN_ID_PREFIX } from "../../provider/lifecycle/engine";
import type { ResourceImpl } from "../../provider/runtime/impl";
import { implOf } from "../../provider/runtime/kinds";
import { withRequest } from "../../provider/runtime/requests";
import { cloudForThisProcess } from "../helpers/process-cloud";

const SERVICE = "huaweicloud:vpcep:EndpointService";
const STACK = "native-errors";
const PROJECT = "privatelink-test";

// This process's stack, with no interrupted creation in it (the plugin gets one of its own).
const backend = fs.mkdtempSync(path.join(os.tmpdir(), "privatelink-native-errors-"));
fs.mkdirSync(path.join(backend, ".pulumi", "stacks", PROJECT), { recursive: true });
fs.writeFileSync(path.join(backend, ".pulumi", "stacks", PROJECT, `${STACK}.json`), JSON.stringify({ checkpoint: { latest: { resources: [] } } }));
const cloudOf = cloudForThisProcess((c) => ({ ...c.huaweiEnv(), PULUMI_BACKEND_URL: `file://${backend}` }));

type Props = Record<string, any>;
/** A host: check then create, as the engine calls them for a new resource. */
type Create = (inputs: Props) => Promise<unknown>;

let plugin: NativePlugin;
let native: ResourceImpl;
beforeAll(async () => {
    plugin = await NativePlugin.start({ env: cloudOf().huaweiEnv() });
    native = nativeImpl(plugin, SERVICE);
});
afterAll(async () => {
    await plugin?.close();
    fs.rmSync(backend, { recursive: true, force: true });
});

let names = 0;
const hosts: Array<[string, Create]> = [
    [
        "the dynamic host",
        async (inputs) => {
            const impl = (await implOf(SERVICE))!;
            // The URN the dynamic host recovers from the engine's request (provider/runtime/requests.ts).
            const urn = `urn:pulumi:${STACK}::${PROJECT}::pulumi-nodejs:dynamic/huaweicloud-vpcep:EndpointService::svc-${++names}`;
            const checked = await withRequest({ urn }, () => impl.check({}, { ...inputs, __provider: "stub" }));
            expect(checked.failures).toEqual([]);
            return withRequest({ urn }, () => impl.create(checked.inputs));
        },
    ],
    [
        "the native provider plugin",
        async (inputs) => {
            const checked = await native.check({}, inputs);
            expect(checked.failures).toEqual([]);
            return native.create(checked.inputs);
        },
    ],
];

/** What a create threw (it must throw). */
async function failure(create: Create, inputs: Props): Promise<Error & { id?: string; properties?: Props; reasons?: string[] }> {
    try {
        await create(inputs);
    } catch (e) {
        return e as Error;
    }
    throw new Error("the creation succeeded");
}

let nextPort = 7000;
/** A valid endpoint service (a port of its own), changed by `more`. */
const serviceInputs = (more: Props = {}): Props => {
    const net = cloudOf().account().network;
    const port = nextPort++;
    return { vpcId: net.backendVpcId, portId: net.backendPortId, serverType: "VM", ports: [{ clientPort: port, serverPort: port }], ...more };
};

/** A message without what differs from one call to the next (request ids, creation tokens). */
const normal = (message: string) => message.replace(/request id [0-9a-f-]+/g, "request id …").replace(/\b[0-9a-f]{32}\b/g, "…");

afterEach(async () => {
    await cloudOf().control("PUT", "faults", { rules: [] });
});

test("a refusal of the cloud keeps its message, the same through both hosts", async () => {
    const errors = [];
    for (const [, create] of hosts) errors.push(await failure(create, serviceInputs({ vpcId: "11111111-1111-4111-8111-000000000999" })));
    const [dynamic, plugin] = errors as [Error & { id?: string }, PluginCallError];
    expect(dynamic.message).toMatch(/^vpcep CreateEndpointService failed: EndPoint.2001: The VPC does not exist\. vpc_id 11111111-1111-4111-8111-000000000999/);
    expect(plugin).toBeInstanceOf(PluginCallError);
    expect({ method: plugin.method, message: normal(plugin.message), id: plugin.id }).toEqual({
        method: "create",
        message: normal(dynamic.message),
        id: undefined,
    });
});

test("a creation whose outcome stays unknown is recorded as created but not initialized, the same through both hosts", async () => {
    // Every create call reset before the cloud performs it: nothing is made, no answer comes.
    await cloudOf().control("PUT", "faults", { rules: [{ operation: "CreateEndpointService", drop: "before" }] });
    const shapes = [];
    for (const [host, create] of hosts) {
        const e = await failure(create, serviceInputs({ timeouts: { create: "2s" } }));
        expect({ host, id: e.id }).toEqual({ host, id: expect.stringMatching(new RegExp(`^${UNKNOWN_ID_PREFIX}[0-9a-f]{32}$`)) });
        expect(e.properties).toMatchObject({ [OUTCOME_UNKNOWN]: expect.stringMatching(/^[0-9a-f]{32}$/), serverType: "VM" });
        expect(e.reasons).toEqual([e.message]);
        // `__provider` is the dynamic host's own (the serialized provider the engine hands back).
        const { __provider: _stub, ...properties } = e.properties!;
        shapes.push({ message: normal(e.message), properties: Object.keys(properties).sort() });
    }
    expect(shapes[0]!.message).toContain("the outcome of creating it is unknown");
    expect(shapes[1]).toEqual(shapes[0]);
    expect(await cloudOf().resources("vpcep:endpoint_service")).toEqual([]);
});
