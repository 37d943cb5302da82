import { spawn } from "node:child_process";
import { join } from "node:path";

const root = join(__dirname, "..", "..");

test("the CLI prints `emulator listening on http://127.0.0.1:PORT` first, then the demo credentials", async () => {
    // Runs the TypeScript entry through ts-node (transpile only), so no build is needed.
    const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", join(root, "emulator", "cli.ts"), "--port", "0", "--timings", "fast"], {
        cwd: root,
        env: { ...process.env, TS_NODE_PROJECT: join(root, "tsconfig.json") },
    });
    let out = "";
    const done = new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
            out += d.toString();
            if (out.includes("secret key emulator-consumer-secret-key-0002")) resolve();
        });
        child.on("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    try {
        await done;
        const lines = out.split("\n");
        const m = /^emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0]!);
        expect(m).not.toBeNull();
        expect(Number(m![2])).toBeGreaterThan(0);
        expect(out).toContain("EMUDEMOACCESSKEY0001");
        const info = await fetch(`${m![1]}/_emulator/info`);
        expect(info.status).toBe(200);
    } finally {
        child.kill("SIGTERM");
    }
}, 60000);
