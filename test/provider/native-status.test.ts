/**
 * The native plugin's status messages: started with an engine's address as its argument (as the
 * Pulumi engine starts it), it tells that engine's `Log` service what a slow create waits for,
 * as ephemeral messages for the resource's URN, and clears the line when the create ends. The
 * engine here is a real gRPC server implementing `Log`; the plugin serves a real gRPC client.
 */
import type * as grpcTypes from "@grpc/grpc-js";
import { emptyproto, engproto, engrpc, grpc, proto, provrpc, structproto } from "../../provider/native/protocol";
import { startProvider } from "../../provider/native/server";
import { engineAddressOf } from "../../provider/native/status";
import { dynamicProviderEngineAddress } from "../../provider/runtime/host";
import { cloudForThisProcess } from "../helpers/process-cloud";

interface Logged {
    at: number;
    severity: number;
    message: string;
    urn: string;
    ephemeral: boolean;
}

/** An engine that serves `Log` only, and keeps what it is sent. */
async function startEngine(): Promise<{ address: string; logged: Logged[]; close(): void }> {
    const logged: Logged[] = [];
    const server = new grpc.Server();
    const unimplemented = (_call: unknown, callback: (e: unknown) => void) => callback({ code: grpc.status.UNIMPLEMENTED });
    const handlers: Record<string, unknown> = {};
    for (const name of Object.keys(engrpc.EngineService)) handlers[name.charAt(0).toLowerCase() + name.slice(1)] = unimplemented;
    handlers.log = (call: { request: any }, callback: (e: unknown, v: unknown) => void) => {
        const r = call.request;
        logged.push({ at: Date.now(), severity: r.getSeverity(), message: r.getMessage(), urn: r.getUrn(), ephemeral: r.getEphemeral() });
        callback(null, new emptyproto.Empty());
    };
    server.addService(engrpc.EngineService, handlers as grpcTypes.UntypedServiceImplementation);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    return { address: `127.0.0.1:${port}`, logged, close: () => server.forceShutdown() };
}

/** One unary call of the provider. */
function call<T>(client: any, method: string, req: unknown): Promise<T> {
    return new Promise((resolve, reject) => client[method](req, (e: unknown, v: T) => (e ? reject(e) : resolve(v))));
}

describe("the engine's address among a plugin's arguments", () => {
    test.each([
        [["127.0.0.1:4567"], "127.0.0.1:4567"],
        [["--logtostderr", "-v=9", "127.0.0.1:4567"], "127.0.0.1:4567"],
        [["--tracing", "127.0.0.1:9411", "127.0.0.1:4567"], "127.0.0.1:4567"],
        [[], undefined],
    ])("%j gives %s", (args, address) => expect(engineAddressOf(args)).toBe(address));

    test("the dynamic host reads it only in Pulumi's dynamic-provider process", () => {
        const script = "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
        expect(dynamicProviderEngineAddress(["node", script, "-v=3", "127.0.0.1:4567"])).toBe("127.0.0.1:4567");
        expect(dynamicProviderEngineAddress(["node", "/p/node_modules/@pulumi/pulumi/cmd/dynamic-provider", "[::1]:4567"])).toBe("[::1]:4567");
        expect(dynamicProviderEngineAddress(["node", "/p/node_modules/.bin/jest", "test/provider/x.test.ts"])).toBeUndefined();
        expect(dynamicProviderEngineAddress(["node", script])).toBeUndefined();
    });
});

describe("the native plugin's status messages", () => {
    const cloudOf = cloudForThisProcess((c) => c.huaweiEnv());

    test("a slow create sends ephemeral messages for its URN to the engine, then clears them; an instant delete sends none", async () => {
        await cloudOf().control("PUT", "timings", { "vpcep:endpoint_service": { create: { afterMs: 4_500 }, delete: "immediate" } });
        const engine = await startEngine();
        const plugin = await startProvider(["--logtostderr", engine.address]);
        const client = new provrpc.ResourceProviderClient(`127.0.0.1:${plugin.port}`, grpc.credentials.createInsecure());
        try {
            const type = "privatelink:huaweicloud/vpcep:EndpointService";
            const urn = `urn:pulumi:dev::status::${type}::svc`;
            const net = cloudOf().account().network;
            const news = {
                vpcId: net.backendVpcId,
                portId: net.backendPortId,
                serverType: "VM",
                ports: [{ clientPort: 8080, serverPort: 80 }],
                approvalEnabled: false,
            };
            const checked: any = await call(
                client,
                "check",
                new proto.CheckRequest()
                    .setUrn(urn)
                    .setType(type)
                    .setOlds(structproto.Struct.fromJavaScript({}))
                    .setNews(structproto.Struct.fromJavaScript(news)),
            );
            expect(checked.getFailuresList()).toEqual([]);
            const started = Date.now();
            const made: any = await call(
                client,
                "create",
                new proto.CreateRequest().setUrn(urn).setType(type).setProperties(checked.getInputs()).setTimeout(60),
            );
            const id = made.getId();
            // The clearing message is sent as the create answers: give it a moment to arrive.
            await new Promise((r) => setTimeout(r, 200));

            const lines = engine.logged;
            expect(lines.length).toBeGreaterThanOrEqual(2);
            for (const l of lines) expect(l).toMatchObject({ urn, ephemeral: true, severity: engproto.LogSeverity.INFO });
            const waiting = lines.slice(0, -1);
            for (const l of waiting)
                expect(l.message).toMatch(new RegExp(`^waiting for VPC endpoint service ${id} to become available \\(creating, [2-5] s\\)$`));
            expect(waiting[0]!.at - started).toBeGreaterThanOrEqual(2_000);
            expect(lines.at(-1)!.message).toBe("");

            const before = lines.length;
            await call(client, "delete", new proto.DeleteRequest().setUrn(urn).setType(type).setId(id).setProperties(made.getProperties()));
            await new Promise((r) => setTimeout(r, 100));
            expect(engine.logged.length).toBe(before);
        } finally {
            client.close();
            plugin.close();
            engine.close();
        }
    });
});
