/**
 * The plugin exits when the engine that started it is gone (a CLI killed outright), instead of
 * running on: started by its shim with the address of a real listening socket that then closes.
 */
import { spawn } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";

const SHIM = path.join(__dirname, "..", "..", "bin", "pulumi-resource-privatelink");

describe("the plugin without its engine", () => {
    test("exits within seconds once the engine stops listening, and not before", async () => {
        const engine = net.createServer((socket) => socket.destroy());
        await new Promise<void>((resolve) => engine.listen(0, "127.0.0.1", resolve));
        const { port } = engine.address() as net.AddressInfo;
        const plugin = spawn(SHIM, [`127.0.0.1:${port}`], { stdio: ["ignore", "pipe", "pipe"] });
        let stderr = "";
        plugin.stderr.on("data", (d) => {
            stderr += d;
        });
        const exited = new Promise<number | null>((resolve) => plugin.once("exit", (code) => resolve(code)));
        try {
            await new Promise<void>((resolve) => plugin.stdout.once("data", () => resolve()));
            // Alive while the engine listens (three looks, 2 s apart).
            const early = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve("running"), 6500))]);
            expect(early).toBe("running");
            const closedAt = Date.now();
            await new Promise<void>((resolve) => engine.close(() => resolve()));
            expect(await exited).toBe(1);
            expect(Date.now() - closedAt).toBeLessThan(15_000);
            expect(stderr).toMatch(/the Pulumi engine is gone; stopping/);
        } finally {
            plugin.kill();
            engine.close();
        }
    }, 30_000);
});
